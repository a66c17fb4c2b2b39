import { describe, expect, it } from "vitest";
import { API_HEADERS, BADGE_HEADERS, NEXT_HEADER_RULES, PAGE_HEADERS, securityHeadersFor } from "./security-headers";

describe("security headers", () => {
  it("pick the page, API or badge set by path, ignoring the query", () => {
    expect(securityHeadersFor("/")).toBe(PAGE_HEADERS);
    expect(securityHeadersFor("/models/x?tab=1")).toBe(PAGE_HEADERS);
    expect(securityHeadersFor("/api/v1/leaderboard?task=mnist&format=csv")).toBe(API_HEADERS);
    expect(securityHeadersFor("/badge/x/mnist.svg?style=flat")).toBe(BADGE_HEADERS);
    expect(securityHeadersFor("/api/v1/badges/x/mnist")).toBe(BADGE_HEADERS);
    expect(securityHeadersFor("/apis")).toBe(PAGE_HEADERS);
  });

  it("forbid framing and sniffing everywhere, and scripts from other origins on pages", () => {
    for (const headers of [PAGE_HEADERS, API_HEADERS, BADGE_HEADERS]) {
      expect(headers).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin" });
      expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    }
    const csp = PAGE_HEADERS["Content-Security-Policy"];
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("object-src 'none'");
    expect(BADGE_HEADERS["Content-Security-Policy"]).toMatch(/^default-src 'none'/);
  });

  it("give next.config.ts the same sets, the more specific paths last (the last match wins)", () => {
    expect(NEXT_HEADER_RULES.map((r) => r.source)).toEqual(["/:path*", "/api/:path*", "/badge/:path*", "/api/v1/badges/:path*"]);
    const badgeCsp = NEXT_HEADER_RULES[3].headers.find((h) => h.key === "Content-Security-Policy")?.value;
    expect(badgeCsp).toBe(BADGE_HEADERS["Content-Security-Policy"]);
  });
});
