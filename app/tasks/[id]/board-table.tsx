"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { EnergyClassChip, MeterLabel, Stars } from "@/app/_components/grades";
import { formatBytes, formatCount, formatDate, formatMicrojoules, formatMs, formatPercent, formatPerJoule } from "@/common/format";
import { PrecisionLabel } from "@/app/_components/model-format";
import type { BoardEntry } from "@/lib/leaderboard/get-board";

type Direction = "asc" | "desc";

interface Column {
  key: string;
  label: string;
  title?: string;
  /** The order a first click gives: best first (accuracy high, energy low). */
  firstDirection: Direction;
  value: (e: BoardEntry) => number | string;
}

const CLASS_ORDER = "ABCDEFG";

const COLUMNS: Column[] = [
  { key: "rank", label: "Rank", title: "=3: tied, the accuracy-per-joule intervals cannot tell these entries apart. ◆ marks the Pareto front: no other entry is both more accurate and cheaper", firstDirection: "asc", value: (e) => e.rank ?? Number.POSITIVE_INFINITY },
  { key: "model", label: "Model", firstDirection: "asc", value: (e) => e.modelName.toLowerCase() },
  { key: "accuracy", label: "Accuracy", firstDirection: "desc", value: (e) => e.accuracy },
  { key: "macroF1", label: "Macro-F1", firstDirection: "desc", value: (e) => e.macroF1 },
  { key: "energy", label: "µJ / inference", title: "Median energy per inference (offline scenario) with its 95 % confidence interval", firstDirection: "asc", value: (e) => e.energyPerInferenceJ },
  { key: "accuracyPerJoule", label: "Accuracy / J", title: "Correct predictions per joule = accuracy ÷ energy per inference", firstDirection: "desc", value: (e) => e.accuracyPerJoule },
  { key: "class", label: "Class", title: "Energy class A–G: absolute and dated bounds of this task", firstDirection: "asc", value: (e) => CLASS_ORDER.indexOf(e.energyClass) },
  { key: "stars", label: "Stars", title: "1–5, relative to this board's energy range", firstDirection: "desc", value: (e) => e.stars ?? 0 },
  { key: "memory", label: "Memory", title: "Model memory: peak resident memory minus the runtime's before the session", firstDirection: "asc", value: (e) => e.modelMemoryBytes },
  { key: "file", label: "File", firstDirection: "asc", value: (e) => e.fileBytes },
  { key: "params", label: "Params", firstDirection: "asc", value: (e) => e.paramCount },
  { key: "precision", label: "Precision", title: "Numeric format of the weights, read from the graph", firstDirection: "asc", value: (e) => e.precision ?? "~" },
  { key: "batch", label: "Batch", title: "The offline batch the energy was measured at: the cheapest per sample of 1, 4, 16, 64, 256. \"1 fixed\": the model's batch dimension is fixed at 1", firstDirection: "asc", value: (e) => e.offlineBatchSize ?? 0 },
  { key: "latency", label: "Latency p50", title: "One query at batch 1 (single-stream)", firstDirection: "asc", value: (e) => e.latencyP50Ms },
  { key: "meter", label: "Meter", title: "estimated: energy modelled from CPU time and memory, not read from a power counter", firstDirection: "asc", value: (e) => e.meter },
  { key: "date", label: "Date", firstDirection: "desc", value: (e) => e.finishedAt },
];

/** What the published interval is made of: this run's windows, and how far runs on this machine repeat. */
function intervalTitle(e: BoardEntry): string {
  const within = e.energyCi95J ? `this run's windows ${(e.energyCi95J[0] * 1e6).toPrecision(3)}–${(e.energyCi95J[1] * 1e6).toPrecision(3)} µJ` : "no within-run interval stored";
  if (e.betweenRunHalfWidth95 === null) return `95 % confidence interval of this run only (${within}); between-run spread not measured yet`;
  return `95 % interval: ${within}, combined with runs on this machine repeating within ±${formatPercent(e.betweenRunHalfWidth95, 1)}`;
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}


export interface BoardTableProps {
  entries: BoardEntry[];
  /** "≤ 1 µJ" … per class, for the chips' titles. */
  classRanges: Record<string, string>;
  /** Table's accessible name. */
  caption: string;
  testId?: string;
  /** Rows shown until "Show all" is pressed (the first ones in the current order). */
  limit?: number;
}

