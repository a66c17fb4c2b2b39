import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { findTask } from "@/lib/engine";
import { boardDescription, linkPreview } from "@/app/_components/link-preview";
import { getDb } from "@/lib/db/client";
import { getBoardCached } from "@/lib/leaderboard/board-cache";
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
  if (!findTask(id) || !/^[\w-]{1,64}$/.test(hardware) || !/^[a-z]{1,16}$/.test(meter)) notFound();
  const board = await getBoardCached(getDb(), id, { hardwareProfileId: hardware, meter });
  if (!board.profile) notFound();
  // The default board has the shorter address.
  if (board.profiles[0]?.hardwareProfileId === hardware && board.profiles[0]?.meter === meter) permanentRedirect(`/tasks/${id}`);
  return <BoardView board={board} />;
}
