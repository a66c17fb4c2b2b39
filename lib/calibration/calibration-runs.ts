// The calibration rows: written by an idle worker, read by the worker (what is due) and by boards (the spread).
// A reference's runs are its calibration rows plus the ordinary results of the same file on the same profile
// (the seeded baselines are submissions too), matched by the file's SHA-256.
import type { BenchmarkResult } from "../../benchmarks/types";
import { HARNESS_VERSION } from "../../benchmarks/version";
import type { Db } from "../db/client";
import { countPendingBenchmarks } from "../queue/get-queue";
import { upsertHardwareProfile } from "../submissions/record-result";
import { listCalibrationReferences, type CalibrationReference } from "./references";
import { betweenRunSpread, MIN_RUNS, RUNS_KEPT, type ReferenceRuns, type Repeatability } from "./spread";

export interface ProfileKey {
  hardwareProfileId: string;
  meter: string;
}

export async function recordCalibrationRun(
  db: Db,
  run: { reference: CalibrationReference; workerId: string; startedAt: Date; result: BenchmarkResult },
): Promise<void> {
  const { reference, result } = run;
  await upsertHardwareProfile(db, result.hardware);
  await db.calibrationRun.create({
    data: {
      hardwareProfileId: result.hardware.id,
      meter: result.meter,
      taskId: reference.taskId,
      referenceSlug: reference.slug,
      artifactSha256: reference.artifactSha256,
      harnessVersion: result.harnessVersion,
      energyPerInferenceJ: result.energyPerInferenceJ,
      withinCi95J: result.energyCi95J,
      windows: result.offline.energy.windows,
      wallS: result.wallS,
      workerId: run.workerId,
      startedAt: run.startedAt,
      payload: JSON.parse(JSON.stringify(result)),
    },
  });
}

interface RunRow {
  harnessVersion: string;
  taskId: string;
  energyPerInferenceJ: number;
  at: Date;
}

/** The latest RUNS_KEPT runs of each reference on a profile, by harness version (figures of two protocols never mix). */
export async function loadReferenceRuns(db: Db, profile: ProfileKey): Promise<Map<string, ReferenceRuns[]>> {
  const references = listCalibrationReferences();
  const taskIds = references.map((r) => r.taskId);
  const shas = references.map((r) => r.artifactSha256);
  const rows = await db.$queryRaw<RunRow[]>`
    WITH refs AS (SELECT * FROM unnest(${taskIds}::text[], ${shas}::text[]) AS t("taskId", sha)),
    runs AS (
      SELECT c."harnessVersion", c."taskId", c."energyPerInferenceJ", c."createdAt" AS at
      FROM "CalibrationRun" c JOIN refs ON refs."taskId" = c."taskId" AND refs.sha = c."artifactSha256"
      WHERE c."hardwareProfileId" = ${profile.hardwareProfileId} AND c.meter = ${profile.meter}
      UNION ALL
      SELECT r."harnessVersion", r."taskId", r."energyPerInferenceJ", r."createdAt" AS at
      FROM "Result" r
      JOIN "Submission" s ON s.id = r."submissionId"
      JOIN refs ON refs."taskId" = r."taskId" AND refs.sha = s."artifactSha256"
      WHERE r."hardwareProfileId" = ${profile.hardwareProfileId} AND r.meter = ${profile.meter} AND s.status = 'SUCCEEDED'
    ),
    latest AS (SELECT *, row_number() OVER (PARTITION BY "harnessVersion", "taskId" ORDER BY at DESC) AS n FROM runs)
    SELECT "harnessVersion", "taskId", "energyPerInferenceJ", at FROM latest WHERE n <= ${RUNS_KEPT} ORDER BY at`;
  const byVersion = new Map<string, Map<string, ReferenceRuns>>();
  for (const row of rows) {
    const tasks = byVersion.get(row.harnessVersion) ?? new Map<string, ReferenceRuns>();
    byVersion.set(row.harnessVersion, tasks);
    const runs = tasks.get(row.taskId) ?? { taskId: row.taskId, energiesJ: [], lastRunAt: row.at };
    runs.energiesJ.push(row.energyPerInferenceJ);
    runs.lastRunAt = row.at;
    tasks.set(row.taskId, runs);
  }
  return new Map([...byVersion].map(([version, tasks]) => [version, [...tasks.values()]]));
}

/** The between-run spread of a profile under each harness version that has one. */
export async function loadRepeatability(db: Db, profile: ProfileKey): Promise<Map<string, Repeatability>> {
  const spreads = new Map<string, Repeatability>();
  for (const [version, runs] of await loadReferenceRuns(db, profile)) {
    const spread = betweenRunSpread(runs);
    if (spread) spreads.set(version, spread);
  }
  return spreads;
}

/**
 * The reference to re-benchmark now on this profile, under the current harness: one with fewer than MIN_RUNS
 * runs first (the one closest to MIN_RUNS, so a spread is measured after as few runs as possible), else the one
 * whose last run is oldest, once it is `everyS` old; null when none is due.
 */
export async function pickDueReference(
  db: Db,
  profile: ProfileKey,
  options: { everyS: number; now?: Date; skipTasks?: ReadonlySet<string> },
): Promise<CalibrationReference | null> {
  const runs = new Map((await loadReferenceRuns(db, profile)).get(HARNESS_VERSION)?.map((r) => [r.taskId, r]) ?? []);
  const now = (options.now ?? new Date()).getTime();
  const candidates = listCalibrationReferences()
    .filter((reference) => !options.skipTasks?.has(reference.taskId))
    .map((reference) => ({ reference, count: runs.get(reference.taskId)?.energiesJ.length ?? 0, lastMs: runs.get(reference.taskId)?.lastRunAt.getTime() ?? 0 }));
  const short = candidates.filter((c) => c.count < MIN_RUNS).sort((a, b) => b.count - a.count);
  if (short.length) return short[0].reference;
  const stale = candidates.filter((c) => now - c.lastMs >= options.everyS * 1000).sort((a, b) => a.lastMs - b.lastMs);
  return stale[0]?.reference ?? null;
}

/** Nothing waits for a worker: no job waiting, delayed or running anywhere, and no submission row queued. */
export async function benchmarkQueueIsIdle(db: Db): Promise<boolean> {
  if ((await countPendingBenchmarks()) > 0) return false;
  return (await db.submission.count({ where: { status: "QUEUED" } })) === 0;
}
