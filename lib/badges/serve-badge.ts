// Badge answers for the two routes: the SVG and the shields.io endpoint JSON. Both are kept for a minute in this
// process (a README on a busy page asks for the same badge over and over) and carry an ETag, so clients and camo
// proxies revalidate with If-None-Match and get a 304. The answer is plain data, so the Next.js routes and the
// web server's fast path (fast-path.ts) write it the same way.
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { processWide } from "../cache/process-wide";
import { createTtlCache } from "../cache/ttl-cache";
import { clearImageCache } from "../labels/image-cache";
import { badgeContent, type BadgeFacts } from "./badge-content";
import { BADGE_CACHE_SECONDS, shieldsEndpoint } from "./endpoint-json";
import { getBadgeFacts } from "./get-badge-facts";
import { parseBadgeStyle, renderBadgeSvg, type BadgeStyle } from "./render-badge";

const TTL_MS = 60_000;
const SVG_TYPE = "image/svg+xml; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

export interface BadgeAnswer {
  status: number;
  body: string;
  contentType: string;
  etag: string;
  maxAgeS: number;
}

/** `resultId`: a pinned result (`?result=<id>`); null follows the latest. */
export type BadgeRequest =
  | { kind: "svg"; slug: string; taskId: string; style: string | null; resultId: string | null }
  | { kind: "json"; slug: string; taskId: string; resultId: string | null };

// Process-wide, so clearBadgeCache() from a Next.js route also clears what the web server's fast path answers from.
const factsCache = processWide("badge-facts", () => createTtlCache<Promise<BadgeFacts>>({ ttlMs: TTL_MS, maxEntries: 10_000 }));
const answers = processWide("badge-answers", () => createTtlCache<BadgeAnswer>({ ttlMs: TTL_MS, maxEntries: 10_000 }));

/** A model's badge facts, one database visit per model and task per minute; concurrent readers share it. */
function cachedFacts(db: Db, slug: string, taskId: string, resultId: string | null): Promise<BadgeFacts> {
  const key = `${slug}\u0000${taskId}\u0000${resultId ?? ""}`;
  let facts = factsCache.get(key);
  if (!facts) {
    facts = getBadgeFacts(db, slug, taskId, resultId);
    factsCache.set(key, facts);
    // A failed lookup is not remembered: the next request tries again.
    facts.catch(() => factsCache.delete(key));
  }
  return facts;
}

function statusOf(facts: BadgeFacts): number {
  if (facts.kind === "not_found") return 404;
  if (facts.kind === "bad_style") return 400;
  if (facts.kind === "unavailable") return 503;
  return 200;
}

/** Answers that will change soon (pending) or that a typo produced (not found) are kept briefly by clients. */
function maxAgeOf(facts: BadgeFacts): number {
  return facts.kind === "result" || facts.kind === "withdrawn" ? BADGE_CACHE_SECONDS : 60;
}

function answer(status: number, body: string, contentType: string, maxAgeS: number): BadgeAnswer {
  const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
  return { status, body, contentType, etag, maxAgeS };
}

function render(facts: BadgeFacts, request: BadgeRequest, style: BadgeStyle): BadgeAnswer {
  const content = badgeContent(facts);
  return request.kind === "svg"
    ? answer(statusOf(facts), renderBadgeSvg(content, style), SVG_TYPE, maxAgeOf(facts))
    : answer(statusOf(facts), JSON.stringify(shieldsEndpoint(content)), JSON_TYPE, maxAgeOf(facts));
}

const keyOf = (request: BadgeRequest, style: BadgeStyle) =>
  `${request.kind}\u0000${request.slug}\u0000${request.taskId}\u0000${style}\u0000${request.resultId ?? ""}`;

/** The answer when this process has it already (no await): the fast path writes it synchronously. */
export function peekBadge(request: BadgeRequest): BadgeAnswer | undefined {
  const style = request.kind === "svg" ? parseBadgeStyle(request.style) : "flat";
  return style ? answers.get(keyOf(request, style)) : undefined;
}

export async function resolveBadge(db: Db, request: BadgeRequest): Promise<BadgeAnswer> {
  const style = request.kind === "svg" ? parseBadgeStyle(request.style) : "flat";
  if (!style) return answer(400, renderBadgeSvg(badgeContent({ kind: "bad_style" })), SVG_TYPE, 60);
  const key = keyOf(request, style);
  const cached = answers.get(key);
  if (cached) return cached;
  const rendered = render(await cachedFacts(db, request.slug, request.taskId, request.resultId), request, style);
  answers.set(key, rendered);
  return rendered;
}

/** The grey badge for a failure of ours (database down): an image tag shows an image, never JSON. */
export function unavailableBadge(kind: BadgeRequest["kind"]): BadgeAnswer {
  const content = badgeContent({ kind: "unavailable" });
  return kind === "svg"
    ? answer(503, renderBadgeSvg(content), SVG_TYPE, 60)
    : answer(503, JSON.stringify(shieldsEndpoint(content)), JSON_TYPE, 60);
}

export function badgeHeaders(rendered: BadgeAnswer): Record<string, string> {
  return {
    "Content-Type": rendered.contentType,
    "Cache-Control": `public, max-age=${rendered.maxAgeS}, stale-while-revalidate=${rendered.maxAgeS}`,
    ETag: rendered.etag,
    "X-Content-Type-Options": "nosniff",
  };
}

/** True when If-None-Match names this answer's ETag (a 200 answer only). */
export function notModified(rendered: BadgeAnswer, ifNoneMatch: string | null | undefined): boolean {
  return rendered.status === 200 && !!ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === rendered.etag);
}

export function toResponse(request: Request, rendered: BadgeAnswer): Response {
  const headers = badgeHeaders(rendered);
  if (notModified(rendered, request.headers.get("if-none-match"))) return new Response(null, { status: 304, headers });
  return new Response(rendered.body, { status: rendered.status, headers });
}

/** `?result=<id>` pins a result; empty or absent follows the latest. One rule for routes, fast path and labels. */
export function pinnedResultId(params: URLSearchParams): string | null {
  const value = params.get("result");
  return value ? value.slice(0, 64) : null;
}

export async function serveBadgeSvg(db: Db, request: Request, slug: string, taskId: string): Promise<Response> {
  const params = new URL(request.url).searchParams;
  return toResponse(request, await resolveBadge(db, { kind: "svg", slug, taskId, style: params.get("style"), resultId: pinnedResultId(params) }));
}

export async function serveBadgeEndpoint(db: Db, request: Request, slug: string, taskId: string): Promise<Response> {
  const resultId = pinnedResultId(new URL(request.url).searchParams);
  return toResponse(request, await resolveBadge(db, { kind: "json", slug, taskId, resultId }));
}

/** For tests that change rows between requests. */
export function clearBadgeCache(): void {
  factsCache.clear();
  answers.clear();
  clearImageCache();
}
