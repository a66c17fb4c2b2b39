import { getDb } from "@/lib/db/client";
import { describeDatabase } from "@/lib/db/describe-database";
import { databaseReason } from "@/lib/db/unavailable";
import { forLog } from "@/lib/log/redact";
import { describeQueueBackend } from "@/lib/queue/backend";
import { benchmarkQueueCounts } from "@/lib/queue/get-queue";
import { HARNESS_VERSION } from "@/lib/engine";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function check(probe: () => Promise<unknown>): Promise<"ok" | string> {
  try {
    await probe();
    return "ok";
  } catch (error) {
    // The reason only (Prisma's message starts with a code frame), never a credential.
    return forLog(databaseReason(error));
  }
}

/** GET /api/v1/health — 200 when PostgreSQL and the queue answer, 503 (saying which is down) otherwise. */
export async function GET(): Promise<Response> {
  const [database, queue] = await Promise.all([check(() => getDb().$queryRaw`SELECT 1`), check(() => benchmarkQueueCounts())]);
  const ok = database === "ok" && queue === "ok";
  return Response.json(
    {
      status: ok ? "ok" : "degraded",
      database,
      queue,
      databaseServer: describeDatabase(),
      queueBackend: describeQueueBackend(),
      harnessVersion: HARNESS_VERSION,
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
