// A board is (task, hardware profile, meter kind), offline scenario: results of different profiles or meters are
// never ranked together. Each model appears once, with its latest finished result on that board. The database
// picks that result (DISTINCT ON), so a board costs one indexed query however many re-benchmarks it has seen.
import type { EnergyClasses, TaskDefinition } from "../../benchmarks/types";
import { findTask, listTasks } from "../../benchmarks/tasks/catalog";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Precision } from "../../benchmarks/onnx/precision";
import { STARS_SCALE } from "./grades";
import { precisionsOf, readPrecision, withFormats, type BoardEntry, type ModelFormat } from "./model-format";
import { rankBoard, type BoardCandidate } from "./rank-board";

/** Preferred meter first: a measured figure outranks an estimate when a task has both. */
export const METER_PREFERENCE = ["rapl", "nvml", "estimate"];

export interface BoardProfile {
  hardwareProfileId: string;
  meter: string;
  cpuModel: string;
  cores: number;
  threads: number;
  os: string;
  arch: string;
  intraOpThreads: number;
  onnxruntimeVersion: string;
  /** Succeeded results on this board, re-benchmarks included. */
  results: number;
  /** Distinct models with a result on this board. */
  models: number;
}

export interface BoardTask {
  id: string;
  title: string;
  description: string;
  qualityFloor: number;
  qualityFloorReason: string;
  energyClasses: EnergyClasses;
}

export interface Board {
  task: BoardTask;
  scenario: "offline";
  hardwareProfileId: string | null;
  meter: string | null;
  /** The chosen profile (null when the task has no result yet, or the filter matched none). */
  profile: BoardProfile | null;
  /** Every (profile, meter) the task has results on, the default first. */
  profiles: BoardProfile[];
  starsScale: typeof STARS_SCALE;
  /** Ranked on the whole board; with a precision filter, only that precision's entries (ranks unchanged). */
  entries: BoardEntry[];
  /** The precision filter applied, if any. */
  precision: Precision | null;
  /** Precisions of the board's entries before any filter, for the filter's choices. */
  precisions: Precision[];
}

export interface BoardFilter {
  hardwareProfileId?: string;
  meter?: string;
  precision?: Precision;
}

export function requireTask(taskId: string): TaskDefinition {
  const task = findTask(taskId);
  if (!task) {
    const known = listTasks().map((t) => t.id).join(", ");
    throw new AppError("not_found", `Unknown task \`${taskId.slice(0, 64)}\`; known tasks: ${known}.`);
  }
  return task;
}

function meterRank(meter: string): number {
  const index = METER_PREFERENCE.indexOf(meter);
  return index === -1 ? METER_PREFERENCE.length : index;
}

/** The default board first: the profile with the most results, then the best meter. */
export async function listBoardProfiles(db: Db, taskId: string): Promise<BoardProfile[]> {
  const rows = await db.$queryRaw<BoardProfile[]>`
    SELECT r."hardwareProfileId", r.meter, h."cpuModel", h.cores, h.threads, h.os, h.arch, h."intraOpThreads",
           h."onnxruntimeVersion", count(*)::int AS results, count(DISTINCT s."modelId")::int AS models
    FROM "Result" r
    JOIN "Submission" s ON s.id = r."submissionId"
    JOIN "Model" m ON m.id = s."modelId"
    JOIN "HardwareProfile" h ON h.id = r."hardwareProfileId"
    WHERE r."taskId" = ${taskId} AND s.status = 'SUCCEEDED' AND m."hiddenAt" IS NULL
    GROUP BY r."hardwareProfileId", r.meter, h.id`;
  return rows.sort(
    (a, b) => b.results - a.results || meterRank(a.meter) - meterRank(b.meter) || a.hardwareProfileId.localeCompare(b.hardwareProfileId),
  );
}

