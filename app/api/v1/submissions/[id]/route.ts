import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { publicBaseUrl, withErrors } from "@/lib/http/respond";
import { getSubmission } from "@/lib/submissions/get-submission";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/submissions/:id — status, progress 0–100, queue position, error, result; once succeeded, rank and badge. */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const view = await getSubmission(getDb(), id, { baseUrl: publicBaseUrl(request, getEnv().FRUGAL_PUBLIC_URL) });
  return Response.json(view, { headers: { "Cache-Control": "no-store" } });
});
