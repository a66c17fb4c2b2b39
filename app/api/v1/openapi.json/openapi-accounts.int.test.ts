// The accounts, tokens and moderation routes against the OpenAPI document: every answer comes from the real route
// handlers over HTTP, must be a status the document lists, and parses with the documented schema, nothing left over.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiOperationKey } from "@/lib/api/openapi/operations";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { closeQueues } from "@/lib/queue/get-queue";
import { documentedCall } from "@/lib/testing/documented-call";
import { baselineBytes, TEST_HARNESS, uniqueSlug } from "@/lib/testing/fixtures";
import { startRouteServer, type RouteServer } from "@/app/_testing/route-server";
import { startWorker, type RunningWorker } from "@/worker/start-worker";

const db = getDb();
let server: RouteServer;
let worker: RunningWorker;
const saved = { ...process.env };

beforeAll(async () => {
  [server, worker] = await Promise.all([startRouteServer(), startWorker(db, TEST_HARNESS)]);
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});
afterAll(async () => {
  await worker?.close();
  await server?.close();
  await closeQueues();
  await db.$disconnect();
});

const call = (key: ApiOperationKey, path: string, init: RequestInit = {}, status = 200) => documentedCall(server.url, key, path, init, status);
/** A browser's request from this site: the session cookie and the Origin the CSRF check wants. */
const browser = (cookie: string | undefined, init: RequestInit & { json?: unknown } = {}): RequestInit => ({
  ...init,
  body: init.json === undefined ? init.body : JSON.stringify(init.json),
  headers: { origin: server.url, "content-type": "application/json", ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) },
});
const bearer = (token: string, init: RequestInit & { json?: unknown } = {}): RequestInit => ({
  ...init,
  body: init.json === undefined ? init.body : JSON.stringify(init.json),
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
});
const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0];

function upload(token: string, slug: string, file: Uint8Array): RequestInit {
  const data = new FormData();
  data.set("model", slug);
  data.set("task", "mnist");
  data.set("file", new Blob([file as BlobPart]), "model.onnx");
  return { body: data, headers: { authorization: `Bearer ${token}` } };
}

async function until(id: string, done: (status: string) => boolean): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const { status } = (await call("GET /api/v1/submissions/{id}", `/api/v1/submissions/${id}`)).body as { status: string };
    if (done(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`submission ${id} did not finish`);
}

