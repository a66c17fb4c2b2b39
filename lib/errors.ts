// One error family for the domain. Turned into HTTP responses only at the edges (app/api).
export type AppErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid_request"
  | "invalid_model"
  | "payload_too_large"
  | "conflict"
  | "rate_limited"
  | "service_unavailable"
  | "internal";

/** Each code's HTTP status; the OpenAPI document lists these codes (lib/api/schemas/common.ts). */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_request: 400,
  invalid_model: 422,
  payload_too_large: 413,
  conflict: 409,
  rate_limited: 429,
  service_unavailable: 503,
  internal: 500,
};

/** An error whose message is safe to show to the user and says what to do. */
export class AppError extends Error {
  readonly httpStatus: number;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
    this.httpStatus = HTTP_STATUS[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** 429 with the seconds to wait: the body carries `retryAfterS` and the response a `Retry-After` header. */
export function rateLimited(message: string, retryAfterS: number): AppError {
  return new AppError("rate_limited", message, { retryAfterS: Math.max(1, Math.ceil(retryAfterS)) });
}
