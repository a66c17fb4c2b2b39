// The engine's public API: what the CLI, the worker and the web app import from benchmarks/.
export * from "./types";
export { HARNESS_VERSION } from "./version";
export { runBenchmark } from "./harness/run-benchmark";
export { DEFAULTS as HARNESS_DEFAULTS, resolveSettings, type HarnessSettings } from "./harness/defaults";
export { selectMeterKind, type MeterSelection } from "./harness/select-meter";
export { zBenchmarkResult, zBenchmarkErrorOutput } from "./harness/result-schema";
export { listTasks, requireTask } from "./tasks/catalog";
export { loadTaskDataset } from "./tasks/registry";
export { validateModel } from "./onnx/validate";
export { getHardwareProfile } from "./hardware/profile";
export { createMeter } from "./meters/create-meter";
export type { Meter, WindowUsage } from "./meters/meter";
export { resolveDataset } from "./datasets/resolve";
