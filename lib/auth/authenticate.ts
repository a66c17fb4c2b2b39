// Who is asking: an API token (`Authorization: Bearer …`, for scripts and CI) or the session cookie (browsers).
// A cookie-authenticated request that changes state must come from this site's pages (csrf.ts).
import { getDb, type Db } from "../db/client";
import { AppError } from "../errors";
import { readSessionCookie } from "./cookie";
import { assertSameOrigin, isSafeMethod } from "./csrf";
import { findSessionUser, type SessionUser } from "./sessions";
import { findTokenUser } from "./tokens";

export type Principal = SessionUser & { via: "token" | "session" };

interface Identified {
  principal: Principal | null;
  /** Why a credential that was sent did not work. */
  problem?: string;
}

const SIGN_IN_HINT =
  "Sign in first (/signin), or send `Authorization: Bearer <token>` with an API token from the /tokens page.";

async function identify(request: Request, db: Db): Promise<Identified> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { principal: null, problem: "The Authorization header must be `Bearer <token>`." };
    const user = await findTokenUser(db, match[1]);
    if (!user) return { principal: null, problem: "This API token is unknown or revoked: create a new one on the /tokens page." };
    return { principal: { ...user, via: "token" } };
  }
  const user = await findSessionUser(db, readSessionCookie(request.headers));
  if (!user) return { principal: null };
  if (!isSafeMethod(request.method)) assertSameOrigin(request.headers);
  return { principal: { ...user, via: "session" } };
}

/**
 * The user behind the request, or null when it carries no working credential. Throws 403 when a session cookie
 * comes with a state-changing request from another site.
 */
export async function authenticate(request: Request, db: Db = getDb()): Promise<Principal | null> {
  return (await identify(request, db)).principal;
}

/** The user, or 401 saying how to sign in (or why the token sent does not work). */
export async function requireUser(request: Request, db: Db = getDb()): Promise<Principal> {
  const { principal, problem } = await identify(request, db);
  if (!principal) throw new AppError("unauthorized", problem ?? SIGN_IN_HINT);
  return principal;
}

/** A signed-in browser session: managing tokens needs one, so a leaked token cannot mint more tokens. */
export async function requireSessionUser(request: Request, db: Db = getDb()): Promise<Principal> {
  const principal = await requireUser(request, db);
  if (principal.via !== "session") {
    throw new AppError("forbidden", "API tokens are managed from a signed-in browser (the /tokens page), not with a token.");
  }
  return principal;
}

export async function requireAdmin(request: Request, db: Db = getDb()): Promise<Principal> {
  const principal = await requireUser(request, db);
  if (principal.role !== "ADMIN") throw new AppError("forbidden", "Only an administrator can do this.");
  return principal;
}

export function isAdmin(principal: { role: string } | null): boolean {
  return principal?.role === "ADMIN";
}
