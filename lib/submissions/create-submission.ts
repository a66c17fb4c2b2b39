// A submission is written (with its model bytes) before its job is enqueued: PostgreSQL is the source of truth.
import { createHash } from "node:crypto";
import { BenchmarkError } from "../../benchmarks/types";
import { validateModel } from "../../benchmarks/onnx/validate";
import type { Db, Prisma } from "../db/client";
import { databaseReason } from "../db/unavailable";
import { getEnv } from "../env";
import { forLog } from "../log/redact";
import { AppError } from "../errors";
import { requireTask } from "../tasks/require-task";
import { enqueueBenchmark } from "../queue/get-queue";
import { zSubmissionInput } from "../api/schemas/inputs";
import { parseInput } from "../api/parse-input";
import { HARNESS_VERSION } from "../../benchmarks/version";
import type { TrainingEmissions } from "../training/training-emissions";
import { assertDailyQuota } from "./daily-limit";
import type { PublicStatus } from "./get-submission";

let lastSubmissionMs = 0;

/**
 * Now, but never the same millisecond twice in this process: the queue runs jobs in createdAt order and shows
 * positions by it, and two uploads in one millisecond would otherwise tie.
 */
function submissionTime(): Date {
  lastSubmissionMs = Math.max(Date.now(), lastSubmissionMs + 1);
  return new Date(lastSubmissionMs);
}

export interface CreatedSubmission {
  id: string;
  status: PublicStatus;
  /** True when the same file was already queued or benchmarked for this model and task (nothing new runs). */
  duplicate: boolean;
}

export interface Submitter {
  id: string;
  role?: "USER" | "ADMIN";
}

/** Parses and validates everything before anything is written; refusals are AppErrors that say what to do. */
export async function createSubmission(
  db: Db,
  submitter: Submitter,
  rawInput: Record<string, unknown>,
  fileBytes: Uint8Array | null,
  /** Reported by the submitter (lib/training/training-from-form.ts); stored as given, never measured. */
  training: TrainingEmissions | null = null,
): Promise<CreatedSubmission> {
  const input = parseInput(zSubmissionInput, rawInput);
  const task = requireTask(input.task, "invalid_request");
  if (!fileBytes) throw new AppError("invalid_request", "Attach the ONNX model as the multipart field `file`.");

  const maxBytes = getEnv().FRUGAL_MAX_MODEL_BYTES;
  if (fileBytes.byteLength > maxBytes) {
    throw new AppError("payload_too_large", `The model is ${fileBytes.byteLength} bytes; the limit is ${maxBytes} bytes.`, { rule: "size" });
  }
  try {
    validateModel(fileBytes, task, { maxBytes });
  } catch (error) {
    if (error instanceof BenchmarkError) {
      throw new AppError("invalid_model", error.message, { rule: error.rule });
    }
    throw error;
  }

  const sha256 = createHash("sha256").update(fileBytes).digest("hex");
  const metadata = { name: input.name, description: input.description, paperUrl: input.paperUrl, codeUrl: input.codeUrl, licence: input.licence };
  const outcome = await db.$transaction(async (tx) => {
    // A former name of a renamed model keeps redirecting (badges in papers point at it): it cannot be reused.
    const alias = await tx.modelAlias.findUnique({ where: { slug: input.model }, include: { model: true } });
    if (alias) {
      throw new AppError(
        "conflict",
        `The model name \`${input.model}\` is a former name of \`${alias.model.slug}\`; submit under \`${alias.model.slug}\` or choose another name.`,
      );
    }
    const existing = await tx.model.findUnique({ where: { slug: input.model } });
    if (existing && existing.ownerId !== submitter.id && submitter.role !== "ADMIN") {
      throw new AppError("forbidden", `The model name \`${input.model}\` belongs to another user; choose another name.`);
    }
    if (existing) {
      // Same bytes, same task, same harness: the answer is the submission already made (see findDuplicate).
      const duplicate = await findDuplicate(tx, existing.id, task.id, sha256);
      if (duplicate) return { id: duplicate.id, status: duplicate.status.toLowerCase() as PublicStatus, duplicate: true };
    }
    if (submitter.role !== "ADMIN") await assertDailyQuota(tx, submitter.id);
    const model = existing
      ? await tx.model.update({ where: { id: existing.id }, data: definedOnly(metadata) })
      : await tx.model.create({ data: { slug: input.model, ...definedOnly(metadata), name: input.name ?? input.model, ownerId: submitter.id } });
    await tx.artifact.upsert({
      where: { sha256 },
      update: {},
      create: { sha256, bytes: Buffer.from(fileBytes), sizeBytes: fileBytes.byteLength },
    });
    const created = await tx.submission.create({
      data: {
        modelId: model.id,
        taskId: task.id,
        artifactSha256: sha256,
        submitterId: submitter.id,
        createdAt: submissionTime(),
        trainingEmissions: training ?? undefined,
      },
    });
    return { id: created.id, status: "queued" as const, duplicate: false, createdAt: created.createdAt };
  });
  if (!("createdAt" in outcome)) return outcome;

  try {
    await enqueueBenchmark(outcome.id, outcome.createdAt);
  } catch (error) {
    // The row is safe in PostgreSQL and the reconciler enqueues it when Redis is back; say so loudly.
    console.error(`[submissions] ${outcome.id} saved but not enqueued: ${forLog(databaseReason(error), 300)}`);
  }
  return { id: outcome.id, status: outcome.status, duplicate: false };
}

/**
 * A submission of these bytes for this model and task that makes running them again pointless: one still queued
 * or running, or one that succeeded under the current harness version. Failed and rejected ones are not reused
 * (a failure can be passing: a worker killed, a limit on a busy machine, and uploading again is how an owner
 * retries), nor withdrawn ones (uploading again is how an owner brings a withdrawn result back), nor results of an
 * older harness (uploading again re-measures under the current protocol).
 */
async function findDuplicate(tx: Prisma.TransactionClient, modelId: string, taskId: string, sha256: string) {
  return tx.submission.findFirst({
    where: {
      modelId,
      taskId,
      artifactSha256: sha256,
      OR: [{ status: { in: ["QUEUED", "RUNNING"] } }, { status: "SUCCEEDED", result: { harnessVersion: HARNESS_VERSION } }],
    },
    select: { id: true, status: true },
    orderBy: { createdAt: "desc" },
  });
}

function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
