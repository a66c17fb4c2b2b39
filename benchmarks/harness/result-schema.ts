// The documented shape of a BenchmarkResult (types.ts) as a zod schema: what `frugalboard bench --json` prints and
// the API serves. `satisfies` keeps it in step with the TypeScript type; the CLI's test parses real output with it.
import { z } from "zod";
import { zMeterKind } from "../meters/meter-kinds";
import { PRECISIONS } from "../onnx/precision";
import type { BenchmarkResult } from "../types";

const zScenario = z.enum(["offline", "single-stream"]);
const nonNegative = z.number().nonnegative();
const zInterval = z.tuple([nonNegative, nonNegative]);

export const zEnergySummary = z.object({
  energyPerInferenceJ: nonNegative,
  ci95J: zInterval,
  cv: nonNegative,
  unstable: z.boolean(),
  windows: z.number().int().positive(),
  grossEnergyPerInferenceJ: nonNegative.optional(),
  processes: z.number().int().positive().optional(),
});

export const zScenarioResult = z.object({
  scenario: zScenario,
  batchSize: z.number().int().positive(),
  energy: zEnergySummary,
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
  netEnergyJ: nonNegative,
  energyPerInferenceJ: nonNegative,
  process: z.number().int().nonnegative().optional(),
});

export const zOfflineBatchChoice = z.object({
  batchSize: z.number().int().positive(),
  rule: z.enum(["fixed", "probed", "given"]),
  probes: z.array(z.object({ batchSize: z.number().int().positive(), cpuSPerSample: nonNegative, blocks: z.number().int().nonnegative() })),
});

export const zHarnessFloor = z.object({
  energyPerQueryJ: nonNegative,
  grossEnergyPerQueryJ: nonNegative,
  cv: nonNegative,
  latencyP50Ms: nonNegative,
  latencyP90Ms: nonNegative,
  windows: z.number().int().positive(),
  windowS: z.number().positive(),
});

export const zHardwareProfile = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  cpuModel: z.string(),
  cores: z.number().int().positive(),
  threads: z.number().int().positive(),
  ramBytes: z.number().int().positive(),
  os: z.string(),
  arch: z.string(),
  nodeVersion: z.string(),
  onnxruntimeVersion: z.string(),
  intraOpThreads: z.number().int().positive(),
  meter: zMeterKind,
});

export const zBenchmarkResult = z.object({
  harnessVersion: z.string(),
  task: z.string(),
  samples: z.number().int().positive(),
  accuracy: z.number().min(0).max(1),
  macroF1: z.number().min(0).max(1),
  energyPerInferenceJ: z.number().positive(),
  energyCi95J: zInterval,
  energyCv: nonNegative,
  unstable: z.boolean(),
  grossEnergyPerInferenceJ: nonNegative.optional(),
  accuracyPerJoule: nonNegative,
  meter: zMeterKind,
  estimated: z.boolean(),
  meterDetails: z.record(z.string(), z.union([z.string(), z.number()])),
  idlePowerW: nonNegative,
  modelMemoryBytes: z.number().int(),
  peakRssBytes: z.number().int().positive(),
  baselineRssBytes: z.number().int().positive(),
  runPeakRssBytes: z.number().int().positive(),
  fileBytes: z.number().int().positive(),
  paramCount: z.number().int().nonnegative(),
  nonZeroParamCount: z.number().int().nonnegative(),
  precision: z.enum(PRECISIONS),
  onnxruntimeOperators: z.array(z.string()),
  latencyP50Ms: nonNegative,
  latencyP90Ms: nonNegative,
  latencyP95Ms: nonNegative,
  throughputPerS: z.number().positive(),
  cpuS: nonNegative,
  wallS: z.number().positive(),
  offline: zScenarioResult,
  offlineBatch: zOfflineBatchChoice.optional(),
  singleStream: zScenarioResult,
  windows: z.array(zEnergyWindow),
  initializerInputsRemoved: z.number().int().nonnegative().optional(),
  runtimeLog: z.array(z.string()).optional(),
  harnessFloor: zHarnessFloor.optional(),
  intraOpThreads: z.number().int().positive(),
  onnxruntimeVersion: z.string(),
  hardware: zHardwareProfile,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
}) satisfies z.ZodType<BenchmarkResult>;

/** What `frugalboard bench --json` prints for a model that was refused or failed. */
export const zBenchmarkErrorOutput = z.object({
  error: z.object({ code: z.string(), rule: z.string().nullable(), message: z.string() }),
});
