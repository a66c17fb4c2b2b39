// The BullMQ worker: concurrency 1 (one benchmark at a time per machine), heartbeats, and the reconciler.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Worker } from "bullmq";
import { getHardwareProfile } from "../benchmarks/hardware/profile";
import { selectMeterKind } from "../benchmarks/harness/select-meter";
import type { BenchmarkOptions } from "../benchmarks/types";
import type { Db } from "../lib/db/client";
import { getEnv } from "../lib/env";
import { QUEUE_NAMES } from "../lib/queue/contracts";
import { createRedis } from "../lib/queue/redis";
import { reconcileQueue } from "../lib/submissions/reconcile";
import { upsertHardwareProfile } from "../lib/submissions/record-result";
import { processBenchmark } from "./process-benchmark";
import { readWorkerSettings } from "./settings";

export interface RunningWorker {
  id: string;
  /** Stops taking jobs, aborts the one in flight (it is handed back to the queue), and closes connections. */
  close(): Promise<void>;
}

export async function startWorker(db: Db, harness: Partial<BenchmarkOptions> = {}): Promise<RunningWorker> {
  const env = getEnv();
  const settings = readWorkerSettings();
  const id = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  // The profile names the meter this machine's results will actually carry (rapl where readable, else estimate).
  const meter = selectMeterKind({ requested: harness.meter }).kind;
  const profile = await getHardwareProfile({ intraOpThreads: harness.intraOpThreads ?? 1, meter });
  await upsertHardwareProfile(db, profile);
  await db.worker.create({ data: { id, hostname: hostname(), pid: process.pid, hardwareProfileId: profile.id } });

  const abort = new AbortController();
  const connection = createRedis(env.REDIS_URL, true);
  const worker = new Worker(QUEUE_NAMES.benchmark, (job) => processBenchmark(job, { db, workerId: id, signal: abort.signal, harness }), {
    connection,
    prefix: env.FRUGAL_QUEUE_PREFIX,
    concurrency: 1,
    // A benchmark holds the event loop only briefly (the model runs in a child), so locks renew on time;
    // a worker killed mid-run leaves its job stalled, and it is picked up again after the lock expires.
    stalledInterval: settings.FRUGAL_WORKER_STALLED_CHECK_MS,
    lockDuration: settings.FRUGAL_WORKER_LOCK_MS,
  });
  worker.on("failed", (job, error) => console.error(`[worker] ${job?.id ?? "?"} failed: ${error.message}`));
  worker.on("completed", (job) => console.log(`[worker] ${job.id} done`));
  worker.on("error", (error) => console.error(`[worker] ${error.message}`));

  const beat = () =>
    db.worker.update({ where: { id }, data: { lastHeartbeatAt: new Date() } }).catch((e: Error) => console.error(`[worker] heartbeat: ${e.message}`));
  const reconcile = () =>
    reconcileQueue(db, settings.FRUGAL_WORKER_STALE_MS)
      .then((ids) => ids.length && console.log(`[worker] re-enqueued ${ids.length} submission(s) left without a job`))
      .catch((e: Error) => console.error(`[worker] reconcile: ${e.message}`));
  await reconcile();
  const timers = [setInterval(beat, settings.FRUGAL_WORKER_HEARTBEAT_MS), setInterval(reconcile, settings.FRUGAL_WORKER_RECONCILE_MS)];
  console.log(`[worker] ${id} ready (profile ${profile.id}: ${profile.cpuModel}, meter ${profile.meter})`);

  return {
    id,
    async close() {
      timers.forEach(clearInterval);
      abort.abort();
      await worker.close();
      connection.disconnect();
      await db.worker.delete({ where: { id } }).catch(() => undefined);
    },
  };
}
