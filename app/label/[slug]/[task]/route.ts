import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { publicBaseUrl } from "@/lib/http/respond";
import { pinnedResultId } from "@/lib/badges/serve-badge";
import { answerImageRoute } from "@/lib/labels/image-route";
import { imageResponse, resolveLabel } from "@/lib/labels/serve-label";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /label/:slug/:task.(svg|png|pdf)?result=<id> — the model's energy label for a task: SVG for the web, PNG for
 * slides, vector PDF for \includegraphics. `result` pins one result. Unknown model, task or extension: 404.
 */
export async function GET(request: Request, context: { params: Promise<{ slug: string; task: string }> }): Promise<Response> {
  const { slug, task } = await context.params;
  return answerImageRoute("label", slug, task, async ({ name, format }) => {
    const resultId = pinnedResultId(new URL(request.url).searchParams);
    return imageResponse(await resolveLabel(getDb(), { slug, taskId: name, format, resultId, baseUrl: publicBaseUrl(request, getEnv().FRUGAL_PUBLIC_URL) }));
  });
}
