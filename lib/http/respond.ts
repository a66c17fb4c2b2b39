// The edge where domain errors become HTTP: `{ error: { code, message } }` with a fitting status.
import { AppError, isAppError } from "../errors";

export function jsonError(error: AppError): Response {
  const retryAfterS = error.details?.retryAfterS;
  const headers: Record<string, string> = typeof retryAfterS === "number" ? { "Retry-After": String(retryAfterS) } : {};
  return Response.json({ error: { code: error.code, message: error.message, ...error.details } }, { status: error.httpStatus, headers });
}

function isDatabaseUnavailable(error: unknown): boolean {
  const text = `${(error as Error)?.name ?? ""} ${(error as Error)?.message ?? ""} ${(error as { code?: string })?.code ?? ""}`;
  return /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|Connection terminated|connect timeout|DatabaseNotReachable|P1001/i.test(text);
}

/** Wraps a route handler: AppErrors become their response; anything else is logged and answered 500/503. */
export function withErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isAppError(error)) return jsonError(error);
      if (isDatabaseUnavailable(error)) {
        console.error(`[api] database unavailable: ${(error as Error).message}`);
        return jsonError(new AppError("service_unavailable", "The database is unavailable; try again in a minute."));
      }
      console.error("[api] unexpected error", error);
      return jsonError(new AppError("internal", "Something went wrong on our side; try again, or report it if it persists."));
    }
  };
}

/** The absolute base URL for links handed to API clients. */
export function publicBaseUrl(request: Request, configured?: string): string {
  return (configured ?? new URL(request.url).origin).replace(/\/$/, "");
}
