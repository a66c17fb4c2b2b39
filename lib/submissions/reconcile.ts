// PostgreSQL is the source of truth, the queue only delivers work: rows left QUEUED (or RUNNING on a worker that
// stopped beating) with no live job are enqueued again. Safe to run any time: the job id is the submission id.
import { enqueueBenchmark, isBenchmarkLive } from "../queue/get-queue";
import type { Db } from "../db/client";
import { handBackSubmission } from "./run-state";

export async function reconcileQueue(db: Db, staleWorkerMs: number): Promise<string[]> {
  const staleSince = new Date(Date.now() - staleWorkerMs);
  const liveWorkers = await db.worker.findMany({ where: { lastHeartbeatAt: { gte: staleSince } }, select: { id: true } });
  const rows = await db.submission.findMany({
    where: {
      OR: [
        { status: "QUEUED" },
        { status: "RUNNING", OR: [{ workerId: null }, { workerId: { notIn: liveWorkers.map((w) => w.id) } }] },
      ],
    },
    select: { id: true, status: true, createdAt: true, background: true },
    orderBy: { createdAt: "asc" },
  });
  const requeued: string[] = [];
  for (const row of rows) {
    // A finished or failed job for a row that is not final: the row is the truth, so the job runs again.
    if (await isBenchmarkLive(row.id)) continue;
    if (row.status === "RUNNING") await handBackSubmission(db, row.id);
    await enqueueBenchmark(row.id, row.background ? undefined : row.createdAt, row.background ? "background" : "user");
    requeued.push(row.id);
  }
  return requeued;
}
