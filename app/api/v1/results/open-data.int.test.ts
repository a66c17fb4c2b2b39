// The open-data export: every public result, streamed page by page (never built in memory), formula-safe CSV and
// JSON Lines with the dictionary's columns, without withdrawn results or hidden models.
import { createHash, randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { EXPORT_COLUMNS } from "@/lib/open-data/columns";
import { streamExport } from "@/lib/open-data/stream-export";
import { resultColumns } from "@/lib/submissions/record-result";
import { ensureHardwareProfile, fakePayload, insertResult } from "@/lib/testing/insert-result";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { HOSTILE_TEXT } from "@/lib/testing/hostile-text";
import { GET as getCsv } from "../results.csv/route";
import { GET as getJsonl } from "../results.jsonl/route";

const db = getDb();
const created: string[] = [];
// A profile of its own, so the 10,000 rows never become another test's default board.
const PROFILE = "0e0da7a000000001";

afterAll(async () => {
  const models = await db.model.findMany({ where: { slug: { in: created } }, select: { id: true } });
  await db.model.deleteMany({ where: { id: { in: models.map((m) => m.id) } } });
  await db.$disconnect();
});

/** `count` results of one model in bulk: insertResult's row, copied by PostgreSQL (row by row would take a minute). */
async function bulkResults(count: number): Promise<string> {
  const slug = uniqueSlug("open-bulk");
  created.push(slug);
  await ensureHardwareProfile(db, PROFILE, "Bulk CPU");
  const owner = await db.user.upsert({ where: { username: "test-owner" }, update: {}, create: { username: "test-owner" } });
  const model = await db.model.create({ data: { slug, name: slug, ownerId: owner.id } });
  const bytes = randomBytes(64);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db.artifact.create({ data: { sha256, bytes, sizeBytes: bytes.byteLength } });
  const payload = fakePayload({ modelSlug: slug, taskId: "mnist", accuracy: 0.9, energyPerInferenceJ: 3e-6, hardwareProfileId: PROFILE, meter: "estimate", fileBytes: 64 });
  const c = resultColumns("template", payload);
  // Ids starting "c0" sort before every cuid made later, so a result added during the download comes after them.
  await db.$executeRaw`INSERT INTO "Submission" ("id", "modelId", "taskId", "artifactSha256", "submitterId", "status", "progress")
    SELECT 'c0' || lpad(i::text, 6, '0') || ${model.id}, ${model.id}, 'mnist', ${sha256}, ${owner.id}, 'SUCCEEDED'::"SubmissionStatus", 100
    FROM generate_series(1, ${count}::int) AS i`;
  await db.$executeRaw`INSERT INTO "Result" ("id", "submissionId", "taskId", "hardwareProfileId", "meter", "estimated", "harnessVersion", "accuracy", "macroF1",
      "energyPerInferenceJ", "accuracyPerJoule", "unstable", "modelMemoryBytes", "fileBytes", "paramCount", "latencyP50Ms", "datasetManifestSha256", "payload")
    SELECT s."id", s."id", 'mnist', ${PROFILE}, ${c.meter}, ${c.estimated}, ${c.harnessVersion}, ${c.accuracy}, ${c.macroF1}, ${c.energyPerInferenceJ},
      ${c.accuracyPerJoule}, false, ${c.modelMemoryBytes}, ${c.fileBytes}, ${c.paramCount}, ${c.latencyP50Ms}, ${c.datasetManifestSha256}, ${JSON.stringify(payload)}::jsonb
    FROM "Submission" s WHERE s."modelId" = ${model.id}`;
  return slug;
}

/** Garbage collection on demand (V8's flag set at run time), so the heap measured is what the stream holds. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

describe("GET /api/v1/results.csv and .jsonl", () => {
  it("lists public results with the dictionary's columns, formula-safe, and leaves out withdrawn and hidden ones", async () => {
    const slug = uniqueSlug("open");
    const hiddenSlug = uniqueSlug("open-hidden");
    created.push(slug, hiddenSlug);
    const shown = await insertResult(db, { modelSlug: slug, modelName: HOSTILE_TEXT.formula, taskId: "mnist", accuracy: 0.97, energyPerInferenceJ: 2e-6 });
    const withdrawn = await insertResult(db, { modelSlug: slug, taskId: "mnist", accuracy: 0.5, energyPerInferenceJ: 2e-6, status: "WITHDRAWN" });
    const hidden = await insertResult(db, { modelSlug: hiddenSlug, taskId: "mnist", accuracy: 0.9, energyPerInferenceJ: 2e-6 });
    await db.model.update({ where: { id: hidden.modelId }, data: { hiddenAt: new Date() } });

    const csvResponse = await getCsv();
    expect(csvResponse.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const csv = await csvResponse.text();
    const [header, ...lines] = csv.split("\r\n");
    expect(header).toBe(EXPORT_COLUMNS.map((c) => c.name).join(","));
    const row = lines.find((line) => line.startsWith(`${shown.resultId},`));
    expect(row).toBeDefined();
    // The formula-looking name starts with an apostrophe and is quoted (it holds a comma and quotes).
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(row).toContain(`,${slug},`);
    expect(row).toContain(",mnist,0000feedbeef0001,Test CPU 9000,1,8,estimate,true,1.0.0,1.30.0,fp32,0.97,"); // precision: the detected format
    expect(csv).not.toContain(withdrawn.resultId);
    expect(csv).not.toContain(hidden.resultId);

    const jsonlResponse = await getJsonl();
    expect(jsonlResponse.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    const objects = (await jsonlResponse.text()).trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    const mine = objects.find((o) => o.result_id === shown.resultId);
    expect(Object.keys(mine ?? {})).toEqual(EXPORT_COLUMNS.map((c) => c.name));
    expect(mine).toMatchObject({ model_name: HOSTILE_TEXT.formula, accuracy: 0.97, energy_per_inference_j: 2e-6, estimated: true, model_sha256: shown.sha256, energy_class: "B" });
    expect(objects.some((o) => o.result_id === withdrawn.resultId || o.result_id === hidden.resultId)).toBe(false);
  });

  it("streams 10,000 results a page at a time, reading each page only when the reader asks for it", async () => {
    const slug = await bulkResults(10_000);
    const reader = (await streamExport(db, "jsonl", 500)).getReader();
    const first = await reader.read();
    const firstLines = new TextDecoder().decode(first.value).trimEnd().split("\n");
    expect(firstLines.length).toBeLessThanOrEqual(500);
    // A result written after the download began still comes: the rows are read as the reader goes, not up front.
    const late = await insertResult(db, { modelSlug: slug, taskId: "mnist", accuracy: 0.91, energyPerInferenceJ: 3e-6, hardwareProfileId: PROFILE });
    let lines = firstLines.length;
    let largestChunkLines = firstLines.length;
    let sawLate = false;
    const gc = collector();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const text = new TextDecoder().decode(chunk.value);
      const count = text.trimEnd().split("\n").length;
      lines += count;
      largestChunkLines = Math.max(largestChunkLines, count);
      sawLate ||= text.includes(late.resultId);
      gc();
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    expect(lines).toBeGreaterThanOrEqual(10_001);
    expect(largestChunkLines).toBeLessThanOrEqual(500);
    expect(sawLate).toBe(true);
    console.log(`[open-data] heap held while streaming: ${((heapPeak - heapBefore) / 2 ** 20).toFixed(1)} MiB over ${lines} lines`);
    // What the stream keeps between pages: one page, not the 10,000 rows.
    expect(heapPeak - heapBefore).toBeLessThan(16 * 1024 * 1024);
  });
});
