// Helpers for tests of accounts and permissions: real users signed up through the route, requests as a browser
// with their session cookie would send them, and requests with an API token.
import { randomBytes } from "node:crypto";
import { signUp } from "../auth/accounts";
import { setUserRole } from "../auth/set-role";
import type { Db } from "../db/client";
import { CLIENT_IP_HEADER } from "../http/client-ip";

export const SITE = "http://localhost:3000";
export const TEST_PASSWORD = "correct horse battery staple";

export interface TestUser {
  username: string;
  /** The session cookie, as the browser sends it back. */
  cookie: string;
}

/** A fresh address per call, so per-IP sign-in limits of different tests never meet. */
export function testIp(): string {
  return `10.${randomBytes(3).join(".")}`;
}

export function sessionCookieOf(response: Response): string {
  const setCookie = response.headers.get("set-cookie") ?? "";
  const match = /^(frugal_session=[^;]*)/.exec(setCookie);
  if (!match) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return match[1];
}

/** A JSON request from this site's own page (same-origin), as fetch() in the browser sends it. */
export function browserRequest(
  path: string,
  opts: { method?: string; cookie?: string; json?: unknown; body?: BodyInit; ip?: string; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { origin: SITE, host: "localhost:3000", "sec-fetch-site": "same-origin", [CLIENT_IP_HEADER]: opts.ip ?? testIp() };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.json !== undefined) headers["content-type"] = "application/json";
  Object.assign(headers, opts.headers);
  return new Request(`${SITE}${path}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.json !== undefined ? JSON.stringify(opts.json) : opts.body,
  });
}

export function tokenRequest(path: string, token: string, opts: { method?: string; json?: unknown } = {}): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (opts.json !== undefined) headers["content-type"] = "application/json";
  return new Request(`${SITE}${path}`, { method: opts.method ?? "GET", headers, body: opts.json !== undefined ? JSON.stringify(opts.json) : undefined });
}

export function uniqueUsername(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

/** A new signed-up user with a session (the sign-up route itself is tested in accounts.int.test.ts); `admin`
 * promotes them as `npm run user:admin` does. */
export async function signUpUser(db: Db, prefix: string, opts: { admin?: boolean } = {}): Promise<TestUser> {
  const signedIn = await signUp(db, { username: uniqueUsername(prefix), password: TEST_PASSWORD });
  if (opts.admin) await setUserRole(db, signedIn.user.username, "ADMIN");
  return { username: signedIn.user.username, cookie: `frugal_session=${signedIn.sessionId}` };
}

/** The route context Next.js passes to a dynamic route. */
export function params<T extends Record<string, string>>(value: T): { params: Promise<T> } {
  return { params: Promise.resolve(value) };
}