/** The board, sortable by every column (client-side); the default order is accuracy per joule, best first. */
export function BoardTable({ entries, classRanges, caption, testId = "board", limit = 50 }: BoardTableProps) {
  const [showAll, setShowAll] = useState(false);
  const [sort, setSort] = useState<{ key: string; direction: Direction }>({ key: "accuracyPerJoule", direction: "desc" });
  const sorted = useMemo(() => {
    const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0];
    const sign = sort.direction === "asc" ? 1 : -1;
    // Ties keep the board's own order (rank, then accuracy), so a sort never shuffles equal entries at random.
    return entries
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => sign * compare(column.value(a.entry), column.value(b.entry)) || a.index - b.index)
      .map(({ entry }) => entry);
  }, [entries, sort]);
  const shown = showAll ? sorted : sorted.slice(0, limit);

  function toggle(column: Column) {
    setSort((current) =>
      current.key === column.key
        ? { key: column.key, direction: current.direction === "asc" ? "desc" : "asc" }
        : { key: column.key, direction: column.firstDirection },
    );
  }

  return (
    <div className="space-y-2">
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="board-table min-w-full text-sm" data-testid={testId} data-sort-key={sort.key} data-sort-direction={sort.direction}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
          <tr>
            {COLUMNS.map((column) => {
              const active = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
                  title={column.title}
                >
                  <button type="button" onClick={() => toggle(column)} className="inline-flex items-center gap-1 hover:text-emerald-700 dark:hover:text-emerald-400">
                    {column.label}
                    <span aria-hidden className={active ? "" : "opacity-30"}>
                      {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((entry) => (
            <tr key={entry.submissionId} data-model={entry.modelSlug}>
              <td data-testid="rank" title={entry.tied ? "Tied: the figures cannot tell this entry apart from the others of this rank" : undefined}>
                {entry.rankDisplay ?? "–"}
                {entry.pareto ? (
                  <span className="pareto" title="Pareto front">
                    ◆
                  </span>
                ) : null}
              </td>
              <td>
                <Link href={`/models/${entry.modelSlug}`}>{entry.modelName}</Link>
              </td>
              <td>{formatPercent(entry.accuracy)}</td>
              <td>{formatPercent(entry.macroF1)}</td>
              <td>
                {formatMicrojoules(entry.energyPerInferenceJ)}
                {entry.unstable ? <span title="Coefficient of variation above 5 % after all windows: unstable"> ⚠</span> : null}
                {entry.publishedCi95J ? (
                  <span className="ci" title={intervalTitle(entry)}>
                    95% CI {(entry.publishedCi95J[0] * 1e6).toPrecision(3)}–{(entry.publishedCi95J[1] * 1e6).toPrecision(3)}
                  </span>
                ) : null}
              </td>
              <td>{formatPerJoule(entry.accuracyPerJoule)}</td>
              <td>
                <EnergyClassChip value={entry.energyClass} title={classRanges[entry.energyClass]} />
              </td>
              <td>
                <Stars value={entry.stars} />
              </td>
              <td>{formatBytes(entry.modelMemoryBytes)}</td>
              <td>{formatBytes(entry.fileBytes)}</td>
              <td>
                {formatCount(entry.paramCount)}
                {entry.nonZeroParamCount !== null && entry.nonZeroParamCount < entry.paramCount ? (
                  <span className="ci" title="Weights whose stored value is not zero">{formatCount(entry.nonZeroParamCount)} non-zero</span>
                ) : null}
              </td>
              <td>
                <PrecisionLabel precision={entry.precision} onnxruntimeOnly={entry.onnxruntimeOnly} />
              </td>
              <td data-testid="batch">
                {entry.offlineBatchSize ?? "–"}
                {entry.batchFixed ? (
                  <span className="ci" title="The model's batch dimension is fixed at 1: export it with a dynamic batch axis to be measured at its cheapest batch">
                    {" "}fixed
                  </span>
                ) : null}
              </td>
              <td>{formatMs(entry.latencyP50Ms)}</td>
              <td>
                <MeterLabel meter={entry.meter} estimated={entry.estimated} />
              </td>
              <td>
                <time dateTime={entry.finishedAt}>{formatDate(entry.finishedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
      {sorted.length > shown.length ? (
        <button type="button" onClick={() => setShowAll(true)} className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Show all {sorted.length} (showing the first {shown.length} in this order)
        </button>
      ) : null}
    </div>
  );
}
