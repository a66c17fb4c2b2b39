// Who may do what, asserted cell by cell over the real route handlers (and, for the queue dashboard, a real HTTP
// server with the handler scripts/web-server.ts mounts): the status code and whether the change happened.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueueDashboard } from "@/lib/admin/queue-dashboard";
import { getDb } from "@/lib/db/client";
import { closeQueues } from "@/lib/queue/get-queue";
import { browserRequest, params, signUpUser, tokenRequest, type TestUser } from "@/lib/testing/accounts";
import { baselineBytes, uniqueSlug } from "@/lib/testing/fixtures";
import { startServer, type RunningServer } from "@/lib/testing/http-server";
import { insertResult } from "@/lib/testing/insert-result";
import { DELETE as deleteModel, PATCH as patchModel } from "./models/[slug]/route";
import { POST as hideModel } from "./models/[slug]/hide/route";
import { POST as withdraw } from "./submissions/[id]/withdraw/route";
import { POST as postSubmission } from "./submissions/route";
import { DELETE as revokeToken } from "./tokens/[id]/route";
import { GET as listTokens, POST as createToken } from "./tokens/route";

const db = getDb();
const ACTORS = ["anonymous", "owner", "other", "admin"] as const;
type Actor = (typeof ACTORS)[number];
let users: Record<Exclude<Actor, "anonymous">, TestUser>;
let dashboard: RunningServer;
const slugs: string[] = [];

beforeAll(async () => {
  users = { owner: await signUpUser(db, "owner"), other: await signUpUser(db, "other"), admin: await signUpUser(db, "admin", { admin: true }) };
  dashboard = await startServer(createQueueDashboard(db));
});

afterAll(async () => {
  // The queued submissions go with their models; a worker of a later test file finds their jobs without rows.
  await db.model.deleteMany({ where: { slug: { in: slugs } } });
  await dashboard.close();
  await closeQueues();
  await db.$disconnect();
});

const cookieOf = (actor: Actor) => (actor === "anonymous" ? undefined : users[actor].cookie);

/** A model of the owner's with one succeeded result, new for every cell. */
async function ownersModel() {
  const slug = uniqueSlug("matrix");
  slugs.push(slug);
  const { modelId, submissionId } = await insertResult(db, { modelSlug: slug, owner: users.owner.username, taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 3e-6 });
  return { slug, modelId, submissionId };
}

async function ownersToken() {
  const response = await createToken(browserRequest("/api/v1/tokens", { method: "POST", cookie: users.owner.cookie, json: { name: "matrix" } }));
  return (await response.json()) as { id: string; token: string };
}

interface Outcome {
  status: number;
  /** Whether the change the request asked for happened, read back from the database (or the response). */
  changed: boolean;
}

