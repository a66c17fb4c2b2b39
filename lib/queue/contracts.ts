// The queue contract: the one place that names queues, their payloads and default job options.
// Producer (lib/submissions) and consumer (worker/) both import it; the worker parses every payload again.
import type { JobsOptions } from "bullmq";
import { z } from "zod";

export const QUEUE_NAMES = { benchmark: "benchmark" } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** A benchmark job: the job id is the submission id, so enqueueing the same submission twice is a no-op. */
export const zBenchmarkJob = z.object({
  submissionId: z.string().min(1).max(64),
});
export type BenchmarkJob = z.infer<typeof zBenchmarkJob>;

export const BENCHMARK_JOB_NAME = "benchmark-submission";

/**
 * A job becomes runnable this long after its submission was made, and jobs run in the order of their submission
 * times: BullMQ keeps delayed jobs sorted by due time. So the order is the database's (createdAt), which is what
 * the queue position shown to users counts, even when concurrent uploads reach Redis in another order. The wait
 * covers the time between writing the row and enqueueing its job.
 */
export const BENCHMARK_ORDER_DELAY_MS = 1_000;

export const BENCHMARK_JOB_OPTIONS: JobsOptions = {
  // Retries are for transient faults (database or Redis hiccups, a worker killed mid-run); a model that breaks
  // a rule or a limit fails with UnrecoverableError and is never retried.
  attempts: 3,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
