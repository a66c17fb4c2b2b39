// Sign-in and sign-up attempts per IP address: at most FRUGAL_SIGNIN_ATTEMPTS in any FRUGAL_SIGNIN_WINDOW_S
// seconds (default 10 in 15 minutes), counted in PostgreSQL (a sliding window; no Redis needed to sign in). A
// refused attempt is not counted, so waiting out Retry-After always works.
import type { Db } from "../db/client";
import { getEnv } from "../env";
import { rateLimited } from "../errors";
import { formatWait } from "../format-wait";

export async function takeAuthAttempt(db: Db, ip: string, now = new Date()): Promise<void> {
  const env = getEnv();
  const windowMs = env.FRUGAL_SIGNIN_WINDOW_S * 1000;
  const since = new Date(now.getTime() - windowMs);
  const recent = await db.authAttempt.findMany({
    where: { ip, createdAt: { gt: since } },
    select: { createdAt: true },
    orderBy: { createdAt: "asc" },
    take: env.FRUGAL_SIGNIN_ATTEMPTS,
  });
  if (recent.length >= env.FRUGAL_SIGNIN_ATTEMPTS) {
    const retryAfterS = (recent[0].createdAt.getTime() + windowMs - now.getTime()) / 1000;
    throw rateLimited(
      `Too many sign-in attempts from your address (${env.FRUGAL_SIGNIN_ATTEMPTS} in ${formatWait(env.FRUGAL_SIGNIN_WINDOW_S)}); try again in ${formatWait(retryAfterS)}.`,
      retryAfterS,
    );
  }
  await db.authAttempt.create({ data: { ip, createdAt: now } });
  // Rows that no window can see any more are dropped now and then (one attempt in fifty), keeping the table small.
  if (Math.random() < 0.02) await db.authAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
}
