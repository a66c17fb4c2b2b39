import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createBadgeFastPath } from "@/lib/badges/fast-path";
import { clearBadgeCache } from "@/lib/badges/serve-badge";
import { getDb } from "@/lib/db/client";
import { listBoardProfiles } from "@/lib/leaderboard/get-board";
import { renameModel } from "@/lib/models/rename-model";
import { insertResult } from "@/lib/testing/insert-result";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { GET as getSvg } from "../../../badge/[slug]/[task]/route";
import { GET as getEndpoint } from "./[slug]/[task]/route";
import { GET as getModelApi } from "../models/[slug]/route";

const db = getDb();
const created: string[] = [];

async function model(prefix: string, rows: Omit<Parameters<typeof insertResult>[1], "modelSlug">[]): Promise<string> {
  const slug = uniqueSlug(prefix);
  created.push(slug);
  for (const row of rows) await insertResult(db, { ...row, modelSlug: slug });
  return slug;
}

function svg(slug: string, task: string, query = "", headers: Record<string, string> = {}) {
  return getSvg(new Request(`http://localhost/badge/${slug}/${task}${query}`, { headers }), { params: Promise.resolve({ slug, task }) });
}

function endpoint(slug: string, task: string) {
  return getEndpoint(new Request(`http://localhost/api/v1/badges/${slug}/${task}`), { params: Promise.resolve({ slug, task }) });
}

beforeEach(() => clearBadgeCache());

afterAll(async () => {
  // Boards are shared by every integration test file: leave none of these rows behind.
  const models = await db.model.findMany({ where: { slug: { in: created } }, select: { id: true } });
  await db.model.deleteMany({ where: { id: { in: models.map((m) => m.id) } } });
  await db.$disconnect();
});

