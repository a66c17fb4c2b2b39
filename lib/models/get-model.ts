// The public view of a model: metadata, every result per task and board (profile × meter), the version history
// of its artifacts, and the submissions still waiting. Served by /models/<slug> and GET /api/v1/models/<slug>.
import type { BenchmarkResult, EnergyWindow } from "../../benchmarks/types";
import { findTask } from "../../benchmarks/tasks/catalog";
import { loadRepeatability } from "../calibration/calibration-runs";
import { publishedInterval } from "../calibration/published-interval";
import type { Precision } from "../../benchmarks/onnx/precision";
import { readPrecision } from "../leaderboard/model-format";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { energyClassOf, type EnergyClass } from "../leaderboard/grades";
import { sciOfResult, type ResultSci } from "../sci/sci-of-result";
import { readTraining } from "../submissions/get-submission";
import type { TrainingEmissions } from "../training/training-emissions";
import { resolveModel } from "./resolve-model";
import { safeHttpUrl } from "./safe-url";
import type { ModelMetadata } from "./manage-model";

/** The newest results shown per model (re-benchmarks beyond this are left out of the page and the API). */
export const MAX_RESULTS = 200;

export interface ModelResultView {
  /** The permanent result (/results/<id>). */
  resultId: string;
  submissionId: string;
  taskId: string;
  status: "succeeded" | "withdrawn";
  artifactSha256: string;
  hardwareProfileId: string;
  cpuModel: string;
  meter: string;
  estimated: boolean;
  harnessVersion: string;
  createdAt: string;
  accuracy: number;
  macroF1: number;
  energyPerInferenceJ: number;
  /** Within-run 95 % interval (J): the windows of this run. */
  energyCi95J: [number, number] | null;
  /** Published 95 % interval (J): energyCi95J combined with the profile's between-run spread (as on the board). */
  publishedCi95J: [number, number] | null;
  /** Between-run 95 % half-width (fraction) folded in; null when not measured yet under this harness version. */
  betweenRunHalfWidth95: number | null;
  accuracyPerJoule: number;
  unstable: boolean;
  modelMemoryBytes: number;
  fileBytes: number;
  paramCount: number;
  nonZeroParamCount: number | null;
  /** null on results recorded before precision was detected. */
  precision: Precision | null;
  /** Uses com.microsoft operators: reproducible on onnxruntime only. */
  onnxruntimeOnly: boolean;
  latencyP50Ms: number;
  /** Absolute, dated class from the task's bounds; null when the task is no longer in the catalogue. */
  energyClass: EnergyClass | null;
  /** SCI per inference, a conversion (null when the result lacks a throughput). */
  sci: ResultSci | null;
  /** Training figures the submitter reported with this submission (never measured, never ranked). */
  trainingEmissions: TrainingEmissions | null;
  /** Per-window figures of both scenarios, as measured. */
  windows: EnergyWindow[];
  /** The full stored result, as the harness wrote it. */
  raw: BenchmarkResult;
}

export interface ModelBoardResults {
  hardwareProfileId: string;
  cpuModel: string;
  meter: string;
  /** Newest first; [0] is the one the board shows (unless withdrawn). */
  results: ModelResultView[];
}

export interface ModelTaskResults {
  taskId: string;
  taskTitle: string;
  boards: ModelBoardResults[];
}

export interface ModelVersion {
  sha256: string;
  sizeBytes: number;
  firstSubmittedAt: string;
  tasks: string[];
  submissions: number;
}

/** The model's metadata as its owner edits it (`hidden`: by an admin; only admins are shown a hidden model), and its results. */
export interface ModelView extends ModelMetadata {
  createdAt: string;
  formerSlugs: string[];
  tasks: ModelTaskResults[];
  versions: ModelVersion[];
  pending: { submissionId: string; taskId: string; status: "queued" | "running" }[];
}

export type ModelLookup = { kind: "found"; model: ModelView } | { kind: "moved"; slug: string };

function readCi(value: unknown): [number, number] | null {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number") ? [value[0], value[1]] : null;
}

/**
 * The model by slug; a former slug answers `moved` with the current one; an unknown one throws not_found, and so
 * does a hidden one unless `includeHidden` (an admin is asking).
 */
