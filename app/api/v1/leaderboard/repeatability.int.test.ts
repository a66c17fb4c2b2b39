// The board API with calibration rows: the chosen profile carries its measured between-run spread, and each
// entry its within-run interval, the between-run half-width and the published interval combining both. Every
// answer parses with the schema the OpenAPI document is made from, with nothing left over.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { HARNESS_VERSION } from "@/benchmarks/version";
import { zBoard } from "@/lib/api/schemas/leaderboard";
import { zModelView } from "@/lib/api/schemas/models";
import { listCalibrationReferences } from "@/lib/calibration/references";
import { getDb } from "@/lib/db/client";
import { clearBoardCache } from "@/lib/leaderboard/board-cache";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { ensureHardwareProfile, insertResult } from "@/lib/testing/insert-result";
import { GET as getLeaderboard } from "./route";
import { GET as getModel } from "../models/[slug]/route";

const db = getDb();
const mnistReference = listCalibrationReferences().find((r) => r.taskId === "mnist")!;

afterAll(() => db.$disconnect());

async function calibrationRun(hardwareProfileId: string, energyPerInferenceJ: number, createdAt: Date, meter = "estimate") {
  await ensureHardwareProfile(db, hardwareProfileId);
  await db.calibrationRun.create({
    data: {
      hardwareProfileId,
      meter,
      taskId: "mnist",
      referenceSlug: mnistReference.slug,
      artifactSha256: mnistReference.artifactSha256,
      harnessVersion: HARNESS_VERSION,
      energyPerInferenceJ,
      withinCi95J: [energyPerInferenceJ * 0.98, energyPerInferenceJ * 1.02],
      windows: 5,
      wallS: 20,
      workerId: "test-worker",
      startedAt: new Date(createdAt.getTime() - 20_000),
      payload: { note: "inserted by repeatability.int.test.ts" },
      createdAt,
    },
  });
}

async function board(hardwareProfileId: string) {
  clearBoardCache();
  const response = await getLeaderboard(new Request(`http://localhost/api/v1/leaderboard?task=mnist&hardware=${hardwareProfileId}&meter=estimate`));
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(z.parse(zBoard, body)).toEqual(body);
  return z.parse(zBoard, body);
}

/** Sample SD ÷ mean, written out here rather than taken from the code under test. */
function cv(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1)) / mean;
}

describe("between-run spread on the board API", () => {
  it("shows the profile's repeatability and publishes intervals wider than the within-run ones", async () => {
    const profile = randomBytes(8).toString("hex");
    const t0 = Date.parse("2026-11-30T10:00:00Z");
    // Three calibration runs and one ordinary result of the reference file: four runs of the reference.
    for (const [i, e] of [1.0e-6, 1.06e-6, 0.94e-6].entries()) await calibrationRun(profile, e, new Date(t0 + i * 3_600_000));
    const reference = uniqueSlug("reference");
    await insertResult(db, {
      modelSlug: reference,
      taskId: "mnist",
      accuracy: 0.93,
      energyPerInferenceJ: 1.03e-6,
      hardwareProfileId: profile,
      harnessVersion: HARNESS_VERSION,
      artifactBytes: new Uint8Array(readFileSync(mnistReference.path)),
      createdAt: new Date(t0 + 4 * 3_600_000),
    });
    // Neither counts: another meter on the same machine, and another machine.
    await calibrationRun(profile, 9e-6, new Date(t0), "rapl");
    await calibrationRun(randomBytes(8).toString("hex"), 9e-6, new Date(t0));
    const current = uniqueSlug("current");
    const old = uniqueSlug("old-protocol");
    await insertResult(db, { modelSlug: current, taskId: "mnist", accuracy: 0.97, energyPerInferenceJ: 5e-6, hardwareProfileId: profile, harnessVersion: HARNESS_VERSION });
    await insertResult(db, { modelSlug: old, taskId: "mnist", accuracy: 0.96, energyPerInferenceJ: 4e-6, hardwareProfileId: profile, harnessVersion: "1.0.0" });

    const answer = await board(profile);
    const spread = cv([1.0e-6, 1.06e-6, 0.94e-6, 1.03e-6]);
    const halfWidth95 = 3.182 * spread; // t(0.975, 3)
    expect(answer.profile?.repeatability).toEqual({
      spread: expect.closeTo(spread, 12),
      runs: 4,
      references: 1,
      halfWidth95: expect.closeTo(halfWidth95, 12),
      lastRunAt: "2026-11-30T14:00:00.000Z",
    });

    const entry = answer.entries.find((e) => e.modelSlug === current)!;
    expect(entry.energyCi95J).toEqual([expect.closeTo(5e-6 * 0.97, 15), expect.closeTo(5e-6 * 1.03, 15)]);
    expect(entry.betweenRunHalfWidth95).toBeCloseTo(halfWidth95, 12);
    const combined = Math.hypot(0.03, halfWidth95);
    expect(entry.publishedCi95J).toEqual([expect.closeTo(5e-6 * (1 - combined), 15), expect.closeTo(5e-6 * (1 + combined), 15)]);
    expect(entry.publishedCi95J![0]).toBeLessThan(entry.energyCi95J![0]);
    expect(entry.publishedCi95J![1]).toBeGreaterThan(entry.energyCi95J![1]);

    // The model's page gives the same published interval as the board.
    const modelResponse = await getModel(new Request(`http://localhost/api/v1/models/${current}`), { params: Promise.resolve({ slug: current }) });
    // (Not parsed with zModelView: insertResult's stored payload is not a whole BenchmarkResult.)
    const model = (await modelResponse.json()) as z.infer<typeof zModelView>;
    const result = model.tasks[0].boards[0].results[0];
    expect(result.publishedCi95J).toEqual(entry.publishedCi95J);
    expect(result.betweenRunHalfWidth95).toEqual(entry.betweenRunHalfWidth95);

    // A result of an older protocol has no spread measured under it: its interval stays the within-run one.
    const older = answer.entries.find((e) => e.modelSlug === old)!;
    expect(older.betweenRunHalfWidth95).toBeNull();
    expect(older.publishedCi95J).toEqual(older.energyCi95J);
  });

  it("says the spread is not measured yet while no reference has three runs", async () => {
    const profile = randomBytes(8).toString("hex");
    await calibrationRun(profile, 1e-6, new Date("2026-11-30T10:00:00Z"));
    await calibrationRun(profile, 1.2e-6, new Date("2026-11-30T11:00:00Z"));
    const slug = uniqueSlug("unmeasured");
    await insertResult(db, { modelSlug: slug, taskId: "mnist", accuracy: 0.97, energyPerInferenceJ: 5e-6, hardwareProfileId: profile, harnessVersion: HARNESS_VERSION });

    const answer = await board(profile);
    expect(answer.profile?.repeatability).toBeNull();
    const entry = answer.entries.find((e) => e.modelSlug === slug)!;
    expect(entry.betweenRunHalfWidth95).toBeNull();
    expect(entry.publishedCi95J).toEqual(entry.energyCi95J);
  });
});
