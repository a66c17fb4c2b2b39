// The OpenAPI document against the real API: every answer below comes from the real route handlers over HTTP,
// must be a status the document lists for that operation, and its JSON must parse with the very zod schema the
// document was generated from — with nothing left over. So the document cannot drift from what is served.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiOperationKey } from "@/lib/api/openapi/operations";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { getDb } from "@/lib/db/client";
import { renameModel } from "@/lib/models/rename-model";
import { closeQueues } from "@/lib/queue/get-queue";
import { baselineBytes, newResearcher, TEST_HARNESS, uniqueSlug } from "@/lib/testing/fixtures";
import { documentedCall } from "@/lib/testing/documented-call";
import { startRouteServer, type RouteServer } from "@/app/_testing/route-server";
import { startWorker, type RunningWorker } from "@/worker/start-worker";

const db = getDb();
let server: RouteServer;
let worker: RunningWorker;

beforeAll(async () => {
  [server, worker] = await Promise.all([startRouteServer(), startWorker(db, TEST_HARNESS)]);
});

afterAll(async () => {
  await worker?.close();
  await server?.close();
  await closeQueues();
  await db.$disconnect();
});

const call = (key: ApiOperationKey, path: string, init: RequestInit = {}, expectedStatus = 200) => documentedCall(server.url, key, path, init, expectedStatus);

function form(fields: Record<string, string>, file?: Uint8Array, token?: string): RequestInit {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  if (file) data.set("file", new Blob([file as BlobPart]), "model.onnx");
  return { body: data, headers: token ? { authorization: `Bearer ${token}` } : {} };
}

describe("the API answers as its OpenAPI document says", () => {
  it("serves the document itself with this server's URL", async () => {
    const { body, response } = await call("GET /api/v1/openapi.json", "/api/v1/openapi.json");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(body).toEqual({ ...JSON.parse(JSON.stringify(buildOpenApiDocument())), servers: [{ url: server.url }] });
  });

  it("health and tasks", async () => {
    expect((await call("GET /api/v1/health", "/api/v1/health")).body).toMatchObject({ status: "ok", database: "ok", queue: "ok" });
    const { body } = await call("GET /api/v1/tasks", "/api/v1/tasks");
    expect((body as { tasks: { id: string }[] }).tasks.map((t) => t.id)).toContain("mnist");
  });

  it("submissions: refusals in the Error shape, then a real one from 201 to its result, rank and badge; boards, models, badges", async () => {
    const owner = await newResearcher(db, "openapi");
    const other = await newResearcher(db, "openapi-other");
    const slug = uniqueSlug("openapi");
    const file = baselineBytes("mnist-logreg.onnx");
    const post = "POST /api/v1/submissions" as const;

    await call(post, "/api/v1/submissions", form({ model: slug, task: "mnist" }, file), 401);
    await call(post, "/api/v1/submissions", form({ model: slug, task: "imagenet" }, file, owner), 400);
    const junk = await call(post, "/api/v1/submissions", form({ model: slug, task: "mnist" }, new TextEncoder().encode("not onnx"), owner), 422);
    expect(junk.body).toMatchObject({ error: { code: "invalid_model", rule: expect.any(String) } });

    const created = await call(post, "/api/v1/submissions", form({ model: slug, task: "mnist" }, file, owner), 201);
    const { id, statusUrl } = created.body as { id: string; statusUrl: string };
    expect(created.response.headers.get("location")).toBe(statusUrl);
    await call(post, "/api/v1/submissions", form({ model: slug, task: "mnist" }, file, other), 403);

    let view = (await call("GET /api/v1/submissions/{id}", `/api/v1/submissions/${id}`)).body as { status: string; rank: unknown; badge: unknown };
    expect(view).toMatchObject({ rank: null, badge: null, resultId: null });
    for (let i = 0; i < 600 && ["queued", "running"].includes(view.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      view = (await call("GET /api/v1/submissions/{id}", `/api/v1/submissions/${id}`)).body as typeof view;
    }
    expect(view).toMatchObject({ status: "succeeded", rank: { position: expect.any(Number) }, badge: { markdown: expect.stringContaining(slug) } });
    const { resultId } = view as unknown as { resultId: string };
    const permanent = await call("GET /api/v1/results/{id}", `/api/v1/results/${resultId}`);
    expect(permanent.body).toMatchObject({ id: resultId, submissionId: id, standing: "current", model: { slug }, sci: { assumptionsRecorded: true } });
    await call("GET /api/v1/results/{id}", "/api/v1/results/no-such-result", {}, 404);
    expect((await call("GET /api/v1/results.csv", "/api/v1/results.csv")).body).toContain(resultId);
    expect((await call("GET /api/v1/results.jsonl", "/api/v1/results.jsonl")).body).toContain(`"result_id":"${resultId}"`);
    await call("GET /api/v1/submissions/{id}", "/api/v1/submissions/no-such-id", {}, 404);

    const board = await call("GET /api/v1/leaderboard", "/api/v1/leaderboard?task=mnist");
    expect((board.body as { entries: { modelSlug: string }[] }).entries.map((e) => e.modelSlug)).toContain(slug);
    await call("GET /api/v1/leaderboard", "/api/v1/leaderboard?task=mnist", { headers: { "if-none-match": board.response.headers.get("etag")! } }, 304);
    expect((await call("GET /api/v1/leaderboard", "/api/v1/leaderboard?task=mnist&format=csv")).body).toContain(slug);
    await call("GET /api/v1/leaderboard", "/api/v1/leaderboard", {}, 400);
    await call("GET /api/v1/leaderboard", "/api/v1/leaderboard?task=imagenet", {}, 404);

    await call("GET /api/v1/badges/{slug}/{task}", `/api/v1/badges/${slug}/mnist`);
    await call("GET /api/v1/badges/{slug}/{task}", `/api/v1/badges/${uniqueSlug("nobody")}/mnist`, {}, 404);

    await call("GET /api/v1/models/{slug}", `/api/v1/models/${slug}`);
    await call("GET /api/v1/models/{slug}", `/api/v1/models/${uniqueSlug("nobody")}`, {}, 404);
    const model = await db.model.findUniqueOrThrow({ where: { slug } });
    const renamed = uniqueSlug("openapi-renamed");
    await renameModel(db, model.id, renamed);
    const moved = await call("GET /api/v1/models/{slug}", `/api/v1/models/${slug}`, {}, 308);
    expect(moved.response.headers.get("location")).toBe(`${server.url}/api/v1/models/${renamed}`);
    // The former name is kept for links and badges: submitting under it is a conflict.
    await call(post, "/api/v1/submissions", form({ model: slug, task: "mnist" }, file, owner), 409);
  });
});
