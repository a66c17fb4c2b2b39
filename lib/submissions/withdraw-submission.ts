// Withdrawing takes one result back: the submission becomes WITHDRAWN, its result leaves every board (the model's
// previous result still standing, if any, is shown instead), and a badge with no result left says "withdrawn".
// The row and its result stay, so the model page can still show what was measured and that it was withdrawn.
import type { Principal } from "../auth/authenticate";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { clearPublicCaches } from "../cache/clear-public-caches";
import { getSubmission, type SubmissionView } from "./get-submission";

export async function withdrawSubmission(db: Db, id: string, actor: Principal, options: { baseUrl: string }): Promise<SubmissionView> {
  const row = await db.submission.findUnique({ where: { id }, select: { id: true, status: true, model: { select: { ownerId: true, slug: true, hiddenAt: true } } } });
  if (!row || (row.model.hiddenAt && actor.role !== "ADMIN")) throw new AppError("not_found", `No submission with id \`${id.slice(0, 64)}\`.`);
  if (row.model.ownerId !== actor.id && actor.role !== "ADMIN") {
    throw new AppError("forbidden", `This submission belongs to \`${row.model.slug}\`, another user's model; only its owner or an administrator can withdraw it.`);
  }
  if (row.status === "QUEUED" || row.status === "RUNNING") {
    throw new AppError("conflict", `This submission is still ${row.status.toLowerCase()}; withdraw it once it has finished.`);
  }
  if (row.status === "FAILED" || row.status === "REJECTED") {
    throw new AppError("conflict", `This submission ${row.status === "FAILED" ? "failed" : "was rejected"}: it has no result on any board to withdraw.`);
  }
  if (row.status === "SUCCEEDED") {
    await db.submission.updateMany({ where: { id, status: "SUCCEEDED" }, data: { status: "WITHDRAWN" } });
    clearPublicCaches();
  }
  return getSubmission(db, id, options);
}
