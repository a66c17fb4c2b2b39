import { requireUser } from "@/lib/auth/authenticate";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { publicBaseUrl, withErrors } from "@/lib/http/respond";
import { withdrawSubmission } from "@/lib/submissions/withdraw-submission";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/v1/submissions/:id/withdraw — the model's owner or an admin takes a result back → 200 with the
 * submission (status "withdrawn"). 409 while it is queued or running, or when it has no result.
 */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const db = getDb();
  const user = await requireUser(request, db);
  return Response.json(await withdrawSubmission(db, id, user, { baseUrl: publicBaseUrl(request, getEnv().FRUGAL_PUBLIC_URL) }), { headers: { "Cache-Control": "no-store" } });
});
