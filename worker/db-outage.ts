// PostgreSQL down while the worker runs: it backs off and carries on when the database is back, instead of
// failing jobs that are not at fault. A job it cannot even read is put back in the queue (BullMQ's manual rate
// limit: no attempt is used up) and the worker waits before taking another; a result it cannot store is kept
// and written when the database answers again.
import { databaseReason, isDatabaseUnavailable } from "../lib/db/unavailable";
import { redactSecrets } from "../lib/log/redact";
import { outageBackoffOf, readWorkerSettings } from "./settings";

export interface OutageBackoff {
  /** First wait after a failure, then doubled each time up to maxMs. */
  firstMs: number;
  maxMs: number;
}

/** The settings' defaults (FRUGAL_WORKER_OUTAGE_FIRST_MS, FRUGAL_WORKER_OUTAGE_MAX_MS), for callers that give none. */
export const DEFAULT_OUTAGE_BACKOFF: OutageBackoff = outageBackoffOf(readWorkerSettings({}));

/** Thrown by a job that could not reach PostgreSQL before it started: the job goes back to the queue. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`PostgreSQL is unavailable (${redactSecrets(databaseReason(cause))})`, { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/** Consecutive outages seen by one worker: the wait doubles with each, and resets when the database answers. */
export function createOutageTracker(backoff: OutageBackoff = DEFAULT_OUTAGE_BACKOFF) {
  let failures = 0;
  return {
    nextDelayMs(): number {
      failures++;
      return Math.min(backoff.maxMs, backoff.firstMs * 2 ** (failures - 1));
    },
    reset(): void {
      failures = 0;
    },
    get failures() {
      return failures;
    },
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Runs `call` until it succeeds or fails for another reason than an unreachable database; waits with backoff in
 * between and logs each wait. Gives up (rethrows) once `signal` is aborted, so a stopping worker stops.
 */
export async function untilDatabaseAnswers<T>(
  what: string,
  call: () => Promise<T>,
  opts: { signal?: AbortSignal; backoff?: OutageBackoff; log?: (line: string) => void } = {},
): Promise<T> {
  const tracker = createOutageTracker(opts.backoff);
  const log = opts.log ?? ((line: string) => console.error(line));
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || opts.signal?.aborted) throw error;
      const waitMs = tracker.nextDelayMs();
      log(`[worker] ${what}: PostgreSQL is unavailable (${redactSecrets(databaseReason(error))}); trying again in ${(waitMs / 1000).toFixed(1)} s`);
      await sleep(waitMs, opts.signal);
    }
  }
}
