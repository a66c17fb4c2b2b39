import { getDb } from "@/lib/db/client";
import { databaseReason } from "@/lib/db/unavailable";
import { forLog } from "@/lib/log/redact";
import { getQueue } from "@/lib/queue/get-queue";
import { QUEUE_NAMES } from "@/lib/queue/contracts";
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

/** GET /api/v1/health — 200 when PostgreSQL and Redis answer, 503 (saying which is down) otherwise. */
export async function GET(): Promise<Response> {
  const [database, redis] = await Promise.all([
    check(() => getDb().$queryRaw`SELECT 1`),
    check(() => getQueue(QUEUE_NAMES.benchmark)),
  ]);
  const ok = database === "ok" && redis === "ok";
  return Response.json(
    { status: ok ? "ok" : "degraded", database, redis, harnessVersion: HARNESS_VERSION },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
