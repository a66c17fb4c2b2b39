import { getDb } from "@/lib/db/client";
import { databaseReason } from "@/lib/db/unavailable";
import { forLog } from "@/lib/log/redact";
import { serveBadgeEndpoint, toResponse, unavailableBadge } from "@/lib/badges/serve-badge";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/badges/:slug/:task — the shields.io endpoint JSON (schemaVersion 1, label, message, color,
 * cacheSeconds), for https://img.shields.io/endpoint?url=…. Unknown model or task: 404 with a "not found" body in
 * the same schema, so shields shows it; a failure of ours: 503, same schema.
 */
export async function GET(request: Request, context: { params: Promise<{ slug: string; task: string }> }): Promise<Response> {
  const { slug, task } = await context.params;
  try {
    return await serveBadgeEndpoint(getDb(), request, slug, task);
  } catch (error) {
    console.error(`[badge] ${forLog(`${slug}/${task}`)}: ${forLog(databaseReason(error), 300)}`);
    return toResponse(request, unavailableBadge("json"));
  }
}
