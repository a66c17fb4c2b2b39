// A board is (task, hardware profile, meter kind), offline scenario: results of different profiles or meters are
// never ranked together. Each model appears once, with its latest finished result on that board. The database
// picks that result (DISTINCT ON), so a board costs one indexed query however many re-benchmarks it has seen.
import type { EnergyClasses, TaskDefinition } from "../../benchmarks/types";
import { METER_KINDS } from "../../benchmarks/meters/meter-kinds";
import { HARNESS_VERSION } from "../../benchmarks/version";
import { loadRepeatability } from "../calibration/calibration-runs";
import { publishedInterval } from "../calibration/published-interval";
import type { Repeatability } from "../calibration/spread";
import type { Db } from "../db/client";
import { requireTask } from "../tasks/require-task";
import type { Precision } from "../../benchmarks/onnx/precision";
import { STARS_SCALE } from "./grades";
import { precisionsOf, readPrecision, type ModelFormat } from "./model-format";
import { rankBoard, type BoardCandidate, type RankedEntry } from "./rank-board";


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

/** The chosen board's profile, with how far figures measured on it repeat between runs (current harness). */
export interface ChosenBoardProfile extends BoardProfile {
  /** null until a reference baseline has 3 runs on this profile and meter ("between-run spread not measured yet"). */
  repeatability: Repeatability | null;
}

/** An entry's published interval: its own run's interval combined with its profile's between-run spread. */
export interface EntryInterval {
  /** [low, high] in J (lib/calibration/published-interval.ts); null when there is neither part. */
  publishedCi95J: [number, number] | null;
  /** The between-run 95 % half-width (fraction of the figure) folded in; null: publishedCi95J is within-run only. */
  betweenRunHalfWidth95: number | null;
}

export type BoardEntry = RankedEntry & EntryInterval & ModelFormat;

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
  profile: ChosenBoardProfile | null;
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

function meterRank(meter: string): number {
  // METER_KINDS is in preference order: a measured figure outranks an estimate when a task has both.
  const index = (METER_KINDS as readonly string[]).indexOf(meter);
  return index === -1 ? METER_KINDS.length : index;
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
type CandidateRow = Omit<FormattedCandidate, "finishedAt" | "energyCi95J" | "publishedCi95J" | "precision"> & {
  finishedAt: Date;
  energyCi95J: unknown;
  precision: string | null;
  harnessVersion: string;
};

function readCi(value: unknown): [number, number] | null {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number") ? [value[0], value[1]] : null;
}

/**
 * The latest succeeded result of each visible model on one board. Withdrawn results are not succeeded ones: a
 * model whose latest result was withdrawn is shown with its previous result still standing, if any. Each gets the
 * interval it is published with, from the between-run spread measured under its own harness version (`spreads`).
 */
export async function loadBoardCandidates(
  db: Db,
  taskId: string,
  profile: { hardwareProfileId: string; meter: string },
  spreads: ReadonlyMap<string, Repeatability> = new Map(),
): Promise<(FormattedCandidate & EntryInterval)[]> {
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
           (r.payload -> 'offline' ->> 'batchSize')::int AS "offlineBatchSize",
           coalesce(r.payload -> 'offlineBatch' ->> 'rule' = 'fixed' AND r.payload -> 'offline' ->> 'batchSize' = '1', false) AS "batchFixed",
           l."finishedAt", r."harnessVersion", r.precision, r."nonZeroParamCount", r."onnxruntimeOnly"
    FROM latest l
    JOIN "Result" r ON r.id = l.id
    JOIN "Model" m ON m.id = l."modelId"`;
  return rows.map(({ harnessVersion, ...row }) => {
    const energyCi95J = readCi(row.energyCi95J);
    const betweenRunHalfWidth95 = spreads.get(harnessVersion)?.halfWidth95 ?? null;
    const published = publishedInterval(row.energyPerInferenceJ, energyCi95J, betweenRunHalfWidth95);
    return {
      ...row,
      energyCi95J,
      publishedCi95J: published.ci95J,
      betweenRunHalfWidth95,
      finishedAt: new Date(row.finishedAt).toISOString(),
      precision: readPrecision(row.precision),
    };
  });
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

  const spreads = await loadRepeatability(db, chosen);
  const candidates = await loadBoardCandidates(db, task.id, chosen, spreads);
  const entries: BoardEntry[] = rankBoard(candidates, { qualityFloor: task.qualityFloor, energyClasses: task.energyClasses });
  return {
    ...header,
    hardwareProfileId: chosen.hardwareProfileId,
    meter: chosen.meter,
    profile: { ...chosen, repeatability: spreads.get(HARNESS_VERSION) ?? null },
    entries: precision ? entries.filter((e) => e.precision === precision) : entries,
    precisions: precisionsOf(entries),
  };
}
