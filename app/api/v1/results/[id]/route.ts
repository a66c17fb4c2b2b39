import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { publicBaseUrl, withErrors } from "@/lib/http/respond";
import { getResult, resultUrl } from "@/lib/results/get-result";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/results/:id — a permanent result: the figures as measured, the model file's and the test set's
 * hashes, harness and onnxruntime versions, hardware profile, raw windows, and its standing (current, superseded
 * or withdrawn). The figures never change; the standing may, so clients keep it briefly.
 */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const record = await getResult(getDb(), id);
  const url = resultUrl(publicBaseUrl(request, getEnv().FRUGAL_PUBLIC_URL), record.id);
  return Response.json({ ...record, url }, { headers: { "Cache-Control": "public, max-age=60" } });
});
