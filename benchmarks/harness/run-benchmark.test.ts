import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attr, buildLinearModel, buildModel, floatTensor, pseudoRandom } from "../onnx/testing/build-model";
import { BenchmarkError, type BenchmarkProgress } from "../types";
import { HARNESS_VERSION } from "../version";
import { runBenchmark } from "./run-benchmark";

// Tiny windows keep this quick; the figures are sane, not precise. The meter is forced so the test reads the same
// on a machine with readable RAPL counters (rapl-run.test.ts covers that meter end to end).
const QUICK = { windows: 3, maxWindows: 4, windowS: 0.05, idleS: 0.05, meter: "estimate" as const };

describe("runBenchmark", () => {
  let dir: string;
  let linearPath: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "frugal-bench-"));
    linearPath = join(dir, "linear.onnx");
    await writeFile(linearPath, buildLinearModel({ inputShape: ["N", 1, 28, 28], classes: 10 }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("measures a linear model end to end", async () => {
    const progress: BenchmarkProgress[] = [];
    const result = await runBenchmark({ task: "mnist", modelPath: linearPath, ...QUICK, onProgress: (p) => progress.push(p) });

    expect(result).toMatchObject({ harnessVersion: HARNESS_VERSION, task: "mnist", samples: 10_000, meter: "estimate", estimated: true, intraOpThreads: 1 });
    expect(result.accuracy).toBeGreaterThanOrEqual(0);
    expect(result.accuracy).toBeLessThanOrEqual(1);
    expect(result.macroF1).toBeGreaterThanOrEqual(0);
    expect(result.energyPerInferenceJ).toBeGreaterThan(0);
    expect(result.energyCi95J[0]).toBeLessThanOrEqual(result.energyPerInferenceJ);
    expect(result.energyCi95J[1]).toBeGreaterThanOrEqual(result.energyPerInferenceJ);
    expect(result.accuracyPerJoule).toBeCloseTo(result.accuracy / result.energyPerInferenceJ, 6);
    // the offline batch is the probe's choice among 1…256, and the result keeps the probe's figures
    expect(result.offlineBatch!.rule).toBe("probed");
    expect(result.offlineBatch!.probes.map((p) => p.batchSize)).toEqual([1, 4, 16, 64, 256]);
    expect(result.offline.batchSize).toBe(result.offlineBatch!.batchSize);
    const cheapest = Math.min(...result.offlineBatch!.probes.map((p) => p.cpuSPerSample));
    expect(result.offlineBatch!.probes.find((p) => p.batchSize === result.offline.batchSize)!.cpuSPerSample).toBeLessThanOrEqual(cheapest * 1.03);
    expect(result.offlineBatch!.probes.every((p) => p.blocks >= 3 && p.cpuSPerSample > 0)).toBe(true);
    expect(result.initializerInputsRemoved).toBe(0);
    // 3 offline windows, two per process: the first process and one more (a 4th window for a high CV comes in a
    // third), each window labelled with its process
    const offlineWindows = result.windows.filter((w) => w.scenario === "offline");
    expect(offlineWindows.map((w) => w.process)).toEqual([0, 0, 1, 2].slice(0, offlineWindows.length));
    expect(result.offline.energy.processes).toBe(offlineWindows.length === 3 ? 2 : 3);
    expect(result.runtimeLog).toEqual([]);
    expect(result.singleStream.batchSize).toBe(1);
    // at batch 1 the runtime's per-call cost makes each inference dearer than in a batch of 256
    expect(result.singleStream.energy.energyPerInferenceJ).toBeGreaterThan(result.energyPerInferenceJ);
    for (const scenario of ["offline", "single-stream"] as const) {
      const windows = result.windows.filter((w) => w.scenario === scenario);
      expect(windows.length).toBeGreaterThanOrEqual(3);
      expect(windows.length).toBeLessThanOrEqual(4);
      for (const w of windows) {
        expect(w.inferences % 10_000).toBe(0); // whole passes only
        expect(w.wallS).toBeGreaterThanOrEqual(0.05);
        expect(w.netEnergyJ).toBeLessThanOrEqual(w.grossEnergyJ);
      }
    }
    expect(result.idlePowerW).toBeGreaterThan(0);
    expect(result.modelMemoryBytes).toBeGreaterThanOrEqual(0);
    expect(result.modelMemoryBytes).toBe(result.peakRssBytes - result.baselineRssBytes);
    expect(result.runPeakRssBytes).toBeGreaterThanOrEqual(result.peakRssBytes);
    // a 31 KB linear model: its session and one pass take a few MB at most, the runtime is in the baseline
    expect(result.modelMemoryBytes).toBeLessThan(16 * 2 ** 20);
    expect(result.latencyP50Ms).toBeGreaterThan(0);
    expect(result.latencyP95Ms).toBeGreaterThanOrEqual(result.latencyP50Ms);
    expect(result.throughputPerS).toBeGreaterThan(0);
    expect(result.paramCount).toBe(784 * 10 + 10);
    expect(result.meterDetails).toMatchObject({ wattsPerThread: expect.any(Number), tdpSource: expect.any(String), meterSelection: "forced" });
    expect(result.hardware.meter).toBe("estimate");
    expect(result.grossEnergyPerInferenceJ).toBeGreaterThanOrEqual(result.energyPerInferenceJ);
    expect(result.offline.energy.grossEnergyPerInferenceJ).toBe(result.grossEnergyPerInferenceJ);
    // the harness floor: a null model at batch 1, in 3 windows of half length. At batch 1 a linear model costs
    // about what the runtime's call costs, so the floor is of the same order as the model's query (not below it).
    const floor = result.harnessFloor!;
    expect(floor).toMatchObject({ windows: 3, windowS: 0.025 });
    expect(floor.energyPerQueryJ).toBeGreaterThan(0);
    expect(floor.energyPerQueryJ).toBeLessThan(3 * result.singleStream.energy.energyPerInferenceJ);
    expect(floor.grossEnergyPerQueryJ).toBeGreaterThanOrEqual(floor.energyPerQueryJ);
    expect(floor.latencyP50Ms).toBeGreaterThan(0);
    expect(floor.latencyP50Ms).toBeLessThanOrEqual(floor.latencyP90Ms);
    expect(result.hardware.onnxruntimeVersion).toBe("1.30.0");
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);

    expect(progress.at(-1)).toEqual({ phase: "done", percent: 100 });
    const percents = progress.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(["validate", "batch", "load", "warmup", "accuracy", "idle", "offline", "single-stream", "floor", "done"]));
  });

  it("stops a run past its time limit", async () => {
    const started = Date.now();
    const error = await runBenchmark({ task: "mnist", modelPath: linearPath, ...QUICK, timeLimitS: 0.5 }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.code).toBe("time_limit");
    expect(error.message).toContain("0.5 s");
    expect(error.message).toContain("FRUGAL_TIME_LIMIT_S");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops a process above its memory limit", async () => {
    const error = await runBenchmark({ task: "mnist", modelPath: linearPath, ...QUICK, memoryLimitMb: 50 }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.code).toBe("memory_limit");
    expect(error.message).toContain("limit of 50 MB");
    expect(error.message).toContain("FRUGAL_MEMORY_LIMIT_MB");
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    const run = runBenchmark({ task: "mnist", modelPath: linearPath, ...QUICK, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(run).rejects.toMatchObject({ code: "aborted" });
  });

  it("refuses an invalid model before any process starts", async () => {
    const badPath = join(dir, "bad.onnx");
    await writeFile(badPath, new Uint8Array([1, 2, 3, 4, 5]));
    const phases: string[] = [];
    const error = await runBenchmark({ task: "mnist", modelPath: badPath, ...QUICK, onProgress: (p) => phases.push(p.phase) }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.code).toBe("invalid_model");
    expect(phases).toEqual(["validate"]); // "load" is reported just before the child is forked
  });

  it("reports a model whose real output breaks the contract as invalid output, rule output-shape", async () => {
    // Declares [N,10] but computes [N,5]: the validator reads declarations, the first run shows the truth.
    const liarPath = join(dir, "liar.onnx");
    const model = buildModel({
      inputs: [{ name: "input", elemType: "float32", shape: ["N", 1, 28, 28] }],
      outputs: [{ name: "scores", elemType: "float32", shape: ["N", 10] }],
      initializers: [floatTensor("weight", [784, 5], pseudoRandom(784 * 5, 3, 0.03))],
      nodes: [
        { opType: "Flatten", inputs: ["input"], outputs: ["flat"], attributes: [attr.int("axis", 1)] },
        { opType: "MatMul", inputs: ["flat", "weight"], outputs: ["scores"] },
      ],
    });
    await writeFile(liarPath, model);
    const error = await runBenchmark({ task: "mnist", modelPath: liarPath, ...QUICK }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect({ code: error.code, rule: error.rule }).toEqual({ code: "invalid_output", rule: "output-shape" });
    expect(error.message).toMatch(/for a batch of (\d+); the task expects float32 \[\1,10\]/);
  });

  it("refuses an unknown task and an unreadable model file with codes the worker will not retry", async () => {
    const unknown = await runBenchmark({ task: "cifar-1000", modelPath: linearPath, ...QUICK }).catch((e) => e);
    expect(unknown).toBeInstanceOf(BenchmarkError);
    expect(unknown).toMatchObject({ code: "unknown_task", rule: "task" });
    expect(unknown.message).toContain('Unknown task "cifar-1000"; known tasks: mnist');
    for (const [path, why] of [
      [join(dir, "absent.onnx"), "no such file, ENOENT"],
      [dir, "it is a folder, not a file, EISDIR"],
    ]) {
      const error = await runBenchmark({ task: "mnist", modelPath: path, ...QUICK }).catch((e) => e);
      expect(error).toBeInstanceOf(BenchmarkError);
      expect(error).toMatchObject({ code: "model_unreadable", rule: "file" });
      expect(error.message).toContain(`Cannot read the model file ${path} (${why})`);
    }
  });

  it("refuses a model whose contract is another task's", async () => {
    const wrongPath = join(dir, "wrong.onnx");
    await writeFile(wrongPath, buildLinearModel({ inputShape: ["N", 30], classes: 2 }));
    await expect(runBenchmark({ task: "mnist", modelPath: wrongPath, ...QUICK })).rejects.toMatchObject({ code: "invalid_model" });
  });
});
