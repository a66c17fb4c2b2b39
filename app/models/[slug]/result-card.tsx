// One board's results of a model: the latest in full (figures, windows, environmental conversions, raw JSON)
// and the earlier ones as a short history.
import Link from "next/link";
import { EnergyClassChip, MeterLabel } from "@/app/_components/grades";
import { PrecisionLabel } from "@/app/_components/model-format";
import { SciPanel } from "@/app/_components/sci-panel";
import { TrainingPanel } from "@/app/_components/training-panel";
import { formatBytes, formatCount, formatDateTime, formatMicrojoules, formatMs, formatPercent, formatPerJoule } from "@/common/format";
import type { ModelBoardResults } from "@/lib/models/get-model";
import { WithdrawButton } from "./_owner/withdraw-button";
import { EnvironmentPanel } from "./environment-panel";
import { WindowPlot } from "./window-plot";

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="num font-medium">{children}</dd>
    </div>
  );
}

/** Half the interval's width as a fraction of the figure (the within-run interval need not be symmetric). */
const relativeHalfWidth = ([low, high]: [number, number], energyJ: number) => (high - low) / 2 / energyJ;

export function ResultCard({ board, grid }: { board: ModelBoardResults; grid: { gridGPerKwh: number; wueLPerKwh: number } }) {
  const [latest, ...earlier] = board.results;
  const raw = latest.raw;
  const est = latest.estimated ? " (estimated)" : "";
  const ci = latest.energyCi95J;
  const published = latest.publishedCi95J;
  return (
    <article className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="model-result" data-task={latest.taskId}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          {board.cpuModel} · <MeterLabel meter={board.meter} estimated={latest.estimated} long />
        </h3>
        <p className="text-xs text-slate-500">
          {latest.status === "withdrawn" ? <strong className="text-red-700 dark:text-red-400">withdrawn · </strong> : null}
          {formatDateTime(latest.createdAt)} · harness {latest.harnessVersion} · profile <code>{board.hardwareProfileId}</code> ·{" "}
          <Link href={`/submissions/${latest.submissionId}`}>submission</Link> · <Link href={`/results/${latest.resultId}`}>permanent result page</Link>
        </p>
        {latest.status === "succeeded" ? <WithdrawButton submissionId={latest.submissionId} /> : null}
      </header>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4">
        <Figure label="Accuracy">{formatPercent(latest.accuracy)}</Figure>
        <Figure label="Macro-F1">{formatPercent(latest.macroF1)}</Figure>
        <Figure label={`Energy / inference${est}`}>
          {formatMicrojoules(latest.energyPerInferenceJ)}
          {published ? (
            <span className="text-xs text-slate-500" data-testid="published-interval">
              {" "}
              (95% CI {formatMicrojoules(published[0])}–{formatMicrojoules(published[1])}
              {ci ? `; within-run ±${formatPercent(relativeHalfWidth(ci, latest.energyPerInferenceJ), 1)}` : ""}
              {latest.betweenRunHalfWidth95 === null ? ", between-run spread not measured yet" : `, between runs ±${formatPercent(latest.betweenRunHalfWidth95, 1)}`})
            </span>
          ) : null}
          {latest.unstable ? <span title="Coefficient of variation above 5 % after all windows"> ⚠ unstable</span> : null}
        </Figure>
        <Figure label="Accuracy per joule">{formatPerJoule(latest.accuracyPerJoule)}</Figure>
        <Figure label="Energy class">{latest.energyClass ? <EnergyClassChip value={latest.energyClass} /> : "–"}</Figure>
        <Figure label="Model memory">{formatBytes(latest.modelMemoryBytes)}</Figure>
        <Figure label="File size">{formatBytes(latest.fileBytes)}</Figure>
        <Figure label="Parameters">
          {formatCount(latest.paramCount)}
          {latest.nonZeroParamCount !== null ? <span className="text-xs text-slate-500"> ({formatCount(latest.nonZeroParamCount)} non-zero)</span> : null}
        </Figure>
        <Figure label="Precision">
          <PrecisionLabel precision={latest.precision} onnxruntimeOnly={latest.onnxruntimeOnly} />
        </Figure>
        <Figure label="Latency p50 / p90 (batch 1)">
          {formatMs(raw.latencyP50Ms ?? latest.latencyP50Ms)}
          {typeof raw.latencyP90Ms === "number" ? ` / ${formatMs(raw.latencyP90Ms)}` : ""}
        </Figure>
        {typeof raw.throughputPerS === "number" ? <Figure label="Throughput (offline)">{formatCount(raw.throughputPerS)}/s</Figure> : null}
        {typeof raw.energyCv === "number" ? <Figure label="CV of windows">{formatPercent(raw.energyCv, 1)}</Figure> : null}
        {raw.singleStream?.energy ? (
          <Figure label={`Energy / query, batch 1${est}`}>{formatMicrojoules(raw.singleStream.energy.energyPerInferenceJ)}</Figure>
        ) : null}
        {raw.harnessFloor ? (
          <Figure label={`Harness floor (null model, batch 1)${est}`}>
            {formatMicrojoules(raw.harnessFloor.energyPerQueryJ)} · {formatMs(raw.harnessFloor.latencyP50Ms)}
          </Figure>
        ) : null}
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <WindowPlot windows={latest.windows} scenario="offline" ci95J={ci} />
        <WindowPlot windows={latest.windows} scenario="single-stream" ci95J={raw.singleStream?.energy?.ci95J} />
      </div>
      <EnvironmentPanel
        energyPerInferenceJ={latest.energyPerInferenceJ}
        estimated={latest.estimated}
        defaultGridGPerKwh={grid.gridGPerKwh}
        defaultWueLPerKwh={grid.wueLPerKwh}
      />
      <SciPanel sci={latest.sci} />
      <TrainingPanel training={latest.trainingEmissions} energyPerInferenceJ={latest.energyPerInferenceJ} sciPerInferenceG={latest.sci?.perInferenceG ?? null} />
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-300">Raw result (JSON)</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs dark:bg-slate-900" data-testid="raw-result">
          {JSON.stringify(raw, null, 2)}
        </pre>
      </details>
      {earlier.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600 dark:text-slate-300">Earlier results on this board ({earlier.length})</summary>
          <table className="mt-2 text-xs">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="pr-4 font-medium">Date</th>
                <th className="pr-4 font-medium">Accuracy</th>
                <th className="pr-4 font-medium">µJ / inference</th>
                <th className="pr-4 font-medium">Harness</th>
                <th className="pr-4 font-medium">Artifact</th>
              </tr>
            </thead>
            <tbody>
              {earlier.map((r) => (
                <tr key={r.submissionId} className="num">
                  <td className="pr-4">
                    <Link href={`/results/${r.resultId}`}>{formatDateTime(r.createdAt)}</Link>
                    {r.status === "withdrawn" ? " (withdrawn)" : <WithdrawButton submissionId={r.submissionId} />}
                  </td>
                  <td className="pr-4">{formatPercent(r.accuracy)}</td>
                  <td className="pr-4">
                    {formatMicrojoules(r.energyPerInferenceJ)}
                    {r.estimated ? " (est.)" : ""}
                  </td>
                  <td className="pr-4">{r.harnessVersion}</td>
                  <td className="pr-4">
                    <code>{r.artifactSha256.slice(0, 12)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </article>
  );
}
