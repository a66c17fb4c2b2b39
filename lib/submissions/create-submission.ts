// A submission is written (with its model bytes) before its job is enqueued: PostgreSQL is the source of truth.
import { createHash } from "node:crypto";
import { z } from "zod";
import { BenchmarkError } from "../../benchmarks/types";
import { validateModel } from "../../benchmarks/onnx/validate";
import { findTask } from "../../benchmarks/tasks/catalog";
import type { Db } from "../db/client";
import { databaseReason } from "../db/unavailable";
import { getEnv } from "../env";
import { forLog } from "../log/redact";
import { AppError } from "../errors";
import { safeHttpUrl, unsafeUrlReason } from "../models/safe-url";
import { enqueueBenchmark } from "../queue/get-queue";

export const zModelSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]([a-z0-9-]{1,62})[a-z0-9]$/, "must be 3–64 characters: letters, digits and '-' (e.g. my-mnist-cnn)");

// Control characters (and Unicode's bidirectional overrides, which can make a name read as another) have no
// place in a one-line name; a description keeps its line breaks and tabs.
// eslint-disable-next-line no-control-regex
const NAME_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const TEXT_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const zPublicUrl = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const reason = unsafeUrlReason(value);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
  })
  .transform((value) => safeHttpUrl(value) as string);

export const zSubmissionInput = z.object({
  model: zModelSlug,
  task: z.string().trim().min(1, "is required (e.g. mnist)"),
  name: z.string().trim().max(120).refine((v) => !NAME_FORBIDDEN.test(v), "must not contain control characters").optional(),
  description: z.string().trim().max(2_000).refine((v) => !TEXT_FORBIDDEN.test(v), "must not contain control characters").optional(),
  paperUrl: zPublicUrl.optional(),
  codeUrl: zPublicUrl.optional(),
});
export type SubmissionInput = z.infer<typeof zSubmissionInput>;

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
  status: "queued";
}

/** Parses and validates everything before anything is written; refusals are AppErrors that say what to do. */
export async function createSubmission(
  db: Db,
  submitter: { id: string },
  rawInput: Record<string, unknown>,
  fileBytes: Uint8Array | null,
): Promise<CreatedSubmission> {
  const parsed = zSubmissionInput.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("invalid_request", `Field \`${issue.path.join(".")}\` ${issue.message}.`);
  }
  const input = parsed.data;
  const task = findTask(input.task);
  if (!task) throw new AppError("invalid_request", `Unknown task \`${input.task.slice(0, 64)}\`. See GET /api/v1/tasks.`);
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
  const submission = await db.$transaction(async (tx) => {
    // A former name of a renamed model keeps redirecting (badges in papers point at it): it cannot be reused.
    const alias = await tx.modelAlias.findUnique({ where: { slug: input.model }, include: { model: true } });
    if (alias) {
      throw new AppError(
        "conflict",
        `The model name \`${input.model}\` is a former name of \`${alias.model.slug}\`; submit under \`${alias.model.slug}\` or choose another name.`,
      );
    }
    const existing = await tx.model.findUnique({ where: { slug: input.model } });
    if (existing && existing.ownerId !== submitter.id) {
      throw new AppError("forbidden", `The model name \`${input.model}\` belongs to another user; choose another name.`);
    }
    const model =
      existing ??
      (await tx.model.create({
        data: {
          slug: input.model,
          name: input.name ?? input.model,
          description: input.description,
          paperUrl: input.paperUrl,
          codeUrl: input.codeUrl,
          ownerId: submitter.id,
        },
      }));
    await tx.artifact.upsert({
      where: { sha256 },
      update: {},
      create: { sha256, bytes: Buffer.from(fileBytes), sizeBytes: fileBytes.byteLength },
    });
    return tx.submission.create({
      data: { modelId: model.id, taskId: task.id, artifactSha256: sha256, submitterId: submitter.id, createdAt: submissionTime() },
    });
  });

  try {
    await enqueueBenchmark(submission.id, submission.createdAt);
  } catch (error) {
    // The row is safe in PostgreSQL and the reconciler enqueues it when Redis is back; say so loudly.
    console.error(`[submissions] ${submission.id} saved but not enqueued: ${forLog(databaseReason(error), 300)}`);
  }
  return { id: submission.id, status: "queued" };
}
