import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { renameModel } from "@/lib/models/rename-model";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { insertResult } from "@/lib/testing/insert-result";
import { GET as getLeaderboard } from "../leaderboard/route";
import { GET as getModel } from "./[slug]/route";

const db = getDb();
const created: string[] = [];

function fetchModel(slug: string) {
  return getModel(new Request(`http://localhost/api/v1/models/${slug}`), { params: Promise.resolve({ slug }) });
}

afterAll(async () => {
  const models = await db.model.findMany({ where: { slug: { in: created } }, select: { id: true } });
  await db.model.deleteMany({ where: { id: { in: models.map((m) => m.id) } } });
  await db.$disconnect();
});

describe("GET /api/v1/models/:slug", () => {
  it("returns metadata, every result per task and board with its windows, versions and the conversion assumptions", async () => {
    const slug = uniqueSlug("model-api");
    created.push(slug);
    const common = { modelSlug: slug, owner: "model-api-owner", description: "A tiny CNN.", paperUrl: "https://arxiv.org/abs/1234.5678", codeUrl: "javascript:alert(1)" };
    const first = await insertResult(db, { ...common, taskId: "mnist", accuracy: 0.97, energyPerInferenceJ: 40e-6, createdAt: new Date(Date.now() - 60_000) });
    const second = await insertResult(db, { ...common, taskId: "mnist", accuracy: 0.975, energyPerInferenceJ: 38e-6 });
    await insertResult(db, { ...common, taskId: "mnist", accuracy: 0.975, energyPerInferenceJ: 20e-6, hardwareProfileId: "modelapi0rapl001", meter: "rapl" });

    const response = await fetchModel(slug);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      slug,
      name: slug,
      owner: "model-api-owner",
      description: "A tiny CNN.",
      paperUrl: "https://arxiv.org/abs/1234.5678",
      codeUrl: null,
      licence: "MIT",
      formerSlugs: [],
      pending: [],
      environment: { gridGPerKwh: 475, wueLPerKwh: 1.8 },
    });
    expect(body.environment.sources.grid).toContain("IEA");
    expect(body.tasks).toHaveLength(1);
    const [task] = body.tasks;
    expect(task.taskId).toBe("mnist");
    expect(task.boards).toHaveLength(2);
    const estimate = task.boards.find((b: { meter: string }) => b.meter === "estimate");
    expect(estimate.results.map((r: { submissionId: string }) => r.submissionId)).toEqual([second.submissionId, first.submissionId]);
    const latest = estimate.results[0];
    expect(latest).toMatchObject({ accuracy: 0.975, energyPerInferenceJ: 38e-6, estimated: true, energyClass: "E", status: "succeeded" });
    expect(latest.windows).toHaveLength(10);
    expect(latest.windows[0]).toMatchObject({ scenario: "offline", energyPerInferenceJ: expect.any(Number) });
    expect(latest.raw.accuracy).toBe(0.975);
    expect(latest.energyCi95J).toHaveLength(2);
    expect(body.versions).toHaveLength(3);
    expect(body.versions.map((v: { sha256: string }) => v.sha256)).toContain(first.sha256);
    expect(body.versions[0]).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), tasks: ["mnist"], submissions: 1 });
  });

  it("answers 404 with a message for an unknown model, and 308 for a former slug", async () => {
    const missing = await fetchModel("no-such-model-anywhere");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: "not_found", message: expect.stringContaining("no-such-model-anywhere") });

    const slug = uniqueSlug("renamed-from");
    const next = uniqueSlug("renamed-to");
    created.push(next);
    const { modelId } = await insertResult(db, { modelSlug: slug, taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 3e-6 });
    await renameModel(db, modelId, next);
    const moved = await fetchModel(slug);
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe(`http://localhost/api/v1/models/${next}`);
    expect((await (await fetchModel(next)).json()).formerSlugs).toEqual([slug]);
  });

  it("refuses a rename onto a name another model holds or held", async () => {
    const a = uniqueSlug("rename-a");
    const b = uniqueSlug("rename-b");
    created.push(a, b);
    const { modelId: idA } = await insertResult(db, { modelSlug: a, taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 3e-6 });
    await insertResult(db, { modelSlug: b, taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 3e-6 });
    await expect(renameModel(db, idA, b)).rejects.toThrow(/taken/);
    await expect(renameModel(db, idA, "No Spaces!")).rejects.toThrow(/must be 3–64 characters/);
  });
});

describe("GET /api/v1/leaderboard?format=csv", () => {
  it("exports the board as spreadsheet-safe CSV", async () => {
    const slug = uniqueSlug("csv");
    created.push(slug);
    const hardwareProfileId = "csv0profile00001";
    await insertResult(db, { modelSlug: slug, modelName: '=HYPERLINK("http://evil","click"), me', taskId: "mnist", accuracy: 0.96, energyPerInferenceJ: 3e-6, hardwareProfileId });
    const response = await getLeaderboard(new Request(`http://localhost/api/v1/leaderboard?task=mnist&hardware=${hardwareProfileId}&meter=estimate&format=csv`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="frugalboard-mnist-${hardwareProfileId}-estimate.csv"`);
    const lines = (await response.text()).split("\r\n");
    expect(lines[0].startsWith("rank,model_slug,model_name,accuracy")).toBe(true);
    const row = lines.find((line) => line.includes(slug));
    expect(row).toContain(`"'=HYPERLINK(""http://evil"",""click""), me"`);
  });

  it("refuses an unknown format with a message", async () => {
    const response = await getLeaderboard(new Request("http://localhost/api/v1/leaderboard?task=mnist&format=xml"));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("must be json or csv");
  });
});
