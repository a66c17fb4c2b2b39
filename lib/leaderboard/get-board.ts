// A board is (task, hardware profile, meter kind): results of different profiles or meters are never ranked
// together. Each model appears once, with its latest finished result on that board.
import type { TaskDefinition } from "../../benchmarks/types";
import { findTask, listTasks } from "../../benchmarks/tasks/catalog";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { rankBoard, type BoardCandidate, type RankedEntry } from "./rank-board";

/** Preferred meter first: a measured figure outranks an estimate when a task has both. */
const METER_PREFERENCE = ["rapl", "estimate"];

export interface BoardProfile {
  hardwareProfileId: string;
  meter: string;
  cpuModel: string;
  results: number;
}

export interface Board {
  task: { id: string; title: string; qualityFloor: number };
  hardwareProfileId: string | null;
  meter: string | null;
  profiles: BoardProfile[];
  entries: RankedEntry[];
}

export function requireTask(taskId: string): TaskDefinition {
  const task = findTask(taskId);
  if (!task) {
    const known = listTasks().map((t) => t.id).join(", ");
    throw new AppError("not_found", `Unknown task \`${taskId.slice(0, 64)}\`; known tasks: ${known}.`);
  }
  return task;
}

export async function listBoardProfiles(db: Db, taskId: string): Promise<BoardProfile[]> {
  const groups = await db.result.groupBy({
    by: ["hardwareProfileId", "meter"],
    where: { taskId, submission: { status: "SUCCEEDED" } },
    _count: { _all: true },
  });
  const profiles = await db.hardwareProfile.findMany({ where: { id: { in: groups.map((g) => g.hardwareProfileId) } } });
  const cpuById = new Map(profiles.map((p) => [p.id, p.cpuModel]));
  return groups
    .map((g) => ({ hardwareProfileId: g.hardwareProfileId, meter: g.meter, cpuModel: cpuById.get(g.hardwareProfileId) ?? "", results: g._count._all }))
    .sort((a, b) => b.results - a.results || METER_PREFERENCE.indexOf(a.meter) - METER_PREFERENCE.indexOf(b.meter));
}

export async function getBoard(
  db: Db,
  taskId: string,
  filter: { hardwareProfileId?: string; meter?: string } = {},
): Promise<Board> {
  const task = requireTask(taskId);
  const profiles = await listBoardProfiles(db, task.id);
  const chosen =
    profiles.find(
      (p) =>
        (!filter.hardwareProfileId || p.hardwareProfileId === filter.hardwareProfileId) &&
        (!filter.meter || p.meter === filter.meter),
    ) ?? null;
  const header = { task: { id: task.id, title: task.title, qualityFloor: task.qualityFloor }, profiles };
  if (!chosen) return { ...header, hardwareProfileId: null, meter: null, entries: [] };

  const rows = await db.result.findMany({
    where: { taskId: task.id, hardwareProfileId: chosen.hardwareProfileId, meter: chosen.meter, submission: { status: "SUCCEEDED" } },
    include: { submission: { include: { model: true } } },
    orderBy: { createdAt: "desc" },
  });
  const latestPerModel = new Map<string, BoardCandidate>();
  for (const row of rows) {
    const model = row.submission.model;
    if (latestPerModel.has(model.id)) continue;
    latestPerModel.set(model.id, {
      modelSlug: model.slug,
      modelName: model.name,
      submissionId: row.submissionId,
      accuracy: row.accuracy,
      macroF1: row.macroF1,
      energyPerInferenceJ: row.energyPerInferenceJ,
      accuracyPerJoule: row.accuracyPerJoule,
      modelMemoryBytes: row.modelMemoryBytes,
      fileBytes: row.fileBytes,
      paramCount: row.paramCount,
      latencyP50Ms: row.latencyP50Ms,
      meter: row.meter,
      estimated: row.estimated,
      unstable: row.unstable,
      finishedAt: (row.submission.finishedAt ?? row.createdAt).toISOString(),
    });
  }
  return {
    ...header,
    hardwareProfileId: chosen.hardwareProfileId,
    meter: chosen.meter,
    entries: rankBoard([...latestPerModel.values()], task.qualityFloor),
  };
}
