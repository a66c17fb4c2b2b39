// What the worker tests share: waiting on a probe and the submission states they wait for.
import type { Db } from "../db/client";

/** Polls `probe` every `intervalMs` until it gives a value; throws naming `what` (read then) after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  what: string | (() => string),
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out waiting for ${typeof what === "string" ? what : what()}`);
}

/** A probe for a submission that is running and has written progress. */
export const runningWithProgress = (db: Db, id: string) => () =>
  db.submission.findUnique({ where: { id } }).then((row) => (row?.status === "RUNNING" && row.progress > 0 ? row : undefined));

/** A probe for a submission in a final state. */
export const finished = (db: Db, id: string) => () =>
  db.submission.findUnique({ where: { id } }).then((row) => (row && !["QUEUED", "RUNNING"].includes(row.status) ? row : undefined));
