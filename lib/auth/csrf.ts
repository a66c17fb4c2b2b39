// Cross-site request forgery: a browser attaches the session cookie to requests that other sites trigger (a form
// posted from evil.example, SameSite=Lax lets top-level POST navigations through on some browsers). Every
// state-changing request that a cookie authenticates must come from this site's own pages: the browser says so in
// Sec-Fetch-Site (which pages cannot forge), or else in Origin. A request with neither is not from a modern
// browser's page and has no business carrying a session cookie; it uses an API token instead.
import { getEnv } from "../env";
import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

function requestHost(headers: Headers): string | null {
  return (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0].trim().toLowerCase() || null;
}

/** Throws 403 unless the request comes from this site's own pages. */
export function assertSameOrigin(headers: Headers): void {
  const site = headers.get("sec-fetch-site");
  if (site) {
    if (site === "same-origin") return;
    throw new AppError("forbidden", `Refused a cross-site request (Sec-Fetch-Site: ${site.slice(0, 20)}): use this site's own pages, or an API token.`);
  }
  const origin = headers.get("origin");
  if (!origin) {
    throw new AppError("forbidden", "A request signed in by cookie must come from this site's pages (no Origin header was sent); scripts use an API token.");
  }
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    throw new AppError("forbidden", "Refused a request with a malformed Origin header.");
  }
  const publicUrl = getEnv().FRUGAL_PUBLIC_URL;
  if (publicUrl && new URL(publicUrl).origin === originUrl.origin) return;
  if (originUrl.host.toLowerCase() === requestHost(headers)) return;
  throw new AppError("forbidden", `Refused a cross-site request from ${originUrl.origin.slice(0, 100)}: use this site's own pages, or an API token.`);
}
