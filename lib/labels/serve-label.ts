// GET /label/<model>/<task>.svg|png|pdf[?result=<id>]: the energy label of the result the badge shows (or of the
// pinned one, which stays the same for good and says so once it is withdrawn or superseded). Without a result to
// show, the grey badge answers in the format asked for, as the badge does, so an image tag never breaks.
import type { Db } from "../db/client";
import { badgeContent } from "../badges/badge-content";
import { getBadgeFacts } from "../badges/get-badge-facts";
import { renderBadgeSvg } from "../badges/render-badge";
import { BADGE_CACHE_SECONDS } from "../badges/endpoint-json";
import { getResult, resultUrl } from "../results/get-result";
import { cachedImage } from "./image-cache";
import { labelContent } from "./label-content";
import { renderLabelSvg } from "./render-label";
import { CONTENT_TYPES, inFormat, type ImageFormat } from "./svg-to-formats";

export interface ImageAnswer {
  status: number;
  body: string | Buffer;
  contentType: string;
  maxAgeS: number;
}

export interface LabelRequest {
  slug: string;
  taskId: string;
  format: ImageFormat;
  resultId: string | null;
  baseUrl: string;
}

export function resolveLabel(db: Db, request: LabelRequest): Promise<ImageAnswer> {
  const key = ["label", request.slug, request.taskId, request.format, request.resultId ?? "", request.baseUrl].join("\u0000");
  return cachedImage(key, () => renderLabel(db, request));
}

async function renderLabel(db: Db, request: LabelRequest): Promise<ImageAnswer> {
  const facts = await getBadgeFacts(db, request.slug, request.taskId, request.resultId);
  const shownId = facts.kind === "result" ? facts.resultId : facts.kind === "withdrawn" && request.resultId ? request.resultId : null;
  if (shownId) {
    const record = await getResult(db, shownId);
    const svg = renderLabelSvg(labelContent(record, resultUrl(request.baseUrl, record.id)));
    const title = `frugalboard energy label: ${record.model.name} on ${record.task.title}`;
    return {
      status: 200,
      body: await inFormat(svg, request.format, { title, date: new Date(record.measuredAt) }),
      contentType: CONTENT_TYPES[request.format],
      maxAgeS: BADGE_CACHE_SECONDS,
    };
  }
  const status = facts.kind === "not_found" ? 404 : 200;
  const svg = renderBadgeSvg(badgeContent(facts));
  return { status, body: await inFormat(svg, request.format, { title: "frugalboard", date: new Date(0) }), contentType: CONTENT_TYPES[request.format], maxAgeS: 60 };
}

export function imageResponse(answer: ImageAnswer): Response {
  return new Response(typeof answer.body === "string" ? answer.body : new Uint8Array(answer.body), {
    status: answer.status,
    headers: {
      "Content-Type": answer.contentType,
      "Cache-Control": `public, max-age=${answer.maxAgeS}, stale-while-revalidate=${answer.maxAgeS}`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
