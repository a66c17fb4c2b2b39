// The BullMQ worker: concurrency 1 (one benchmark at a time per machine), heartbeats, and the reconciler.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Worker, type Job } from "bullmq";
import { getHardwareProfile } from "../benchmarks/hardware/profile";
import { selectMeterKind } from "../benchmarks/harness/select-meter";
import type { BenchmarkOptions } from "../benchmarks/types";
import type { Db } from "../lib/db/client";
import { getEnv } from "../lib/env";
import { databaseReason } from "../lib/db/unavailable";
import { redactSecrets } from "../lib/log/redact";
import { QUEUE_NAMES } from "../lib/queue/contracts";
import { getQueue } from "../lib/queue/get-queue";
import { createRedis } from "../lib/queue/redis";
import { reconcileQueue } from "../lib/submissions/reconcile";
import { upsertHardwareProfile } from "../lib/submissions/record-result";
import { createOutageTracker, DatabaseUnavailableError, untilDatabaseAnswers } from "./db-outage";
import { startCalibrator, type Calibrator } from "./calibrate";
import { processBenchmark } from "./process-benchmark";
import { readWorkerSettings, sciAssumptionsOf } from "./settings";

export interface RunningWorker {
  id: string;
  /** The idle calibrator; null when FRUGAL_CALIBRATE=0. */
  calibrator: Calibrator | null;
  /** Stops taking jobs, aborts the one in flight (it is handed back to the queue), and closes connections. */
  close(): Promise<void>;
}

export async function startWorker(db: Db, harness: Partial<BenchmarkOptions> = {}): Promise<RunningWorker> {
  const env = getEnv();
  const settings = readWorkerSettings();
  const outageBackoff = { firstMs: settings.FRUGAL_WORKER_OUTAGE_FIRST_MS, maxMs: settings.FRUGAL_WORKER_OUTAGE_MAX_MS };
  const id = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  // The profile names the meter this machine's results will actually carry (rapl where readable, else estimate).
  const meter = selectMeterKind({ requested: harness.meter }).kind;
  const profile = await getHardwareProfile({ intraOpThreads: harness.intraOpThreads ?? 1, meter });
  // A worker started while PostgreSQL is down waits for it, rather than exiting (and taking `npm start` down).
  await untilDatabaseAnswers(
    "registering the worker",
    async () => {
      await upsertHardwareProfile(db, profile);
      await db.worker.create({ data: { id, hostname: hostname(), pid: process.pid, hardwareProfileId: profile.id } });
    },
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
  const runJob = async (job: Job) => {
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
      await (await getQueue(QUEUE_NAMES.benchmark)).rateLimit(waitMs);
      throw Worker.RateLimitError();
    } finally {
      calibrator?.jobDone();
    }
  };
  const connection = createRedis(env.REDIS_URL, true);
  const worker = new Worker(QUEUE_NAMES.benchmark, runJob, {
    connection,
    prefix: env.FRUGAL_QUEUE_PREFIX,
    concurrency: 1,
    // A benchmark holds the event loop only briefly (the model runs in a child), so locks renew on time;
    // a worker killed mid-run leaves its job stalled, and it is picked up again after the lock expires.
    stalledInterval: settings.FRUGAL_WORKER_STALLED_CHECK_MS,
    lockDuration: settings.FRUGAL_WORKER_LOCK_MS,
  });
  worker.on("failed", (job, error) => console.error(`[worker] ${job?.id ?? "?"} failed: ${redactSecrets(databaseReason(error))}`));
  worker.on("completed", (job) => console.log(`[worker] ${job.id} done`));
  worker.on("error", (error) => console.error(`[worker] ${redactSecrets(error.message)}`));

  const beat = () =>
    db.worker.update({ where: { id }, data: { lastHeartbeatAt: new Date() } }).catch((e: Error) => console.error(`[worker] heartbeat: ${redactSecrets(databaseReason(e))}`));
  const reconcile = () =>
    reconcileQueue(db, settings.FRUGAL_WORKER_STALE_MS)
      .then((ids) => ids.length && console.log(`[worker] re-enqueued ${ids.length} submission(s) left without a job`))
      .catch((e: Error) => console.error(`[worker] reconcile: ${redactSecrets(databaseReason(e))}`));
  await reconcile();
  const timers = [setInterval(beat, settings.FRUGAL_WORKER_HEARTBEAT_MS), setInterval(reconcile, settings.FRUGAL_WORKER_RECONCILE_MS)];
  console.log(`[worker] ${id} ready (profile ${profile.id}: ${profile.cpuModel}, meter ${profile.meter})`);

  return {
    id,
    calibrator,
    async close() {
      timers.forEach(clearInterval);
      await calibrator?.close();
      abort.abort();
      await worker.close();
      connection.disconnect();
      await db.worker.delete({ where: { id } }).catch(() => undefined);
    },
  };
}
