import Link from "next/link";
import { EnergyClassChip, Stars } from "@/app/_components/grades";
import { listTasks } from "@/lib/engine";
import { getDb } from "@/lib/db/client";
import { formatDateTime, formatMicrojoules, formatPercent, formatPerJoule } from "@/common/format";
import { getBoardCached } from "@/lib/leaderboard/board-cache";
import { listRecentResults } from "@/lib/leaderboard/recent-results";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const db = getDb();
  const [boards, recent] = await Promise.all([Promise.all(listTasks().map((task) => getBoardCached(db, task.id))), listRecentResults(db, 10)]);
  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Accuracy per joule</h1>
        <p className="text-lg text-slate-700 dark:text-slate-200" data-testid="explanation">
          Models are ranked by <strong>correct predictions per joule</strong>: accuracy ÷ energy per inference, among those that reach each
          task&apos;s quality floor.
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Every figure comes from the same harness on a fixed test set, in a child process with one thread. Energy marked <em>estimated</em> is
          modelled from CPU time, not read from a power counter. <Link href="/methodology">How it is measured</Link> ·{" "}
          <Link href="/submit">Submit a model</Link>
        </p>
      </section>

      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Tasks</h2>
        <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {boards.map((board) => {
            const ranked = board.entries.filter((e) => e.rank !== null);
            const champion = ranked[0];
            return (
              <article key={board.task.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-task={board.task.id}>
                <h3 className="text-lg font-semibold">
                  <Link href={`/tasks/${board.task.id}`}>{board.task.title}</Link>
                </h3>
                <p className="text-xs text-slate-500">
                  floor {formatPercent(board.task.qualityFloor, 0)} accuracy · {ranked.length} ranked model{ranked.length === 1 ? "" : "s"}
                  {board.profile?.meter === "estimate" ? " · energy estimated" : board.profile ? ` · ${board.profile.meter}` : ""}
                </p>
                {champion ? (
                  <div className="space-y-1 text-sm">
                    <p>
                      <span className="text-slate-500">Champion </span>
                      <Link href={`/models/${champion.modelSlug}`} className="font-medium">
                        {champion.modelName}
                      </Link>
                    </p>
                    <p className="num flex flex-wrap items-center gap-2 text-slate-700 dark:text-slate-300">
                      {formatPerJoule(champion.accuracyPerJoule)}/J · {formatPercent(champion.accuracy)} ·{" "}
                      {formatMicrojoules(champion.energyPerInferenceJ)}
                      {champion.estimated ? " (est.)" : ""} <EnergyClassChip value={champion.energyClass} /> <Stars value={champion.stars} />
                    </p>
                  </div>
                ) : (
                  <p className="text-sm text-slate-500">No ranked model yet.</p>
                )}
                {ranked.length > 1 ? (
                  <ol className="mt-1 space-y-0.5 text-xs text-slate-600 dark:text-slate-400" start={2}>
                    {ranked.slice(1, 3).map((e) => (
                      <li key={e.submissionId} className="flex justify-between gap-2">
                        <span>
                          {e.rankDisplay}. <Link href={`/models/${e.modelSlug}`}>{e.modelName}</Link>
                        </span>
                        <span className="num">{formatPerJoule(e.accuracyPerJoule)}/J</span>
                      </li>
                    ))}
                  </ol>
                ) : null}
              </article>
            );
          })}
        </div>
      </section>

      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Recent results</h2>
        {recent.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing measured yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="recent-results">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="py-1 pr-4 font-medium">When</th>
                  <th className="py-1 pr-4 font-medium">Model</th>
                  <th className="py-1 pr-4 font-medium">Task</th>
                  <th className="py-1 pr-4 font-medium">Accuracy</th>
                  <th className="py-1 pr-4 font-medium">µJ / inference</th>
                  <th className="py-1 pr-4 font-medium">Class</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((r) => (
                  <tr key={r.submissionId} className="num border-t border-slate-100 dark:border-slate-800">
                    <td className="py-1 pr-4 whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
                    <td className="py-1 pr-4">
                      <Link href={`/models/${r.modelSlug}`}>{r.modelName}</Link>
                    </td>
                    <td className="py-1 pr-4">
                      <Link href={`/tasks/${r.taskId}`}>{r.taskId}</Link>
                    </td>
                    <td className="py-1 pr-4">{formatPercent(r.accuracy)}</td>
                    <td className="py-1 pr-4 whitespace-nowrap">
                      {formatMicrojoules(r.energyPerInferenceJ)}
                      {r.estimated ? " (est.)" : ""}
                    </td>
                    <td className="py-1 pr-4">{r.energyClass ? <EnergyClassChip value={r.energyClass} /> : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
