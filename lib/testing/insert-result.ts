// Rows for tests and benchmark scripts that need a board without running the harness: a user, a model, an
// artifact, a submission and its result, with a payload shaped like the harness's BenchmarkResult.
import { createHash, randomBytes } from "node:crypto";
import type { MeterKind } from "../../benchmarks/meters/meter-kinds";
import type { Precision } from "../../benchmarks/onnx/precision";
import type { Db } from "../db/client";
import type { SciAssumptions } from "../sci/sci";
import type { TrainingEmissions } from "../training/training-emissions";
import { resultColumns } from "../submissions/record-result";

export interface InsertResultInput {
  modelSlug: string;
  modelName?: string;
  owner?: string;
  taskId: string;
  accuracy: number;
  energyPerInferenceJ: number;
  /** The 95 % interval of the energy per inference (J); defaults to ±3 %. */
  energyCi95J?: [number, number];
  hardwareProfileId?: string;
  cpuModel?: string;
  meter?: MeterKind;
  status?: "SUCCEEDED" | "WITHDRAWN";
  createdAt?: Date;
  /** Defaults to a fresh random artifact. */
  artifactBytes?: Uint8Array;
  description?: string;
  paperUrl?: string;
  codeUrl?: string;
  licence?: string;
  /** The offline batch (default 256, as before harness 1.4.0 probed it); batchFixed: the model's batch is fixed at 1. */
  offlineBatchSize?: number;
  batchFixed?: boolean;
  /** Defaults to 1.0.0, an old protocol. */
  harnessVersion?: string;
  /** Defaults to fp32. */
  precision?: Precision;
  /** com.microsoft operators the model uses; none by default. */
  onnxruntimeOperators?: string[];
  /** The worker's SCI assumptions; none stored by default (as for results written before workers stored them). */
  sci?: SciAssumptions;
  /** Training figures reported with the submission. */
  trainingEmissions?: TrainingEmissions;
}

export const TEST_HARDWARE_ID = "0000feedbeef0001";

const testProfile = (id: string, cpuModel: string, meter: string) => ({
  id,
  cpuModel,
  cores: 4,
  threads: 8,
  ramBytes: 16e9,
  os: "linux",
  arch: "x64",
  nodeVersion: "v20.0.0",
  onnxruntimeVersion: "1.30.0",
  intraOpThreads: 1,
  meter,
});

export async function ensureHardwareProfile(db: Db, id = TEST_HARDWARE_ID, cpuModel = "Test CPU 9000", meter = "estimate"): Promise<void> {
  await db.hardwareProfile.upsert({ where: { id }, update: {}, create: testProfile(id, cpuModel, meter) });
}

/** Per-window figures around the median, ±3 %, so a drawn spread is visible. */
function windows(energyPerInferenceJ: number) {
  return [0.97, 1.0, 1.03, 0.99, 1.01].flatMap((factor, index) =>
    (["offline", "single-stream"] as const).map((scenario) => {
      const perInference = energyPerInferenceJ * factor * (scenario === "single-stream" ? 2 : 1);
      const inferences = 10_000;
      return { index, scenario, inferences, wallS: 2, cpuS: 2, grossEnergyJ: perInference * inferences + 1, netEnergyJ: perInference * inferences, energyPerInferenceJ: perInference };
    }),
  );
}

