import { getDb } from "@/lib/db/client";
import { databaseReason } from "@/lib/db/unavailable";
import { getEnv } from "@/lib/env";
import { publicBaseUrl } from "@/lib/http/respond";
import { forLog } from "@/lib/log/redact";
import { badgeContent } from "@/lib/badges/badge-content";
import { renderBadgeSvg } from "@/lib/badges/render-badge";
import { pinnedResultId } from "@/lib/badges/serve-badge";
import { imageResponse, resolveLabel } from "@/lib/labels/serve-label";
import { CONTENT_TYPES, inFormat, splitFormat } from "@/lib/labels/svg-to-formats";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /label/:slug/:task.(svg|png|pdf)?result=<id> — the model's energy label for a task: SVG for the web, PNG for
 * slides, vector PDF for \includegraphics. `result` pins one result. Unknown model, task or extension: 404.
 */
export async function GET(request: Request, context: { params: Promise<{ slug: string; task: string }> }): Promise<Response> {
  const { slug, task } = await context.params;
  const file = splitFormat(task);
  if (!file) {
    return imageResponse({ status: 404, body: renderBadgeSvg(badgeContent({ kind: "not_found" })), contentType: CONTENT_TYPES.svg, maxAgeS: 60 });
  }
  try {
    const resultId = pinnedResultId(new URL(request.url).searchParams);
    return imageResponse(await resolveLabel(getDb(), { slug, taskId: file.name, format: file.format, resultId, baseUrl: publicBaseUrl(request, getEnv().FRUGAL_PUBLIC_URL) }));
  } catch (error) {
    console.error(`[label] ${forLog(`${slug}/${task}`)}: ${forLog(databaseReason(error), 300)}`);
    const body = await inFormat(renderBadgeSvg(badgeContent({ kind: "unavailable" })), file.format, { title: "frugalboard", date: new Date(0) });
    return imageResponse({ status: 503, body, contentType: CONTENT_TYPES[file.format], maxAgeS: 60 });
  }
}
