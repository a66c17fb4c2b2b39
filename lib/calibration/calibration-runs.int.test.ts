// Which reference an idle worker benchmarks next, from the real rows of a profile of the test's own.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { HARNESS_VERSION } from "../../benchmarks/version";
import { getDb } from "../db/client";
import { ensureHardwareProfile } from "../testing/insert-result";
import { pickDueReference, type ProfileKey } from "./calibration-runs";
import { listCalibrationReferences } from "./references";

const db = getDb();
afterAll(() => db.$disconnect());

async function runOf(profile: ProfileKey, taskId: string, createdAt: Date, harnessVersion = HARNESS_VERSION) {
  const reference = listCalibrationReferences().find((r) => r.taskId === taskId)!;
  await db.calibrationRun.create({
    data: {
      ...profile,
      taskId,
      referenceSlug: reference.slug,
      artifactSha256: reference.artifactSha256,
      harnessVersion,
      energyPerInferenceJ: 1e-6,
      withinCi95J: [0.9e-6, 1.1e-6],
      windows: 5,
      wallS: 10,
      workerId: "test-worker",
      startedAt: createdAt,
      payload: {},
      createdAt,
    },
  });
}

describe("pickDueReference", () => {
  it("first completes the reference closest to three runs, then re-runs the oldest once it is due", async () => {
    const profile = { hardwareProfileId: randomBytes(8).toString("hex"), meter: "estimate" };
    await ensureHardwareProfile(db, profile.hardwareProfileId);
    const tasks = listCalibrationReferences().map((r) => r.taskId);
    const now = new Date("2026-12-01T12:00:00Z");
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

    expect((await pickDueReference(db, profile, { everyS: 3600, now }))?.taskId).toBe(tasks[0]);
    // Runs of an older protocol do not count.
    for (let i = 0; i < 3; i++) await runOf(profile, tasks[0], hoursAgo(10), "0.9.0");
    expect((await pickDueReference(db, profile, { everyS: 3600, now }))?.taskId).toBe(tasks[0]);
    await runOf(profile, tasks[1], hoursAgo(5));
    await runOf(profile, tasks[1], hoursAgo(4));
    expect((await pickDueReference(db, profile, { everyS: 3600, now }))?.taskId).toBe(tasks[1]);
    expect((await pickDueReference(db, profile, { everyS: 3600, now, skipTasks: new Set([tasks[1]]) }))?.taskId).toBe(tasks[0]);

    // Every reference with three runs, the oldest last run 3 h ago.
    for (const [i, task] of tasks.entries()) {
      const have = task === tasks[1] ? 2 : 0;
      for (let n = have; n < 3; n++) await runOf(profile, task, hoursAgo(task === tasks[2] ? 3 : 1 + i * 0.1));
    }
    expect(await pickDueReference(db, profile, { everyS: 4 * 3600, now })).toBeNull();
    expect((await pickDueReference(db, profile, { everyS: 2 * 3600, now }))?.taskId).toBe(tasks[2]);
  });
});
