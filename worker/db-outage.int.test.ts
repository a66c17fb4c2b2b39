// PostgreSQL going away while a worker runs, for real: the worker talks to the real server through a TCP proxy
// that the test stops and starts, so only this worker loses its database (the test's own client does not).
// The worker backs off instead of failing jobs, and carries on when PostgreSQL is back; no result is lost.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { distinctCopy } from "../benchmarks/onnx/testing/distinct-copy";
import { createDb, getDb, type Db } from "../lib/db/client";
import { QUEUE_NAMES } from "../lib/queue/contracts";
import { closeQueues, getQueue } from "../lib/queue/get-queue";
import { createSubmission } from "../lib/submissions/create-submission";
import { startTcpProxy, targetOf, type TcpProxy } from "../lib/testing/tcp-proxy";
import { fileDatabaseUrl } from "../lib/testing/test-env";
import { uniqueSlug } from "../lib/testing/fixtures";
import { describeEachQueueBackend } from "../lib/testing/queue-backends";
import { finished as finishedRow, waitFor } from "../lib/testing/worker-runs";
import { startWorker, type RunningWorker } from "./start-worker";

const databaseUrl = fileDatabaseUrl();
const db = getDb();
const CANCER_LOGREG = new Uint8Array(readFileSync(join(process.cwd(), "benchmarks", "tasks", "breast-cancer", "baselines", "breast-cancer-logreg.onnx")));
const QUICK = { windows: 1, maxWindows: 1, windowS: 0.01, idleS: 0.01, meter: "estimate" as const };
const saved = { first: process.env.FRUGAL_WORKER_OUTAGE_FIRST_MS, max: process.env.FRUGAL_WORKER_OUTAGE_MAX_MS };
let proxy: TcpProxy;
let workerDb: Db;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  process.env.FRUGAL_WORKER_OUTAGE_FIRST_MS = "300";
  process.env.FRUGAL_WORKER_OUTAGE_MAX_MS = "1200";
  proxy = await startTcpProxy(targetOf(databaseUrl));
  workerDb = createDb(proxy.urlFor(databaseUrl));
});

afterEach(async () => {
  await proxy.start();
  for (const worker of workers.splice(0)) await worker.close();
  vi.restoreAllMocks();
});

afterAll(async () => {
  process.env.FRUGAL_WORKER_OUTAGE_FIRST_MS = saved.first;
  process.env.FRUGAL_WORKER_OUTAGE_MAX_MS = saved.max;
  await workerDb.$disconnect();
  await proxy.close();
  await closeQueues();
  await db.$disconnect();
});

/** Submits a distinct copy of the breast-cancer logreg baseline (createSubmission: row first, then the job). */
async function submit(): Promise<string> {
  const user = await db.user.create({ data: { username: uniqueSlug("outage") } });
  const slug = uniqueSlug("outage");
  const { id } = await createSubmission(db, user, { model: slug, task: "breast-cancer" }, distinctCopy(CANCER_LOGREG, slug));
  return id;
}

const finished = (id: string) => finishedRow(db, id);

function captureErrors(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  return lines;
}

describeEachQueueBackend("the worker while its PostgreSQL client is cut off", () => {
  it("does not start a job it cannot read: the job waits in the queue with no attempt used, and runs once PostgreSQL is back", async () => {
    const errors = captureErrors();
    workers.push(await startWorker(workerDb, QUICK));
    await proxy.stop();
    const id = await submit();

    // Long enough for several tries with the 300 ms → 1.2 s backoff.
    await waitFor(() => (errors.filter((line) => line.includes(`${id}: PostgreSQL is unavailable`)).length >= 3 ? true : undefined), 20_000, "three backed-off tries");
    const waiting = await db.submission.findUniqueOrThrow({ where: { id } });
    expect({ status: waiting.status, attempts: waiting.attempts }).toEqual({ status: "QUEUED", attempts: 0 });
    const job = await (await getQueue(QUEUE_NAMES.benchmark)).getJob(id);
    expect(job?.attemptsMade).toBe(0);
    expect(["waiting", "delayed", "active"]).toContain(await job?.getState());
    expect(errors.some((line) => line.includes("back in the queue, next try in 1.2 s"))).toBe(true); // the wait grew to its cap

    await proxy.start();
    const row = await waitFor(finished(id), 60_000, "the job to finish after PostgreSQL came back");
    expect({ status: row.status, attempts: row.attempts }).toEqual({ status: "SUCCEEDED", attempts: 1 });
    expect(await db.result.count({ where: { submissionId: id } })).toBe(1);
  });

  it("keeps a finished benchmark's result while PostgreSQL is down and stores it, once, when it is back", async () => {
    const errors = captureErrors();
    // Windows of half a second, so the run is caught in the middle.
    workers.push(await startWorker(workerDb, { ...QUICK, windows: 2, maxWindows: 2, windowS: 0.5 }));
    const id = await submit();
    await waitFor(() => db.submission.findUnique({ where: { id } }).then((r) => (r?.status === "RUNNING" && r.progress > 0 ? r : undefined)), 30_000, "the run to start");
    await proxy.stop();
    await waitFor(() => (errors.some((line) => line.includes(`result of ${id}: PostgreSQL is unavailable`)) ? true : undefined), 30_000, "the result to wait for PostgreSQL");
    expect((await db.submission.findUniqueOrThrow({ where: { id } })).status).toBe("RUNNING");

    await proxy.start();
    const row = await waitFor(finished(id), 30_000, "the result to be stored");
    expect({ status: row.status, attempts: row.attempts }).toEqual({ status: "SUCCEEDED", attempts: 1 });
    expect(await db.result.count({ where: { submissionId: id } })).toBe(1);
  });

  it("a worker started while PostgreSQL is down waits for it instead of exiting, then takes jobs", async () => {
    const errors = captureErrors();
    await proxy.stop();
    let started: RunningWorker | undefined;
    const starting = startWorker(workerDb, QUICK).then((worker) => (started = worker));
    await waitFor(() => (errors.some((line) => line.includes("registering the worker: PostgreSQL is unavailable")) ? true : undefined), 20_000, "a wait to register");
    expect(started).toBeUndefined();

    await proxy.start();
    workers.push(await starting);
    expect(await db.worker.findUnique({ where: { id: workers[0].id } })).not.toBeNull();
    const id = await submit();
    expect((await waitFor(finished(id), 60_000, "the job")).status).toBe("SUCCEEDED");
  });
});
