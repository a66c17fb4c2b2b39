// What the badge and label routes share: the file name's format (`mnist.svg|png|pdf`), a grey "not found" badge for
// any other name, and a grey "unavailable" one in the format asked for when the database fails, since an image tag
// shows an image, never JSON.
import { databaseReason } from "../db/unavailable";
import { forLog } from "../log/redact";
import { badgeContent } from "../badges/badge-content";
import { renderBadgeSvg } from "../badges/render-badge";
import { imageResponse } from "./serve-label";
import { CONTENT_TYPES, inFormat, splitFormat, type ImageFormat } from "./svg-to-formats";

export interface ImageFile {
  /** The task id, the file name without its extension. */
  name: string;
  format: ImageFormat;
}

export async function answerImageRoute(kind: "badge" | "label", slug: string, file: string, answer: (image: ImageFile) => Promise<Response>): Promise<Response> {
  const image = splitFormat(file);
  if (!image) {
    return imageResponse({ status: 404, body: renderBadgeSvg(badgeContent({ kind: "not_found" })), contentType: CONTENT_TYPES.svg, maxAgeS: 60 });
  }
  try {
    return await answer(image);
  } catch (error) {
    console.error(`[${kind}] ${forLog(`${slug}/${file}`)}: ${forLog(databaseReason(error), 300)}`);
    const body = await inFormat(renderBadgeSvg(badgeContent({ kind: "unavailable" })), image.format, { title: "frugalboard", date: new Date(0) });
    return imageResponse({ status: 503, body, contentType: CONTENT_TYPES[image.format], maxAgeS: 60 });
  }
}
