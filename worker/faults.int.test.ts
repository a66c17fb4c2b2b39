// Faults with the real services: a worker killed mid-benchmark, a worker stopped with SIGTERM, the queue losing its
// jobs; on each queue backend. PostgreSQL is the source of truth, so each submission still ends with exactly one result.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../lib/db/client";
import { QUEUE_NAMES } from "../lib/queue/contracts";
import { closeQueues, getQueue } from "../lib/queue/get-queue";
import { createSubmission } from "../lib/submissions/create-submission";
import { reconcileQueue } from "../lib/submissions/reconcile";
import { baselineBytes, TEST_HARNESS, uniqueSlug } from "../lib/testing/fixtures";
import { describeEachQueueBackend } from "../lib/testing/queue-backends";
import { finished as finishedRow, runningWithProgress as runningRow, waitFor } from "../lib/testing/worker-runs";
import { startWorker } from "./start-worker";
import { readWorkerSettings } from "./settings";

const db = getDb();
const FAST_RECOVERY = {
  FRUGAL_WORKER_LOCK_MS: "2000",
  FRUGAL_WORKER_STALLED_CHECK_MS: "1000",
  FRUGAL_WORKER_HEARTBEAT_MS: "500",
  FRUGAL_WORKER_STALE_MS: "1500",
};

beforeAll(() => Object.assign(process.env, FAST_RECOVERY));

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

/** A worker in its own process, with windows long enough to be caught mid-run. */
function spawnWorker(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "worker/main.ts"], {
    env: { ...process.env, ...FAST_RECOVERY, FRUGAL_WINDOWS: "3", FRUGAL_WINDOW_S: "1", FRUGAL_IDLE_S: "0.2" },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

async function submitBaseline(file: string): Promise<string> {
  const user = await db.user.create({ data: { username: uniqueSlug("faults") } });
  const { id } = await createSubmission(db, user, { model: uniqueSlug("faulty"), task: "mnist" }, baselineBytes(file));
  return id;
}

const runningWithProgress = (id: string) => runningRow(db, id);
const finished = (id: string) => finishedRow(db, id);
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

describeEachQueueBackend("worker faults", () => {
  it("kill -9 in the middle of a benchmark: the job is picked up again and exactly one result is stored", async () => {
    const id = await submitBaseline("mnist-logreg.onnx");
    const doomed = spawnWorker();
    await waitFor(runningWithProgress(id), 90_000, "the first worker to start the benchmark");
    doomed.kill("SIGKILL");
    await exited(doomed);

    const rescuer = await startWorker(db, TEST_HARNESS);
    try {
      const row = await waitFor(finished(id), 120_000, "the second worker to finish it");
      expect(row.status).toBe("SUCCEEDED");
      expect(row.attempts).toBeGreaterThanOrEqual(2);
      expect(await db.result.count({ where: { submissionId: id } })).toBe(1);
    } finally {
      await rescuer.close();
    }
  });

  it("SIGTERM: the worker stops promptly and hands its benchmark back, and it runs to the end later", async () => {
    const id = await submitBaseline("mnist-mlp.onnx");
    const worker = spawnWorker();
    await waitFor(runningWithProgress(id), 90_000, "the worker to start the benchmark");
    const stoppedAt = Date.now();
    worker.kill("SIGTERM");
    expect(await exited(worker)).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(15_000);
    const handedBack = await db.submission.findUniqueOrThrow({ where: { id } });
    expect(handedBack.status).toBe("QUEUED");

    const next = await startWorker(db, TEST_HARNESS);
    try {
      const row = await waitFor(finished(id), 120_000, "the handed-back benchmark to finish");
      expect(row.status).toBe("SUCCEEDED");
      expect(await db.result.count({ where: { submissionId: id } })).toBe(1);
    } finally {
      await next.close();
    }
  });

  it("the queue loses every job: the reconciler enqueues the queued rows again and nothing is lost", async () => {
    const id = await submitBaseline("mnist-logreg.onnx");
    const queue = await getQueue(QUEUE_NAMES.benchmark);
    expect(await queue.getJob(id)).toBeTruthy();
    await queue.obliterate({ force: true });
    expect(await queue.getJob(id)).toBeUndefined();

    const requeued = await reconcileQueue(db, readWorkerSettings().FRUGAL_WORKER_STALE_MS);
    expect(requeued).toContain(id);
    expect(await queue.getJob(id)).toBeTruthy();
    expect(await reconcileQueue(db, readWorkerSettings().FRUGAL_WORKER_STALE_MS)).not.toContain(id); // a live job is left alone: no duplicate

    const worker = await startWorker(db, TEST_HARNESS);
    try {
      const row = await waitFor(finished(id), 120_000, "the re-enqueued submission to finish");
      expect(row.status).toBe("SUCCEEDED");
      expect(await db.result.count({ where: { submissionId: id } })).toBe(1);
    } finally {
      await worker.close();
    }
  });
});
