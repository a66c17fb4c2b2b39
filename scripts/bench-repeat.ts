// npm run bench:repeat [-- MODEL… --task T --runs N --busy-runs N --no-busy --twins --twin-runs N] — does the published
// figure repeat?
// Each model (a baseline slug, or a .onnx path with --task; default: one baseline per task) is benchmarked N times
// in a row with the default protocol, exactly as the worker does (runBenchmark). Then, unless --no-busy, a second
// series runs while a CPU-busy neighbour process spins on the other core. Per model and series it prints:
//   runs, median published offline energy per inference, CV of it across runs (goal ≤ 3 % idle),
//   how many within-run 95 % intervals contain the median of the other runs, and how many *published* intervals
//   do (goal ≥ 90 %): the within-run interval combined with the between-run spread the board would apply — the
//   spread measured on the OTHER models' series (leave one model out), as the board measures it on reference
//   baselines, never on the model it ranks;
//   the wall time per run (goal ≤ 120 s), and the move of the median under the neighbour (goal ≤ 5 %).
// --twins: the MNIST CNN baseline and its twin (same architecture, another seed: benchmarks/harness/testing),
//   benchmarked in turns; prints the ratio of their medians (goal within 5 %) and in how many pairs of runs the
//   board's rule (lib/leaderboard/rank-board.ts, with the published intervals) gives them one rank.
// Figures from a machine shared with other work say more about that work: run the idle series on an idle machine.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runBenchmark } from "../benchmarks/harness/run-benchmark";
import { coefficientOfVariation, median } from "../benchmarks/stats/summary";
import { listTasks } from "../benchmarks/tasks/catalog";
import { listBaselines } from "../benchmarks/tasks/list-baselines";
import type { BenchmarkResult } from "../benchmarks/types";
import { rankBoard } from "../lib/leaderboard/rank-board";
import { publishedInterval } from "../lib/calibration/published-interval";
import { CALIBRATION_REFERENCE_SLUGS } from "../lib/calibration/references";
import { betweenRunSpread } from "../lib/calibration/spread";

const CV_GOAL = 0.03;
const BUSY_MOVE_GOAL = 0.05;
const COVERAGE_GOAL = 0.9;
const WALL_GOAL_S = 120;
/** One baseline per task by default: the references the workers re-benchmark to measure the spread (lib/calibration). */
const DEFAULT_MODELS = Object.values(CALIBRATION_REFERENCE_SLUGS);
const SHARED_MIRROR = fileURLToPath(new URL("../../shared/datasets", import.meta.url));
const TWIN = fileURLToPath(new URL("../benchmarks/harness/testing/mnist-cnn-twin.onnx", import.meta.url));
const TWIN_GOAL = 0.05;

interface Model {
  label: string;
  task: string;
  path: string;
}

interface Run {
  accuracy: number;
  energyJ: number;
  ci: [number, number];
  wallS: number;
  batch: number;
}

function resolveModel(name: string, task: string | undefined): Model {
  if (name.endsWith(".onnx")) {
    if (!task) throw new Error(`${name}: give --task for a model file.`);
    if (!existsSync(name)) throw new Error(`${name}: no such file.`);
    return { label: name, task, path: name };
  }
  for (const t of listTasks()) {
    const baseline = listBaselines(t.id).find((b) => b.slug === name);
    if (baseline) return { label: name, task: t.id, path: baseline.path };
  }
  throw new Error(`${name}: not a baseline slug nor a .onnx file (baselines: ${listTasks().flatMap((t) => listBaselines(t.id).map((b) => b.slug)).join(", ")}).`);
}

/** A process that keeps one core busy until killed: the "CPU-busy neighbour" of the issue. */
function startNeighbour(): ChildProcess {
  return fork("-e", [], { execArgv: ["-e", "for (;;) {}"], stdio: "ignore" });
}

