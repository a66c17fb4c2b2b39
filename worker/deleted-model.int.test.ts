// An owner deletes a model while its benchmark runs, or while it waits in the queue: the worker stops the run (it
// would measure for nobody), records nothing, and ends the job as done, not failed and not tried again.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { getDb } from "../lib/db/client";
import { QUEUE_NAMES } from "../lib/queue/contracts";
import { closeQueues, getQueue } from "../lib/queue/get-queue";
import { createSubmission } from "../lib/submissions/create-submission";
import { TEST_HARNESS, uniqueSlug } from "../lib/testing/fixtures";
import { describeEachQueueBackend } from "../lib/testing/queue-backends";
import { runningWithProgress, waitFor } from "../lib/testing/worker-runs";
import { startWorker } from "./start-worker";

const db = getDb();
const CANCER_LOGREG = new Uint8Array(readFileSync(join(process.cwd(), "benchmarks", "tasks", "breast-cancer", "baselines", "breast-cancer-logreg.onnx")));
// Windows long enough that a run left alone takes over 20 s, so a run stopped early is plain to see.
const SLOW = { windows: 5, maxWindows: 5, windowS: 2, idleS: 0.2, meter: "estimate" as const };

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

async function submit(): Promise<{ id: string; modelId: string }> {
  const user = await db.user.create({ data: { username: uniqueSlug("deleter") } });
  const { id } = await createSubmission(db, user, { model: uniqueSlug("doomed"), task: "breast-cancer" }, CANCER_LOGREG);
  const { modelId } = await db.submission.findUniqueOrThrow({ where: { id } });
  return { id, modelId };
}

/** The queue's job for a submission once it has ended, with how it ended. */
async function endedJob(id: string, timeoutMs: number) {
  const queue = await getQueue(QUEUE_NAMES.benchmark);
  return waitFor(
    async () => {
      const job = await queue.getJob(id);
      const state = await job?.getState();
      return job && (state === "completed" || state === "failed") ? { job, state } : undefined;
    },
    timeoutMs,
    `job ${id} to end`,
  );
}

describeEachQueueBackend("a model deleted while it is benchmarked", () => {
  it("stops the running benchmark, records nothing, and completes the job", async () => {
    const { id, modelId } = await submit();
    const worker = await startWorker(db, SLOW);
    try {
      await waitFor(runningWithProgress(db, id), 60_000, "the benchmark to start");
      const deletedAt = Date.now();
      await db.model.delete({ where: { id: modelId } });

      const { job, state } = await endedJob(id, 60_000);
      expect(state).toBe("completed");
      expect(job.returnvalue).toEqual({ skipped: "deleted while it ran; its benchmark was stopped" });
      expect(job.attemptsMade).toBe(1);
      // Stopped at the next progress write (one 2 s window at most), not after the 20 s of windows left.
      expect(Date.now() - deletedAt).toBeLessThan(10_000);
      expect(await db.submission.count({ where: { id } })).toBe(0);
      expect(await db.result.count({ where: { submissionId: id } })).toBe(0);
    } finally {
      await worker.close();
    }
  });

  it("completes a queued job whose model was deleted without running it", async () => {
    const { id, modelId } = await submit();
    await db.model.delete({ where: { id: modelId } });
    const worker = await startWorker(db, TEST_HARNESS);
    try {
      const { job, state } = await endedJob(id, 60_000);
      expect(state).toBe("completed");
      expect(job.returnvalue).toEqual({ skipped: "deleted before it ran" });
      expect(await db.result.count({ where: { submissionId: id } })).toBe(0);
    } finally {
      await worker.close();
    }
  });
});
