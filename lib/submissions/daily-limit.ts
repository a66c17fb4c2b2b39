// At most FRUGAL_SUBMISSIONS_PER_DAY new submissions per user in any 24 hours (default 20), counted from the
// Submission rows themselves (a sliding window). Administrators are not limited (they re-run baselines), and a
// duplicate upload answered with the existing submission creates no row, so it does not count.
import type { Prisma } from "../db/client";
import { getEnv } from "../env";
import { rateLimited } from "../errors";
import { formatWait } from "../format-wait";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Call inside the transaction that creates the row: the advisory lock makes concurrent uploads of one user wait. */
export async function assertDailyQuota(tx: Prisma.TransactionClient, userId: string, now = new Date()): Promise<void> {
  const limit = getEnv().FRUGAL_SUBMISSIONS_PER_DAY;
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`submissions:${userId}`}))::text`;
  const recent = await tx.submission.findMany({
    where: { submitterId: userId, createdAt: { gt: new Date(now.getTime() - DAY_MS) } },
    select: { createdAt: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  if (recent.length < limit) return;
  const retryAt = new Date(recent[0].createdAt.getTime() + DAY_MS);
  const retryAfterS = (retryAt.getTime() - now.getTime()) / 1000;
  throw rateLimited(
    `You have made ${limit} submissions in the last 24 hours, the most allowed; try again in ${formatWait(retryAfterS)} (after ${retryAt.toISOString()}).`,
    retryAfterS,
  );
}
