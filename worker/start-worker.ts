// The BullMQ worker: concurrency 1 (one benchmark at a time per machine), heartbeats, and the reconciler.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { getHardwareProfile } from "../benchmarks/hardware/profile";
import { selectMeterKind } from "../benchmarks/harness/select-meter";
import type { BenchmarkOptions } from "../benchmarks/types";
import type { Db } from "../lib/db/client";
import { describeDatabase } from "../lib/db/describe-database";
import { databaseReason } from "../lib/db/unavailable";
import { redactSecrets } from "../lib/log/redact";
import { describeQueueBackend } from "../lib/queue/backend";
import { consumeQueue, pauseForRateLimit, type QueueJob } from "../lib/queue/consume";
import { QUEUE_NAMES } from "../lib/queue/contracts";
import { reconcileQueue } from "../lib/submissions/reconcile";
import { recordHeartbeat, registerWorker, unregisterWorker } from "../lib/workers/registry";
import { createOutageTracker, DatabaseUnavailableError, untilDatabaseAnswers } from "./db-outage";
import { startCalibrator, type Calibrator } from "./calibrate";
import { processBenchmark } from "./process-benchmark";
import { outageBackoffOf, readWorkerSettings, sciAssumptionsOf } from "./settings";

export interface RunningWorker {
  id: string;
  /** The idle calibrator; null when FRUGAL_CALIBRATE=0. */
  calibrator: Calibrator | null;
  /** Stops taking jobs, aborts the one in flight (it is handed back to the queue), and closes connections. */
  close(): Promise<void>;
}

export async function startWorker(db: Db, harness: Partial<BenchmarkOptions> = {}): Promise<RunningWorker> {
  const settings = readWorkerSettings();
  const outageBackoff = outageBackoffOf(settings);
  const id = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  // The profile names the meter this machine's results will actually carry (rapl where readable, else estimate).
  const meter = selectMeterKind({ requested: harness.meter }).kind;
  const profile = getHardwareProfile({ intraOpThreads: harness.intraOpThreads ?? 1, meter });
  // A worker started while PostgreSQL is down waits for it, rather than exiting (and taking `npm start` down).
  await untilDatabaseAnswers(
    "registering the worker",
    () => registerWorker(db, id, profile),
    { backoff: outageBackoff },
  );

  const abort = new AbortController();
  const outage = createOutageTracker(outageBackoff);
  const calibrator = settings.FRUGAL_CALIBRATE
    ? startCalibrator({
        db,
        workerId: id,
        profile: { hardwareProfileId: profile.id, meter: profile.meter },
        harness,
        everyS: settings.FRUGAL_CALIBRATE_EVERY_S,
        checkMs: settings.FRUGAL_CALIBRATE_CHECK_MS,
      })
    : null;
  const runJob = async (job: QueueJob) => {
    // A submission never waits for a calibration longer than it takes to stop the calibration's child.
    await calibrator?.yieldToJob();
    try {
      const outcome = await processBenchmark(job, { db, workerId: id, signal: abort.signal, harness, outageBackoff, sci: sciAssumptionsOf(settings) });
      outage.reset();
      return outcome;
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) {
        outage.reset();
        throw error;
      }
      // The job goes back to the front of the queue, no attempt used; this worker takes nothing for a while.
      const waitMs = outage.nextDelayMs();
      console.error(`[worker] ${job.id}: ${error.message}; back in the queue, next try in ${(waitMs / 1000).toFixed(1)} s`);
      throw await pauseForRateLimit(waitMs);
    } finally {
      calibrator?.jobDone();
    }
  };
  const consumer = await consumeQueue(QUEUE_NAMES.benchmark, runJob, {
    // A benchmark holds the event loop only briefly (the model runs in a child), so locks renew on time;
    // a worker killed mid-run leaves its job stalled, and it is picked up again after the lock expires.
    stalledIntervalMs: settings.FRUGAL_WORKER_STALLED_CHECK_MS,
    lockDurationMs: settings.FRUGAL_WORKER_LOCK_MS,
    onFailed: (jobId, error) => console.error(`[worker] ${jobId} failed: ${redactSecrets(databaseReason(error))}`),
    onCompleted: (jobId) => console.log(`[worker] ${jobId} done`),
    onError: (error) => console.error(`[worker] ${redactSecrets(error.message)}`),
  });

  const beat = () =>
    recordHeartbeat(db, id).catch((e: Error) => console.error(`[worker] heartbeat: ${redactSecrets(databaseReason(e))}`));
  const reconcile = () =>
    reconcileQueue(db, settings.FRUGAL_WORKER_STALE_MS)
      .then((ids) => ids.length && console.log(`[worker] re-enqueued ${ids.length} submission(s) left without a job`))
      .catch((e: Error) => console.error(`[worker] reconcile: ${redactSecrets(databaseReason(e))}`));
  await reconcile();
  const timers = [setInterval(beat, settings.FRUGAL_WORKER_HEARTBEAT_MS), setInterval(reconcile, settings.FRUGAL_WORKER_RECONCILE_MS)];
  console.log(`[worker] ${id} ready (profile ${profile.id}: ${profile.cpuModel}, meter ${profile.meter}; database ${describeDatabase()}; queue ${describeQueueBackend()})`);

  return {
    id,
    calibrator,
    async close() {
      timers.forEach(clearInterval);
      await calibrator?.close();
      abort.abort();
      await consumer.close();
      await unregisterWorker(db, id);
    },
  };
}