const ACTIONS: Record<string, { expected: Record<Actor, number>; run: (actor: Actor) => Promise<Outcome> }> = {
  submit: {
    expected: { anonymous: 401, owner: 201, other: 403, admin: 201 },
    run: async (actor) => {
      const { slug, modelId } = await ownersModel();
      const form = new FormData();
      form.set("file", new Blob([baselineBytes("mnist-logreg.onnx") as BlobPart]), "model.onnx");
      form.set("model", slug);
      form.set("task", "mnist");
      const response = await postSubmission(browserRequest("/api/v1/submissions", { method: "POST", cookie: cookieOf(actor), body: form }));
      return { status: response.status, changed: (await db.submission.count({ where: { modelId } })) === 2 };
    },
  },
  edit: {
    expected: { anonymous: 401, owner: 200, other: 403, admin: 200 },
    run: async (actor) => {
      const { slug, modelId } = await ownersModel();
      const response = await patchModel(browserRequest(`/api/v1/models/${slug}`, { method: "PATCH", cookie: cookieOf(actor), json: { name: `Edited by ${actor}` } }), params({ slug }));
      return { status: response.status, changed: (await db.model.findUniqueOrThrow({ where: { id: modelId } })).name === `Edited by ${actor}` };
    },
  },
  withdraw: {
    expected: { anonymous: 401, owner: 200, other: 403, admin: 200 },
    run: async (actor) => {
      const { submissionId: id } = await ownersModel();
      const response = await withdraw(browserRequest(`/api/v1/submissions/${id}/withdraw`, { method: "POST", cookie: cookieOf(actor) }), params({ id }));
      return { status: response.status, changed: (await db.submission.findUniqueOrThrow({ where: { id } })).status === "WITHDRAWN" };
    },
  },
  delete: {
    expected: { anonymous: 401, owner: 200, other: 403, admin: 200 },
    run: async (actor) => {
      const { slug, modelId } = await ownersModel();
      const response = await deleteModel(browserRequest(`/api/v1/models/${slug}`, { method: "DELETE", cookie: cookieOf(actor) }), params({ slug }));
      return { status: response.status, changed: (await db.model.findUnique({ where: { id: modelId } })) === null };
    },
  },
  hide: {
    expected: { anonymous: 401, owner: 403, other: 403, admin: 200 },
    run: async (actor) => {
      const { slug, modelId } = await ownersModel();
      const response = await hideModel(browserRequest(`/api/v1/models/${slug}/hide`, { method: "POST", cookie: cookieOf(actor) }), params({ slug }));
      return { status: response.status, changed: (await db.model.findUniqueOrThrow({ where: { id: modelId } })).hiddenAt !== null };
    },
  },
  "queue dashboard": {
    expected: { anonymous: 302, owner: 403, other: 403, admin: 200 },
    run: async (actor) => {
      const cookie = cookieOf(actor);
      const response = await fetch(`${dashboard.url}/admin/queues/api/queues`, { redirect: "manual", headers: cookie ? { cookie } : {} });
      const body = await response.text();
      if (actor === "anonymous") expect(response.headers.get("location")).toBe("/signin?next=%2Fadmin%2Fqueues");
      // "Changed" here: the dashboard's data (the benchmark queue) was handed over.
      return { status: response.status, changed: body.includes('"name":"benchmark"') };
    },
  },
  "create token": {
    expected: { anonymous: 401, owner: 201, other: 201, admin: 201 },
    run: async (actor) => {
      const before = await db.apiToken.count();
      const response = await createToken(browserRequest("/api/v1/tokens", { method: "POST", cookie: cookieOf(actor), json: { name: `by-${actor}` } }));
      if (response.status === 201) {
        // The token is the caller's own, whoever asks: nobody makes tokens for someone else.
        const row = await db.apiToken.findUniqueOrThrow({ where: { id: (await response.json()).id }, include: { user: true } });
        expect(row.user.username).toBe(users[actor as Exclude<Actor, "anonymous">].username);
      }
      return { status: response.status, changed: (await db.apiToken.count()) === before + 1 };
    },
  },
  "revoke token": {
    expected: { anonymous: 401, owner: 200, other: 403, admin: 403 },
    run: async (actor) => {
      const { id, token } = await ownersToken();
      const response = await revokeToken(browserRequest(`/api/v1/tokens/${id}`, { method: "DELETE", cookie: cookieOf(actor) }), params({ id }));
      const stillWorks = (await listTokens(tokenRequest("/api/v1/tokens", token))).status === 200;
      return { status: response.status, changed: !stillWorks };
    },
  },
};

describe.each(Object.entries(ACTIONS))("%s", (_name, action) => {
  it.each(ACTORS)("as %s", async (actor) => {
    const expected = action.expected[actor];
    const outcome = await action.run(actor);
    expect(outcome).toEqual({ status: expected, changed: expected >= 200 && expected < 300 });
  });
});

describe("unknown targets", () => {
  it("answers 404 to the owner and to an admin for a model or submission that does not exist", async () => {
    for (const actor of ["owner", "admin"] as const) {
      const cookie = users[actor].cookie;
      const slug = "no-such-model-matrix";
      expect((await patchModel(browserRequest(`/api/v1/models/${slug}`, { method: "PATCH", cookie, json: { name: "x" } }), params({ slug }))).status).toBe(404);
      expect((await deleteModel(browserRequest(`/api/v1/models/${slug}`, { method: "DELETE", cookie }), params({ slug }))).status).toBe(404);
      expect((await withdraw(browserRequest("/api/v1/submissions/nope/withdraw", { method: "POST", cookie }), params({ id: "nope" }))).status).toBe(404);
    }
    expect((await hideModel(browserRequest("/api/v1/models/no-such-model-matrix/hide", { method: "POST", cookie: users.admin.cookie }), params({ slug: "no-such-model-matrix" }))).status).toBe(404);
  });
});