async function series(model: Model, runs: number, tag: string, out: Run[] = [], first = 0, count = runs): Promise<Run[]> {
  for (let i = first; i < first + count; i++) {
    const start = performance.now();
    const result: BenchmarkResult = await runBenchmark({ task: model.task, modelPath: model.path });
    const wallS = (performance.now() - start) / 1000;
    out.push({ accuracy: result.accuracy, energyJ: result.energyPerInferenceJ, ci: result.energyCi95J, wallS, batch: result.offline.batchSize });
    const uj = (j: number) => (j * 1e6).toFixed(2);
    console.log(`  ${tag} ${model.label} run ${i + 1}/${runs}: ${uj(result.energyPerInferenceJ)} µJ [${uj(result.energyCi95J[0])}–${uj(result.energyCi95J[1])}] batch ${result.offline.batchSize}, ${wallS.toFixed(1)} s`);
  }
  return out;
}

const othersMedian = (runs: Run[], i: number) => median(runs.filter((_, j) => j !== i).map((r) => r.energyJ));
const contains = (ci: [number, number], x: number) => ci[0] <= x && x <= ci[1];

function report(tag: string, all: Map<string, Run[]>): Map<string, number> {
  const medians = new Map<string, number>();
  console.log(`\n${tag}: model | runs | median µJ | CV | within-run CI ∋ others' median | published CI ∋ others' median | between-run half-width used | s per run | batch`);
  let cvMet = 0;
  let covered = 0;
  let total = 0;
  for (const [label, runs] of all) {
    const energies = runs.map((r) => r.energyJ);
    const cv = coefficientOfVariation(energies);
    medians.set(label, median(energies));
    // The board's spread for this model, as betweenRunSpread computes it from the references' runs: here from the
    // other models' series only, so no run's interval is widened by its own deviation.
    const others = [...all].filter(([other]) => other !== label).map(([taskId, r]) => ({ taskId, energiesJ: r.map((x) => x.energyJ), lastRunAt: new Date() }));
    const spread = betweenRunSpread(others);
    // With one run there are no others to compare with: the coverage columns say n/a.
    const count = (ci: (r: Run) => [number, number]) => (runs.length < 2 ? Number.NaN : runs.filter((r, i) => contains(ci(r), othersMedian(runs, i))).length);
    const within = count((r) => r.ci);
    const outOf = (n: number) => (Number.isNaN(n) ? "n/a" : `${n}/${runs.length}`);
    const publishedCi = (r: Run) => publishedInterval(r.energyJ, r.ci, spread?.halfWidth95 ?? null).ci95J ?? r.ci;
    const published = count(publishedCi);
    cvMet += cv <= CV_GOAL ? 1 : 0;
    if (runs.length >= 2) {
      covered += published;
      total += runs.length;
    }
    const walls = runs.map((r) => r.wallS);
    const batches = [...new Set(runs.map((r) => r.batch))].join("/");
    console.log(
      `${tag}: ${label} | ${runs.length} | ${(median(energies) * 1e6).toFixed(2)} | ${(cv * 100).toFixed(2)} % | ${outOf(within)} | ` +
        `${outOf(published)} | ${spread === null ? "none" : `±${(spread.halfWidth95 * 100).toFixed(1)} % (CV ${(spread.spread * 100).toFixed(2)} %)`} | ${median(walls).toFixed(1)} (max ${Math.max(...walls).toFixed(1)}) | ${batches}`,
    );
  }
  const share = total ? covered / total : 0;
  console.log(`${tag}: CV ≤ ${CV_GOAL * 100} %: ${cvMet}/${all.size} models; published intervals containing the others' median: ${covered}/${total} (${(share * 100).toFixed(0)} %, goal ≥ ${COVERAGE_GOAL * 100} %)`);
  return medians;
}

