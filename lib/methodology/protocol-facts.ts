// The figures the methodology page quotes, taken from the engine itself so the page cannot drift from the code.
import { BATCH_TIE_TOLERANCE, PROBE_BATCHES } from "../../benchmarks/harness/choose-batch";
import { DEFAULTS } from "../../benchmarks/harness/defaults";
import { CPU_SPECS } from "../../benchmarks/meters/cpu-tdp";
import { MEMORY_W_PER_GB, UNKNOWN_CPU_W_PER_THREAD } from "../../benchmarks/meters/estimate";
import { VALIDATION_RULES } from "../../benchmarks/onnx/rules";
import { HARNESS_VERSION } from "../../benchmarks/version";

export const PROTOCOL_FACTS = {
  harnessVersion: HARNESS_VERSION,
  windows: DEFAULTS.windows,
  maxWindows: DEFAULTS.maxWindows,
  /** Seconds per window, per meter. */
  windowS: DEFAULTS.windowS,
  idleS: DEFAULTS.idleS,
  probeBatches: [...PROBE_BATCHES],
  windowProcesses: DEFAULTS.windowProcesses,
  singleStreamWindows: DEFAULTS.singleStreamWindows,
  batchProbeS: DEFAULTS.batchProbeS,
  batchTieTolerance: BATCH_TIE_TOLERANCE,
  intraOpThreads: DEFAULTS.intraOpThreads,
  timeLimitS: DEFAULTS.timeLimitS,
  memoryLimitMb: DEFAULTS.memoryLimitMb,
  cvLimit: DEFAULTS.cvLimit,
  memoryWPerGb: MEMORY_W_PER_GB,
  unknownCpuWPerThread: UNKNOWN_CPU_W_PER_THREAD,
  cpuSpecs: CPU_SPECS.map((spec) => ({ cpu: spec.source, tdpW: spec.tdpW, threads: spec.threads })),
  validationRules: [...VALIDATION_RULES],
};
