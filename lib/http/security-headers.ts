// Security headers on every response: pages, the API and badges (set by next.config.ts for Next.js's responses
// and by scripts/web-server.ts for everything it serves, the badge fast path included).
//
// script-src allows 'unsafe-inline': the App Router streams each page's data in inline <script> tags, and the
// alternative, a nonce, must be new for every response, which forces every page to render per request and would
// end the ISR caching of the board pages (and the one-second board cache behind them). What keeps injected script
// out is that user text is never rendered as HTML: React escapes it, links are http(s) only (lib/models/safe-url.ts),
// and e2e/hardening.spec.ts checks hostile names on the real pages. Scripts still come from this origin only.
const development = process.env.NODE_ENV === "development";

const PAGE_CSP = [
  "default-src 'self'",
  // Next.js's dev server evaluates code for fast refresh; production never does.
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
  // Tailwind's stylesheet is a file, but React writes style attributes (progress bars, grade chips).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// JSON and CSV: nothing in them is ever to be run or framed.
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

// An SVG opened on its own is a document: no script, only its own inline styles. Embedding it with <img> on
// another site (a README, a paper's page) is what badges are for; frame-ancestors does not apply to images.
const BADGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const COMMON: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

export const PAGE_HEADERS: Record<string, string> = { ...COMMON, "Content-Security-Policy": PAGE_CSP };
export const API_HEADERS: Record<string, string> = { ...COMMON, "Content-Security-Policy": API_CSP };
export const BADGE_HEADERS: Record<string, string> = {
  ...COMMON,
  "Content-Security-Policy": BADGE_CSP,
  // Sites that isolate themselves (Cross-Origin-Embedder-Policy) may still show the badge.
  "Cross-Origin-Resource-Policy": "cross-origin",
};

function isBadgePath(path: string): boolean {
  return path.startsWith("/badge/") || path.startsWith("/api/v1/badges/");
}

/** The headers for a request path (query and fragment ignored). */
export function securityHeadersFor(url: string): Record<string, string> {
  const path = url.split(/[?#]/, 1)[0];
  if (isBadgePath(path)) return BADGE_HEADERS;
  if (path === "/api" || path.startsWith("/api/")) return API_HEADERS;
  return PAGE_HEADERS;
}

/** next.config.ts `headers()`: the last rule that matches a path wins for a header it sets. */
export const NEXT_HEADER_RULES = [
  { source: "/:path*", headers: PAGE_HEADERS },
  { source: "/api/:path*", headers: API_HEADERS },
  { source: "/badge/:path*", headers: BADGE_HEADERS },
  { source: "/api/v1/badges/:path*", headers: BADGE_HEADERS },
].map(({ source, headers }) => ({ source, headers: Object.entries(headers).map(([key, value]) => ({ key, value })) }));
