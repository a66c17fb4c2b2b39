// The newest finished results across every task, for the home page.
import { findTask } from "../../benchmarks/tasks/catalog";
import type { Db } from "../db/client";
import { energyClassOf, type EnergyClass } from "./grades";

export interface RecentResult {
  submissionId: string;
  modelSlug: string;
  modelName: string;
  taskId: string;
  accuracy: number;
  energyPerInferenceJ: number;
  estimated: boolean;
  meter: string;
  energyClass: EnergyClass | null;
  createdAt: string;
}

export async function listRecentResults(db: Db, limit = 10): Promise<RecentResult[]> {
  const rows = await db.result.findMany({
    where: { submission: { status: "SUCCEEDED", model: { hiddenAt: null } } },
    select: {
      submissionId: true,
      taskId: true,
      accuracy: true,
      energyPerInferenceJ: true,
      estimated: true,
      meter: true,
      createdAt: true,
      submission: { select: { model: { select: { slug: true, name: true } } } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((row) => {
    const task = findTask(row.taskId);
    return {
      submissionId: row.submissionId,
      modelSlug: row.submission.model.slug,
      modelName: row.submission.model.name,
      taskId: row.taskId,
      accuracy: row.accuracy,
      energyPerInferenceJ: row.energyPerInferenceJ,
      estimated: row.estimated,
      meter: row.meter,
      energyClass: task ? energyClassOf(row.energyPerInferenceJ, task.energyClasses) : null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
