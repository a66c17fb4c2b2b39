// State changes of a submission made by the worker. Each is one write; a finished row is never reopened.
import { datasetManifestSha256 } from "../../benchmarks/datasets/manifest-hash";
import { findTask } from "../../benchmarks/tasks/catalog";
import type { BenchmarkResult, HardwareProfile } from "../../benchmarks/types";
import type { Db } from "../db/client";
import type { SciAssumptions } from "../sci/sci";

/** Claims a queued (or stalled running) submission for a worker; returns false when it is already final. */
export async function markRunning(db: Db, submissionId: string, workerId: string): Promise<boolean> {
  const { count } = await db.submission.updateMany({
    where: { id: submissionId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", workerId, startedAt: new Date(), progress: 0, phase: "starting", attempts: { increment: 1 } },
  });
  return count === 1;
}

/** Progress of a running submission; false when no running row took it (deleted, or handed back). */
export async function recordProgress(db: Db, submissionId: string, percent: number, phase: string): Promise<boolean> {
  const { count } = await db.submission.updateMany({
    where: { id: submissionId, status: "RUNNING" },
    data: { progress: Math.max(0, Math.min(99, Math.floor(percent))), phase },
  });
  return count > 0;
}

export async function upsertHardwareProfile(db: Db, profile: HardwareProfile): Promise<void> {
  const { id, ...fields } = profile;
  await db.hardwareProfile.upsert({ where: { id }, update: {}, create: { id, ...fields } });
}

type ResultColumnSource = Pick<
  BenchmarkResult,
  | "task"
  | "estimated"
  | "harnessVersion"
  | "accuracy"
  | "macroF1"
  | "energyPerInferenceJ"
  | "accuracyPerJoule"
  | "unstable"
  | "modelMemoryBytes"
  | "fileBytes"
  | "paramCount"
  | "nonZeroParamCount"
  | "precision"
  | "onnxruntimeOperators"
  | "latencyP50Ms"
> & { meter: string; hardware: { id: string } };

/** A Result row: the columns boards sort and filter by, each derived from the result stored beside them. */
export function resultColumns(submissionId: string, result: ResultColumnSource, sci: SciAssumptions | null = null) {
  const task = findTask(result.task);
  return {
    submissionId,
    taskId: result.task,
    hardwareProfileId: result.hardware.id,
    meter: result.meter,
    estimated: result.estimated,
    harnessVersion: result.harnessVersion,
    accuracy: result.accuracy,
    macroF1: result.macroF1,
    energyPerInferenceJ: result.energyPerInferenceJ,
    accuracyPerJoule: result.accuracyPerJoule,
    unstable: result.unstable,
    modelMemoryBytes: result.modelMemoryBytes,
    fileBytes: result.fileBytes,
    paramCount: result.paramCount,
    nonZeroParamCount: result.nonZeroParamCount,
    precision: result.precision,
    onnxruntimeOnly: result.onnxruntimeOperators.length > 0,
    latencyP50Ms: result.latencyP50Ms,
    // Of the catalogue this worker runs with, which is the one that loaded (and hash-checked) the test set.
    datasetManifestSha256: task ? datasetManifestSha256(task.dataset) : null,
    sciAssumptions: sci ?? undefined,
    payload: JSON.parse(JSON.stringify(result)),
  };
}

/** Stores the result and finishes the submission in one transaction, so a result never exists half-written. */
/** `sci`: the worker's SCI assumptions, kept with the result so its carbon conversion never moves either. */
export async function recordSuccess(db: Db, submissionId: string, result: BenchmarkResult, sci: SciAssumptions | null = null): Promise<void> {
  await upsertHardwareProfile(db, result.hardware);
  await db.$transaction([
    db.result.upsert({ where: { submissionId }, update: {}, create: resultColumns(submissionId, result, sci) }),
    db.submission.update({
      where: { id: submissionId },
      data: { status: "SUCCEEDED", progress: 100, phase: "done", finishedAt: new Date(), error: null, errorCode: null },
    }),
  ]);
}

/** REJECTED: the model broke a rule. FAILED: it could not be measured (a limit, a crash, an operator fault). */
export async function recordFailure(
  db: Db,
  submissionId: string,
  status: "REJECTED" | "FAILED",
  errorCode: string,
  message: string,
): Promise<void> {
  await db.submission.updateMany({
    where: { id: submissionId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status, errorCode, error: message.slice(0, 2_000), finishedAt: new Date() },
  });
}
