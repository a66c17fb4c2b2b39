// Producers get queues here. getQueue throws when Redis is unreachable: an enqueue never silently does nothing.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { getEnv } from "../env";
import { QUEUE_NAMES, BENCHMARK_JOB_NAME, BENCHMARK_JOB_OPTIONS, BENCHMARK_ORDER_DELAY_MS, zBenchmarkJob, type QueueName } from "./contracts";
import { assertRedisReachable, createRedis } from "./redis";

interface OpenQueue {
  queue: Queue;
  redis: Redis;
}

const globalForQueues = globalThis as unknown as { frugalQueues?: Map<QueueName, OpenQueue> };

export async function getQueue(name: QueueName): Promise<Queue> {
  const queues = (globalForQueues.frugalQueues ??= new Map());
  let open = queues.get(name);
  if (!open) {
    const redis = createRedis();
    try {
      await assertRedisReachable(redis);
    } catch (error) {
      redis.disconnect();
      throw error;
    }
    const queue = new Queue(name, { connection: redis, prefix: getEnv().FRUGAL_QUEUE_PREFIX });
    queue.on("error", (error) => console.error(`[queue:${name}] ${error.message}`));
    open = { queue, redis };
    queues.set(name, open);
  } else {
    await assertRedisReachable(open.redis);
  }
  return open.queue;
}

/**
 * Enqueues the benchmark of a submission; the job id is the submission id, so duplicates are dropped. Given the
 * submission's createdAt, the job runs in createdAt order (BENCHMARK_ORDER_DELAY_MS says how).
 */
export async function enqueueBenchmark(submissionId: string, submittedAt?: Date): Promise<void> {
  const payload = zBenchmarkJob.parse({ submissionId });
  const queue = await getQueue(QUEUE_NAMES.benchmark);
  const order = submittedAt ? { timestamp: submittedAt.getTime(), delay: BENCHMARK_ORDER_DELAY_MS } : {};
  await queue.add(BENCHMARK_JOB_NAME, payload, { ...BENCHMARK_JOB_OPTIONS, ...order, jobId: submissionId });
}

export async function closeQueues(): Promise<void> {
  const queues = globalForQueues.frugalQueues;
  if (!queues) return;
  await Promise.all([...queues.values()].map(async ({ queue, redis }) => {
    await queue.close();
    redis.disconnect();
  }));
  queues.clear();
}

/** Benchmark jobs waiting, delayed (a fresh submission's job, or a retry) or running on any worker. */
export async function countPendingBenchmarks(): Promise<number> {
  const counts = await (await getQueue(QUEUE_NAMES.benchmark)).getJobCounts("waiting", "delayed", "prioritized", "active");
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
