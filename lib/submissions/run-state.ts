// What the worker reads and writes about a submission around its run, beside record-result.ts (the outcomes):
// the row with its model bytes, whether it still exists, and the hand-back to the queue. The reconciler hands
// runs back the same way.
import type { Db } from "../db/client";

/** The submission with its artifact, or null when it is gone (its model was deleted). */
export function loadSubmissionForRun(db: Db, submissionId: string) {
  return db.submission.findUnique({ where: { id: submissionId }, include: { artifact: true } });
}

/** True when the submission's row is gone: its owner deleted the model, which deletes its submissions. */
export async function isSubmissionDeleted(db: Db, submissionId: string): Promise<boolean> {
  return (await db.submission.count({ where: { id: submissionId } })) === 0;
}

/** A running row goes back to QUEUED, its progress cleared, so its job can run again (here or on another worker). */
export async function handBackSubmission(db: Db, submissionId: string): Promise<void> {
  await db.submission.updateMany({ where: { id: submissionId, status: "RUNNING" }, data: { status: "QUEUED", progress: 0, phase: null } });
}
