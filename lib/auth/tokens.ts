// API tokens: random, shown once, stored as SHA-256. A token names its user; nothing else is kept.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors";

const TOKEN_PREFIX = "fb_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface CreatedToken {
  token: string;
  userId: string;
  username: string;
}

/** Creates the user if needed and a new token for them; returns the token in clear (the only time it exists). */
export async function createApiToken(db: Db, username: string, name = "cli"): Promise<CreatedToken> {
  const user = await db.user.upsert({ where: { username }, update: {}, create: { username } });
  const token = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  await db.apiToken.create({
    data: { userId: user.id, name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) },
  });
  return { token, userId: user.id, username: user.username };
}

/** Reads `Authorization: Bearer <token>`; throws 401 with what to do when it is missing, unknown or revoked. */
export async function authenticateBearer(db: Db, authorization: string | null): Promise<{ id: string; username: string }> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) {
    throw new AppError(
      "unauthorized",
      "An API token is required: send `Authorization: Bearer <token>` (create one with `npm run token:create -- --user NAME`).",
    );
  }
  const found = await db.apiToken.findUnique({ where: { tokenHash: hashToken(match[1]) }, include: { user: true } });
  if (!found || found.revokedAt) {
    throw new AppError("unauthorized", "This API token is unknown or revoked: create a new one.");
  }
  await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  return { id: found.user.id, username: found.user.username };
}