export function chooseProfile(profiles: BoardProfile[], filter: BoardFilter = {}): BoardProfile | null {
  return (
    profiles.find(
      (p) => (!filter.hardwareProfileId || p.hardwareProfileId === filter.hardwareProfileId) && (!filter.meter || p.meter === filter.meter),
    ) ?? null
  );
}

type FormattedCandidate = BoardCandidate & ModelFormat;
type CandidateRow = Omit<FormattedCandidate, "finishedAt" | "energyCi95J" | "precision"> & { finishedAt: Date; energyCi95J: unknown; precision: string | null };

function readCi(value: unknown): [number, number] | null {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number") ? [value[0], value[1]] : null;
}

/**
 * The latest succeeded result of each visible model on one board. Withdrawn results are not succeeded ones: a
 * model whose latest result was withdrawn is shown with its previous result still standing, if any.
 */
export async function loadBoardCandidates(db: Db, taskId: string, profile: { hardwareProfileId: string; meter: string }): Promise<FormattedCandidate[]> {
  const rows = await db.$queryRaw<CandidateRow[]>`
    WITH latest AS (
      SELECT DISTINCT ON (s."modelId") r.id, s."modelId", coalesce(s."finishedAt", r."createdAt") AS "finishedAt"
      FROM "Result" r
      JOIN "Submission" s ON s.id = r."submissionId"
      JOIN "Model" hm ON hm.id = s."modelId"
      WHERE r."taskId" = ${taskId} AND r."hardwareProfileId" = ${profile.hardwareProfileId} AND r.meter = ${profile.meter}
        AND s.status = 'SUCCEEDED' AND hm."hiddenAt" IS NULL
      ORDER BY s."modelId", r."createdAt" DESC, r.id DESC
    )
    SELECT m.slug AS "modelSlug", m.name AS "modelName", r."submissionId", r.accuracy, r."macroF1",
           r."energyPerInferenceJ", r.payload -> 'energyCi95J' AS "energyCi95J", r."accuracyPerJoule",
           r."modelMemoryBytes", r."fileBytes", r."paramCount", r."latencyP50Ms", r.meter, r.estimated, r.unstable,
           l."finishedAt", r.precision, r."nonZeroParamCount", r."onnxruntimeOnly"
    FROM latest l
    JOIN "Result" r ON r.id = l.id
    JOIN "Model" m ON m.id = l."modelId"`;
  return rows.map((row) => ({
    ...row,
    energyCi95J: readCi(row.energyCi95J),
    finishedAt: new Date(row.finishedAt).toISOString(),
    precision: readPrecision(row.precision),
  }));
}

export function boardTask(task: TaskDefinition): BoardTask {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    qualityFloor: task.qualityFloor,
    qualityFloorReason: task.qualityFloorReason,
    energyClasses: task.energyClasses,
  };
}

export async function getBoard(db: Db, taskId: string, filter: BoardFilter = {}): Promise<Board> {
  const task = requireTask(taskId);
  const profiles = await listBoardProfiles(db, task.id);
  const chosen = chooseProfile(profiles, filter);
  const precision = filter.precision ?? null;
  const header = { task: boardTask(task), scenario: "offline" as const, profiles, starsScale: STARS_SCALE, precision };
  if (!chosen) return { ...header, hardwareProfileId: null, meter: null, profile: null, entries: [], precisions: [] };

  const candidates = await loadBoardCandidates(db, task.id, chosen);
  const formats = new Map(candidates.map((c) => [c.submissionId, { precision: c.precision, nonZeroParamCount: c.nonZeroParamCount, onnxruntimeOnly: c.onnxruntimeOnly }]));
  const entries = withFormats(rankBoard(candidates, { qualityFloor: task.qualityFloor, energyClasses: task.energyClasses }), formats);
  return {
    ...header,
    hardwareProfileId: chosen.hardwareProfileId,
    meter: chosen.meter,
    profile: chosen,
    entries: precision ? entries.filter((e) => e.precision === precision) : entries,
    precisions: precisionsOf(entries),
  };
}
