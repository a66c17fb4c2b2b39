import { afterAll, afterEach, describe, expect, it } from "vitest";
import { setUserRole } from "@/lib/auth/set-role";
import { hashSessionId } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { browserRequest, params, sessionCookieOf, TEST_PASSWORD, testIp, tokenRequest, uniqueUsername } from "@/lib/testing/accounts";
import { GET as getMe } from "./me/route";
import { POST as postSignIn } from "./signin/route";
import { POST as postSignOut } from "./signout/route";
import { POST as postSignOutEverywhere } from "./signout-everywhere/route";
import { POST as postSignUp } from "./signup/route";
import { DELETE as deleteToken } from "../tokens/[id]/route";
import { GET as listTokens, POST as postToken } from "../tokens/route";

const db = getDb();
const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

afterAll(async () => {
  await db.$disconnect();
});

function signUp(username: string, password = TEST_PASSWORD, extra: Parameters<typeof browserRequest>[1] = {}) {
  return postSignUp(browserRequest("/api/v1/auth/signup", { method: "POST", json: { username, password }, ...extra }));
}

function signIn(username: string, password = TEST_PASSWORD, extra: Parameters<typeof browserRequest>[1] = {}) {
  return postSignIn(browserRequest("/api/v1/auth/signin", { method: "POST", json: { username, password }, ...extra }));
}

async function whoIs(cookie: string): Promise<string | null> {
  const body = await (await getMe(browserRequest("/api/v1/auth/me", { cookie }))).json();
  return body.user?.username ?? null;
}

async function errorOf(response: Response) {
  return { status: response.status, ...(await response.json()).error };
}