describe("GET /badge/:slug/:task.svg", () => {
  it("draws task, accuracy, µJ and class, coloured by class, with ETag and max-age", async () => {
    const slug = await model("badge", [{ taskId: "mnist", accuracy: 0.9791, energyPerInferenceJ: 38.24e-6 }]);
    const response = await svg(slug, "mnist.svg");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("max-age=300");
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const body = await response.text();
    expect(body.startsWith("<svg")).toBe(true);
    expect(body).toContain("mnist 97.9% · 38.2 µJ (est.) · E");
    expect(body).toContain("#fdb913");

    const again = await svg(slug, "mnist.svg", "", { "if-none-match": etag ?? "" });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("draws the styles asked for and refuses an unknown one with 400", async () => {
    const slug = await model("badge-style", [{ taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 2e-6 }]);
    const square = await svg(slug, "mnist.svg", "?style=flat-square");
    expect(square.status).toBe(200);
    expect(await square.text()).toContain('shape-rendering="crispEdges"');
    expect(await (await svg(slug, "mnist.svg", "?style=for-the-badge")).text()).toContain("FRUGALBOARD");
    const bad = await svg(slug, "mnist.svg", "?style=%3Cscript%3E");
    expect(bad.status).toBe(400);
    const body = await bad.text();
    expect(body).toContain("unknown style");
    expect(body).not.toContain("<script");
  });

  it("answers a grey 'not found' badge with 404 for an unknown model, task or extension", async () => {
    const slug = await model("badge-nf", [{ taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 2e-6 }]);
    for (const [s, t] of [
      ["no-such-model-here", "mnist.svg"],
      [slug, "no-such-task.svg"],
      [slug, "mnist.gif"],
      ["<script>alert(1)</script>", "mnist.svg"],
    ]) {
      const response = await svg(s, t);
      expect(response.status, `${s}/${t}`).toBe(404);
      const body = await response.text();
      expect(body).toContain("not found");
      expect(body).toContain("#9f9f9f");
      expect(body).not.toContain("<script");
    }
  });

  it("follows a re-benchmark, and prefers the task's default board over a newer result elsewhere", async () => {
    const busy = { hardwareProfileId: "badge0busy000001", cpuModel: "Busy CPU" };
    // Enough other models make the busy profile the default board for mnist, whatever earlier tests stored.
    const [top] = await listBoardProfiles(db, "mnist");
    const fillers = Math.max(6, (top?.results ?? 0) + 1);
    for (let i = 0; i < fillers; i++) await model("badge-filler", [{ taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 5e-6, ...busy }]);
    const t0 = new Date(Date.now() - 60_000);
    const slug = await model("badge-rebench", [{ taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 5e-6, createdAt: t0, ...busy }]);
    expect(await (await svg(slug, "mnist.svg")).text()).toContain("mnist 95.0% · 5.00 µJ (est.) · C");

    await insertResult(db, { modelSlug: slug, taskId: "mnist", accuracy: 0.96, energyPerInferenceJ: 0.5e-6, ...busy });
    clearBadgeCache();
    expect(await (await svg(slug, "mnist.svg")).text()).toContain("mnist 96.0% · 0.500 µJ (est.) · A");

    // A newer result on a quiet profile is not the default board: the badge stays on the busy one.
    await insertResult(db, { modelSlug: slug, taskId: "mnist", accuracy: 0.99, energyPerInferenceJ: 200e-6, hardwareProfileId: "badge0quiet00001", meter: "rapl" });
    clearBadgeCache();
    expect(await (await svg(slug, "mnist.svg")).text()).toContain("mnist 96.0% · 0.500 µJ (est.) · A");
  });

  it("shows the default board's rank with its tie mark: twins share one, a pinned badge has none", async () => {
    const board = { hardwareProfileId: "badge0rank000001", cpuModel: "Rank CPU" };
    // Enough other models make this profile the default board for mnist, whatever earlier tests stored.
    const [top] = await listBoardProfiles(db, "mnist");
    const fillers = Math.max(6, (top?.results ?? 0) + 1);
    for (let i = 0; i < fillers; i++) await model("badge-rank-filler", [{ taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 5e-6, ...board }]);
    const twinA = await model("badge-twin-a", [{ taskId: "mnist", accuracy: 0.98, energyPerInferenceJ: 0.5e-6, energyCi95J: [0.48e-6, 0.53e-6], ...board }]);
    const twinB = await model("badge-twin-b", [{ taskId: "mnist", accuracy: 0.98, energyPerInferenceJ: 0.52e-6, energyCi95J: [0.5e-6, 0.55e-6], ...board }]);
    const apart = await model("badge-apart", [{ taskId: "mnist", accuracy: 0.98, energyPerInferenceJ: 2e-6, energyCi95J: [1.9e-6, 2.1e-6], ...board }]);
    const [defaultBoard] = await listBoardProfiles(db, "mnist");
    expect(defaultBoard.hardwareProfileId).toBe(board.hardwareProfileId);

    const message = async (slug: string) => ((await (await endpoint(slug, "mnist")).json()) as { message: string }).message;
    expect(await message(twinA)).toBe("mnist 98.0% · 0.500 µJ (est.) · A · rank =1");
    expect(await message(twinB)).toBe("mnist 98.0% · 0.520 µJ (est.) · A · rank =1");
    expect(await message(apart)).toBe("mnist 98.0% · 2.00 µJ (est.) · B · rank 3");
    expect(await (await svg(twinB, "mnist.svg")).text()).toContain("rank =1");

    const { id } = await db.result.findFirstOrThrow({ where: { submission: { model: { slug: twinA } } } });
    const pinned = await svg(twinA, "mnist.svg", `?result=${id}`);
    expect(await pinned.text()).toContain("mnist 98.0% · 0.500 µJ (est.) · A<");
  });

  it("keeps working after a rename: the former slug still draws the badge, and the API redirects", async () => {
    const slug = await model("badge-old", [{ taskId: "mnist", accuracy: 0.97, energyPerInferenceJ: 2e-6 }]);
    const before = await (await svg(slug, "mnist.svg")).text();
    const { id } = await db.model.findUniqueOrThrow({ where: { slug } });
    const renamed = uniqueSlug("badge-new");
    created.push(renamed);
    await renameModel(db, id, renamed);
    clearBadgeCache();
    expect(await (await svg(slug, "mnist.svg")).text()).toBe(before);
    expect(await (await svg(renamed, "mnist.svg")).text()).toBe(before);

    const api = await getModelApi(new Request(`http://localhost/api/v1/models/${slug}`), { params: Promise.resolve({ slug }) });
    expect(api.status).toBe(308);
    expect(api.headers.get("location")).toBe(`http://localhost/api/v1/models/${renamed}`);
  });

  it("says withdrawn when the model's only result was withdrawn", async () => {
    const slug = await model("badge-wd", [{ taskId: "mnist", accuracy: 0.97, energyPerInferenceJ: 2e-6, status: "WITHDRAWN" }]);
    const response = await svg(slug, "mnist.svg");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("mnist withdrawn");
  });
});

describe("GET /api/v1/badges/:slug/:task (shields.io endpoint)", () => {
  it("returns exactly the endpoint schema", async () => {
    const slug = await model("endpoint", [{ taskId: "mnist", accuracy: 0.9791, energyPerInferenceJ: 0.8e-6, meter: "rapl", hardwareProfileId: "badge0rapl000001" }]);
    const response = await endpoint(slug, "mnist");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("etag")).toBeTruthy();
    expect(await response.json()).toEqual({ schemaVersion: 1, label: "frugalboard", message: "mnist 97.9% · 0.800 µJ · A", color: "00a651", cacheSeconds: 300 });
  });

  it("answers 404 with a shields-shaped 'not found' for an unknown model or task", async () => {
    for (const [slug, task] of [
      ["nobody-has-this", "mnist"],
      ["nobody-has-this", "imagenet"],
    ]) {
      const response = await endpoint(slug, task);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ schemaVersion: 1, label: "frugalboard", message: "not found", color: "9f9f9f", cacheSeconds: 300, isError: true });
    }
  });
});

