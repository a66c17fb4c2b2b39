// What the rest of the code relies on from the queue, on each backend (PostgreSQL always, Redis where one answers):
// one job per submission, "is it live", submission order, users before background jobs, a permanent failure that is
// never retried, and the rate-limit pause that hands a job back with no attempt used. Trivial processors, real BullMQ.
import { afterAll, beforeEach, expect, it } from "vitest";
import { describeEachQueueBackend } from "../testing/queue-backends";
import { waitFor } from "../testing/worker-runs";
import { consumeQueue, pauseForRateLimit, PermanentJobFailure, type Consumer, type QueueJob } from "./consume";
import { QUEUE_NAMES } from "./contracts";
import { closeQueues, countPendingBenchmarks, emptyBenchmarkQueue, enqueueBenchmark, getQueue, isBenchmarkLive } from "./get-queue";

const consumers: Consumer[] = [];

async function consume(processor: (job: QueueJob) => Promise<unknown>): Promise<void> {
  consumers.push(await consumeQueue(QUEUE_NAMES.benchmark, processor, { lockDurationMs: 5_000, stalledIntervalMs: 5_000 }));
}

async function stopConsumers(): Promise<void> {
  for (const consumer of consumers.splice(0)) await consumer.close();
}

/** Ids as the consumer takes them, until `count` have run. */
async function runOrder(count: number): Promise<string[]> {
  const taken: string[] = [];
  await consume(async (job) => void taken.push(job.data.submissionId as string));
  await waitFor(() => (taken.length >= count ? true : undefined), 30_000, `${count} jobs to run`);
  return taken;
}

const jobOf = async (id: string) => (await getQueue(QUEUE_NAMES.benchmark)).getJob(id);
const unique = (name: string) => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

beforeEach(async () => {
  await stopConsumers();
  await emptyBenchmarkQueue();
});

afterAll(async () => {
  await stopConsumers();
  await closeQueues();
});

describeEachQueueBackend("the queue", () => {
  it("keeps one job per submission, whose id is the submission id, however often it is enqueued", async () => {
    const id = unique("dup");
    await enqueueBenchmark(id);
    await enqueueBenchmark(id);
    await enqueueBenchmark(id, new Date());
    expect((await jobOf(id))?.id).toBe(id);
    expect(await countPendingBenchmarks()).toBe(1);
  });

  it("says a waiting job is live, and a finished one is not (and removes it, so the reconciler can enqueue again)", async () => {
    const id = unique("live");
    await enqueueBenchmark(id);
    expect(await isBenchmarkLive(id)).toBe(true);
    await runOrder(1);
    await waitFor(async () => ((await (await jobOf(id))?.getState()) === "completed" ? true : undefined), 10_000, "the job to complete");
    expect(await isBenchmarkLive(id)).toBe(false);
    expect(await jobOf(id)).toBeUndefined();
    expect(await isBenchmarkLive(unique("never-enqueued"))).toBe(false);
  });

  it("runs jobs in the order of their submission times, not the order they reached the queue", async () => {
    const start = Date.now();
    const ids = Array.from({ length: 6 }, (_, i) => ({ id: unique(`order-${i}`), at: new Date(start + i * 20) }));
    for (const i of [3, 0, 5, 1, 4, 2]) await enqueueBenchmark(ids[i].id, ids[i].at);
    expect(await runOrder(6)).toEqual(ids.map((entry) => entry.id));
  });

  it("runs users' submissions before background jobs (baselines) queued earlier", async () => {
    const background = [unique("baseline-a"), unique("baseline-b")];
    for (const id of background) await enqueueBenchmark(id, undefined, "background");
    const users = [unique("user-a"), unique("user-b")];
    const at = Date.now();
    await enqueueBenchmark(users[0], new Date(at - 2_000));
    await enqueueBenchmark(users[1], new Date(at - 1_900));
    expect(await runOrder(4)).toEqual([...users, ...background]);
  });

  it("fails a job that throws the permanent-failure error once, with attempts left unused", async () => {
    const id = unique("permanent");
    await enqueueBenchmark(id);
    let runs = 0;
    await consume(async () => {
      runs += 1;
      throw new PermanentJobFailure("the model breaks a rule");
    });
    const job = await waitFor(async () => {
      const found = await jobOf(id);
      return (await found?.getState()) === "failed" ? found : undefined;
    }, 15_000, "the job to fail");
    expect({ runs, attemptsMade: job?.attemptsMade, reason: job?.failedReason }).toEqual({ runs: 1, attemptsMade: 1, reason: "the model breaks a rule" });
    expect(job?.opts.attempts).toBe(3);
  });

  it("hands a job paused for a rate limit back to the queue with no attempt used, and runs it after the pause", async () => {
    const id = unique("paused");
    await enqueueBenchmark(id);
    const seen: number[] = [];
    await consume(async (job) => {
      seen.push(job.attemptsMade);
      if (seen.length === 1) throw await pauseForRateLimit(300);
      return "ran";
    });
    await waitFor(async () => ((await (await jobOf(id))?.getState()) === "completed" ? true : undefined), 15_000, "the paused job to run");
    expect(seen).toEqual([0, 0]);
    expect((await jobOf(id))?.attemptsMade).toBe(1);
  });
});
