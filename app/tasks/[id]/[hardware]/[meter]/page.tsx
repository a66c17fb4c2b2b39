import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { findTask } from "@/lib/engine";
import { boardDescription, linkPreview } from "@/app/_components/link-preview";
import { getDb } from "@/lib/db/client";
import { getBoardCached } from "@/lib/leaderboard/board-cache";
import { boardPath, isBoardPathKey, isDefaultBoard } from "@/lib/leaderboard/board-url";
import { BoardView } from "../../board-view";

// As /tasks/<id>: cached, regenerated in the background at most every 5 s.
export const revalidate = 5;
export const dynamicParams = true;

export function generateStaticParams(): { id: string; hardware: string; meter: string }[] {
  return [];
}

type Props = { params: Promise<{ id: string; hardware: string; meter: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, meter } = await params;
  const task = findTask(id);
  if (!task) return { title: "Unknown task" };
  return { title: `${task.title} board (${meter})`, ...linkPreview(`${task.title} board (${meter}) · frugalboard`, boardDescription(task.title)) };
}

/** /tasks/<id>/<hardware profile>/<meter>: one board of the task; a combination with no result is a 404. */
export default async function FilteredBoardPage({ params }: Props) {
  const { id, hardware, meter } = await params;
  if (!findTask(id) || !isBoardPathKey(hardware, meter)) notFound();
  const key = { hardwareProfileId: hardware, meter };
  const board = await getBoardCached(getDb(), id, key);
  if (!board.profile) notFound();
  // The default board has the shorter address.
  if (isDefaultBoard(board.profiles, key)) permanentRedirect(boardPath(id, board.profiles, key));
  return <BoardView board={board} />;
}
