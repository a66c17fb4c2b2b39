// Badges answered before Next.js sees the request. A README badge is the most requested URL a site like this has,
// and Next.js's request pipeline costs about a millisecond a request; a badge already rendered in this process is
// written straight to the socket instead (scripts/web-server.ts puts this in front of Next.js). Same URLs, same
// answers and caching as the routes in app/badge and app/api/v1/badges, which remain for `next start` and `next dev`.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../db/client";
import { databaseReason } from "../db/unavailable";
import { forLog } from "../log/redact";
import { badgeHeaders, notModified, peekBadge, pinnedResultId, resolveBadge, unavailableBadge, type BadgeAnswer, type BadgeRequest } from "./serve-badge";

const SVG_PATH = /^\/badge\/([^/?#]+)\/([^/?#]+)\.svg$/;
const JSON_PATH = /^\/api\/v1\/badges\/([^/?#]+)\/([^/?#]+)$/;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The badge a URL asks for, or null when the URL is not a badge's. */
export function parseBadgeUrl(url: string): BadgeRequest | null {
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const svg = SVG_PATH.exec(path);
  const json = svg ? null : JSON_PATH.exec(path);
  const match = svg ?? json;
  if (!match) return null;
  const slug = decode(match[1]);
  const taskId = decode(match[2]);
  if (slug === null || taskId === null) return null;
  const params = new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1));
  const resultId = pinnedResultId(params);
  if (json) return { kind: "json", slug, taskId, resultId };
  return { kind: "svg", slug, taskId, style: params.get("style"), resultId };
}

function write(req: IncomingMessage, res: ServerResponse, rendered: BadgeAnswer): void {
  const headers = badgeHeaders(rendered);
  if (notModified(rendered, req.headers["if-none-match"])) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(rendered.status, { ...headers, "Content-Length": Buffer.byteLength(rendered.body) });
  res.end(req.method === "HEAD" ? undefined : rendered.body);
}

/** A request handler that answers badge URLs and returns false for everything else. */
export function createBadgeFastPath(db: Db): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.url) return false;
    const request = parseBadgeUrl(req.url);
    if (!request) return false;
    const ready = peekBadge(request);
    if (ready) {
      write(req, res, ready);
      return true;
    }
    resolveBadge(db, request).then(
      (rendered) => write(req, res, rendered),
      (error: Error) => {
        console.error(`[badge] ${forLog(req.url ?? "")}: ${forLog(databaseReason(error), 300)}`);
        write(req, res, unavailableBadge(request.kind));
      },
    );
    return true;
  };
}
