// Section 6 of the methodology: what a board is, how it ranks (ties included), the Pareto front and the grades.
import Link from "next/link";
import { listTasks } from "@/lib/engine";
import { formatPercent } from "@/common/format";
import { ENERGY_CLASSES, energyClassRange } from "@/lib/leaderboard/grades";
import { Section } from "./section";

export function BoardsSection() {
  const tasks = listTasks();
  return (
    <Section id="boards" title="6. Boards, ranking and grades">
      <p>
        A board is one task, one scenario (offline), one hardware profile (CPU model, core and thread counts, OS, architecture, Node.js and
        onnxruntime versions, intra-op threads) and one meter. Each model appears once, with its latest finished result on that board. The
        default board of a task is the profile with the most results, then the best meter (rapl before estimate).
      </p>
      <ul className="list-disc space-y-2 pl-5">
        <li>
          <strong>Ranking</strong>: among results at or above the task&apos;s quality floor, not withdrawn, listed by accuracy per joule,
          ties by accuracy.
        </li>
        <li id="ties">
          <strong>Ties</strong>: a rank claims only what the figures can tell apart. Accuracy on the fixed test set is exact; the
          uncertainty is the published 95 % interval of the energy per inference, so a result&apos;s accuracy per joule lies in
          [accuracy ÷ upper energy, accuracy ÷ lower energy] (the point value when a result has no interval). Another result is{" "}
          <em>better beyond the uncertainty</em> when its whole interval lies above this one&apos;s: its lower end is above this
          one&apos;s upper end. A result&apos;s rank is 1 + the number of ranked results better beyond the uncertainty, the rule
          Chatbot Arena uses for its leaderboard. Results that share a rank show it as <strong>=3</strong> on the board, in the API,
          the CSV, the CLI and the badge (which shows the default board&apos;s rank; a badge pinned to one result shows none, since
          ranks move as others submit). Ranks can therefore skip (=1, =1, 3) and, because intervals differ in width, a result listed lower can
          hold a better rank than one above it; the list itself stays in order of the figures, and the Pareto front uses the
          figures too. Results below the floor are not ranked and do not count.
        </li>
        <li>
          <strong>Pareto front</strong>: a ranked result that no other ranked result beats on both accuracy and energy (at least as good on
          both and strictly better on one).
        </li>
        <li>
          <strong>Energy class A–G</strong>: absolute and dated per task, from µJ per inference, so a class does not move when others
          submit. A revision of the bounds gets a new date.
        </li>
        <li>
          <strong>Stars 1–5</strong>: relative to the board, after the AI Energy Score: the range between the board&apos;s cheapest and
          costliest ranked result is cut into five equal slices, the cheapest slice getting five stars. Unlike the AI Energy Score the
          slices are equal in <strong>log</strong> energy: boards here span orders of magnitude, and linear slices would put every model but
          the costliest in the top slice. A board with one energy figure gives five stars.
        </li>
      </ul>
      <div className="overflow-x-auto">
        <table className="text-sm">
          <thead>
            <tr className="text-left text-slate-500">
              <th className="pr-4 font-medium">Task</th>
              <th className="pr-4 font-medium">Floor</th>
              {ENERGY_CLASSES.map((c) => (
                <th key={c} className="pr-4 font-medium">
                  {c}
                </th>
              ))}
              <th className="pr-4 font-medium">Dated</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} className="num">
                <td className="pr-4">
                  <Link href={`/tasks/${task.id}`}>{task.id}</Link>
                </td>
                <td className="pr-4">{formatPercent(task.qualityFloor, 0)}</td>
                {ENERGY_CLASSES.map((c) => (
                  <td key={c} className="pr-4 whitespace-nowrap">
                    {energyClassRange(c, task.energyClasses)}
                  </td>
                ))}
                <td className="pr-4 whitespace-nowrap">{task.energyClasses.dated}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600 dark:text-slate-300">
        {tasks.map((task) => (
          <li key={task.id}>
            <strong>{task.id}</strong>: floor — {task.qualityFloorReason} Classes — {task.energyClasses.reason}
          </li>
        ))}
      </ul>
    </Section>
  );
}
