// Puts the measurements together as the BenchmarkResult of types.ts. Offline drives the ranked figures.
import type { BenchmarkResult, HardwareProfile, HarnessFloor, ModelInfo, OfflineBatchChoice, ScenarioResult, TaskDefinition } from "../types";
import { HARNESS_VERSION } from "../version";
import type { HarnessSettings } from "./defaults";
import type { ScenarioMeasurement } from "./measure-scenario";
import type { ChildMessage, LatencySummary } from "./protocol";

export interface Measurements {
  task: TaskDefinition;
  model: ModelInfo;
  settings: HarnessSettings;
  hardware: HardwareProfile;
  loaded: Extract<ChildMessage, { type: "loaded" }>;
  quality: Extract<ChildMessage, { type: "accuracy" }>;
  idlePowerW: number;
  offline: ScenarioMeasurement & { batchSize: number };
  offlineBatch: OfflineBatchChoice;
  runtimeLog: string[];
  singleStream: ScenarioMeasurement;
  harnessFloor: HarnessFloor;
  finished: Extract<ChildMessage, { type: "finished" }>;
  startedAt: Date;
}

function scenarioResult(scenario: ScenarioResult["scenario"], batchSize: number, m: ScenarioMeasurement, latency: LatencySummary): ScenarioResult {
  return {
    scenario,
    batchSize,
    energy: m.energy,
    latencyP50Ms: latency.p50,
    latencyP90Ms: latency.p90,
    latencyP95Ms: latency.p95,
    throughputPerS: m.inferences / m.wallS,
  };
}

export function assembleResult(m: Measurements): BenchmarkResult {
  const offline = scenarioResult("offline", m.offline.batchSize, m.offline, m.finished.latency.offline);
  const singleStream = scenarioResult("single-stream", 1, m.singleStream, m.finished.latency["single-stream"]);
  // VmHWM was reset after loading (memory.ts); off Linux it is maxRSS since start and may hold the test set's
  // load-time peak, an overestimate. The footprint is read after one pass over the test set (child-bench.ts).
  const peakRssBytes = Math.max(m.quality.footprintPeakRssBytes, m.loaded.baselineRssBytes);
  const windowPeakBytes = Math.max(m.offline.peakWindowRssBytes, m.singleStream.peakWindowRssBytes);
  const runPeakRssBytes = Math.max(m.finished.peakRssBytes, windowPeakBytes, peakRssBytes);
  const energyPerInferenceJ = offline.energy.energyPerInferenceJ;
  return {
    harnessVersion: HARNESS_VERSION,
    task: m.task.id,
    samples: m.loaded.samples,
    accuracy: m.quality.accuracy,
    macroF1: m.quality.macroF1,
    energyPerInferenceJ,
    energyCi95J: offline.energy.ci95J,
    energyCv: offline.energy.cv,
    unstable: offline.energy.unstable,
    grossEnergyPerInferenceJ: offline.energy.grossEnergyPerInferenceJ,
    accuracyPerJoule: m.quality.accuracy / energyPerInferenceJ,
    meter: m.settings.meter,
    estimated: m.loaded.estimated,
    // How the meter was chosen sits beside its own assumptions, so a fallback to estimate says why on every result.
    meterDetails: { ...m.loaded.meterDetails, meterSelection: m.settings.meterSelection.how, meterSelectionReason: m.settings.meterSelection.reason },
    idlePowerW: m.idlePowerW,
    modelMemoryBytes: peakRssBytes - m.loaded.baselineRssBytes,
    peakRssBytes,
    baselineRssBytes: m.loaded.baselineRssBytes,
    runPeakRssBytes,
    fileBytes: m.model.fileBytes,
    paramCount: m.model.paramCount,
    nonZeroParamCount: m.model.nonZeroParamCount,
    precision: m.model.precision,
    onnxruntimeOperators: m.model.onnxruntimeOperators,
    latencyP50Ms: singleStream.latencyP50Ms,
    latencyP90Ms: singleStream.latencyP90Ms,
    latencyP95Ms: singleStream.latencyP95Ms,
    throughputPerS: offline.throughputPerS,
    cpuS: m.offline.cpuS + m.singleStream.cpuS,
    wallS: m.offline.wallS + m.singleStream.wallS,
    offline,
    offlineBatch: m.offlineBatch,
    singleStream,
    windows: [...m.offline.windows, ...m.singleStream.windows],
    initializerInputsRemoved: m.loaded.initializerInputsRemoved,
    runtimeLog: m.runtimeLog,
    harnessFloor: m.harnessFloor,
    intraOpThreads: m.settings.intraOpThreads,
    onnxruntimeVersion: m.hardware.onnxruntimeVersion,
    hardware: m.hardware,
    startedAt: m.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
  };
}
