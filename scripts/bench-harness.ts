// npm run bench:harness [-- TASK… --window-s S --windows K --block-ms B] — what the harness costs, and how repeatable
// it is. For every baseline of every task (or of the tasks named), the harness's own model code (ChildBench, in the
// bench's own child entry bench-child.ts), driven through the same protocol as runBenchmark (load, warm-up, accuracy
// pass, idle baseline, then offline windows):
//   cv     = coefficient of variation of the offline net energy per inference across K windows of the protocol's
//            length (2 s with estimate, 10 s with rapl; --window-s to change), idle power subtracted as runBenchmark
//            does, none added for a high CV (goal ≤ 2 % with the estimate meter on an idle machine). Each window is
//            followed by a bare loop as long ("bare-window"), and the CV of its CPU time per inference is printed
//            beside: what the machine and the runtime vary without the harness. A harness cv near it is the
//            machine's, not the harness's.
//   ratio  = harness throughput ÷ a raw onnxruntime-node loop (`session.run(feeds)` and nothing else) over the same
//            session, input tensors, threads and batch size, in that same process (goal ≥ 0.97). The two loops
//            alternate in short blocks (harness-raw-raw-harness rounds, ChildBench.paired), each for as long as the
//            windows took, so a machine whose speed drifts over seconds tilts neither; printed with a 95 %
//            bootstrap interval over rounds, and the same per CPU second of the process.
// Figures from a machine shared with other work say more about that work than about the harness: run it on an
// idle one.
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { resolveDataset } from "../benchmarks/datasets/resolve";
import { resolveSettings } from "../benchmarks/harness/defaults";
import { toEnergyWindow } from "../benchmarks/harness/measure-scenario";
import { superviseBenchChild } from "../benchmarks/harness/bench-protocol";
import { validateModel } from "../benchmarks/onnx/validate";
import { quantileSorted } from "simple-statistics";
import { coefficientOfVariation, median } from "../benchmarks/stats/summary";
import { listTasks } from "../benchmarks/tasks/catalog";
import { listBaselines, type Baseline } from "../benchmarks/tasks/list-baselines";
import { BenchmarkError, type TaskDefinition } from "../benchmarks/types";
import { addSpans, type PairedRound, type Span } from "../benchmarks/harness/protocol";

const RATIO_GOAL = 0.97;
const CV_GOAL = 0.02;
const THREADS = 1;
const IDLE_S = 1;
/** Length of each block of the ratio's alternating loops: short against the seconds over which a VM's speed drifts. */
const BLOCK_MS = 25;
/** The mirror CI uses (docs/architecture.md, "Tasks"), tried when FRUGAL_DATASET_MIRROR is not set. */
const SHARED_MIRROR = fileURLToPath(new URL("../../shared/datasets", import.meta.url));

interface Row {
  slug: string;
  ratio: number;
  cpuRatio: number;
  cv: number;
  rawCv: number;
  meter: string;
}

interface Options {
  windows: number;
  windowS: number | undefined;
  blockS: number;
}

const perS = (span: Span) => span.inferences / span.wallS;
const perCpuS = (span: Span) => span.inferences / span.cpuS;
const total = (spans: Span[]): Span => spans.reduce(addSpans);

const BOOTSTRAP_RESAMPLES = 2000;

/**
 * Harness ÷ raw throughput over all the rounds (a ratio of totals: the mean of per-round ratios would lean high,
 * as the mean of a ratio of noisy figures does), with a 95 % percentile-bootstrap interval over rounds.
 */
function pairedRatio(rounds: PairedRound[], rate: (span: Span) => number): { ratio: number; ci: [number, number] } {
  const ratioOf = (picked: PairedRound[]) => rate(total(picked.map((r) => r.harness))) / rate(total(picked.map((r) => r.raw)));
  const resampled = Array.from({ length: BOOTSTRAP_RESAMPLES }, () => ratioOf(rounds.map(() => rounds[Math.floor(Math.random() * rounds.length)])));
  const sorted = resampled.sort((a, b) => a - b);
  return { ratio: ratioOf(rounds), ci: [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)] };
}