describe("sign-up and sign-in", () => {
  it("signs up with a session cookie (httpOnly, SameSite=Lax, expiring), and usernames are one name whatever their case", async () => {
    const name = uniqueUsername("Alice");
    const response = await signUp(name);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ user: { username: name.toLowerCase(), role: "user" } });
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^frugal_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Expires=/);
    expect(Number(/Max-Age=(\d+)/.exec(setCookie)?.[1])).toBeGreaterThan(30 * 86_400 - 5); // thirty days
    expect(setCookie).not.toContain("Secure");
    expect(await whoIs(sessionCookieOf(response))).toBe(name.toLowerCase());
    // Only the hash of the session id is stored.
    const sessionId = sessionCookieOf(response).split("=")[1];
    expect(await db.session.count({ where: { tokenHash: sessionId } })).toBe(0);
    expect(await db.session.count({ where: { tokenHash: hashSessionId(sessionId) } })).toBe(1);
    const user = await db.user.findUniqueOrThrow({ where: { username: name.toLowerCase() } });
    expect(user.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);

    expect(await errorOf(await signUp(name.toUpperCase()))).toMatchObject({ status: 409, code: "conflict", message: `The username \`${name.toLowerCase()}\` is taken; choose another.` });
  });

  it("refuses weak passwords and bad usernames with messages that say what to do", async () => {
    const name = uniqueUsername("weak");
    expect(await errorOf(await signUp(name, "short"))).toMatchObject({ status: 400, message: "Field `password` must be at least 10 characters (a few words make a good one)." });
    expect(await errorOf(await signUp(name, "Password123"))).toMatchObject({ status: 400, message: expect.stringContaining("most common passwords") });
    expect(await errorOf(await signUp(name, "aaaaaaaaaaaaab"))).toMatchObject({ status: 400, message: expect.stringContaining("too few different characters") });
    expect(await errorOf(await signUp(name, `my ${name} secret`))).toMatchObject({ status: 400, message: "Field `password` must not contain the username." });
    expect(await errorOf(await signUp("ab"))).toMatchObject({ status: 400, message: expect.stringMatching(/^Field `username` must be 3–32 characters/) });
    expect(await errorOf(await signUp("no spaces allowed"))).toMatchObject({ status: 400, message: expect.stringContaining("`username`") });
    const notJson = await postSignUp(browserRequest("/api/v1/auth/signup", { method: "POST", body: "username=x", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(await errorOf(notJson)).toMatchObject({ status: 400, message: expect.stringContaining("JSON object") });
    expect(await db.user.count({ where: { username: name } })).toBe(0);
  });

  it("refuses a wrong password and an unknown user alike, and a token-only user has no password to guess", async () => {
    const name = uniqueUsername("bob");
    await signUp(name);
    const wrong = await errorOf(await signIn(name, "not the right password"));
    const unknown = await errorOf(await signIn(uniqueUsername("nobody")));
    expect(wrong).toEqual({ status: 401, code: "unauthorized", message: "Wrong username or password." });
    expect(unknown).toEqual(wrong);
    const tokenOnly = uniqueUsername("tokenonly");
    await db.user.create({ data: { username: tokenOnly } });
    expect(await errorOf(await signIn(tokenOnly, "anything at all"))).toEqual(wrong);
    expect((await signIn(name.toUpperCase())).status).toBe(200);
  });

  it("never adopts a session id it did not issue, and issues a new one at every sign-in (no session fixation)", async () => {
    const name = uniqueUsername("fixation");
    const first = sessionCookieOf(await signUp(name));
    const planted = "frugal_session=attacker-chosen-value-0123456789abcdef";
    const response = await signIn(name, TEST_PASSWORD, { cookie: planted });
    expect(response.status).toBe(200);
    const issued = sessionCookieOf(response);
    expect(issued).not.toBe(planted);
    expect(await whoIs(planted)).toBeNull();
    expect(await db.session.count({ where: { tokenHash: hashSessionId("attacker-chosen-value-0123456789abcdef") } })).toBe(0);
    // Signing in again while holding a valid session also gets a fresh id.
    const again = sessionCookieOf(await signIn(name, TEST_PASSWORD, { cookie: issued }));
    expect(new Set([first, issued, again]).size).toBe(3);
    expect(await whoIs(again)).toBe(name);
  });

  it("makes the cookie Secure with the __Host- prefix when the site is https", async () => {
    const response = await signUp(uniqueUsername("https"), TEST_PASSWORD, { headers: { "x-forwarded-proto": "https" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("set-cookie")).toMatch(/^__Host-frugal_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Expires=[^;]+; Secure$/);
  });
});

describe("signing out", () => {
  it("sign-out ends this session only; sign-out everywhere ends every session but leaves API tokens working", async () => {
    const name = uniqueUsername("carol");
    const laptop = sessionCookieOf(await signUp(name));
    const phone = sessionCookieOf(await signIn(name));
    const desktop = sessionCookieOf(await signIn(name));
    const token = (await (await postToken(browserRequest("/api/v1/tokens", { method: "POST", cookie: laptop, json: { name: "ci" } }))).json()).token;

    const out = await postSignOut(browserRequest("/api/v1/auth/signout", { method: "POST", cookie: desktop }));
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/^frugal_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    expect(await whoIs(desktop)).toBeNull();
    expect(await whoIs(laptop)).toBe(name);

    const everywhere = await postSignOutEverywhere(browserRequest("/api/v1/auth/signout-everywhere", { method: "POST", cookie: laptop }));
    expect(await everywhere.json()).toEqual({ signedOut: true, sessions: 2 });
    expect(await whoIs(laptop)).toBeNull();
    expect(await whoIs(phone)).toBeNull();
    expect(await db.session.count({ where: { user: { username: name } } })).toBe(0);
    expect((await listTokens(tokenRequest("/api/v1/tokens", token))).status).toBe(200);
  });
});

describe("API tokens", () => {
  it("creates a token shown once, lists it by prefix with its last use, and refuses it once revoked (401)", async () => {
    const cookie = sessionCookieOf(await signUp(uniqueUsername("dave")));
    const created = await postToken(browserRequest("/api/v1/tokens", { method: "POST", cookie, json: { name: "github-actions" } }));
    expect(created.status).toBe(201);
    const { id, token, prefix } = await created.json();
    expect(token).toMatch(/^fb_[A-Za-z0-9_-]{32}$/);
    expect(token.startsWith(prefix)).toBe(true);

    expect((await listTokens(tokenRequest("/api/v1/tokens", token))).status).toBe(200);
    const listed = (await (await listTokens(browserRequest("/api/v1/tokens", { cookie }))).json()).tokens;
    expect(listed).toEqual([{ id, name: "github-actions", prefix, createdAt: expect.any(String), lastUsedAt: expect.any(String) }]);
    expect(JSON.stringify(listed)).not.toContain(token);

    // A token cannot mint tokens or revoke them: a leaked one must not outlive its revocation.
    expect(await errorOf(await postToken(tokenRequest("/api/v1/tokens", token, { method: "POST", json: { name: "more" } })))).toMatchObject({ status: 403, message: expect.stringContaining("signed-in browser") });

    const revoked = await deleteToken(browserRequest(`/api/v1/tokens/${id}`, { method: "DELETE", cookie }), params({ id }));
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ id, revokedAt: expect.any(String) });
    expect(await errorOf(await listTokens(tokenRequest("/api/v1/tokens", token)))).toMatchObject({ status: 401, message: expect.stringContaining("unknown or revoked") });
    expect((await (await listTokens(browserRequest("/api/v1/tokens", { cookie }))).json()).tokens).toEqual([]);
    expect(await errorOf(await postToken(browserRequest("/api/v1/tokens", { method: "POST", cookie, json: { name: "  " } })))).toMatchObject({ status: 400, message: expect.stringContaining("`name` is required") });
    expect(await errorOf(await deleteToken(browserRequest("/api/v1/tokens/nope", { method: "DELETE", cookie }), params({ id: "nope" })))).toMatchObject({ status: 404 });
  });
});

describe("cross-site requests", () => {
  it("refuses a cookie-authenticated change from another site, or with no Origin at all; reads are fine", async () => {
    const cookie = sessionCookieOf(await signUp(uniqueUsername("erin")));
    const create = (headers: Record<string, string | undefined>) => {
      const request = browserRequest("/api/v1/tokens", { method: "POST", cookie, json: { name: "x" } });
      const merged = new Headers(request.headers);
      for (const [key, value] of Object.entries(headers)) {
        if (value === undefined) merged.delete(key);
        else merged.set(key, value);
      }
      return postToken(new Request(request.url, { method: "POST", headers: merged, body: JSON.stringify({ name: "x" }) }));
    };
    expect(await errorOf(await create({ "sec-fetch-site": "cross-site" }))).toMatchObject({ status: 403, message: expect.stringContaining("cross-site") });
    expect(await errorOf(await create({ "sec-fetch-site": "same-site" }))).toMatchObject({ status: 403 });
    expect(await errorOf(await create({ "sec-fetch-site": undefined, origin: "https://evil.example" }))).toMatchObject({ status: 403, message: expect.stringContaining("https://evil.example") });
    expect(await errorOf(await create({ "sec-fetch-site": undefined, origin: undefined }))).toMatchObject({ status: 403, message: expect.stringContaining("no Origin") });
    expect((await create({ "sec-fetch-site": undefined })).status).toBe(201); // Origin matches Host
    expect(await db.apiToken.count({ where: { user: { username: (await whoIs(cookie)) ?? "" } } })).toBe(1);
    expect((await getMe(browserRequest("/api/v1/auth/me", { cookie, headers: { "sec-fetch-site": "cross-site" } }))).status).toBe(200);
    // Signing in from another site's form (login CSRF) is refused too.
    expect((await signIn("whoever", TEST_PASSWORD, { headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
  });
});

describe("sign-in rate limit per IP", () => {
  it("answers 429 with Retry-After and when to try again, per address", async () => {
    process.env.FRUGAL_SIGNIN_ATTEMPTS = "3";
    process.env.FRUGAL_SIGNIN_WINDOW_S = "600";
    resetEnvForTests();
    const ip = testIp();
    for (let i = 0; i < 3; i += 1) expect((await signIn("someone", "wrong password", { ip })).status).toBe(401);
    const refused = await signIn("someone", "wrong password", { ip });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const error = await refused.json();
    expect(error.error).toMatchObject({ code: "rate_limited", retryAfterS: retryAfter, message: "Too many sign-in attempts from your address (3 in 10 min); try again in 10 min." });
    // Sign-up counts against the same budget; another address is not affected.
    expect((await signUp(uniqueUsername("blocked"), TEST_PASSWORD, { ip })).status).toBe(429);
    expect((await signIn("someone", "wrong password", { ip: testIp() })).status).toBe(401);
  });
});

describe("npm run user:admin", () => {
  it("promotes an existing user, and says how to create one when there is none", async () => {
    const name = uniqueUsername("frank");
    const cookie = sessionCookieOf(await signUp(name));
    await setUserRole(db, name.toUpperCase(), "ADMIN");
    expect((await (await getMe(browserRequest("/api/v1/auth/me", { cookie }))).json()).user).toEqual({ username: name, role: "admin" });
    await expect(setUserRole(db, "no-such-user-here", "ADMIN")).rejects.toThrow("No user named `no-such-user-here`: they sign up at /signup first");
  });
});
