// npm run bench:harness [-- TASK… --window-s S --windows K] — what the harness costs, and how repeatable it is.
// For every baseline of every task (or of the tasks named), the harness's own model process (child.ts, driven
// through the same protocol as runBenchmark: load, warm-up, accuracy pass, idle baseline) measures K offline
// windows, and between them, in that same process, a raw onnxruntime-node loop (`session.run(feeds)` and nothing
// else) runs over the same session, the same input tensors, threads and batch size for as long as a window. Same
// process, because two processes running the same model can differ by tens of per cent for their whole life on a
// VM (where their memory landed, what shares the caches): that would be measured instead of the harness.
//   ratio  = median over the windows of harness throughput ÷ the mean of the raw loops just before and just after
//            it (goal ≥ 0.97). Pairs seconds apart keep a machine whose load drifts from tilting the figure.
//            Also printed: the same per CPU second (inferences ÷ CPU seconds of the process that ran them), which
//            other work on the machine disturbs far less than wall-clock throughput.
//   cv     = coefficient of variation of the offline net energy per inference across those windows, idle power
//            subtracted as runBenchmark does (goal ≤ 2 % with the estimate meter on an idle machine).
// Windows last as long as the protocol's (2 s with estimate, 10 s with rapl; --window-s to change), and none are
// added for a high CV, so the figure is that of K fixed windows. Figures from a machine shared with other work say
// more about that work than about the harness: run it on an idle one.
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { resolveDataset } from "../benchmarks/datasets/resolve";
import { resolveSettings } from "../benchmarks/harness/defaults";
import { toEnergyWindow } from "../benchmarks/harness/measure-scenario";
import { ChildSupervisor } from "../benchmarks/harness/supervise-child";
import { validateModel } from "../benchmarks/onnx/validate";
import { coefficientOfVariation, median } from "../benchmarks/stats/summary";
import { listTasks } from "../benchmarks/tasks/catalog";
import { listBaselines, type Baseline } from "../benchmarks/tasks/list-baselines";
import { BenchmarkError, type TaskDefinition } from "../benchmarks/types";

const RATIO_GOAL = 0.97;
const CV_GOAL = 0.02;
const THREADS = 1;
const IDLE_S = 1;
/** The mirror CI uses (DESIGN.md, "Tasks"), tried when FRUGAL_DATASET_MIRROR is not set. */
const SHARED_MIRROR = fileURLToPath(new URL("../../shared/datasets", import.meta.url));

interface Throughput {
  /** Inferences per wall-clock second. */
  perS: number;
  /** Inferences per CPU second of the process (all its threads). */
  perCpuS: number;
}

/** The child's bare `session.run(feeds)` loop over whole passes of the test set, for at least `seconds`. */
async function rawThroughput(child: ChildSupervisor, seconds: number): Promise<Throughput> {
  const raw = await child.request({ type: "raw-window", scenario: "offline", windowS: seconds }, "raw-window");
  return { perS: raw.inferences / raw.wallS, perCpuS: raw.inferences / raw.cpuS };
}

interface Row {
  slug: string;
  ratio: number;
  cpuRatio: number;
  cv: number;
  meter: string;
}

async function benchBaseline(task: TaskDefinition, baseline: Baseline, windows: number, windowSOption: number | undefined): Promise<Row> {
  const model = validateModel(new Uint8Array(readFileSync(baseline.path)), task);
  const settings = resolveSettings({ task: task.id, modelPath: baseline.path, windows, windowS: windowSOption, intraOpThreads: THREADS, idleS: IDLE_S });
  const { windowS } = settings;
  const batchSize = model.batchFixedAtOne ? 1 : task.batchSize;

  const child = new ChildSupervisor({ timeLimitS: settings.timeLimitS, memoryLimitMb: settings.memoryLimitMb });
  const harness: Throughput[] = [];
  const raw: Throughput[] = [];
  const netPerInference: number[] = [];
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
    await rawThroughput(child, Math.min(windowS, 0.5)); // untimed, as the harness's first window is preceded by one
    raw.push(await rawThroughput(child, windowS));
    for (let i = 0; i < windows; i++) {
      const { window } = await child.request({ type: "window", scenario: "offline", windowS }, "window");
      harness.push({ perS: window.inferences / window.wallS, perCpuS: window.inferences / window.cpuS });
      netPerInference.push(toEnergyWindow(window, i, idlePowerW).energyPerInferenceJ);
      raw.push(await rawThroughput(child, windowS));
    }
  } finally {
    await child.close();
  }

  const pairRatios = (pick: (t: Throughput) => number) => harness.map((h, i) => pick(h) / ((pick(raw[i]) + pick(raw[i + 1])) / 2));
  const ratio = median(pairRatios((t) => t.perS));
  const cpuRatio = median(pairRatios((t) => t.perCpuS));
  const cv = coefficientOfVariation(netPerInference);
  const fmt = (perS: number) => Math.round(perS).toLocaleString("en");
  const meanOf = (list: Throughput[]) => list.reduce((sum, t) => sum + t.perS, 0) / list.length;
  console.log(
    `${baseline.slug} ratio ${ratio.toFixed(3)} (harness ${fmt(meanOf(harness))}/s, raw onnxruntime-node ${fmt(meanOf(raw))}/s; ` +
      `per CPU second ${cpuRatio.toFixed(3)}; batch ${batchSize}, ${THREADS} thread)`,
  );
  console.log(`${baseline.slug} repeatability cv ${(cv * 100).toFixed(2)} % (offline energy per inference over ${windows} windows of ${windowS} s, meter ${settings.meter})`);
  return { slug: baseline.slug, ratio, cpuRatio, cv, meter: settings.meter };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { windows: { type: "string", default: "5" }, "window-s": { type: "string" } },
  });
  const windows = Number(values.windows);
  const windowS = values["window-s"] === undefined ? undefined : Number(values["window-s"]);
  if (!Number.isInteger(windows) || windows < 2 || (windowS !== undefined && !(windowS > 0))) throw new Error("--windows must be a whole number ≥ 2 and --window-s above 0.");
  if (!process.env.FRUGAL_DATASET_MIRROR && existsSync(SHARED_MIRROR)) {
    process.env.FRUGAL_DATASET_MIRROR = SHARED_MIRROR;
    console.log(`datasets: FRUGAL_DATASET_MIRROR=${SHARED_MIRROR}`);
  }
  const tasks = listTasks().filter((task) => positionals.length === 0 || positionals.includes(task.id));
  const started = performance.now();
  console.log(`bench:harness — ${tasks.map((t) => t.id).join(", ")}; ${windows} windows of ${windowS ?? "the protocol's"} s per scenario, ${THREADS} thread`);

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
    for (const baseline of baselines) rows.push(await benchBaseline(task, baseline, windows, windowS));
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
      `highest ${(worstCv.cv * 100).toFixed(2)} % (${worstCv.slug}, meter ${worstCv.meter})`,
  );
  console.log(`took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