/** The twins in turns (a, b, a, b …), so a drift of the machine tilts neither; then their medians and ranks. */
async function twins(runs: number, spreadFrom: Map<string, Run[]>): Promise<void> {
  const a = resolveModel("mnist-cnn", undefined);
  const b: Model = { label: "mnist-cnn-twin", task: "mnist", path: TWIN };
  const [ra, rb]: Run[][] = [[], []];
  for (let i = 0; i < runs; i++) {
    await series(a, runs, "twins", ra, i, 1);
    await series(b, runs, "twins", rb, i, 1);
  }
  const spread = betweenRunSpread([...spreadFrom].map(([taskId, r]) => ({ taskId, energiesJ: r.map((x) => x.energyJ), lastRunAt: new Date() })));
  const candidate = (slug: string, r: Run) => ({
    modelSlug: slug, modelName: slug, submissionId: slug, accuracy: r.accuracy, macroF1: r.accuracy, energyPerInferenceJ: r.energyJ,
    energyCi95J: r.ci, publishedCi95J: publishedInterval(r.energyJ, r.ci, spread?.halfWidth95 ?? null).ci95J, accuracyPerJoule: r.accuracy / r.energyJ,
    modelMemoryBytes: 0, fileBytes: 0, paramCount: 0, latencyP50Ms: 0, offlineBatchSize: r.batch, batchFixed: false, meter: "estimate", estimated: true, unstable: false, finishedAt: "",
  });
  const rules = { qualityFloor: 0, energyClasses: { dated: "", upperBoundsUj: [1, 2, 3, 4, 5, 6] as [number, number, number, number, number, number], reason: "" } };
  const tied = ra.filter((r, i) => new Set(rankBoard([candidate("a", r), candidate("b", rb[i])], rules).map((e) => e.rank)).size === 1).length;
  const ratio = median(rb.map((r) => r.energyJ)) / median(ra.map((r) => r.energyJ));
  console.log(
    `twins: mnist-cnn ${(median(ra.map((r) => r.energyJ)) * 1e6).toFixed(2)} µJ, twin ${(median(rb.map((r) => r.energyJ)) * 1e6).toFixed(2)} µJ: ` +
      `ratio ${ratio.toFixed(3)} (goal within ±${TWIN_GOAL * 100} %: ${Math.abs(ratio - 1) <= TWIN_GOAL ? "met" : "not met"}); one rank in ${tied}/${runs} pairs of runs`,
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      task: { type: "string" },
      runs: { type: "string", default: "5" },
      "busy-runs": { type: "string" },
      "no-busy": { type: "boolean", default: false },
      twins: { type: "boolean", default: false },
      "twin-runs": { type: "string", default: "3" },
    },
  });
  if (!process.env.FRUGAL_DATASET_MIRROR && existsSync(SHARED_MIRROR)) process.env.FRUGAL_DATASET_MIRROR = SHARED_MIRROR;
  const runs = Number(values.runs);
  const busyRuns = Number(values["busy-runs"] ?? values.runs);
  if (!(Number.isInteger(runs) && runs >= 3) || !(Number.isInteger(busyRuns) && busyRuns >= 1)) throw new Error("--runs must be a whole number ≥ 3 (and --busy-runs ≥ 1).");
  const models = (positionals.length ? positionals : DEFAULT_MODELS).map((name) => resolveModel(name, values.task));
  const started = performance.now();

  const idle = new Map<string, Run[]>();
  for (const model of models) idle.set(model.label, await series(model, runs, "idle"));
  const idleMedians = report("idle", idle);
  if (values.twins) await twins(Number(values["twin-runs"]), idle);

  if (!values["no-busy"]) {
    const neighbour = startNeighbour();
    const busy = new Map<string, Run[]>();
    try {
      for (const model of models) busy.set(model.label, await series(model, busyRuns, "busy"));
    } finally {
      neighbour.kill("SIGKILL");
    }
    const busyMedians = report("busy", busy);
    let met = 0;
    for (const [label, m] of busyMedians) {
      const move = m / idleMedians.get(label)! - 1;
      met += Math.abs(move) <= BUSY_MOVE_GOAL ? 1 : 0;
      console.log(`neighbour: ${label} median moved ${(move * 100).toFixed(1)} % (goal within ±${BUSY_MOVE_GOAL * 100} %)`);
    }
    console.log(`neighbour: ${met}/${busyMedians.size} models within ±${BUSY_MOVE_GOAL * 100} %`);
  }
  const walls = [...idle.values()].flat().map((r) => r.wallS);
  console.log(`wall time per run: median ${median(walls).toFixed(1)} s, max ${Math.max(...walls).toFixed(1)} s (goal ≤ ${WALL_GOAL_S} s); bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
