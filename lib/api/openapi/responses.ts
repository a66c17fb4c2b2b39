// Building blocks of the operations: security schemes and requirements, the error responses (one component per
// status, all in the Error shape), and small helpers for JSON bodies and headers.
import { z } from "zod";
import type { ZodOpenApiResponseObject, ZodOpenApiResponsesObject, ZodOpenApiSecuritySchemeObject } from "zod-openapi";
import { PLAIN_NAME } from "../../auth/cookie";
import { zApiError } from "../schemas/common";

/** The browser session cookie of signed-in researchers (set by the accounts routes). */
export const SESSION_COOKIE = PLAIN_NAME;

export const SECURITY_SCHEMES = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description: "An API token: `Authorization: Bearer fb_…`. Create one on the tokens page or with `npm run token:create -- --user NAME`.",
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description:
      "The session of a researcher signed in with a browser (named `__Host-frugal_session` on an https site). " +
      "A state-changing request carried by it must come from this site (Sec-Fetch-Site or Origin), else 403.",
  },
} satisfies Record<string, ZodOpenApiSecuritySchemeObject>;

type SchemeName = keyof typeof SECURITY_SCHEMES;
const requirement = (...names: SchemeName[]) => names.map((name) => ({ [name]: [] }));

/** Readable by anyone: overrides nothing (no global requirement), but says so explicitly. */
export const PUBLIC: Record<string, string[]>[] = [];
/** An API token (the CLI, CI). */
export const BEARER = requirement("bearerToken");
/** A browser session only (managing tokens: a leaked token cannot mint more). */
export const SESSION = requirement("sessionCookie");
/** An API token or a browser session: each entry of the list is an alternative. */
export const BEARER_OR_SESSION = requirement("bearerToken", "sessionCookie");

export const json = (schema: z.ZodType) => ({ "application/json": { schema } });

const retryAfter = z.object({
  "Retry-After": z.string().meta({ description: "Seconds to wait before trying again.", examples: ["3600"] }),
});

const ERRORS = {
  400: { id: "BadRequest", description: "A field or parameter is missing or invalid; the message says which and how to fix it." },
  401: { id: "Unauthorized", description: "No valid credentials: send `Authorization: Bearer <token>` (or sign in); the token may be revoked." },
  403: {
    id: "Forbidden",
    description: "Authenticated, but the resource belongs to someone else, the action is for administrators, or a cookie-carried request came from another site.",
  },
  404: { id: "NotFound", description: "Nothing with that id or name." },
  409: { id: "Conflict", description: "Conflicts with the current state (e.g. the model name is a former name of another model)." },
  413: { id: "PayloadTooLarge", description: "The upload is larger than the server's limit; the message names both sizes." },
  422: { id: "InvalidModel", description: "The ONNX file breaks a rule of the task's contract; `error.rule` names it." },
  429: { id: "TooManyRequests", description: "Too many requests; `Retry-After` says when to try again.", headers: retryAfter },
  503: {
    id: "ServiceUnavailable",
    description: "The database or the queue is unavailable; `Retry-After` says when to try again (30 s).",
    headers: retryAfter,
  },
} as const;

export type ErrorStatus = keyof typeof ERRORS;

// One object per status, so each becomes one component (components/responses) that operations refer to.
const errorResponseObjects = new Map<ErrorStatus, ZodOpenApiResponseObject>(
  (Object.keys(ERRORS).map(Number) as ErrorStatus[]).map((status) => [status, { ...ERRORS[status], content: json(zApiError) }]),
);

/** The error responses an operation can give, all `{ error: { code, message } }`. */
export function errorResponses(...statuses: ErrorStatus[]): ZodOpenApiResponsesObject {
  return Object.fromEntries(statuses.map((status) => [String(status), errorResponseObjects.get(status)!]));
}

export const notModified: ZodOpenApiResponseObject = {
  id: "NotModified",
  description: "The representation named by If-None-Match is still current (no body).",
};

export const ifNoneMatch = z.object({
  "if-none-match": z.string().optional().meta({ description: "An ETag from an earlier answer; a match answers 304." }),
});
