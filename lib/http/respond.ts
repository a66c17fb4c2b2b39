// The edge where domain errors become HTTP: `{ error: { code, message } }` with a fitting status.
import { databaseReason, isDatabaseUnavailable } from "../db/unavailable";
import { AppError, isAppError } from "../errors";
import { redactSecrets } from "../log/redact";

/** Seconds a client is asked to wait before trying again when a service is down. */
const RETRY_AFTER_S = 30;

export function jsonError(error: AppError): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  const retryAfterS = error.details?.retryAfterS;
  if (typeof retryAfterS === "number") headers["Retry-After"] = String(retryAfterS);
  else if (error.code === "service_unavailable") headers["Retry-After"] = String(RETRY_AFTER_S);
  return Response.json({ error: { code: error.code, message: error.message, ...error.details } }, { status: error.httpStatus, headers });
}

/** Wraps a route handler: AppErrors become their response; anything else is logged and answered 500/503. */
export function withErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isAppError(error)) return jsonError(error);
      if (isDatabaseUnavailable(error)) {
        console.error(`[api] database unavailable: ${redactSecrets(databaseReason(error))}`);
        return jsonError(new AppError("service_unavailable", "The database is unavailable; try again in a minute."));
      }
      console.error(`[api] unexpected error: ${redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
      return jsonError(new AppError("internal", "Something went wrong on our side; try again, or report it if it persists."));
    }
  };
}

/** The absolute base URL for links handed to API clients. */
export function publicBaseUrl(request: Request, configured?: string): string {
  return (configured ?? new URL(request.url).origin).replace(/\/$/, "");
}