describe("accounts, tokens and moderation answer as the OpenAPI document says", () => {
  it("signs up, in and out; creates, uses and revokes a token", async () => {
    const username = uniqueSlug("doc");
    const password = "correct horse battery staple";
    const signUp = await call("POST /api/v1/auth/signup", "/api/v1/auth/signup", browser(undefined, { json: { username, password } }), 201);
    const session = cookieOf(signUp.response);
    await call("POST /api/v1/auth/signup", "/api/v1/auth/signup", browser(undefined, { json: { username, password } }), 409);
    await call("POST /api/v1/auth/signup", "/api/v1/auth/signup", browser(undefined, { json: { username: uniqueSlug("doc"), password: "short" } }), 400);
    const crossSite = { json: { username: uniqueSlug("doc"), password }, headers: { origin: "https://evil.example" } };
    await call("POST /api/v1/auth/signup", "/api/v1/auth/signup", browser(undefined, crossSite), 403);

    expect((await call("GET /api/v1/auth/me", "/api/v1/auth/me", browser(session))).body).toEqual({ user: { username, role: "user" } });
    expect((await call("GET /api/v1/auth/me", "/api/v1/auth/me")).body).toEqual({ user: null });

    const created = await call("POST /api/v1/tokens", "/api/v1/tokens", browser(session, { json: { name: "ci" } }), 201);
    const { id, token } = created.body as { id: string; token: string };
    await call("POST /api/v1/tokens", "/api/v1/tokens", bearer(token, { json: { name: "minted" } }), 403);
    await call("POST /api/v1/tokens", "/api/v1/tokens", browser(undefined, { json: { name: "x" } }), 401);
    await call("POST /api/v1/tokens", "/api/v1/tokens", browser(session, { json: { name: "" } }), 400);
    const listed = (await call("GET /api/v1/tokens", "/api/v1/tokens", bearer(token))).body as { tokens: { id: string }[] };
    expect(listed.tokens.map((t) => t.id)).toEqual([id]);
    await call("DELETE /api/v1/tokens/{id}", "/api/v1/tokens/no-such-token", browser(session), 404);
    await call("DELETE /api/v1/tokens/{id}", `/api/v1/tokens/${id}`, browser(session));
    await call("GET /api/v1/tokens", "/api/v1/tokens", bearer(token), 401);

    await call("POST /api/v1/auth/signin", "/api/v1/auth/signin", browser(undefined, { json: { username, password: "wrong password!" } }), 401);
    const again = await call("POST /api/v1/auth/signin", "/api/v1/auth/signin", browser(undefined, { json: { username, password } }));
    const everywhere = await call("POST /api/v1/auth/signout-everywhere", "/api/v1/auth/signout-everywhere", browser(cookieOf(again.response)));
    expect(everywhere.body).toEqual({ signedOut: true, sessions: 2 });
    await call("POST /api/v1/auth/signout-everywhere", "/api/v1/auth/signout-everywhere", browser(session), 401);
    await call("POST /api/v1/auth/signout", "/api/v1/auth/signout", browser(session));

    process.env.FRUGAL_SIGNIN_ATTEMPTS = "1";
    resetEnvForTests();
    const limited = await call("POST /api/v1/auth/signin", "/api/v1/auth/signin", browser(undefined, { json: { username, password } }), 429);
    expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("submits twice (200 the second time), refuses past the daily limit, edits, withdraws, hides, deletes", async () => {
    const owner = (await call("POST /api/v1/auth/signup", "/api/v1/auth/signup", browser(undefined, { json: { username: uniqueSlug("own"), password: "a long enough passphrase" } }), 201)).response;
    const ownerToken = ((await call("POST /api/v1/tokens", "/api/v1/tokens", browser(cookieOf(owner), { json: { name: "ci" } }), 201)).body as { token: string }).token;
    const slug = uniqueSlug("doc-model");
    const file = baselineBytes("mnist-logreg.onnx");
    const first = (await call("POST /api/v1/submissions", "/api/v1/submissions", upload(ownerToken, slug, file), 201)).body as { id: string };
    const repeat = (await call("POST /api/v1/submissions", "/api/v1/submissions", upload(ownerToken, slug, file), 200)).body as { id: string };
    expect(repeat.id).toBe(first.id);
    process.env.FRUGAL_SUBMISSIONS_PER_DAY = "1";
    resetEnvForTests();
    const limited = await call("POST /api/v1/submissions", "/api/v1/submissions", upload(ownerToken, uniqueSlug("doc-more"), baselineBytes("mnist-mlp.onnx")), 429);
    expect(limited.body).toMatchObject({ error: { code: "rate_limited", retryAfterS: expect.any(Number) } });
    await call("POST /api/v1/submissions/{id}/withdraw", `/api/v1/submissions/${first.id}/withdraw`, bearer(ownerToken), 409);
    expect(await until(first.id, (status) => status === "succeeded")).toBe("succeeded");

    const patch = (json: unknown, token = ownerToken) => bearer(token, { json });
    const edited = await call("PATCH /api/v1/models/{slug}", `/api/v1/models/${slug}`, patch({ name: "Doc model", codeUrl: "https://example.org/code" }));
    expect(edited.body).toMatchObject({ slug, name: "Doc model", codeUrl: "https://example.org/code", hidden: false });
    await call("PATCH /api/v1/models/{slug}", `/api/v1/models/${slug}`, patch({ paperUrl: "javascript:alert(1)" }), 400);
    await call("PATCH /api/v1/models/{slug}", `/api/v1/models/${uniqueSlug("nobody")}`, patch({ name: "x" }), 404);
    await call("PATCH /api/v1/models/{slug}", `/api/v1/models/${slug}`, { body: JSON.stringify({ name: "x" }) }, 401);

    const withdrawn = await call("POST /api/v1/submissions/{id}/withdraw", `/api/v1/submissions/${first.id}/withdraw`, bearer(ownerToken));
    expect(withdrawn.body).toMatchObject({ id: first.id, status: "withdrawn" });

    await call("POST /api/v1/models/{slug}/hide", `/api/v1/models/${slug}/hide`, bearer(ownerToken), 403);
    const admin = await db.user.findFirstOrThrow({ where: { submissions: { some: { id: first.id } } } });
    await db.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
    expect((await call("POST /api/v1/models/{slug}/hide", `/api/v1/models/${slug}/hide`, bearer(ownerToken))).body).toMatchObject({ hidden: true });
    expect((await call("POST /api/v1/models/{slug}/unhide", `/api/v1/models/${slug}/unhide`, bearer(ownerToken))).body).toMatchObject({ hidden: false });
    await db.user.update({ where: { id: admin.id }, data: { role: "USER" } });

    expect((await call("DELETE /api/v1/models/{slug}", `/api/v1/models/${slug}`, bearer(ownerToken))).body).toEqual({ slug, deleted: true, submissions: 1 });
    await call("DELETE /api/v1/models/{slug}", `/api/v1/models/${slug}`, bearer(ownerToken), 404);
  });
});
