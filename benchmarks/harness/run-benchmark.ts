// runBenchmark: the measurement protocol of DESIGN.md from a model file to a BenchmarkResult. The model runs in a
// child process (child.ts); this side validates, enforces the limits, decides how many windows, and summarises.
import { readFile } from "node:fs/promises";
import { resolveDataset } from "../datasets/resolve";
import { getHardwareProfile } from "../hardware/profile";
import { validateModel } from "../onnx/validate";
import { getTask } from "../tasks/registry";
import { BenchmarkError, type BenchmarkOptions, type BenchmarkResult } from "../types";
import { assembleResult } from "./assemble-result";
import { resolveSettings } from "./defaults";
import { measureScenario } from "./measure-scenario";
import { createProgress } from "./progress";
import { ChildSupervisor } from "./supervise-child";

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new BenchmarkError("aborted", "The benchmark was cancelled.");
}

async function readModel(modelPath: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(modelPath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new Error(`Cannot read the model file ${modelPath} (${code}).`);
  }
}

export async function runBenchmark(options: BenchmarkOptions): Promise<BenchmarkResult> {
  const startedAt = new Date();
  const settings = resolveSettings(options);
  const task = getTask(options.task);
  const progress = createProgress(settings, options.onProgress);
  throwIfAborted(options.signal);

  progress.report("validate");
  const model = validateModel(await readModel(options.modelPath), task);
  // A missing or altered test set is reported here, before a process is started for nothing.
  await resolveDataset(task.dataset);
  const hardware = getHardwareProfile({ intraOpThreads: settings.intraOpThreads, meter: settings.meter });
  throwIfAborted(options.signal);

  const child = new ChildSupervisor({ timeLimitS: settings.timeLimitS, memoryLimitMb: settings.memoryLimitMb, signal: options.signal });
  try {
    progress.report("load");
    const offlineBatchSize = model.batchFixedAtOne ? 1 : task.batchSize;
    const init = {
      taskId: task.id,
      modelPath: options.modelPath,
      inputName: model.inputName,
      outputName: model.outputName,
      intraOpThreads: settings.intraOpThreads,
      offlineBatchSize,
      meter: settings.meter,
      cpuTdpW: settings.cpuTdpW,
    };
    const loaded = await child.request({ type: "load", init }, "loaded");
    progress.report("warmup");
    await child.request({ type: "warmup" }, "warm");
    progress.report("accuracy");
    const quality = await child.request({ type: "accuracy" }, "accuracy");
    progress.report("idle");
    const idle = await child.request({ type: "idle", idleS: settings.idleS }, "idle");
    // Idle power (W) = the meter's gross energy over the idle span ÷ its duration.
    const idlePowerW = idle.grossEnergyJ / idle.wallS;

    progress.report("offline");
    const offline = await measureScenario(child, "offline", settings, idlePowerW, (f) => progress.report("offline", f));
    progress.report("single-stream");
    const singleStream = await measureScenario(child, "single-stream", settings, idlePowerW, (f) => progress.report("single-stream", f));
    const finished = await child.request({ type: "finish" }, "finished");

    if (!(offline.energy.energyPerInferenceJ > 0)) {
      throw new BenchmarkError("runtime_error", "The meter attributed no energy to the model (net energy 0 in most windows); raise windowS and run again.");
    }
    const result = assembleResult({
      task,
      model,
      settings,
      hardware,
      loaded,
      quality,
      idlePowerW,
      offline: { ...offline, batchSize: offlineBatchSize },
      singleStream,
      finished,
      startedAt,
    });
    progress.done();
    return result;
  } finally {
    await child.close();
  }
}
