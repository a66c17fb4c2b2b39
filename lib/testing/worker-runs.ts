// What the worker tests share: waiting on a probe, the submission states they wait for, and a queue cleared of
// what earlier test files left behind.
import type { Db } from "../db/client";
import { emptyBenchmarkQueue } from "../queue/get-queue";

/** Polls `probe` every 100 ms until it gives a value; throws naming `what` after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A probe for a submission that is running and has written progress. */
export const runningWithProgress = (db: Db, id: string) => () =>
  db.submission.findUnique({ where: { id } }).then((row) => (row?.status === "RUNNING" && row.progress > 0 ? row : undefined));

/** A probe for a submission in a final state. */
export const finished = (db: Db, id: string) => () =>
  db.submission.findUnique({ where: { id } }).then((row) => (row && !["QUEUED", "RUNNING"].includes(row.status) ? row : undefined));

/**
 * Earlier test files leave submissions queued (they submit with no worker running). A file that starts workers would
 * have them take those too: close them out, and empty the queue, so the file's figures are about its own jobs
 * whatever order the files run in.
 */
export async function closeOutLeftoverSubmissions(db: Db): Promise<void> {
  await db.submission.updateMany({
    where: { status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", errorCode: "runtime_error", error: "Left queued by an earlier test file." },
  });
  await emptyBenchmarkQueue();
}