async function benchBaseline(task: TaskDefinition, baseline: Baseline, options: Options): Promise<Row> {
  const { windows } = options;
  const model = validateModel(new Uint8Array(readFileSync(baseline.path)), task);
  const settings = resolveSettings({ task: task.id, modelPath: baseline.path, windows, windowS: options.windowS, intraOpThreads: THREADS, idleS: IDLE_S });
  const { windowS } = settings;
  const batchSize = model.batchFixedAtOne ? 1 : task.batchSize;

  const child = superviseBenchChild({ timeLimitS: settings.timeLimitS, memoryLimitMb: settings.memoryLimitMb });
  const netPerInference: number[] = [];
  const bareCpuPerInference: number[] = [];
  let rounds: PairedRound[];
  try {
    const init = {
      taskId: task.id,
      modelPath: baseline.path,
      inputName: model.inputName,
      outputName: model.outputName,
      intraOpThreads: THREADS,
      offlineBatchSize: batchSize,
      meter: settings.meter,
      cpuTdpW: settings.cpuTdpW,
      powercapRoot: settings.meterSelection.powercapRoot,
    };
    await child.request({ type: "load", init }, "loaded");
    await child.request({ type: "warmup" }, "warm");
    await child.request({ type: "accuracy" }, "accuracy");
    const idle = await child.request({ type: "idle", idleS: IDLE_S }, "idle");
    const idlePowerW = idle.grossEnergyJ / idle.wallS;
    await child.request({ type: "bare-window", scenario: "offline", windowS: Math.min(windowS, 0.5) }, "bare-window"); // its JIT warm-up
    let windowsS = 0;
    for (let i = 0; i < windows; i++) {
      const { window } = await child.request({ type: "window", scenario: "offline", windowS }, "window");
      netPerInference.push(toEnergyWindow(window, i, idlePowerW).energyPerInferenceJ);
      windowsS += window.wallS;
      const { span } = await child.request({ type: "bare-window", scenario: "offline", windowS }, "bare-window");
      bareCpuPerInference.push(span.cpuS / span.inferences);
    }
    // Each loop of the ratio runs for as long as the windows took (halving it widened the intervals by about √2).
    const totalS = 2 * windowsS;
    ({ rounds } = await child.request({ type: "paired", scenario: "offline", blockS: options.blockS, totalS }, "paired"));
  } finally {
    await child.close();
  }

  const wall = pairedRatio(rounds, perS);
  const cpu = pairedRatio(rounds, perCpuS);
  const cv = coefficientOfVariation(netPerInference);
  const bareCv = coefficientOfVariation(bareCpuPerInference);
  const fmt = (rate: number) => Math.round(rate).toLocaleString("en");
  const pct = (fraction: number) => `${(fraction * 100).toFixed(2)} %`;
  console.log(
    `${baseline.slug} ratio ${wall.ratio.toFixed(3)} (95 % CI ${wall.ci.map((v) => v.toFixed(3)).join("–")}; ` +
      `harness ${fmt(perS(total(rounds.map((r) => r.harness))))}/s, raw onnxruntime-node ${fmt(perS(total(rounds.map((r) => r.raw))))}/s; ` +
      `per CPU second ${cpu.ratio.toFixed(3)}; ${rounds.length} rounds of ${options.blockS * 1000} ms blocks; batch ${batchSize}, ${THREADS} thread)`,
  );
  console.log(
    `${baseline.slug} repeatability cv ${pct(cv)} (offline energy per inference over ${windows} windows of ${windowS} s, meter ${settings.meter}; ` +
      `a bare loop's CPU time per inference in windows as long, alternating with these: cv ${pct(bareCv)})`,
  );
  return { slug: baseline.slug, ratio: wall.ratio, cpuRatio: cpu.ratio, cv, rawCv: bareCv, meter: settings.meter };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { windows: { type: "string", default: "5" }, "window-s": { type: "string" }, "block-ms": { type: "string", default: String(BLOCK_MS) } },
  });
  const windows = Number(values.windows);
  const windowS = values["window-s"] === undefined ? undefined : Number(values["window-s"]);
  const blockS = Number(values["block-ms"]) / 1000;
  if (!Number.isInteger(windows) || windows < 2 || (windowS !== undefined && !(windowS > 0)) || !(blockS > 0)) {
    throw new Error("--windows must be a whole number ≥ 2, and --window-s and --block-ms above 0.");
  }
  if (!process.env.FRUGAL_DATASET_MIRROR && existsSync(SHARED_MIRROR)) {
    process.env.FRUGAL_DATASET_MIRROR = SHARED_MIRROR;
    console.log(`datasets: FRUGAL_DATASET_MIRROR=${SHARED_MIRROR}`);
  }
  const tasks = listTasks().filter((task) => positionals.length === 0 || positionals.includes(task.id));
  const started = performance.now();
  console.log(`bench:harness — ${tasks.map((t) => t.id).join(", ")}; ${windows} windows of ${windowS ?? "the protocol's"} s per scenario, ${THREADS} thread`);

  const options: Options = { windows, windowS, blockS };
  const rows: Row[] = [];
  for (const task of tasks) {
    const baselines = listBaselines(task.id);
    if (baselines.length === 0) {
      console.log(`${task.id}: no baselines`);
      continue;
    }
    try {
      await resolveDataset(task.dataset); // the child loads it; here only whether it is there
    } catch (error) {
      if (!(error instanceof BenchmarkError)) throw error;
      // The resolver names every missing file (hundreds for a folder of recordings); its start says enough here.
      console.log(`${task.id}: skipped, ${error.message.length > 240 ? `${error.message.slice(0, 240)}…` : error.message}`);
      continue;
    }
    for (const baseline of baselines) rows.push(await benchBaseline(task, baseline, options));
  }

  if (rows.length === 0) return;
  const worstRatio = rows.reduce((worst, row) => (row.ratio < worst.ratio ? row : worst));
  const worstCv = rows.reduce((worst, row) => (row.cv > worst.cv ? row : worst));
  const ratioMet = rows.filter((row) => row.ratio >= RATIO_GOAL).length;
  const cvMet = rows.filter((row) => row.cv <= CV_GOAL).length;
  const mid = (values: number[]) => median(values).toFixed(3);
  console.log(
    `ratio: ${ratioMet}/${rows.length} models at or above ${RATIO_GOAL}; median ${mid(rows.map((r) => r.ratio))} ` +
      `(per CPU second ${mid(rows.map((r) => r.cpuRatio))}); lowest ${worstRatio.ratio.toFixed(3)} (${worstRatio.slug})`,
  );
  console.log(
    `cv: ${cvMet}/${rows.length} models at or below ${CV_GOAL * 100} %; median ${(median(rows.map((r) => r.cv)) * 100).toFixed(2)} %; ` +
      `highest ${(worstCv.cv * 100).toFixed(2)} % (${worstCv.slug}, meter ${worstCv.meter}); ` +
      `the bare loop's: median ${(median(rows.map((r) => r.rawCv)) * 100).toFixed(2)} %`,
  );
  console.log(`took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
