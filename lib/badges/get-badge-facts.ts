// Which result a badge shows: the model's latest succeeded result for the task on the task's default board
// (the profile with the most results, best meter), else its latest succeeded result on any board. So a badge
// keeps working through re-benchmarks (it follows the latest) and renames (former slugs resolve). A withdrawn result
// is never shown: the badge falls back to the model's latest result still standing, else says "withdrawn".
// A pinned badge (`?result=<id>`, for a paper's figure) shows that one result for good, or "withdrawn" once it is.
// A badge that follows the latest result also shows its rank on the task's default board, as the board writes it
// ("=3" when the figures cannot tell it from another model's); a pinned badge has none, since ranks move as others
// submit and a pinned badge must not.
import { findTask } from "../../benchmarks/tasks/catalog";
import type { Db } from "../db/client";
import { getBoardCached } from "../leaderboard/board-cache";
import { energyClassOf } from "../leaderboard/grades";
import { listBoardProfiles, type BoardProfile } from "../leaderboard/get-board";
import { resolveModel } from "../models/resolve-model";
import type { BadgeFacts } from "./badge-content";

export async function getBadgeFacts(db: Db, slug: string, taskId: string, resultId: string | null = null): Promise<BadgeFacts> {
  const task = findTask(taskId);
  if (!task) return { kind: "not_found" };
  const model = await resolveModel(db, slug);
  // A hidden model has no badge, as it has no page.
  if (!model || model.hidden) return { kind: "not_found" };

  const select = { id: true, accuracy: true, energyPerInferenceJ: true, estimated: true } as const;
  const facts = (result: { id: string; accuracy: number; energyPerInferenceJ: number; estimated: boolean }, rank: string | null = null): BadgeFacts => ({
    kind: "result",
    resultId: result.id,
    taskId: task.id,
    accuracy: result.accuracy,
    energyPerInferenceJ: result.energyPerInferenceJ,
    energyClass: energyClassOf(result.energyPerInferenceJ, task.energyClasses),
    estimated: result.estimated,
    rank,
  });
  if (resultId !== null) {
    const pinned = await db.result.findFirst({
      where: { id: resultId, taskId: task.id, submission: { modelId: model.id, status: { in: ["SUCCEEDED", "WITHDRAWN"] } } },
      select: { ...select, submission: { select: { status: true } } },
    });
    if (!pinned) return { kind: "not_found" };
    return pinned.submission.status === "WITHDRAWN" ? { kind: "withdrawn", taskId: task.id } : facts(pinned);
  }

  const [defaultBoard] = await listBoardProfiles(db, task.id);
  const where = { taskId: task.id, submission: { modelId: model.id, status: "SUCCEEDED" as const } };
  const orderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const onDefault =
    defaultBoard &&
    (await db.result.findFirst({
      where: { ...where, hardwareProfileId: defaultBoard.hardwareProfileId, meter: defaultBoard.meter },
      select: { ...select, submissionId: true },
      orderBy,
    }));
  if (onDefault) return facts(onDefault, await rankOnBoard(db, task.id, defaultBoard, onDefault.submissionId));
  const result = await db.result.findFirst({ where, select, orderBy });
  if (result) return facts(result);
  // No result left to show: a benchmark on its way says pending; else a withdrawn result says withdrawn, so a
  // badge in a paper tells its readers the result was taken back rather than that the model never existed.
  const statuses = await db.submission.findMany({
    where: { modelId: model.id, taskId: task.id, status: { in: ["QUEUED", "RUNNING", "WITHDRAWN"] } },
    select: { status: true },
    distinct: ["status"],
  });
  if (statuses.some((s) => s.status === "QUEUED" || s.status === "RUNNING")) return { kind: "pending", taskId: task.id };
  if (statuses.some((s) => s.status === "WITHDRAWN")) return { kind: "withdrawn", taskId: task.id };
  return { kind: "not_found" };
}

/** The entry's rank as the board shows it ("=3", "3"), or null below the floor or when the board shows another. */
async function rankOnBoard(db: Db, taskId: string, profile: BoardProfile, submissionId: string): Promise<string | null> {
  const board = await getBoardCached(db, taskId, { hardwareProfileId: profile.hardwareProfileId, meter: profile.meter });
  return board.entries.find((entry) => entry.submissionId === submissionId)?.rankDisplay ?? null;
}
