// Permanent results and pinned images: a result's record, a pinned badge and a pinned label do not move when the
// model is benchmarked again, and say so once withdrawn; labels and badges come as valid SVG, PNG and PDF.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { datasetManifestSha256 } from "@/benchmarks/datasets/manifest-hash";
import { requireTask } from "@/benchmarks/tasks/catalog";
import { zResultRecord } from "@/lib/api/schemas/results";
import { clearBadgeCache } from "@/lib/badges/serve-badge";
import { SCI_DEFAULTS, sciPerInference } from "@/lib/sci/sci";
import { HOSTILE_TEXT } from "@/lib/testing/hostile-text";
import { getDb } from "@/lib/db/client";
import { withdrawSubmission } from "@/lib/submissions/withdraw-submission";
import { insertResult } from "@/lib/testing/insert-result";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { GET as getBadge } from "../../../badge/[slug]/[task]/route";
import { GET as getLabel } from "../../../label/[slug]/[task]/route";
import { GET as getResultApi } from "./[id]/route";

const db = getDb();
const created: string[] = [];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function model(prefix: string) {
  const slug = uniqueSlug(prefix);
  created.push(slug);
  const first = await insertResult(db, { modelSlug: slug, taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 5e-6, createdAt: new Date(Date.now() - 60_000) });
  return { slug, ...first };
}

const image = (route: typeof getBadge, kind: string, slug: string, task: string, query = "") =>
  route(new Request(`http://localhost/${kind}/${slug}/${task}${query}`), { params: Promise.resolve({ slug, task }) });

async function record(id: string) {
  const response = await getResultApi(new Request(`http://localhost/api/v1/results/${id}`), { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as z.infer<typeof zResultRecord> };
}

function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const file = join(mkdtempSync(join(tmpdir(), "frugal-pdf-")), "x.pdf");
  writeFileSync(file, bytes);
  const lines = execFileSync("pdfinfo", [file], { encoding: "utf8" }).split("\n");
  return Object.fromEntries(lines.filter((l) => l.includes(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]));
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

beforeEach(() => clearBadgeCache());

afterAll(async () => {
  const models = await db.model.findMany({ where: { slug: { in: created } }, select: { id: true } });
  await db.model.deleteMany({ where: { id: { in: models.map((m) => m.id) } } });
  await db.$disconnect();
});

describe("GET /api/v1/results/:id", () => {
  it("gives the figures as measured, the hashes, versions and windows, in the documented shape", async () => {
    const { resultId, sha256, submissionId, slug } = await model("result");
    const { status, body } = await record(resultId);
    expect(status).toBe(200);
    expect(zResultRecord.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      id: resultId,
      url: `http://localhost/results/${resultId}`,
      submissionId,
      model: { slug },
      task: { id: "mnist" },
      standing: "current",
      currentResultId: null,
      accuracy: 0.95,
      energyPerInferenceJ: 5e-6,
      energyClass: "C",
      artifactSha256: sha256,
      datasetManifestSha256: datasetManifestSha256(requireTask("mnist").dataset),
      harnessVersion: "1.0.0",
      onnxruntimeVersion: "1.30.0",
      hardware: { cpuModel: "Test CPU 9000", threads: 8 },
    });
    expect(body.windows).toHaveLength(10);
  });

  it("is unchanged after a re-benchmark but for its standing, and a withdrawal says so", async () => {
    const { resultId, slug, submissionId } = await model("result-rebench");
    const before = (await record(resultId)).body;
    const second = await insertResult(db, { modelSlug: slug, taskId: "mnist", accuracy: 0.97, energyPerInferenceJ: 2e-6 });
    const after = (await record(resultId)).body;
    expect(after).toEqual({ ...before, standing: "superseded", currentResultId: second.resultId });
    expect((await record(second.resultId)).body).toMatchObject({ standing: "current", accuracy: 0.97 });

    const owner = await db.user.findUniqueOrThrow({ where: { username: "test-owner" } });
    await withdrawSubmission(db, submissionId, { ...owner, via: "token" }, { baseUrl: "http://localhost" });
    expect((await record(resultId)).body).toEqual({ ...before, standing: "withdrawn", currentResultId: second.resultId });
  });

  it("carries SCI per inference from the assumptions its worker stored, or the defaults and says so", async () => {
    const slug = uniqueSlug("result-sci");
    created.push(slug);
    const sci = { gridGPerKwh: 100, embodiedKg: 500, lifespanYears: 5 };
    const stored = await insertResult(db, { modelSlug: slug, taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 4e-6, sci });
    const body = (await record(stored.resultId)).body;
    // insertResult's payload: offline throughput 100,000/s, 1 of 8 threads.
    const expected = sciPerInference({ energyPerInferenceJ: 4e-6, timePerInferenceS: 1e-5, threadsReserved: 1, threadsTotal: 8 }, sci);
    expect(body.sci).toEqual({ ...expected, assumptionsRecorded: true, timePerInferenceS: 1e-5, estimated: true });
    const older = await insertResult(db, { modelSlug: slug, taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 4e-6 });
    expect((await record(older.resultId)).body.sci).toMatchObject({ assumptions: SCI_DEFAULTS, assumptionsRecorded: false });
  });

  it("answers 404 for an unknown id and for a hidden model's result", async () => {
    const missing = await record("no-such-result");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("No result with id `no-such-result`") } });
    const { resultId, modelId } = await model("result-hidden");
    await db.model.update({ where: { id: modelId }, data: { hiddenAt: new Date() } });
    expect((await record(resultId)).status).toBe(404);
  });
});

