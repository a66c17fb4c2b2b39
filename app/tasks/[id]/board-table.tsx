import Link from "next/link";
import { formatBytes, formatCount, formatMicrojoules, formatMs, formatPercent, formatPerJoule } from "@/lib/format";
import type { RankedEntry } from "@/lib/leaderboard/rank-board";

const th = "px-3 py-2 text-left font-medium";
const td = "px-3 py-2 num";

export function BoardTable({ entries }: { entries: RankedEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="min-w-full text-sm" data-testid="board">
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th className={th}>Rank</th>
            <th className={th}>Model</th>
            <th className={th}>Accuracy</th>
            <th className={th}>Energy / inference</th>
            <th className={th}>Accuracy / J</th>
            <th className={th}>Memory</th>
            <th className={th}>Params</th>
            <th className={th}>Latency p50</th>
            <th className={th}>Meter</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.submissionId} className="border-t border-slate-100 dark:border-slate-800" data-model={entry.modelSlug}>
              <td className={td}>{entry.rank ?? "–"}{entry.pareto ? <span title="On the Pareto front"> ◆</span> : null}</td>
              <td className="px-3 py-2">
                <Link href={`/submissions/${entry.submissionId}`}>{entry.modelName}</Link>
              </td>
              <td className={td}>{formatPercent(entry.accuracy)}</td>
              <td className={td}>
                {formatMicrojoules(entry.energyPerInferenceJ)}
                {entry.unstable ? <span title="CV above 5 % after all windows"> ⚠</span> : null}
              </td>
              <td className={td}>{formatPerJoule(entry.accuracyPerJoule)}</td>
              <td className={td}>{formatBytes(entry.modelMemoryBytes)}</td>
              <td className={td}>{formatCount(entry.paramCount)}</td>
              <td className={td}>{formatMs(entry.latencyP50Ms)}</td>
              <td className="px-3 py-2">{entry.estimated ? <em>{entry.meter} (estimated)</em> : entry.meter}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
