// Producers get queues here. getQueue throws when the queue's datastore is unreachable: an enqueue never silently
// does nothing. The backend (PostgreSQL or Redis) comes from configuration (backend.ts).
import { Queue, type BackendFactory, type IQueueBackend, type QueueOptions } from "bullmq";
import { QUEUE_NAMES, BENCHMARK_JOB_NAME, BENCHMARK_JOB_OPTIONS, BENCHMARK_ORDER_DELAY_MS, zBenchmarkJob, type QueueName } from "./contracts";
import { openQueueConnection, type QueueConnection } from "./backend";

/** A BullMQ queue on whichever backend is configured. */
export type AnyQueue = Queue<Record<string, unknown>, unknown, string, Record<string, unknown>, unknown, string, IQueueBackend, unknown>;

interface OpenQueue {
  queue: AnyQueue;
  connection: QueueConnection;
}

const globalForQueues = globalThis as unknown as { frugalQueues?: Map<QueueName, OpenQueue> };

/** A Queue or Worker's options on the connection's backend. */
export function bullOptions(connection: QueueConnection): QueueOptions<unknown> {
  return { connection: connection.connection, ...(connection.prefix ? { prefix: connection.prefix } : {}) };
}

export async function getQueue(name: QueueName): Promise<AnyQueue> {
  const queues = (globalForQueues.frugalQueues ??= new Map());
  let open = queues.get(name);
  if (!open) {
    const connection = openQueueConnection();
    try {
      await connection.assertReachable();
    } catch (error) {
      connection.close();
      throw error;
    }
    const queue = new Queue(name, bullOptions(connection), connection.factory as BackendFactory<IQueueBackend, unknown>) as AnyQueue;
    queue.on("error", (error) => console.error(`[queue:${name}] ${error.message}`));
    open = { queue, connection };
    queues.set(name, open);
  } else {
    await open.connection.assertReachable();
  }
  return open.queue;
}

/** Job priorities (BullMQ: a lower number runs first; jobs without one run before any with one). */
export const JOB_PRIORITY = {
  /** Users' submissions: no priority, so they run before every prioritised job, in submission order. */
  user: undefined,
  /** The seed's baselines and housekeeping runs: after every user's submission waiting at the time. */
  background: 10,
} as const;
export type JobPriority = keyof typeof JOB_PRIORITY;

/**
 * Enqueues the benchmark of a submission; the job id is the submission id, so duplicates are dropped. Given the
 * submission's createdAt, the job runs in createdAt order (BENCHMARK_ORDER_DELAY_MS says how); background jobs
 * (baselines) run after users' submissions.
 */
export async function enqueueBenchmark(submissionId: string, submittedAt?: Date, priority: JobPriority = "user"): Promise<void> {
  const payload = zBenchmarkJob.parse({ submissionId });
  const queue = await getQueue(QUEUE_NAMES.benchmark);
  const order = submittedAt ? { timestamp: submittedAt.getTime(), delay: BENCHMARK_ORDER_DELAY_MS } : {};
  const rank = JOB_PRIORITY[priority] === undefined ? {} : { priority: JOB_PRIORITY[priority] };
  await queue.add(BENCHMARK_JOB_NAME, payload, { ...BENCHMARK_JOB_OPTIONS, ...order, ...rank, jobId: submissionId });
}

export async function closeQueues(): Promise<void> {
  const queues = globalForQueues.frugalQueues;
  if (!queues) return;
  await Promise.all([...queues.values()].map(async ({ queue, connection }) => {
    await queue.close();
    connection.close();
  }));
  queues.clear();
}

const LIVE_STATES = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);

/** True while the submission's job waits or runs; a finished or failed job is removed (the row is the truth). */
export async function isBenchmarkLive(submissionId: string): Promise<boolean> {
  const queue = await getQueue(QUEUE_NAMES.benchmark);
  const job = await queue.getJob(submissionId);
  const state = job ? await job.getState() : "missing";
  if (LIVE_STATES.has(state)) return true;
  if (job) await job.remove().catch(() => undefined);
  return false;
}

/** Benchmark jobs waiting, delayed (a fresh submission's job, or a retry) or running on any worker. */
export async function countPendingBenchmarks(): Promise<number> {
  const counts = await (await getQueue(QUEUE_NAMES.benchmark)).getJobCounts("waiting", "delayed", "prioritized", "active");
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** Jobs per state, for the health route and the read-only queue view. */
export async function benchmarkQueueCounts(): Promise<Record<string, number>> {
  return (await getQueue(QUEUE_NAMES.benchmark)).getJobCounts("waiting", "prioritized", "delayed", "active", "completed", "failed");
}

/** Empties the benchmark queue of every job (tests that begin from nothing). */
export async function emptyBenchmarkQueue(): Promise<void> {
  await (await getQueue(QUEUE_NAMES.benchmark)).obliterate({ force: true });
}
