// A BenchmarkResult as a zod schema: the source of the result types (types.ts infers them from here), what
// `frugalboard bench --json` prints and the API serves. The CLI's test parses real output with it.
import { z } from "zod";
import { zMeterKind } from "../meters/meter-kinds";
import { PRECISIONS } from "../onnx/precision";

export const zScenario = z.enum(["offline", "single-stream"]);
const nonNegative = z.number().nonnegative();
const zInterval = z.tuple([nonNegative, nonNegative]);

export const zEnergySummary = z.object({
  /** Median of the per-window net energy per inference. */
  energyPerInferenceJ: nonNegative,
  ci95J: zInterval,
  /** Coefficient of variation of the per-window figures (0.05 = 5 %). */
  cv: nonNegative,
  unstable: z.boolean(),
  windows: z.number().int().positive(),
  /** Median of the per-window gross energy per inference (idle power not subtracted). */
  grossEnergyPerInferenceJ: nonNegative.optional(),
  /** Processes the windows were measured in; the interval is then over the processes' means. */
  processes: z.number().int().positive().optional(),
});

export const zScenarioResult = z.object({
  scenario: zScenario,
  batchSize: z.number().int().positive(),
  energy: zEnergySummary,
  /** Time of one session.run call (one batch in offline, one sample in single-stream). */
  latencyP50Ms: nonNegative,
  latencyP90Ms: nonNegative,
  latencyP95Ms: nonNegative,
  throughputPerS: z.number().positive(),
});

export const zEnergyWindow = z.object({
  index: z.number().int().nonnegative(),
  scenario: zScenario,
  inferences: z.number().int().positive(),
  wallS: z.number().positive(),
  cpuS: nonNegative,
  grossEnergyJ: nonNegative,
  /** gross − idle power × wall time (never below 0). */
  netEnergyJ: nonNegative,
  energyPerInferenceJ: nonNegative,
  /** Which of the run's processes measured it (offline windows are spread over several; offline-windows.ts). */
  process: z.number().int().nonnegative().optional(),
});

export const zOfflineBatchChoice = z.object({
  batchSize: z.number().int().positive(),
  /** "fixed": the model's batch dimension allows one size; "probed": the cheapest of the probed sizes; "given": set by the caller. */
  rule: z.enum(["fixed", "probed", "given"]),
  probes: z.array(z.object({ batchSize: z.number().int().positive(), cpuSPerSample: nonNegative, blocks: z.number().int().nonnegative() })),
});

/**
 * The harness floor (docs/architecture.md, "Measurement protocol" step 8): a null model with the task's contract (constant scores) measured in
 * single-stream the same way as the model, so a reader sees how much of a query's cost is the runtime's own.
 * Cheaper than the model's scenarios: a few windows (3) of half the window length, none added for a high CV.
 */
export const zHarnessFloor = z.object({
  /** Median net energy per query (batch 1). */
  energyPerQueryJ: nonNegative,
  grossEnergyPerQueryJ: nonNegative,
  cv: nonNegative,
  /** Time of one session.run call of the null model at batch 1. */
  latencyP50Ms: nonNegative,
  latencyP90Ms: nonNegative,
  windows: z.number().int().positive(),
  windowS: z.number().positive(),
});

export const zHardwareProfile = z.object({
  /** Stable id: a short hash of the fields below (not of the hostname). */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  cpuModel: z.string(),
  cores: z.number().int().positive(),
  threads: z.number().int().positive(),
  ramBytes: z.number().int().positive(),
  os: z.string(),
  arch: z.string(),
  nodeVersion: z.string(),
  onnxruntimeVersion: z.string(),
  /** intra-op threads given to onnxruntime for this result. */
  intraOpThreads: z.number().int().positive(),
  meter: zMeterKind,
});

export const zBenchmarkResult = z.object({
  harnessVersion: z.string(),
  task: z.string(),
  samples: z.number().int().positive(),
  accuracy: z.number().min(0).max(1),
  macroF1: z.number().min(0).max(1),
  /** Offline scenario (boards rank by it). */
  energyPerInferenceJ: z.number().positive(),
  energyCi95J: zInterval,
  energyCv: nonNegative,
  unstable: z.boolean(),
  /** Offline median of the per-window gross energy per inference: energyPerInferenceJ before idle subtraction. */
  grossEnergyPerInferenceJ: nonNegative.optional(),
  /** accuracy ÷ energyPerInferenceJ: correct predictions per joule. */
  accuracyPerJoule: nonNegative,
  meter: zMeterKind,
  /** True for the `estimate` meter: every output must say the figure is estimated. */
  estimated: z.boolean(),
  meterDetails: z.record(z.string(), z.union([z.string(), z.number()])),
  idlePowerW: nonNegative,
  /**
   * The model's footprint (docs/architecture.md, "Measurement protocol" step 3): peak RSS of the child from creating the session through one pass
   * over the test set, minus baselineRssBytes (RSS with the runtime, test set and input tensors loaded, before
   * the session).
   */
  modelMemoryBytes: z.number().int(),
  /** Peak RSS of the child up to the end of that pass: modelMemoryBytes = peakRssBytes − baselineRssBytes. */
  peakRssBytes: z.number().int().positive(),
  baselineRssBytes: z.number().int().positive(),
  /**
   * Peak RSS of the child over the whole run, windows included. Above peakRssBytes by what the JS runtime's
   * garbage from hundreds of thousands of calls adds; that grows with the windows, so it is not the model's.
   */
  runPeakRssBytes: z.number().int().positive(),
  fileBytes: z.number().int().positive(),
  paramCount: z.number().int().nonnegative(),
  nonZeroParamCount: z.number().int().nonnegative(),
  precision: z.enum(PRECISIONS),
  /** com.microsoft operators the model uses: a result that only onnxruntime can reproduce. */
  onnxruntimeOperators: z.array(z.string()),
  /** Single-stream scenario (batch 1): time of one session.run call. */
  latencyP50Ms: nonNegative,
  latencyP90Ms: nonNegative,
  latencyP95Ms: nonNegative,
  /** Offline scenario: samples per second of the measured windows. */
  throughputPerS: z.number().positive(),
  /** CPU and wall seconds of all measured windows (both scenarios). */
  cpuS: nonNegative,
  wallS: z.number().positive(),
  offline: zScenarioResult,
  /** How the offline batch was chosen, with the probe's figures (choose-batch.ts). Absent before harness 1.4.0. */
  offlineBatch: zOfflineBatchChoice.optional(),
  singleStream: zScenarioResult,
  windows: z.array(zEnergyWindow),
  /** Graph inputs that were initializers too, removed before the session was made (they are weights). Since 1.4.0. */
  initializerInputsRemoved: z.number().int().nonnegative().optional(),
  /** onnxruntime's warnings while it loaded and ran the model (at most RUNTIME_LOG_LINES lines). Since 1.4.0. */
  runtimeLog: z.array(z.string()).optional(),
  /** The null model's cost at batch 1, beside singleStream. */
  harnessFloor: zHarnessFloor.optional(),
  intraOpThreads: z.number().int().positive(),
  onnxruntimeVersion: z.string(),
  hardware: zHardwareProfile,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
});

/** What `frugalboard bench --json` prints for a model that was refused or failed. */
export const zBenchmarkErrorOutput = z.object({
  error: z.object({ code: z.string(), rule: z.string().nullable(), message: z.string() }),
});
