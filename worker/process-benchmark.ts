// One job: load the artifact from PostgreSQL, run the harness in its child process, write the outcome.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBenchmark } from "../benchmarks/harness/run-benchmark";
import { BenchmarkError, type BenchmarkOptions, type BenchmarkProgress } from "../benchmarks/types";
import type { Db } from "../lib/db/client";
import { databaseReason, isDatabaseUnavailable } from "../lib/db/unavailable";
import { redactSecrets } from "../lib/log/redact";
import { PermanentJobFailure, type QueueJob } from "../lib/queue/consume";
import { zBenchmarkJob } from "../lib/queue/contracts";
import type { SciAssumptions } from "../lib/sci/sci";
import { markRunning, recordFailure, recordProgress, recordSuccess } from "../lib/submissions/record-result";
import { handBackSubmission, isSubmissionDeleted as isDeleted, loadSubmissionForRun } from "../lib/submissions/run-state";
import { DatabaseUnavailableError, untilDatabaseAnswers, type OutageBackoff } from "./db-outage";

export interface ProcessContext {
  db: Db;
  workerId: string;
  signal: AbortSignal;
  /** Harness settings of this worker (threads, windows…); the rest come from the harness defaults. */
  harness?: Partial<BenchmarkOptions>;
  /** Waits while PostgreSQL is unreachable (worker settings). */
  outageBackoff?: OutageBackoff;
  /** SCI assumptions stored with each result (worker settings). */
  sci?: SciAssumptions;
}

/** A read before the job starts: an unreachable database puts the job back in the queue (start-worker.ts). */
async function beforeStart<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
  }
}

/** A write after the model ran: kept until the database answers (or the worker stops), so no outcome is lost. */
function persist<T>(ctx: ProcessContext, what: string, call: () => Promise<T>): Promise<T> {
  return untilDatabaseAnswers(what, call, { signal: ctx.signal, backoff: ctx.outageBackoff });
}

const PROGRESS_WRITE_INTERVAL_MS = 500;

/** What a job ends with when its submission was deleted: completed, nothing recorded, one line in the log. */
function dropped(submissionId: string, when: string): { skipped: string } {
  console.log(`[worker] ${submissionId}: the model was deleted ${when}; nothing to record`);
  return { skipped: `deleted ${when}` };
}

/**
 * Writes progress to PostgreSQL at most every 500 ms (and on each phase change), one write at a time. A write that
 * finds no running row checks whether the submission was deleted, and if so calls onDeleted (which stops the run).
 */
function progressWriter(db: Db, submissionId: string, onDeleted: () => void) {
  let lastWriteAt = 0;
  let lastPhase = "";
  let chain: Promise<void> = Promise.resolve();
  return {
    onProgress(progress: BenchmarkProgress) {
      const now = Date.now();
      if (progress.phase === lastPhase && now - lastWriteAt < PROGRESS_WRITE_INTERVAL_MS) return;
      lastWriteAt = now;
      lastPhase = progress.phase;
      chain = chain
        .then(() => recordProgress(db, submissionId, progress.percent, progress.phase))
        .then(async (saved) => {
          if (!saved && (await isDeleted(db, submissionId))) onDeleted();
        })
        .catch((error: Error) => console.error(`[worker] progress of ${submissionId} not saved: ${error.message}`));
    },
    flush: () => chain,
  };
}

export async function processBenchmark(job: QueueJob, ctx: ProcessContext): Promise<{ accuracy: number; energyPerInferenceJ: number } | { skipped: string }> {
  const payload = zBenchmarkJob.safeParse(job.data);
  if (!payload.success) throw new PermanentJobFailure(`Bad job payload: ${payload.error.issues[0]?.message}`);
  const { submissionId } = payload.data;
  const { db } = ctx;

  const submission = await beforeStart(() => loadSubmissionForRun(db, submissionId));
  if (!submission) return dropped(submissionId, "before it ran");
  if (!(await beforeStart(() => markRunning(db, submissionId, ctx.workerId)))) return { skipped: `already ${submission.status.toLowerCase()}` };

  const dir = await mkdtemp(join(tmpdir(), "frugal-job-"));
  // Deleting the model stops its benchmark at the next progress write, rather than let it run to the end for nobody.
  const deletion = new AbortController();
  const progress = progressWriter(db, submissionId, () => deletion.abort());
  try {
    const modelPath = join(dir, "model.onnx");
    await writeFile(modelPath, submission.artifact.bytes);
    const result = await runBenchmark({
      ...ctx.harness,
      task: submission.taskId,
      modelPath,
      signal: AbortSignal.any([ctx.signal, deletion.signal]),
      onProgress: progress.onProgress,
    });
    await progress.flush();
    try {
      await persist(ctx, `result of ${submissionId}`, () => recordSuccess(db, submissionId, result, ctx.sci ?? null));
    } catch (error) {
      // Deleted after its last progress write: the result's row has no submission to belong to.
      if (await isDeleted(db, submissionId).catch(() => false)) return dropped(submissionId, "as its benchmark finished");
      throw error;
    }
    return { accuracy: result.accuracy, energyPerInferenceJ: result.energyPerInferenceJ };
  } catch (error) {
    await progress.flush();
    if (deletion.signal.aborted) return dropped(submissionId, "while it ran; its benchmark was stopped");
    await handleFailure(job, ctx, submissionId, error);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function handleFailure(job: QueueJob, ctx: ProcessContext, submissionId: string, error: unknown): Promise<never | void> {
  const { db } = ctx;
  if (error instanceof BenchmarkError && error.code !== "aborted") {
    // The model broke a rule or a limit, or cannot be measured here: running it again would end the same way.
    // REJECTED: the file or its outputs break the task's contract; FAILED: a limit, a crash, an operator fault.
    const status = error.code === "invalid_model" || error.code === "invalid_output" ? "REJECTED" : "FAILED";
    const message = error.rule ? `${error.message} (rule: ${error.rule})` : error.message;
    await persist(ctx, `outcome of ${submissionId}`, () => recordFailure(db, submissionId, status, error.code, message));
    throw new PermanentJobFailure(error.message);
  }
  const attemptsAllowed = job.opts.attempts ?? 1;
  if (!(error instanceof BenchmarkError) && job.attemptsMade + 1 >= attemptsAllowed) {
    // Shown to the submitter: the last line of the error only (no code frame, path or credential).
    const message = `The benchmark could not run after ${attemptsAllowed} attempts: ${redactSecrets(databaseReason(error))}`;
    await persist(ctx, `outcome of ${submissionId}`, () => recordFailure(db, submissionId, "FAILED", "internal", message));
    return;
  }
  // Aborted (the worker is stopping) or a transient fault with attempts left: hand the row back to the queue.
  await persist(ctx, `hand-back of ${submissionId}`, () => handBackSubmission(db, submissionId));
}
