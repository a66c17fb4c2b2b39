// One board, as both board routes show it: /tasks/<id> (the default board) and /tasks/<id>/<hardware>/<meter>.
import Link from "next/link";
import { EnergyClassChip } from "@/app/_components/grades";
import { formatPercent } from "@/common/format";
import type { Repeatability } from "@/lib/calibration/spread";
import { boardApiPath } from "@/lib/leaderboard/board-url";
import type { Board } from "@/lib/leaderboard/get-board";
import { ENERGY_CLASSES, energyClassRange } from "@/lib/leaderboard/grades";
import { BoardFilters } from "./board-filters";
import { BoardLive } from "./board-live";

/** Rows sent with the page; the browser asks the API for the whole board as soon as it loads (board-live.tsx). */
const FIRST_RANKED = 25;
const FIRST_BELOW = 10;

/** The board as sent with the page: its best ranked entries and first unranked ones, so a big board stays light. */
function firstRows(board: Board): Board {
  const ranked = board.entries.filter((e) => e.rank !== null);
  const below = board.entries.filter((e) => e.rank === null);
  if (ranked.length <= FIRST_RANKED && below.length <= FIRST_BELOW) return board;
  return { ...board, entries: [...ranked.slice(0, FIRST_RANKED), ...below.slice(0, FIRST_BELOW)] };
}

function repeatabilityTitle(repeatability: Repeatability | null): string {
  if (!repeatability) return "Idle workers re-benchmark one reference baseline per task; the spread is shown once one has 3 runs here.";
  const { runs, references, lastRunAt } = repeatability;
  return `95 % between-run half-width of the reference baselines' energy (the widest of ${references} reference${references === 1 ? "" : "s"}, ${runs} runs; last run ${lastRunAt.slice(0, 16).replace("T", " ")} UTC). Result intervals include it.`;
}

export function BoardView({ board }: { board: Board }) {
  const { task, profile } = board;
  const classRanges = Object.fromEntries(ENERGY_CLASSES.map((c) => [c, energyClassRange(c, task.energyClasses)]));
  const floor = formatPercent(task.qualityFloor, 0);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href="/">Tasks</Link> / {task.id}
        </p>
        <h1 className="text-2xl font-bold">{task.title}</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">{task.description}</p>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">
          Ranked by <strong>accuracy per joule</strong> (correct predictions per joule, offline scenario), ties by accuracy. Quality floor:{" "}
          <strong data-testid="quality-floor">{floor} accuracy</strong>. <span className="text-slate-500">{task.qualityFloorReason}</span>
        </p>
      </header>

      {profile ? (
        <section className="flex flex-wrap items-end justify-between gap-4">
          <BoardFilters taskId={task.id} profiles={board.profiles} hardwareProfileId={profile.hardwareProfileId} meter={profile.meter} />
          <p className="text-sm">
            Export this board:{" "}
            <a href={boardApiPath(task.id, profile, "csv")} download>
              CSV
            </a>{" "}
            · <a href={boardApiPath(task.id, profile, "json")}>JSON</a>
          </p>
        </section>
      ) : null}

      {profile ? (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="board-profile">
          {profile.cpuModel} ({profile.cores} cores, {profile.threads} threads, {profile.os} {profile.arch}), onnxruntime {profile.onnxruntimeVersion},{" "}
          {profile.intraOpThreads} intra-op thread{profile.intraOpThreads === 1 ? "" : "s"} · meter{" "}
          {profile.meter === "estimate" ? (
            <em className="text-amber-800 dark:text-amber-300">estimate: energy is estimated from CPU time, not read from a counter</em>
          ) : (
            <strong>{profile.meter}</strong>
          )}{" "}
          · profile <code className="text-xs">{profile.hardwareProfileId}</code> ·{" "}
          <span data-testid="repeatability" title={repeatabilityTitle(profile.repeatability)}>
            {profile.repeatability ? `figures on this machine repeat within ±${formatPercent(profile.repeatability.halfWidth95, 1)}` : "between-run spread not measured yet"}
          </span>
        </p>
      ) : null}

      <BoardLive initial={firstRows(board)} classRanges={classRanges} />

      <section className="grid gap-6 text-sm md:grid-cols-2">
        <div className="space-y-2">
          <h2 className="text-base font-semibold">Energy classes (absolute, dated {task.energyClasses.dated})</h2>
          <ul className="flex flex-wrap gap-3">
            {ENERGY_CLASSES.map((c) => (
              <li key={c} className="flex items-center gap-1">
                <EnergyClassChip value={c} /> <span className="num">{classRanges[c]}</span>
              </li>
            ))}
          </ul>
          <p className="text-slate-500">
            µJ per inference, offline scenario. {task.energyClasses.reason} The bounds do not move when others submit; a revision gets a new date.
          </p>
        </div>
        <div className="space-y-2">
          <h2 className="text-base font-semibold">Stars, front and marks</h2>
          <p className="text-slate-600 dark:text-slate-300">
            <strong>Stars 1–5</strong> are relative to this board, as in the AI Energy Score: the range between the cheapest and the costliest
            ranked model is cut into five equal slices — on a <strong>log scale</strong> of energy, since energies here span orders of magnitude —
            and the cheapest slice gets five stars. <span className="text-emerald-600 dark:text-emerald-400">◆</span> marks the Pareto front: no
            other ranked model is both more accurate and cheaper. ⚠ marks an unstable figure (windows varied by more than 5 %).{" "}
            <Link href="/methodology">How it is measured</Link>.
          </p>
        </div>
      </section>
    </div>
  );
}