describe("the web server's badge fast path", () => {
  it("answers exactly as the routes do, 304 included, and passes other URLs on", async () => {
    const slug = await model("fast", [{ taskId: "mnist", accuracy: 0.9791, energyPerInferenceJ: 38.24e-6 }]);
    const fast = createBadgeFastPath(db);
    const server = createServer((req, res) => {
      if (!fast(req, res)) res.writeHead(418).end("not a badge");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const route = await svg(slug, "mnist.svg", "?style=flat-square");
      for (let i = 0; i < 2; i++) {
        // The first answer is rendered, the second comes from the process's cache: both the same as the route's.
        const response = await fetch(`${base}/badge/${slug}/mnist.svg?style=flat-square`);
        expect(response.status).toBe(200);
        expect(response.headers.get("etag")).toBe(route.headers.get("etag"));
        expect(response.headers.get("cache-control")).toBe(route.headers.get("cache-control"));
        expect(await response.text()).toBe(await route.clone().text());
      }
      const revalidated = await fetch(`${base}/badge/${slug}/mnist.svg?style=flat-square`, { headers: { "if-none-match": route.headers.get("etag") ?? "" } });
      expect(revalidated.status).toBe(304);
      const json = await fetch(`${base}/api/v1/badges/${slug}/mnist`);
      expect(await json.json()).toEqual(await (await endpoint(slug, "mnist")).json());
      expect((await fetch(`${base}/badge/nobody-at-all/mnist.svg`)).status).toBe(404);
      expect((await fetch(`${base}/badge/${slug}/mnist.svg?style=neon`)).status).toBe(400);
      expect((await fetch(`${base}/tasks/mnist`)).status).toBe(418);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
