// The public view of a submission: status, live progress, queue position (from PostgreSQL, never Redis), result,
// and once it succeeded, its rank on the board and the model's badge.
import type { z } from "zod";
import type { BenchmarkResult } from "../../benchmarks/types";
import type { zSubmissionStatus, zSubmissionView } from "../api/schemas/submissions";
import type { Db } from "../db/client";
import { zTrainingEmissions, type TrainingEmissions } from "../training/training-emissions";
import { AppError } from "../errors";
import { badgeOfSubmission, rankOfSubmission } from "./submission-standing";

export type PublicStatus = z.infer<typeof zSubmissionStatus>;
export type SubmissionView = z.infer<typeof zSubmissionView>;

/** `baseUrl`: the site's public base URL, for the board and badge links (publicBaseUrl in lib/http/respond.ts). */
export async function getSubmission(db: Db, id: string, { baseUrl }: { baseUrl: string }): Promise<SubmissionView> {
  const row = await db.submission.findUnique({ where: { id }, include: { model: true, result: true } });
  if (!row) throw new AppError("not_found", `No submission with id \`${id.slice(0, 64)}\`.`);

  let queuePosition: number | null = null;
  if (row.status === "QUEUED") {
    // Jobs run in createdAt order (lib/queue/contracts.ts, BENCHMARK_ORDER_DELAY_MS), users' before background ones
    // (baselines, JOB_PRIORITY), one at a time per worker: the position is the number of queued rows ahead, plus one.
    // Rows of the same millisecond (made by two web processes) are ordered by id, so no two show the same position.
    const earlier = { OR: [{ createdAt: { lt: row.createdAt } }, { createdAt: row.createdAt, id: { lt: row.id } }] };
    const ahead = await db.submission.count({
      where: row.background
        ? { status: "QUEUED", OR: [{ background: false }, { background: true, ...earlier }] }
        : { status: "QUEUED", background: false, ...earlier },
    });
    queuePosition = ahead + 1;
  }
  const status = row.status.toLowerCase() as PublicStatus;
  const finished = status === "succeeded" && row.result ? { id: row.id, taskId: row.taskId, modelSlug: row.model.slug, result: row.result } : null;
  return {
    id: row.id,
    status,
    progress: row.progress,
    phase: row.phase,
    queuePosition,
    error: row.error ? { code: row.errorCode ?? "failed", message: row.error } : null,
    model: { slug: row.model.slug, name: row.model.name },
    task: row.taskId,
    sha256: row.artifactSha256,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    result: (row.result?.payload as unknown as BenchmarkResult | undefined) ?? null,
    resultId: row.result?.id ?? null,
    trainingEmissions: readTraining(row.trainingEmissions),
    rank: finished ? await rankOfSubmission(db, finished, baseUrl) : null,
    badge: finished ? badgeOfSubmission(finished, baseUrl) : null,
  };
}

/** The stored training figures, or null when there are none (or a row holds something that is not them). */
export function readTraining(value: unknown): TrainingEmissions | null {
  const parsed = zTrainingEmissions.safeParse(value);
  return parsed.success ? parsed.data : null;
}
