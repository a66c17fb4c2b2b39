import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../env";
import { readCookie, sessionCookie, sessionCookieName } from "./cookie";
import { assertSameOrigin } from "./csrf";
import { hashPassword, verifyPassword } from "./passwords";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("passwords", () => {
  it("hash with scrypt and a fresh salt, verify the right password only, and read their parameters from the hash", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery staple", a)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", a)).toBe(false);
    // An older, cheaper hash still verifies: the parameters travel with it.
    const [, , , , salt] = a.split("$");
    const cheap = await import("node:crypto").then(({ scryptSync }) => scryptSync("pw-of-old", Buffer.from(salt, "base64url"), 64, { N: 1024, r: 8, p: 1 }));
    expect(await verifyPassword("pw-of-old", `scrypt$1024$8$1$${salt}$${cheap.toString("base64url")}`)).toBe(true);
    expect(await verifyPassword("x", "bcrypt$whatever")).toBe(false);
  });
});

describe("session cookie", () => {
  it("is plain over http and Secure with the __Host- prefix when FRUGAL_PUBLIC_URL is https", () => {
    const headers = new Headers();
    expect(sessionCookieName(headers)).toBe("frugal_session");
    process.env.FRUGAL_PUBLIC_URL = "https://frugal.example.org";
    resetEnvForTests();
    expect(sessionCookie(headers, "abc", new Date(Date.now() + 60_000))).toMatch(/^__Host-frugal_session=abc; Path=\/; HttpOnly; SameSite=Lax; Max-Age=60; Expires=.*; Secure$/);
  });

  it("reads one cookie out of a Cookie header", () => {
    expect(readCookie("a=1; frugal_session=xyz; b=2", "frugal_session")).toBe("xyz");
    expect(readCookie("xfrugal_session=evil", "frugal_session")).toBeNull();
    expect(readCookie(null, "frugal_session")).toBeNull();
  });
});

describe("assertSameOrigin", () => {
  const check = (headers: Record<string, string>) => () => assertSameOrigin(new Headers(headers));

  it("takes same-origin requests by Sec-Fetch-Site, or by an Origin matching the Host or FRUGAL_PUBLIC_URL", () => {
    expect(check({ "sec-fetch-site": "same-origin" })).not.toThrow();
    expect(check({ origin: "http://localhost:3000", host: "localhost:3000" })).not.toThrow();
    expect(check({ origin: "https://board.example", host: "internal:3000", "x-forwarded-host": "board.example" })).not.toThrow();
    process.env.FRUGAL_PUBLIC_URL = "https://frugal.example.org";
    resetEnvForTests();
    expect(check({ origin: "https://frugal.example.org", host: "10.0.0.5:3000" })).not.toThrow();
  });

  it("refuses other sites, sibling subdomains, and requests without either header", () => {
    expect(check({ "sec-fetch-site": "cross-site", origin: "http://localhost:3000", host: "localhost:3000" })).toThrow(/cross-site request \(Sec-Fetch-Site: cross-site\)/);
    expect(check({ "sec-fetch-site": "same-site" })).toThrow(/same-site/);
    expect(check({ origin: "http://evil.example", host: "localhost:3000" })).toThrow(/from http:\/\/evil\.example/);
    expect(check({ origin: "null", host: "localhost:3000" })).toThrow(/malformed Origin/);
    expect(check({ host: "localhost:3000" })).toThrow(/no Origin header/);
  });
});
