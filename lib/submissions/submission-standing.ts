// Where a finished submission stands: its rank on the board its result belongs to (task × hardware profile ×
// meter) and the model's badge. Handed to API clients with the submission, so `frugalboard submit` can print them.
import type { z } from "zod";
import type { zSubmissionBadge, zSubmissionRank } from "../api/schemas/submissions";
import type { Db } from "../db/client";
import { badgeMarkdown, badgeUrls } from "../badges/snippets";
import { getBoardCached } from "../leaderboard/board-cache";
import { boardApiPath, boardPath, isDefaultBoard } from "../leaderboard/board-url";
import { getBoard, type Board } from "../leaderboard/get-board";

export type SubmissionRank = z.infer<typeof zSubmissionRank>;
export type SubmissionBadge = z.infer<typeof zSubmissionBadge>;

interface Finished {
  id: string;
  taskId: string;
  modelSlug: string;
  result: { hardwareProfileId: string; meter: string };
}

function findEntry(board: Board, submissionId: string) {
  return board.entries.find((entry) => entry.submissionId === submissionId);
}

/**
 * The rank of this submission's result, or null when the board shows another result of the model (a newer
 * re-benchmark). Boards are cached for a second; a result that just finished may be missing from the cached one,
 * so a miss reads the board afresh.
 */
export async function rankOfSubmission(db: Db, submission: Finished, baseUrl: string): Promise<SubmissionRank | null> {
  const filter = { hardwareProfileId: submission.result.hardwareProfileId, meter: submission.result.meter };
  let board = await getBoardCached(db, submission.taskId, filter);
  let entry = findEntry(board, submission.id);
  if (!entry) {
    board = await getBoard(db, submission.taskId, filter);
    entry = findEntry(board, submission.id);
  }
  if (!entry) return null;
  const base = baseUrl.replace(/\/$/, "");
  return {
    position: entry.rank,
    tied: entry.tied,
    display: entry.rankDisplay,
    of: board.entries.filter((e) => e.eligible).length,
    eligible: entry.eligible,
    pareto: entry.pareto,
    board: {
      task: submission.taskId,
      ...filter,
      isDefault: isDefaultBoard(board.profiles, filter),
      url: `${base}${boardPath(submission.taskId, board.profiles, filter)}`,
      apiUrl: `${base}${boardApiPath(submission.taskId, filter)}`,
    },
  };
}

export function badgeOfSubmission(submission: Pick<Finished, "taskId" | "modelSlug">, baseUrl: string): SubmissionBadge {
  const input = { baseUrl, slug: submission.modelSlug, taskId: submission.taskId };
  const urls = badgeUrls(input);
  return { url: urls.svg, endpointUrl: urls.endpoint, markdown: badgeMarkdown(input) };
}