export function fakePayload(input: InsertResultInput & { hardwareProfileId: string; meter: string; fileBytes: number; sha256?: string }) {
  const e = input.energyPerInferenceJ;
  const estimated = input.meter === "estimate";
  const ci95J = input.energyCi95J ?? [e * 0.97, e * 1.03];
  const energy = (factor: number) => ({ energyPerInferenceJ: e * factor, ci95J: ci95J.map((j) => j * factor), cv: 0.02, unstable: false, windows: 5 });
  return {
    harnessVersion: input.harnessVersion ?? "1.0.0",
    task: input.taskId,
    samples: 10_000,
    accuracy: input.accuracy,
    macroF1: input.accuracy - 0.002,
    energyPerInferenceJ: e,
    energyCi95J: ci95J,
    energyCv: 0.02,
    unstable: false,
    accuracyPerJoule: input.accuracy / e,
    meter: input.meter,
    estimated,
    meterDetails: estimated ? { wattsPerThread: 4 } : { domains: "intel-rapl:0 (package-0)" },
    idlePowerW: 0.5,
    modelMemoryBytes: 2_000_000,
    peakRssBytes: 102_000_000,
    baselineRssBytes: 100_000_000,
    runPeakRssBytes: 103_000_000,
    fileBytes: input.fileBytes,
    paramCount: 7_850,
    nonZeroParamCount: 7_850,
    precision: input.precision ?? ("fp32" as Precision),
    onnxruntimeOperators: input.onnxruntimeOperators ?? [],
    latencyP50Ms: 0.05,
    latencyP90Ms: 0.07,
    latencyP95Ms: 0.08,
    throughputPerS: 1 / e / 4,
    cpuS: 20,
    wallS: 20,
    offline: { scenario: "offline", batchSize: input.batchFixed ? 1 : (input.offlineBatchSize ?? 256), energy: energy(1), latencyP50Ms: 2, latencyP90Ms: 2.5, latencyP95Ms: 3, throughputPerS: 100_000 },
    ...(input.batchFixed || input.offlineBatchSize
      ? { offlineBatch: input.batchFixed ? { batchSize: 1, rule: "fixed", probes: [] } : { batchSize: input.offlineBatchSize, rule: "probed", probes: [] } }
      : {}),
    singleStream: { scenario: "single-stream", batchSize: 1, energy: energy(2), latencyP50Ms: 0.05, latencyP90Ms: 0.07, latencyP95Ms: 0.08, throughputPerS: 20_000 },
    windows: windows(e),
    intraOpThreads: 1,
    onnxruntimeVersion: "1.30.0",
    hardware: testProfile(input.hardwareProfileId, input.cpuModel ?? "Test CPU 9000", input.meter),
    startedAt: (input.createdAt ?? new Date()).toISOString(),
    finishedAt: (input.createdAt ?? new Date()).toISOString(),
  };
}

/** Inserts everything a result needs (reusing the user, model and profile when they exist). */
export async function insertResult(db: Db, input: InsertResultInput): Promise<{ modelId: string; submissionId: string; resultId: string; sha256: string }> {
  const hardwareProfileId = input.hardwareProfileId ?? TEST_HARDWARE_ID;
  const meter = input.meter ?? "estimate";
  await ensureHardwareProfile(db, hardwareProfileId, input.cpuModel, meter);
  const username = input.owner ?? "test-owner";
  const owner = await db.user.upsert({ where: { username }, update: {}, create: { username } });
  const model = await db.model.upsert({
    where: { slug: input.modelSlug },
    update: {},
    create: {
      slug: input.modelSlug,
      name: input.modelName ?? input.modelSlug,
      ownerId: owner.id,
      description: input.description,
      paperUrl: input.paperUrl,
      codeUrl: input.codeUrl,
      licence: input.licence ?? "MIT",
    },
  });
  const bytes = input.artifactBytes ?? new Uint8Array(randomBytes(64));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db.artifact.upsert({ where: { sha256 }, update: {}, create: { sha256, bytes: Buffer.from(bytes), sizeBytes: bytes.byteLength } });
  const createdAt = input.createdAt ?? new Date();
  const submission = await db.submission.create({
    data: {
      modelId: model.id,
      taskId: input.taskId,
      artifactSha256: sha256,
      submitterId: owner.id,
      status: input.status ?? "SUCCEEDED",
      progress: 100,
      phase: "done",
      createdAt,
      startedAt: createdAt,
      finishedAt: createdAt,
      trainingEmissions: input.trainingEmissions,
    },
  });
  const payload = fakePayload({ ...input, hardwareProfileId, meter, fileBytes: bytes.byteLength, sha256 });
  const result = await db.result.create({ data: { ...resultColumns(submission.id, payload, input.sci ?? null), createdAt }, select: { id: true } });
  return { modelId: model.id, submissionId: submission.id, resultId: result.id, sha256 };
}
