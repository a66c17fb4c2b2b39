// "PostgreSQL is down or unreachable", told apart from every other database error, so the API can answer 503
// (try again) and the worker can back off, instead of reporting a bug or failing a benchmark that is not at fault.
// The texts and codes are the ones node-postgres, Node's sockets and Prisma (P1001 can't reach, P1002 timed out,
// P1017 server closed the connection) give; PostgreSQL's own 57P01/57P03 are a server shutting down or starting.
const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|Connection terminated|timeout exceeded when trying to connect|connect timeout|Client was closed|not queryable|Can't reach database server|DatabaseNotReachable|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|\bP100[12]\b|\bP1017\b|\b57P0[13]\b/i;

function describe(error: unknown): string {
  if (!error || typeof error !== "object") return String(error);
  const e = error as { name?: string; message?: string; code?: unknown; cause?: unknown };
  const cause = e.cause && e.cause !== error ? describe(e.cause) : "";
  return `${e.name ?? ""} ${e.message ?? ""} ${typeof e.code === "string" ? e.code : ""} ${cause}`;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return UNAVAILABLE.test(describe(error));
}

/** The last line of a database error: Prisma puts a code frame first and the reason last. */
export function databaseReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  return (lines.at(-1) ?? "unknown error").slice(0, 300);
}
