// API tokens: random, shown once, stored as SHA-256. A token names its user; nothing else is kept.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { SessionUser } from "./sessions";

const TOKEN_PREFIX = "fb_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface CreatedToken {
  token: string;
  userId: string;
  username: string;
}

export interface TokenView {
  id: string;
  name: string;
  /** The first characters of the token, to recognise it. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

function newToken(): { token: string; tokenHash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

function view(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }): TokenView {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
}

/** The operator's tool (`npm run token:create`): creates the user if needed (no password) and a token. */
export async function createApiToken(db: Db, username: string, name = "cli"): Promise<CreatedToken> {
  const lower = username.toLowerCase();
  const user = await db.user.upsert({ where: { username: lower }, update: {}, create: { username: lower } });
  const { token, tokenHash, prefix } = newToken();
  await db.apiToken.create({ data: { userId: user.id, name, tokenHash, prefix } });
  return { token, userId: user.id, username: user.username };
}

/** A new token for a signed-in user; the token is in the answer and nowhere else. */
export async function createTokenForUser(db: Db, userId: string, name: string): Promise<TokenView & { token: string }> {
  const { token, tokenHash, prefix } = newToken();
  const row = await db.apiToken.create({ data: { userId, name, tokenHash, prefix } });
  return { ...view(row), token };
}

/** The user's tokens that still work, newest first. */
export async function listTokens(db: Db, userId: string): Promise<TokenView[]> {
  const rows = await db.apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(view);
}

/** Revokes one of the user's own tokens (404 unknown, 403 someone else's; revoking twice is harmless). */
export async function revokeToken(db: Db, user: SessionUser, tokenId: string): Promise<{ id: string; revokedAt: string }> {
  const row = await db.apiToken.findUnique({ where: { id: tokenId } });
  if (!row) throw new AppError("not_found", `No API token with id \`${tokenId.slice(0, 64)}\`.`);
  if (row.userId !== user.id) throw new AppError("forbidden", "This API token belongs to another user; only its owner can revoke it.");
  const revokedAt = row.revokedAt ?? new Date();
  if (!row.revokedAt) await db.apiToken.update({ where: { id: row.id }, data: { revokedAt } });
  return { id: row.id, revokedAt: revokedAt.toISOString() };
}

/** The user a token belongs to (and notes its use), or null when it is unknown or revoked. */
export async function findTokenUser(db: Db, token: string): Promise<SessionUser | null> {
  const found = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!found || found.revokedAt) return null;
  await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  return { id: found.user.id, username: found.user.username, role: found.user.role };
}

/** Reads `Authorization: Bearer <token>`; throws 401 with what to do when it is missing, unknown or revoked. */
export async function authenticateBearer(db: Db, authorization: string | null): Promise<SessionUser> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) {
    throw new AppError("unauthorized", "An API token is required: send `Authorization: Bearer <token>` (create one on the /tokens page).");
  }
  const user = await findTokenUser(db, match[1]);
  if (!user) throw new AppError("unauthorized", "This API token is unknown or revoked: create a new one on the /tokens page.");
  return user;
}
