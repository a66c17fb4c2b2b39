// Browser sessions, hand-written on node:crypto rather than a library: the whole of it is a random id in an
// httpOnly cookie and its SHA-256 in PostgreSQL, which fits the existing User/ApiToken tables and Prisma setup
// without a second schema (better-auth brings its own user, account and verification tables). A fresh id is made
// at every sign-in and an id the server did not issue matches no row, so a planted cookie is never adopted
// (no session fixation). Sign-out deletes the row; sign-out everywhere deletes all of the user's rows.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";

/** Thirty days from sign-in; then the user signs in again. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface SessionUser {
  id: string;
  username: string;
  role: "USER" | "ADMIN";
}

export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId, "utf8").digest("hex");
}

/** A new session for the user; the returned id goes into the cookie and is never stored. */
export async function createSession(db: Db, userId: string): Promise<{ sessionId: string; expiresAt: Date }> {
  const sessionId = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.session.create({ data: { userId, tokenHash: hashSessionId(sessionId), expiresAt } });
  // Expired rows of this user go at the same time, so the table does not grow with every sign-in.
  await db.session.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } });
  return { sessionId, expiresAt };
}

/** The user a session id belongs to, or null when it is unknown, expired or malformed. */
export async function findSessionUser(db: Db, sessionId: string | null): Promise<SessionUser | null> {
  if (!sessionId || !/^[A-Za-z0-9_-]{20,100}$/.test(sessionId)) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashSessionId(sessionId) },
    select: { expiresAt: true, user: { select: { id: true, username: true, role: true } } },
  });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  return session.user;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashSessionId(sessionId) } });
}

/** Sign out everywhere: every session of the user ends; API tokens are left alone (they are revoked one by one). */
export async function deleteAllSessions(db: Db, userId: string): Promise<number> {
  return (await db.session.deleteMany({ where: { userId } })).count;
}
