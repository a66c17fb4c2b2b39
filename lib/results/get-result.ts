// A permanent result (/results/<id>, GET /api/v1/results/<id>): the figures as the harness measured them, what
// they were measured on (model file, test set, harness, onnxruntime, hardware) and the raw windows. A Result row is
// written once and never updated (record-result.ts), so this view changes in one way only: its standing — still
// the model's current result on its board, superseded by a re-benchmark, or withdrawn by its owner.
import type { BenchmarkResult, EnergyWindow, HardwareProfile } from "../../benchmarks/types";
import { findTask } from "../../benchmarks/tasks/catalog";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { energyClassOf, type EnergyClass } from "../leaderboard/grades";
import { PRECISION_LABELS, readPrecision } from "../leaderboard/model-format";
import { sciOfResult, type ResultSci } from "../sci/sci-of-result";

export const RESULT_STANDINGS = ["current", "superseded", "withdrawn"] as const;
export type ResultStanding = (typeof RESULT_STANDINGS)[number];

export interface ResultRecord {
  id: string;
  submissionId: string;
  model: { slug: string; name: string };
  task: { id: string; title: string };
  standing: ResultStanding;
  /** The model's current result on the same board when this one is not it (null when none stands). */
  currentResultId: string | null;
  measuredAt: string;
  accuracy: number;
  macroF1: number;
  energyPerInferenceJ: number;
  energyCi95J: [number, number] | null;
  accuracyPerJoule: number;
  /** From the task's dated bounds; null when the task is no longer in the catalogue. */
  energyClass: EnergyClass | null;
  unstable: boolean;
  latencyP50Ms: number;
  modelMemoryBytes: number;
  fileBytes: number;
  paramCount: number;
  meter: string;
  estimated: boolean;
  harnessVersion: string;
  onnxruntimeVersion: string;
  /** The numeric format of the model's weights when the harness recorded it (e.g. float32, int8); else null. */
  numericFormat: string | null;
  artifactSha256: string;
  /** null for results written before the manifest hash was stored. */
  datasetManifestSha256: string | null;
  hardware: HardwareProfile;
  /** SCI per inference, a conversion of the measured energy (null when the result lacks a throughput). */
  sci: ResultSci | null;
  windows: EnergyWindow[];
  raw: BenchmarkResult;
}

const notFound = (id: string) => new AppError("not_found", `No result with id \`${id.slice(0, 64)}\`. Results are listed on each model's page.`);

function readCi(value: unknown): [number, number] | null {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number") ? [value[0], value[1]] : null;
}

/** The result by id; a hidden model's results are not found (as its page is), except when `includeHidden`. */
export async function getResult(db: Db, id: string, opts: { includeHidden?: boolean } = {}): Promise<ResultRecord> {
  const row = await db.result.findUnique({
    where: { id },
    include: { submission: { select: { status: true, artifactSha256: true, modelId: true, model: { select: { slug: true, name: true, hiddenAt: true } } } }, hardwareProfile: true },
  });
  const status = row?.submission.status;
  if (!row || (status !== "SUCCEEDED" && status !== "WITHDRAWN")) throw notFound(id);
  if (row.submission.model.hiddenAt && !opts.includeHidden) throw notFound(id);

  const current = await db.result.findFirst({
    where: { taskId: row.taskId, hardwareProfileId: row.hardwareProfileId, meter: row.meter, submission: { modelId: row.submission.modelId, status: "SUCCEEDED" } },
    select: { id: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const standing: ResultStanding = status === "WITHDRAWN" ? "withdrawn" : current?.id === row.id ? "current" : "superseded";
  const task = findTask(row.taskId);
  const raw = row.payload as unknown as BenchmarkResult;
  const { createdAt: _created, ...hardware } = row.hardwareProfile;
  const precision = readPrecision(row.precision);
  return {
    id: row.id,
    submissionId: row.submissionId,
    model: { slug: row.submission.model.slug, name: row.submission.model.name },
    task: { id: row.taskId, title: task?.title ?? row.taskId },
    standing,
    currentResultId: current && current.id !== row.id ? current.id : null,
    measuredAt: row.createdAt.toISOString(),
    accuracy: row.accuracy,
    macroF1: row.macroF1,
    energyPerInferenceJ: row.energyPerInferenceJ,
    energyCi95J: readCi(raw?.energyCi95J),
    accuracyPerJoule: row.accuracyPerJoule,
    energyClass: task ? energyClassOf(row.energyPerInferenceJ, task.energyClasses) : null,
    unstable: row.unstable,
    latencyP50Ms: row.latencyP50Ms,
    modelMemoryBytes: row.modelMemoryBytes,
    fileBytes: row.fileBytes,
    paramCount: row.paramCount,
    meter: row.meter,
    estimated: row.estimated,
    harnessVersion: row.harnessVersion,
    onnxruntimeVersion: typeof raw?.onnxruntimeVersion === "string" ? raw.onnxruntimeVersion : hardware.onnxruntimeVersion,
    numericFormat: precision ? PRECISION_LABELS[precision] : null,
    artifactSha256: row.submission.artifactSha256,
    datasetManifestSha256: row.datasetManifestSha256,
    hardware: { ...hardware, meter: hardware.meter as HardwareProfile["meter"] },
    sci: sciOfResult(raw, hardware.threads, row.sciAssumptions),
    windows: Array.isArray(raw?.windows) ? raw.windows : [],
    raw,
  };
}

/** The site's URL of a result: one rule, for pages, labels, snippets and citations. */
export function resultUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/$/, "")}/results/${encodeURIComponent(id)}`;
}
