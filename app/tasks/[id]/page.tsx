import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findTask } from "@/lib/engine";
import { boardDescription, linkPreview } from "@/app/_components/link-preview";
import { getDb } from "@/lib/db/client";
import { getBoardCached } from "@/lib/leaderboard/board-cache";
import { BoardView } from "./board-view";
import { ExportSnippets } from "./export-snippets";

// Served from Next's cache and regenerated in the background at most every 5 s (a board is read far more often
// than it changes); the board refreshes itself from the API once in the browser (board-live.tsx).
export const revalidate = 5;
export const dynamicParams = true;

/** No board is built with the site (that would need the database at build time): each is made on first request. */
export function generateStaticParams(): { id: string }[] {
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const task = findTask((await params).id);
  if (!task) return { title: "Unknown task" };
  return { title: `${task.title} board`, ...linkPreview(`${task.title} board · frugalboard`, boardDescription(task.title)) };
}

/** /tasks/<id>: the task's default board (the profile with the most results, then the best meter). */
export default async function TaskBoardPage({ params }: Props) {
  const { id } = await params;
  const task = findTask(id);
  if (!task) notFound();
  return (
    <div className="space-y-10">
      <BoardView board={await getBoardCached(getDb(), id)} />
      <ExportSnippets task={task} />
    </div>
  );
}