export async function getModel(db: Db, slug: string, opts: { includeHidden?: boolean } = {}): Promise<ModelLookup> {
  const resolved = await resolveModel(db, slug);
  if (!resolved || (resolved.hidden && !opts.includeHidden)) throw new AppError("not_found", `No model \`${slug.slice(0, 64)}\`. Browse the boards at /.`);
  if (resolved.viaAlias) return { kind: "moved", slug: resolved.slug };

  const model = await db.model.findUniqueOrThrow({
    where: { id: resolved.id },
    include: { owner: { select: { username: true } }, aliases: { select: { slug: true }, orderBy: { createdAt: "asc" } } },
  });
  const submissions = await db.submission.findMany({
    where: { modelId: model.id },
    select: { id: true, taskId: true, status: true, artifactSha256: true, createdAt: true, artifact: { select: { sizeBytes: true } } },
    orderBy: { createdAt: "asc" },
  });
  const results = await db.result.findMany({
    where: { submission: { modelId: model.id, status: { in: ["SUCCEEDED", "WITHDRAWN"] } } },
    include: { submission: { select: { status: true, artifactSha256: true, trainingEmissions: true } }, hardwareProfile: { select: { cpuModel: true, threads: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_RESULTS,
  });

  const tasks = new Map<string, ModelTaskResults>();
  for (const row of results) {
    const task = findTask(row.taskId);
    const raw = row.payload as unknown as BenchmarkResult;
    const view: ModelResultView = {
      resultId: row.id,
      submissionId: row.submissionId,
      taskId: row.taskId,
      status: row.submission.status === "WITHDRAWN" ? "withdrawn" : "succeeded",
      artifactSha256: row.submission.artifactSha256,
      hardwareProfileId: row.hardwareProfileId,
      cpuModel: row.hardwareProfile.cpuModel,
      meter: row.meter,
      estimated: row.estimated,
      harnessVersion: row.harnessVersion,
      createdAt: row.createdAt.toISOString(),
      accuracy: row.accuracy,
      macroF1: row.macroF1,
      energyPerInferenceJ: row.energyPerInferenceJ,
      energyCi95J: readCi(raw?.energyCi95J),
      publishedCi95J: null,
      betweenRunHalfWidth95: null,
      accuracyPerJoule: row.accuracyPerJoule,
      unstable: row.unstable,
      modelMemoryBytes: row.modelMemoryBytes,
      fileBytes: row.fileBytes,
      paramCount: row.paramCount,
      nonZeroParamCount: row.nonZeroParamCount,
      precision: readPrecision(row.precision),
      onnxruntimeOnly: row.onnxruntimeOnly,
      latencyP50Ms: row.latencyP50Ms,
      energyClass: task ? energyClassOf(row.energyPerInferenceJ, task.energyClasses) : null,
      sci: sciOfResult(raw, row.hardwareProfile.threads, row.sciAssumptions),
      trainingEmissions: readTraining(row.submission.trainingEmissions),
      windows: Array.isArray(raw?.windows) ? raw.windows : [],
      raw,
    };
    let forTask = tasks.get(row.taskId);
    if (!forTask) {
      forTask = { taskId: row.taskId, taskTitle: task?.title ?? row.taskId, boards: [] };
      tasks.set(row.taskId, forTask);
    }
    let board = forTask.boards.find((b) => b.hardwareProfileId === row.hardwareProfileId && b.meter === row.meter);
    if (!board) {
      board = { hardwareProfileId: row.hardwareProfileId, cpuModel: row.hardwareProfile.cpuModel, meter: row.meter, results: [] };
      forTask.boards.push(board);
    }
    board.results.push(view);
  }

  // Each board's between-run spread, as the board itself publishes it (lib/leaderboard/get-board.ts).
  for (const board of [...tasks.values()].flatMap((t) => t.boards)) {
    const spreads = await loadRepeatability(db, board);
    for (const view of board.results) {
      view.betweenRunHalfWidth95 = spreads.get(view.harnessVersion)?.halfWidth95 ?? null;
      view.publishedCi95J = publishedInterval(view.energyPerInferenceJ, view.energyCi95J, view.betweenRunHalfWidth95).ci95J;
    }
  }

  const versions = new Map<string, ModelVersion>();
  for (const s of submissions) {
    const version = versions.get(s.artifactSha256) ?? {
      sha256: s.artifactSha256,
      sizeBytes: s.artifact.sizeBytes,
      firstSubmittedAt: s.createdAt.toISOString(),
      tasks: [],
      submissions: 0,
    };
    version.submissions += 1;
    if (!version.tasks.includes(s.taskId)) version.tasks.push(s.taskId);
    versions.set(s.artifactSha256, version);
  }

  return {
    kind: "found",
    model: {
      slug: model.slug,
      name: model.name,
      owner: model.owner.username,
      description: model.description,
      paperUrl: safeHttpUrl(model.paperUrl),
      codeUrl: safeHttpUrl(model.codeUrl),
      licence: model.licence,
      hidden: model.hiddenAt !== null,
      createdAt: model.createdAt.toISOString(),
      formerSlugs: model.aliases.map((a) => a.slug),
      tasks: [...tasks.values()].sort((a, b) => a.taskId.localeCompare(b.taskId)),
      versions: [...versions.values()].reverse(),
      pending: submissions
        .filter((s) => s.status === "QUEUED" || s.status === "RUNNING")
        .map((s) => ({ submissionId: s.id, taskId: s.taskId, status: s.status === "QUEUED" ? ("queued" as const) : ("running" as const) })),
    },
  };
}
