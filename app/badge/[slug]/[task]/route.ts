import { getDb } from "@/lib/db/client";
import { pinnedResultId, resolveBadge, serveBadgeSvg } from "@/lib/badges/serve-badge";
import { cachedImage } from "@/lib/labels/image-cache";
import { answerImageRoute } from "@/lib/labels/image-route";
import { imageResponse } from "@/lib/labels/serve-label";
import { CONTENT_TYPES, inFormat } from "@/lib/labels/svg-to-formats";

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
  return answerImageRoute("badge", slug, task, async ({ name, format }) => {
    if (format === "svg") return serveBadgeSvg(getDb(), request, slug, name);
    const params = new URL(request.url).searchParams;
    const svg = await resolveBadge(getDb(), { kind: "svg", slug, taskId: name, style: params.get("style"), resultId: pinnedResultId(params) });
    // Keyed by the SVG's ETag: the same badge converts once, and a changed one (cleared after a moderation change) anew.
    const body = await cachedImage(`badge\u0000${format}\u0000${slug}\u0000${name}\u0000${svg.etag}`, () =>
      inFormat(svg.body, format, { title: `frugalboard badge: ${slug} on ${name}`, date: new Date(0) }),
    );
    return imageResponse({ status: svg.status, body, contentType: CONTENT_TYPES[format], maxAgeS: svg.maxAgeS });
  });
}
