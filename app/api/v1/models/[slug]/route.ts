import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { withErrors } from "@/lib/http/respond";
import { ASSUMPTION_SOURCES } from "@/lib/models/environment";
import { getModel } from "@/lib/models/get-model";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/models/:slug — metadata, every result per task and board (with its windows and the raw result),
 * the version history, and the assumptions of the environmental conversions. A former slug redirects (308).
 */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const found = await getModel(getDb(), slug);
  if (found.kind === "moved") {
    const url = new URL(request.url);
    url.pathname = `/api/v1/models/${encodeURIComponent(found.slug)}`;
    return Response.redirect(url, 308);
  }
  const env = getEnv();
  return Response.json(
    {
      ...found.model,
      environment: {
        gridGPerKwh: env.FRUGAL_GRID_G_PER_KWH,
        wueLPerKwh: env.FRUGAL_WUE_L_PER_KWH,
        sources: ASSUMPTION_SOURCES,
      },
    },
    { headers: { "Cache-Control": "public, max-age=10" } },
  );
});
