import { getDb } from "@/lib/db/client";
import { databaseReason } from "@/lib/db/unavailable";
import { forLog } from "@/lib/log/redact";
import { badgeContent } from "@/lib/badges/badge-content";
import { renderBadgeSvg } from "@/lib/badges/render-badge";
import { serveBadgeSvg, toResponse, unavailableBadge } from "@/lib/badges/serve-badge";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /badge/:slug/:task.svg?style=flat|flat-square|for-the-badge|plastic — the model's badge for a task, drawn
 * by badge-maker. Unknown model or task: a grey "not found" badge with 404; an unknown style: 400. (scripts/web-
 * server.ts answers the same URL before Next.js does, through lib/badges/fast-path.ts.)
 */
export async function GET(request: Request, context: { params: Promise<{ slug: string; task: string }> }): Promise<Response> {
  const { slug, task } = await context.params;
  if (!task.endsWith(".svg")) {
    return new Response(renderBadgeSvg(badgeContent({ kind: "not_found" })), {
      status: 404,
      headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=60" },
    });
  }
  try {
    return await serveBadgeSvg(getDb(), request, slug, task.slice(0, -".svg".length));
  } catch (error) {
    // An image tag shows an image, never JSON: a database outage still answers with a (grey) badge.
    console.error(`[badge] ${forLog(`${slug}/${task}`)}: ${forLog(databaseReason(error), 300)}`);
    return toResponse(request, unavailableBadge("svg"));
  }
}
