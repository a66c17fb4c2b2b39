// What the CLI prints: a one-line progress bar on stderr and a readable summary on stdout.
import { DEFAULTS } from "../benchmarks/harness/defaults";
import { PRECISION_LABELS } from "../benchmarks/onnx/precision";
import type { BenchmarkProgress, BenchmarkResult } from "../benchmarks/types";
import { bar } from "./progress-bar";
import { formatBytes, formatCount, formatMicrojoules, formatMs, formatPercent, formatPerJoule } from "../common/format";

export function renderProgress({ phase, percent }: BenchmarkProgress): string {
  return `\r${bar(percent)} ${phase.padEnd(14)}`;
}

/** The meter row: its kind, how it was chosen when that was a fallback, and what it counted. */
function meterLine(r: BenchmarkResult, estimated: string): string {
  const parts = [`${r.meter}${estimated}`, `idle ${r.idlePowerW.toFixed(3)} W`];
  if (r.meter === "rapl" && typeof r.meterDetails.domains === "string") parts.push(r.meterDetails.domains);
  if (r.meterDetails.meterSelection === "auto" && r.meter === "estimate") parts.push(String(r.meterDetails.meterSelectionReason));
  return parts.join(" · ");
}

/** Why a result is flagged unstable, and what to do about it. */
function unstableHint(r: BenchmarkResult): string {
  return (
    `the energy windows still varied by ${formatPercent(r.energyCv, 1)} (above ${formatPercent(DEFAULTS.cvLimit, 0)}) after ${r.offline.energy.windows} of them, so the machine's ` +
    "speed changed while it measured (other work, a shared virtual machine). The median and its interval stand; for a steadier " +
    "figure run again on an idle machine, or with longer windows (--window-s)."
  );
}

/** The offline batch: the probe's choice, or why there was none to make. */
function batchLine(r: BenchmarkResult): string {
  const batch = r.offlineBatch ?? { batchSize: r.offline.batchSize, rule: "fixed", probes: [] };
  if (batch.rule === "given") return `${batch.batchSize} (given with --batch; not probed)`;
  if (batch.rule === "probed") return `${batch.batchSize} (the cheapest per sample of ${batch.probes.map((p) => p.batchSize).join(", ")}, probed)`;
  if (batch.batchSize === 1) {
    return (
      "1 — the model's batch dimension is fixed at 1, so every inference is one call; export it with a dynamic batch axis " +
      '(torch.onnx.export(…, dynamic_axes={"input": {0: "N"}})) to be measured at its cheapest batch'
    );
  }
  return `${batch.batchSize} (the whole test set in one batch)`;
}

/** What the harness changed in the file, and what onnxruntime said about it. */
function preparationRows(r: BenchmarkResult): [string, string][] {
  const rows: [string, string][] = [];
  if (r.initializerInputsRemoved) {
    rows.push([
      "weights as inputs",
      `${r.initializerInputsRemoved} graph inputs were initializers (weights); they were removed from the inputs before measuring, as onnxruntime ` +
        "would otherwise treat the weights as inputs (no constant folding). Export with keep_initializers_as_inputs=False.",
    ]);
  }
  if (r.runtimeLog?.length) rows.push(["onnxruntime said", `${r.runtimeLog.length} warning(s), e.g. ${r.runtimeLog[0]}`]);
  return rows;
}

/** "int8 (QDQ)", and the onnxruntime-only operators when there are any: such a figure holds on onnxruntime only. */
export function describePrecision(r: Pick<BenchmarkResult, "precision" | "onnxruntimeOperators">): string {
  const ops = r.onnxruntimeOperators.length > 0 ? ` · onnxruntime operators (${r.onnxruntimeOperators.join(", ")}): runs on onnxruntime only` : "";
  return `${PRECISION_LABELS[r.precision]}${ops}`;
}

export function formatSummary(r: BenchmarkResult): string {
  const estimated = r.estimated ? " (estimated)" : "";
  const gross = r.grossEnergyPerInferenceJ === undefined ? "" : ` (gross ${formatMicrojoules(r.grossEnergyPerInferenceJ)} before idle is subtracted)`;
  const floor = r.harnessFloor;
  const rows: [string, string][] = [
    ["task", `${r.task} (${r.samples} test samples)`],
    ["accuracy", `${formatPercent(r.accuracy)} (macro-F1 ${formatPercent(r.macroF1)})`],
    [
      "energy / inference",
      `${formatMicrojoules(r.energyPerInferenceJ)}${estimated}, 95% CI ${formatMicrojoules(r.energyCi95J[0])}–${formatMicrojoules(r.energyCi95J[1])}, CV ${formatPercent(r.energyCv, 1)}${r.unstable ? " — UNSTABLE" : ""}${gross}`,
    ],
    ["accuracy per joule", `${formatPerJoule(r.accuracyPerJoule)} correct predictions per joule${estimated}`],
    ["model memory", `${formatBytes(r.modelMemoryBytes)} (peak ${formatBytes(r.peakRssBytes)} − baseline ${formatBytes(r.baselineRssBytes)})`],
    ["parameters", `${formatCount(r.paramCount)} (${formatCount(r.nonZeroParamCount)} non-zero) · file ${formatBytes(r.fileBytes)}`],
    ["precision", describePrecision(r)],
    ["offline batch", batchLine(r)],
    ...preparationRows(r),
    ["energy / query (batch 1)", `${formatMicrojoules(r.singleStream.energy.energyPerInferenceJ)}${estimated}`],
    ["latency (batch 1)", `p50 ${formatMs(r.latencyP50Ms)} · p90 ${formatMs(r.latencyP90Ms)}`],
    ...(floor
      ? ([["harness floor", `${formatMicrojoules(floor.energyPerQueryJ)}${estimated} per query, p50 ${formatMs(floor.latencyP50Ms)} (a constant-output model at batch 1)`]] as [string, string][])
      : []),
    ["meter", meterLine(r, estimated)],
    ["profile", `${r.hardware.cpuModel} · ${r.hardware.threads} threads · onnxruntime ${r.onnxruntimeVersion} · ${r.intraOpThreads} intra-op thread(s) · id ${r.hardware.id}`],
    ["harness", r.harnessVersion],
    ...(r.unstable ? ([["unstable", unstableHint(r)]] as [string, string][]) : []),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n")}\n`;
}
