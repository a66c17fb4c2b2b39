// The workers registry: each worker process registers its hardware profile, beats while alive, and leaves when it
// stops. The reconciler (lib/submissions/reconcile.ts) reads the beats to find runs whose worker went silent.
import { hostname } from "node:os";
import type { HardwareProfile } from "../../benchmarks/types";
import type { Db } from "../db/client";
import { upsertHardwareProfile } from "../submissions/record-result";

export async function registerWorker(db: Db, id: string, profile: HardwareProfile): Promise<void> {
  await upsertHardwareProfile(db, profile);
  await db.worker.create({ data: { id, hostname: hostname(), pid: process.pid, hardwareProfileId: profile.id } });
}

export async function recordHeartbeat(db: Db, id: string): Promise<void> {
  await db.worker.update({ where: { id }, data: { lastHeartbeatAt: new Date() } });
}

/** Best effort: a worker that cannot say goodbye is found by its silent heartbeat instead. */
export async function unregisterWorker(db: Db, id: string): Promise<void> {
  await db.worker.delete({ where: { id } }).catch(() => undefined);
}
