// Exit statuses of every command (the usages say them too), so a CI step can tell why it stopped.
export const EXIT = {
  /** bench: finished; submit/status: the benchmark succeeded (or, for status without --watch, is still going). */
  finished: 0,
  /** A bug of ours: the stack trace is for a bug report. */
  crashed: 1,
  usage: 2,
  /** The model or the request was refused: bench's validation, the server's 4xx, a benchmark rejected. */
  refused: 3,
  /** The benchmark ran and failed (time or memory limit, a runtime error). */
  failed: 4,
  /** The server could not be reached, answered 5xx, or the wait ran out: try again later. */
  unavailable: 5,
} as const;
