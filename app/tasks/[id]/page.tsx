import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { formatPercent } from "@/lib/format";
import { getBoard, type Board } from "@/lib/leaderboard/get-board";
import { BoardTable } from "./board-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ hardware?: string; meter?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).id} board` };
}

export default async function TaskBoardPage({ params, searchParams }: Props) {
  const { id } = await params;
  const filter = await searchParams;
  let board: Board;
  try {
    board = await getBoard(getDb(), id, { hardwareProfileId: filter.hardware, meter: filter.meter });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const ranked = board.entries.filter((e) => e.rank !== null);
  const below = board.entries.filter((e) => e.rank === null);
  const profile = board.profiles.find((p) => p.hardwareProfileId === board.hardwareProfileId && p.meter === board.meter);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{board.task.title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Ranked by accuracy per joule (offline scenario). Quality floor: {formatPercent(board.task.qualityFloor, 0)} accuracy.
          {profile ? (
            <>
              {" "}Hardware: {profile.cpuModel} (profile <code>{profile.hardwareProfileId}</code>), meter{" "}
              <strong>{profile.meter === "estimate" ? "estimate (estimated energy)" : profile.meter}</strong>.
            </>
          ) : null}
        </p>
      </header>
      {ranked.length === 0 ? (
        <p className="text-slate-500">No ranked model on this board yet.</p>
      ) : (
        <BoardTable entries={ranked} />
      )}
      {below.length > 0 ? (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">Below the quality floor (not ranked)</h2>
          <BoardTable entries={below} />
        </section>
      ) : null}
    </div>
  );
}