describe("pinned badges and labels", () => {
  it("a pinned badge does not change after a re-benchmark; the unpinned one follows; a withdrawn pin says withdrawn", async () => {
    const { slug, resultId, submissionId } = await model("pin");
    const pinned = async () => (await image(getBadge, "badge", slug, "mnist.svg", `?result=${resultId}`)).text();
    const before = await pinned();
    expect(before).toContain("mnist 95.0% · 5.00 µJ (est.) · C");
    await insertResult(db, { modelSlug: slug, taskId: "mnist", accuracy: 0.97, energyPerInferenceJ: 2e-6 });
    clearBadgeCache();
    expect(await pinned()).toBe(before);
    expect(await (await image(getBadge, "badge", slug, "mnist.svg")).text()).toContain("mnist 97.0% · 2.00 µJ (est.) · B");
    const pinnedLabel = await (await image(getLabel, "label", slug, "mnist.svg", `?result=${resultId}`)).text();
    expect(pinnedLabel).toContain("Superseded by a newer result");
    expect(pinnedLabel).toContain("5.00 µJ");

    const owner = await db.user.findUniqueOrThrow({ where: { username: "test-owner" } });
    await withdrawSubmission(db, submissionId, { ...owner, via: "token" }, { baseUrl: "http://localhost" });
    expect(await pinned()).toContain("mnist withdrawn");
    expect(await (await image(getLabel, "label", slug, "mnist.svg", `?result=${resultId}`)).text()).toContain("WITHDRAWN by its owner");
  });

  it("a pin that names another model's result, or none, is a grey 404", async () => {
    const a = await model("pin-a");
    const b = await model("pin-b");
    for (const [route, kind] of [
      [getBadge, "badge"],
      [getLabel, "label"],
    ] as const) {
      for (const query of [`?result=${b.resultId}`, "?result=nope"]) {
        const response = await image(route, kind, a.slug, "mnist.svg", query);
        expect(response.status, `${kind} ${query}`).toBe(404);
        expect(await response.text()).toContain("not found");
      }
    }
  });
});

describe("label and badge formats", () => {
  it("the label is an SVG, a PNG at twice its size and a one-page vector PDF", async () => {
    const { slug, resultId } = await model("label");
    const svg = await image(getLabel, "label", slug, "mnist.svg");
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    const text = await svg.text();
    expect(text).toContain(`http://localhost/results/${resultId}`);
    expect(text).toContain('data-class="C"');

    const png = await image(getLabel, "label", slug, "mnist.png");
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({ width: 840, height: 1280 });

    const pdf = await image(getLabel, "label", slug, "mnist.pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const info = pdfInfo(new Uint8Array(await pdf.arrayBuffer()));
    expect(info).toMatchObject({ Pages: "1", "Page size": "315 x 480 pts", Creator: "frugalboard" });
    expect(info.Title).toContain(`frugalboard energy label: ${slug}`);
  });

  it("a hostile model name is text in all three formats: escaped in the SVG, and the PNG and PDF still render", async () => {
    const slug = uniqueSlug("label-hostile");
    created.push(slug);
    const name = `${HOSTILE_TEXT.script}${HOSTILE_TEXT.attribute}\u0007 & ${HOSTILE_TEXT.formula}`;
    await insertResult(db, { modelSlug: slug, modelName: name, taskId: "mnist", accuracy: 0.95, energyPerInferenceJ: 5e-6 });
    const svg = await (await image(getLabel, "label", slug, "mnist.svg")).text();
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<svg onload");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;svg onload=alert(1)&gt; &amp; =HYPERLINK");
    expect(pngSize(new Uint8Array(await (await image(getLabel, "label", slug, "mnist.png")).arrayBuffer()))).toEqual({ width: 840, height: 1280 });
    const info = pdfInfo(new Uint8Array(await (await image(getLabel, "label", slug, "mnist.pdf")).arrayBuffer()));
    expect(info.Pages).toBe("1");
    expect(info.Title).toContain("<script>alert(1)</script>");
  });

  it("the badge comes as PNG and PDF too, and an unknown ending is a 404", async () => {
    const { slug } = await model("badge-formats");
    const png = await image(getBadge, "badge", slug, "mnist.png");
    expect(png.status).toBe(200);
    const { width, height } = pngSize(new Uint8Array(await png.arrayBuffer()));
    expect(height).toBe(40);
    expect(width).toBeGreaterThan(200);
    const pdf = await image(getBadge, "badge", slug, "mnist.pdf", "?style=plastic");
    expect(pdfInfo(new Uint8Array(await pdf.arrayBuffer())).Pages).toBe("1");
    expect((await image(getLabel, "label", slug, "mnist.gif")).status).toBe(404);
    // No result: the grey badge, in the format asked for.
    const none = await image(getLabel, "label", uniqueSlug("nobody"), "mnist.png");
    expect(none.status).toBe(404);
    pngSize(new Uint8Array(await none.arrayBuffer()));
  });
});
