// Boards are read far more often than they change, and a busy board costs two queries over all its results.
// This process keeps each board for one second and lets concurrent readers share one computation, so a burst of
// requests costs one database visit per board per second; a new result shows within that second. The API's JSON
// (and its ETag) is made once per computation too.
import { createHash } from "node:crypto";
import { createTtlCache } from "../cache/ttl-cache";
import type { Db } from "../db/client";
import { getBoard, type Board, type BoardFilter } from "./get-board";

export const BOARD_TTL_MS = 1_000;

export interface CachedBoard {
  board: Board;
  /** JSON.stringify(board), made on first use. */
  json(): string;
  /** A strong ETag of json(). */
  etag(): string;
}

function wrap(board: Board): CachedBoard {
  let json: string | undefined;
  let etag: string | undefined;
  const self: CachedBoard = {
    board,
    json: () => (json ??= JSON.stringify(board)),
    etag: () => (etag ??= `"${createHash("sha1").update(self.json()).digest("base64url").slice(0, 22)}"`),
  };
  return self;
}

const boards = createTtlCache<Promise<CachedBoard>>({ ttlMs: BOARD_TTL_MS, maxEntries: 500 });

export function getCachedBoard(db: Db, taskId: string, filter: BoardFilter = {}): Promise<CachedBoard> {
  const key = `${taskId}\u0000${filter.hardwareProfileId ?? ""}\u0000${filter.meter ?? ""}\u0000${filter.precision ?? ""}`;
  let entry = boards.get(key);
  if (!entry) {
    entry = getBoard(db, taskId, filter).then(wrap);
    boards.set(key, entry);
    // A failure (unknown task, database down) is not kept: the next reader tries again.
    entry.catch(() => boards.delete(key));
  }
  return entry;
}

export async function getBoardCached(db: Db, taskId: string, filter: BoardFilter = {}): Promise<Board> {
  return (await getCachedBoard(db, taskId, filter)).board;
}

export function clearBoardCache(): void {
  boards.clear();
}
