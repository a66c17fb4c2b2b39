// Load: a burst of 500 submissions through the upload route, then two real workers with a test-sized harness
// (one window of 20 ms; the smallest baseline). Every submission reaches a final state, none is lost or run twice,
// job ids are submission ids, and the queue position the API shows at burst time is the order jobs will run in.
// The figures are printed; `npm run bench:burst` prints the same for other sizes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { QUEUE_NAMES } from "@/lib/queue/contracts";
import { closeQueues, getQueue } from "@/lib/queue/get-queue";
import { burstFigures, describeFigures, submitBurst, waitForFinal, type Burst } from "@/lib/testing/burst";
import { describeEachQueueBackend } from "@/lib/testing/queue-backends";
import { startWorker, type RunningWorker } from "@/worker/start-worker";
import { GET as getSubmission } from "./[id]/route";
import { POST as postSubmission } from "./route";

// 500 on the default backend (PostgreSQL); the drain takes ~9 minutes here (a benchmark's child process, ~2 s, is
// the cost, not the queue), so the Redis half runs the same cases on 100.
const COUNT_OF = { postgres: 500, redis: 100 } as const;
const WORKERS = 2;
// The batch is given, so no probe process starts: this test is about the queue, and 500 probes would double its time.
const HARNESS = { windows: 1, maxWindows: 1, windowS: 0.02, idleS: 0.05, meter: "estimate" as const, offlineBatchSize: 114 };
const MODEL = new Uint8Array(readFileSync(join(process.cwd(), "benchmarks", "tasks", "breast-cancer", "baselines", "breast-cancer-logreg.onnx")));
const db = getDb();
const workers: RunningWorker[] = [];
let burst: Burst;
let queuedBefore: number;

beforeAll(() => {
  // Users take turns too (25 × 20), but a daily limit is not what this test measures.
  vi.stubEnv("FRUGAL_SUBMISSIONS_PER_DAY", "100000");
  resetEnvForTests();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  resetEnvForTests();
  await closeQueues();
  await db.$disconnect();
});

async function view(id: string) {
  const response = await getSubmission(new Request(`http://localhost/api/v1/submissions/${id}`), { params: Promise.resolve({ id }) });
  return response.json();
}

describeEachQueueBackend("a burst of submissions", (backend) => {
  const COUNT = COUNT_OF[backend];
  beforeAll(async () => {
    queuedBefore = await db.submission.count({ where: { status: "QUEUED" } });
    burst = await submitBurst(db, postSubmission, { count: COUNT, users: 25, concurrency: 8, task: "breast-cancer", model: MODEL, label: backend });
  }, 300_000);

  afterAll(async () => {
    for (const worker of workers.splice(0)) await worker.close();
  });

  it("stores every one, queued, with one job each whose id is the submission id", async () => {
    expect(new Set(burst.ids).size).toBe(COUNT);
    expect(await db.submission.count({ where: { id: { in: burst.ids }, status: "QUEUED" } })).toBe(COUNT);
    const queue = await getQueue(QUEUE_NAMES.benchmark);
    const jobs = await Promise.all(burst.ids.map((id) => queue.getJob(id)));
    expect(jobs.map((job) => job?.data.submissionId)).toEqual(burst.ids);
  });

  it("shows each a queue position that is its place in the order the jobs will run", async () => {
    const positions = new Map<string, number>();
    for (const id of burst.ids) {
      const shown = await view(id);
      expect(shown.status).toBe("queued");
      positions.set(id, shown.queuePosition);
    }
    // No two the same, no gap: the rows queued before the burst come first, then the burst's 1…500.
    const sorted = [...positions.values()].sort((a, b) => a - b);
    expect(sorted).toEqual(Array.from({ length: COUNT }, (_, i) => queuedBefore + i + 1));
    // The order of the positions is the order in which the workers will take the jobs: due time, then the wait list.
    const queue = await getQueue(QUEUE_NAMES.benchmark);
    const delayed = await queue.getJobs(["delayed"], 0, -1, true);
    const waiting = [...(await queue.getJobs(["wait"], 0, -1, true)), ...delayed].map((job) => job.id as string);
    const mine = new Set(burst.ids);
    const runOrder = waiting.filter((id) => mine.has(id));
    expect(runOrder).toHaveLength(COUNT);
    const byPosition = [...burst.ids].sort((a, b) => (positions.get(a) ?? 0) - (positions.get(b) ?? 0));
    expect(byPosition).toEqual(runOrder);
  });

  it("runs every one to a final state with exactly one result each, none lost and none run twice", async () => {
    const workersStartedAt = new Date();
    for (let w = 0; w < WORKERS; w++) workers.push(await startWorker(db, HARNESS));
    const rows = await waitForFinal(db, burst.ids, 540_000);

    expect(rows).toHaveLength(COUNT);
    expect(rows.every((row) => row.attempts === 1)).toBe(true); // none ran twice
    // A window of 20 ms on a busy machine can now and then measure no net energy; the harness then fails the run
    // with that message (a final state, no result). Anything else is a fault.
    const failed = rows.filter((row) => row.status !== "SUCCEEDED");
    expect(failed.every((row) => row.status === "FAILED" && row.errorCode === "runtime_error" && row.error?.startsWith("The meter attributed no energy"))).toBe(true);
    expect(failed.length).toBeLessThanOrEqual(COUNT / 100);
    const succeeded = new Set(rows.filter((row) => row.status === "SUCCEEDED").map((row) => row.id));
    const results = await db.result.findMany({ where: { submissionId: { in: burst.ids } }, select: { submissionId: true, accuracy: true } });
    expect(results).toHaveLength(succeeded.size); // exactly one per succeeded submission, none for the failed
    expect(new Set(results.map((r) => r.submissionId))).toEqual(succeeded);
    expect(results.every((r) => Math.abs(r.accuracy - 0.9561) < 0.001)).toBe(true); // the same model, measured the same
    const queue = await getQueue(QUEUE_NAMES.benchmark);
    const completed = await Promise.all(burst.ids.map(async (id) => (await queue.getJob(id))?.getState()));
    expect(new Set(completed)).toEqual(new Set(failed.length > 0 ? ["completed", "failed"] : ["completed"]));
    expect((await view(burst.ids[0])).queuePosition).toBeNull();

    console.log(`[burst] ${describeFigures(burstFigures(burst, rows, workersStartedAt))} (${WORKERS} workers, ${backend} queue; ${failed.length} failed)`);
  }, 600_000);
});
