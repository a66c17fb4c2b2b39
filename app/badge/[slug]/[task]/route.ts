import { getDb } from "@/lib/db/client";
import { databaseReason } from "@/lib/db/unavailable";
import { forLog } from "@/lib/log/redact";
import { badgeContent } from "@/lib/badges/badge-content";
import { renderBadgeSvg } from "@/lib/badges/render-badge";
import { pinnedResultId, resolveBadge, serveBadgeSvg, toResponse, unavailableBadge } from "@/lib/badges/serve-badge";
import { cachedImage } from "@/lib/labels/image-cache";
import { imageResponse } from "@/lib/labels/serve-label";
import { CONTENT_TYPES, inFormat, splitFormat } from "@/lib/labels/svg-to-formats";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /badge/:slug/:task.(svg|png|pdf)?style=flat|flat-square|for-the-badge|plastic&result=<id> — the model's badge
 * for a task, drawn by badge-maker; PNG and PDF are converted from the same SVG (for slides and \includegraphics).
 * `result` pins one result. Unknown model or task: a grey "not found" badge with 404; an unknown style: 400.
 * (scripts/web-server.ts answers the .svg URL before Next.js does, through lib/badges/fast-path.ts.)
 */
export async function GET(request: Request, context: { params: Promise<{ slug: string; task: string }> }): Promise<Response> {
  const { slug, task } = await context.params;
  const file = splitFormat(task);
  if (!file) {
    return new Response(renderBadgeSvg(badgeContent({ kind: "not_found" })), {
      status: 404,
      headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=60" },
    });
  }
  try {
    if (file.format === "svg") return await serveBadgeSvg(getDb(), request, slug, file.name);
    const params = new URL(request.url).searchParams;
    const svg = await resolveBadge(getDb(), { kind: "svg", slug, taskId: file.name, style: params.get("style"), resultId: pinnedResultId(params) });
    // Keyed by the SVG's ETag: the same badge converts once, and a changed one (cleared after a moderation change) anew.
    const body = await cachedImage(`badge\u0000${file.format}\u0000${slug}\u0000${file.name}\u0000${svg.etag}`, () =>
      inFormat(svg.body, file.format, { title: `frugalboard badge: ${slug} on ${file.name}`, date: new Date(0) }),
    );
    return imageResponse({ status: svg.status, body, contentType: CONTENT_TYPES[file.format], maxAgeS: svg.maxAgeS });
  } catch (error) {
    // An image tag shows an image, never JSON: a database outage still answers with a (grey) badge.
    console.error(`[badge] ${forLog(`${slug}/${task}`)}: ${forLog(databaseReason(error), 300)}`);
    if (file.format === "svg") return toResponse(request, unavailableBadge("svg"));
    const body = await inFormat(unavailableBadge("svg").body, file.format, { title: "frugalboard", date: new Date(0) });
    return imageResponse({ status: 503, body, contentType: CONTENT_TYPES[file.format], maxAgeS: 60 });
  }
}
