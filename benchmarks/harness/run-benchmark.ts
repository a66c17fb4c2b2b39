// runBenchmark: the measurement protocol (docs/architecture.md) from a model file to a BenchmarkResult. The model
// runs in a child process (child.ts); this side validates, enforces the limits, decides how many windows, and
// summarises.
import { readFile } from "node:fs/promises";
import { resolveDataset } from "../datasets/resolve";
import { getHardwareProfile } from "../hardware/profile";
import { validateModel } from "../onnx/validate";
import { requireTask } from "../tasks/catalog";
import { BenchmarkError, type BenchmarkOptions, type BenchmarkResult } from "../types";
import { assembleResult } from "./assemble-result";
import { batchCandidates, chooseBatch, type BatchChoice, type BatchLimits } from "./choose-batch";
import { resolveSettings } from "./defaults";
import { measureFloor, measureScenario, summariseFloor } from "./measure-scenario";
import { measureOffline, type StartedProcess } from "./offline-windows";
import { createProgress } from "./progress";
import { logMeterSelection } from "./select-meter";
import type { ChildInit } from "./protocol";
import { ChildSupervisor, type ChildLimits } from "./supervise-child";

/** The batch probe (choose-batch.ts): blocks of 25 ms, taking turns, for settings.batchProbeS and at least 3 rounds. */
const PROBE = { blockS: 0.025, minRounds: 3 };

/**
 * The offline batch: probed in a child of its own, which is then stopped, so the memory the largest candidates
 * took (onnxruntime keeps its arena) never counts in the footprint measured at the chosen batch.
 */
async function chooseOfflineBatch(init: ChildInit, batch: Omit<BatchLimits, "samples">, probeS: number, limits: ChildLimits, given?: number): Promise<BatchChoice> {
  if (batch.fixedBatch !== undefined) return chooseBatch([{ batchSize: batch.fixedBatch, cpuSPerSample: 0, blocks: 0 }], true);
  if (given !== undefined) return { batchSize: given, rule: "given", probes: [] };
  const probe = new ChildSupervisor(limits);
  try {
    const { samples } = await probe.request({ type: "load", init: { ...init, offlineBatchSize: batch.maxBatch } }, "loaded");
    const candidates = batchCandidates({ ...batch, samples });
    if (candidates.length === 1) return chooseBatch([{ batchSize: candidates[0], cpuSPerSample: 0, blocks: 0 }], true);
    const { probes } = await probe.request({ type: "probe-batches", candidates, ...PROBE, totalS: probeS }, "batch-probes");
    return chooseBatch(probes);
  } finally {
    await probe.close();
  }
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new BenchmarkError("aborted", "The benchmark was cancelled.");
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

async function readModel(modelPath: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(modelPath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    const why = READ_PROBLEMS[code] ? `${READ_PROBLEMS[code]}, ${code}` : code;
    throw new BenchmarkError("model_unreadable", `Cannot read the model file ${modelPath} (${why}). Give the path of a readable .onnx file.`, "file");
  }
}

/** Load the model at the offline batch and warm it up: what every measuring process does first. */
async function loadAndWarm(child: ChildSupervisor, init: ChildInit, report: (step: "load" | "warmup") => void = () => undefined) {
  report("load");
  const loaded = await child.request({ type: "load", init }, "loaded");
  report("warmup");
  await child.request({ type: "warmup" }, "warm");
  return loaded;
}

/** Idle power (W) = the meter's gross energy over the child's idle span ÷ its duration. */
async function measureIdlePower(child: ChildSupervisor, idleS: number): Promise<number> {
  const idle = await child.request({ type: "idle", idleS }, "idle");
  return idle.grossEnergyJ / idle.wallS;
}

export async function runBenchmark(options: BenchmarkOptions): Promise<BenchmarkResult> {
  const startedAt = new Date();
  const task = requireTask(options.task);
  const settings = resolveSettings(options);
  const progress = createProgress(settings, options.onProgress);
  throwIfAborted(options.signal);

  progress.report("validate");
  const model = validateModel(await readModel(options.modelPath), task);
  // A missing or altered test set is reported here, before a process is started for nothing.
  await resolveDataset(task.dataset, settings.datasets);
  // Said once the model is known to be worth measuring, so a refusal is not preceded by a note on meters.
  logMeterSelection(settings.meterSelection);
  const hardware = getHardwareProfile({ intraOpThreads: settings.intraOpThreads, meter: settings.meter });
  throwIfAborted(options.signal);

  const deadline = Date.now() + settings.timeLimitS * 1000;
  // The time limit is the whole run's: each process (probe, measured, extra offline ones) gets what is left of it.
  const limits = () => ({
    timeLimitS: Math.max(0.001, (deadline - Date.now()) / 1000),
    runTimeLimitS: settings.timeLimitS,
    memoryLimitMb: settings.memoryLimitMb,
    signal: options.signal,
  });
  const init: ChildInit = {
    taskId: task.id,
    modelPath: options.modelPath,
    inputName: model.inputName,
    outputName: model.outputName,
    intraOpThreads: settings.intraOpThreads,
    offlineBatchSize: 1,
    meter: settings.meter,
    cpuTdpW: settings.cpuTdpW,
    powercapRoot: settings.meterSelection.powercapRoot,
  };
  progress.report("batch");
  const offlineBatch = await chooseOfflineBatch(init, { maxBatch: task.batchSize, fixedBatch: model.batchFixedAtOne ? 1 : undefined }, settings.batchProbeS, limits(), settings.offlineBatchSize);
  throwIfAborted(options.signal);

  const child = new ChildSupervisor(limits());
  try {
    const offlineBatchSize = offlineBatch.batchSize;
    const loaded = await loadAndWarm(child, { ...init, offlineBatchSize }, (step) => progress.report(step));
    progress.report("accuracy");
    const quality = await child.request({ type: "accuracy" }, "accuracy");
    progress.report("idle");
    const idlePowerW = await measureIdlePower(child, settings.idleS);

    progress.report("offline");
    // More processes for the offline windows: the same file, batch and steps, without a second accuracy pass.
    const start = async (): Promise<StartedProcess> => {
      const extra = new ChildSupervisor(limits());
      try {
        await loadAndWarm(extra, { ...init, offlineBatchSize });
        return { child: extra, idlePowerW: await measureIdlePower(extra, settings.idleS), close: () => extra.close() };
      } catch (error) {
        await extra.close();
        throw error;
      }
    };
    const offline = await measureOffline({ child, idlePowerW }, start, settings, (f) => progress.report("offline", f));
    if (!(offline.energy.energyPerInferenceJ > 0)) {
      throw new BenchmarkError("runtime_error", "The meter attributed no energy to the model (net energy 0 in most windows); raise windowS and run again.");
    }
    progress.report("single-stream");
    const singleStream = await measureScenario(child, "single-stream", settings, idlePowerW, (f) => progress.report("single-stream", f));
    progress.report("floor");
    const floorWindows = await measureFloor(child, settings, idlePowerW, (f) => progress.report("floor", f));
    const finished = await child.request({ type: "finish" }, "finished");

    const result = assembleResult({
      task,
      model,
      settings,
      hardware,
      loaded,
      quality,
      idlePowerW,
      offline: { ...offline, batchSize: offlineBatchSize },
      offlineBatch,
      runtimeLog: child.runtimeLog(),
      singleStream,
      harnessFloor: summariseFloor(floorWindows, finished.floorLatency, settings.floorWindowS),
      finished,
      startedAt,
    });
    progress.done();
    return result;
  } finally {
    await child.close();
  }
}
