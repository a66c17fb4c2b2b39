// The consuming side of the queue: a BullMQ Worker on the configured backend, the permanent-failure error and the
// rate-limit pause. worker/ sees these and never BullMQ itself.
import { UnrecoverableError, Worker, type BackendFactory, type IQueueBackend, type Job } from "bullmq";
import { openQueueConnection } from "./backend";
import { QUEUE_NAMES, type QueueName } from "./contracts";
import { bullOptions, getQueue } from "./get-queue";

export type QueueJob = Job;

/** Thrown by a processor for a job that must never be retried (a bad payload, a model that breaks a rule). */
export class PermanentJobFailure extends UnrecoverableError {}

export interface ConsumeOptions {
  /** Milliseconds a job's lock lasts; a worker killed mid-run leaves its job stalled until then. */
  lockDurationMs: number;
  /** How often stalled jobs are looked for. */
  stalledIntervalMs: number;
  onFailed?: (jobId: string, error: Error) => void;
  onCompleted?: (jobId: string) => void;
  onError?: (error: Error) => void;
}

export interface Consumer {
  close(): Promise<void>;
}

/**
 * Consumes the queue, one job at a time (one benchmark at a time per machine). On PostgreSQL, BullMQ's tables must
 * exist before a worker polls them, so a schema no producer has used yet (a new prefix) is made first; a database
 * that does not answer yet is left to the worker's outage handling, and BullMQ retries.
 */
export async function consumeQueue(name: QueueName, processor: (job: QueueJob) => Promise<unknown>, options: ConsumeOptions): Promise<Consumer> {
  const connection = openQueueConnection(true);
  if (connection.backend === "postgres") await connection.assertReachable().catch(() => undefined);
  const worker = new Worker(
    name,
    processor,
    {
      ...bullOptions(connection),
      concurrency: 1,
      stalledInterval: options.stalledIntervalMs,
      lockDuration: options.lockDurationMs,
    },
    connection.factory as BackendFactory<IQueueBackend, unknown>,
  );
  worker.on("failed", (job, error) => options.onFailed?.(job?.id ?? "?", error));
  worker.on("completed", (job) => options.onCompleted?.(job.id ?? "?"));
  worker.on("error", (error) => options.onError?.(error));
  return {
    async close() {
      await worker.close();
      connection.close();
    },
  };
}

/**
 * Puts the job being processed back at the front of the queue, with no attempt used, and keeps this queue's workers
 * from taking jobs for waitMs. The processor must throw what this returns.
 */
export async function pauseForRateLimit(waitMs: number): Promise<Error> {
  await (await getQueue(QUEUE_NAMES.benchmark)).rateLimit(waitMs);
  return Worker.RateLimitError();
}
