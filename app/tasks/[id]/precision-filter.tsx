"use client";

// One click to a board's int8 (or float16, or tree) models: a filter over the entries the page already holds.
// Ranks stay the whole board's, so "the cheapest int8 model" reads as, say, rank 4 of the board.
import { PRECISION_LABELS, type Precision } from "@/lib/leaderboard/model-format";

export function PrecisionFilter({ precisions, value, onChange }: { precisions: Precision[]; value: Precision | null; onChange: (next: Precision | null) => void }) {
  if (precisions.length < 2 && value === null) return null;
  const select = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">Precision</span>
      <select className={select} data-testid="precision-filter" value={value ?? ""} onChange={(e) => onChange((e.target.value || null) as Precision | null)}>
        <option value="">all</option>
        {precisions.map((p) => (
          <option key={p} value={p}>
            {PRECISION_LABELS[p]}
          </option>
        ))}
      </select>
    </label>
  );
}
