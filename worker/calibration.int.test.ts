// Idle calibration with the real services: a worker with nothing to do re-benchmarks a reference baseline and
// records it; a submission that arrives meanwhile stops the calibration (its child is killed, nothing recorded)
// and starts at once. The queue counts as idle only when no job and no queued row waits.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { benchmarkQueueIsIdle } from "../lib/calibration/calibration-runs";
import { listCalibrationReferences } from "../lib/calibration/references";
import { getDb } from "../lib/db/client";
import { QUEUE_NAMES } from "../lib/queue/contracts";
import { closeQueues, getQueue } from "../lib/queue/get-queue";
import { createSubmission } from "../lib/submissions/create-submission";
import { baselineBytes, uniqueSlug } from "../lib/testing/fixtures";
import { finished, waitFor } from "../lib/testing/worker-runs";
import { startWorker } from "./start-worker";

const db = getDb();
// Windows of 1 s: a calibration takes several seconds, long enough to be caught in its timed phases.
const HARNESS = { windows: 3, maxWindows: 3, windowS: 1, idleS: 0.2, meter: "estimate" as const };
const TIMED_PHASES = ["idle", "offline", "single-stream", "floor"];

beforeEach(() => {
  vi.stubEnv("FRUGAL_CALIBRATE", "1");
  vi.stubEnv("FRUGAL_CALIBRATE_CHECK_MS", "300");
});

afterEach(() => vi.unstubAllEnvs());

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

async function submit(): Promise<{ id: string; createdAt: Date }> {
  const user = await db.user.create({ data: { username: uniqueSlug("calib") } });
  const { id } = await createSubmission(db, user, { model: uniqueSlug("during-calibration"), task: "mnist" }, baselineBytes("mnist-mlp.onnx"));
  return db.submission.findUniqueOrThrow({ where: { id } });
}

describe("idle calibration", () => {
  it("the queue counts as idle only with no job and no queued row", async () => {
    expect(await benchmarkQueueIsIdle(db)).toBe(true);
    const { id } = await submit();
    expect(await benchmarkQueueIsIdle(db)).toBe(false); // a delayed job and a queued row
    await (await getQueue(QUEUE_NAMES.benchmark)).obliterate({ force: true });
    expect(await benchmarkQueueIsIdle(db)).toBe(false); // the row alone (the reconciler would enqueue it again)
    await db.submission.update({ where: { id }, data: { status: "FAILED", errorCode: "runtime_error", error: "closed by the test" } });
    expect(await benchmarkQueueIsIdle(db)).toBe(true);
  });

  it("with nothing queued, the worker records runs of a reference baseline", async () => {
    const worker = await startWorker(db, HARNESS);
    try {
      const row = await waitFor(() => db.calibrationRun.findFirst({ where: { workerId: worker.id } }).then((r) => r ?? undefined), 90_000, "a calibration run");
      expect(listCalibrationReferences().map((r) => r.slug)).toContain(row.referenceSlug);
      expect(row.energyPerInferenceJ).toBeGreaterThan(0);
      const [low, high] = row.withinCi95J as [number, number];
      expect(low).toBeLessThanOrEqual(row.energyPerInferenceJ);
      expect(high).toBeGreaterThanOrEqual(row.energyPerInferenceJ);
      expect(row.windows).toBe(3);
      expect(row.startedAt.getTime()).toBeLessThan(row.createdAt.getTime());
      // Not a submission: no board sees it.
      expect(await db.submission.count({ where: { createdAt: { gte: row.startedAt } } })).toBe(0);
    } finally {
      await worker.close();
    }
  });

  it("a submission enqueued mid-calibration starts within 3 s, and the stopped calibration records nothing", async () => {
    // No timer check during the test (the first runs at start and starts the calibration): only the job's
    // processor can stop it, so this is the path where the worker itself takes the submission.
    vi.stubEnv("FRUGAL_CALIBRATE_CHECK_MS", "600000");
    const worker = await startWorker(db, HARNESS);
    let closed = false;
    try {
      const calibration = await waitFor(
        () => {
          const now = worker.calibrator?.inFlight();
          return now && TIMED_PHASES.includes(now.phase) ? now : undefined;
        },
        90_000,
        "a calibration in its timed phases",
      );
      const submission = await submit();
      const running = await waitFor(
        () => db.submission.findUnique({ where: { id: submission.id } }).then((r) => (r?.startedAt ? r : undefined)),
        30_000,
        "the submission to start",
      );
      // While the job runs, no calibration does.
      expect(worker.calibrator?.inFlight()).toBeNull();
      const waitedMs = running.startedAt!.getTime() - submission.createdAt.getTime();
      console.log(`[test] submission started ${waitedMs} ms after it was made (the queue delays every job by 1 s)`);
      expect(waitedMs).toBeLessThan(3_000);

      const row = await waitFor(finished(db, submission.id), 120_000, "the submission to finish");
      expect(row.status).toBe("SUCCEEDED");
      await worker.close();
      closed = true;
      expect(await db.calibrationRun.count({ where: { workerId: worker.id, startedAt: calibration.startedAt } })).toBe(0);
    } finally {
      if (!closed) await worker.close();
    }
  });

  it("a submission waiting for another worker stops the calibration at the next check, and none starts while it waits", async () => {
    const worker = await startWorker(db, HARNESS);
    let waitingId: string | undefined;
    try {
      const calibration = await waitFor(
        () => {
          const now = worker.calibrator?.inFlight();
          return now && TIMED_PHASES.includes(now.phase) ? now : undefined;
        },
        90_000,
        "a calibration in its timed phases",
      );
      // A queued row with no job: this worker will not take it, yet it waits for some worker.
      const { id } = await submit();
      waitingId = id;
      await (await getQueue(QUEUE_NAMES.benchmark)).obliterate({ force: true });
      await waitFor(() => (worker.calibrator?.inFlight() === null ? true : undefined), 10_000, "the calibration to stop");
      // Checks every 300 ms for 1.5 s: none starts another while the row waits.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(worker.calibrator?.inFlight()).toBeNull();
      expect(await db.calibrationRun.count({ where: { workerId: worker.id, startedAt: { gte: calibration.startedAt } } })).toBe(0);
    } finally {
      await worker.close();
      if (waitingId) await db.submission.update({ where: { id: waitingId }, data: { status: "FAILED", errorCode: "runtime_error", error: "closed by the test" } });
    }
  });
});
