"use client";

// The board's chart and tables. The page itself is served from a cache that regenerates in the background, so
// this asks the API for the board again when it mounts and every 15 s while the tab is visible: a new result
// appears without a reload, and a cached page is never out of date for long.
import Link from "next/link";
import { useEffect, useState } from "react";
import { formatPercent } from "@/common/format";
import { boardApiPath } from "@/lib/leaderboard/board-url";
import type { Board } from "@/lib/leaderboard/get-board";
import { readPrecision, type Precision } from "@/lib/leaderboard/model-format";
import { BoardChart, type ChartPoint } from "./board-chart";
import { BoardTable } from "./board-table";
import { PrecisionFilter } from "./precision-filter";

const REFRESH_MS = 15_000;

/** What changes a board's rows: a result, a rank or star, or a new calibration run (it moves the intervals). */
const signature = (board: Board) =>
  `${board.profile?.results ?? 0}|${board.profile?.repeatability?.lastRunAt ?? ""}|${board.entries.map((e) => `${e.submissionId}:${e.rank}:${e.stars}`).join(",")}`;

export function BoardLive({ initial, classRanges }: { initial: Board; classRanges: Record<string, string> }) {
  const [board, setBoard] = useState(initial);
  const [precision, setPrecision] = useState<Precision | null>(null);

  // ?precision=int8-qdq links straight to a filtered board.
  useEffect(() => {
    setPrecision(readPrecision(new URLSearchParams(window.location.search).get("precision")));
  }, []);

  function choosePrecision(next: Precision | null) {
    setPrecision(next);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set("precision", next);
    else url.searchParams.delete("precision");
    window.history.replaceState(null, "", url);
  }

  useEffect(() => {
    const apiPath = boardApiPath(initial.task.id, initial.profile);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function refresh() {
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch(apiPath, { cache: "no-store" });
          if (response.ok && !stopped) {
            const fresh = (await response.json()) as Board;
            // A filtered board whose profile has gone keeps what it shows rather than jumping to another board.
            if (!initial.profile || fresh.profile) setBoard((current) => (signature(current) === signature(fresh) ? current : fresh));
          }
        } catch {
          // offline for a moment: keep what is shown
        }
      }
      if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
    }
    void refresh();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [initial]);

  const shown = precision ? board.entries.filter((e) => e.precision === precision) : board.entries;
  const ranked = shown.filter((e) => e.rank !== null);
  const below = shown.filter((e) => e.rank === null);
  const points: ChartPoint[] = shown.map((e) => ({
    slug: e.modelSlug,
    name: e.modelName,
    accuracy: e.accuracy,
    energyPerInferenceJ: e.energyPerInferenceJ,
    pareto: e.pareto,
    eligible: e.eligible,
    estimated: e.estimated,
  }));
  const floor = formatPercent(board.task.qualityFloor, 0);

  return (
    <>
      {points.length > 0 ? <BoardChart points={points} qualityFloor={board.task.qualityFloor} /> : null}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">
          Ranked models{" "}
          <span className="text-sm font-normal text-slate-500" data-testid="board-counts">
            {board.profile ? `${board.profile.models} models, ${board.profile.results} results on this board` : ""}
            {precision ? ` · showing ${ranked.length + below.length} ${precision} model${ranked.length + below.length === 1 ? "" : "s"}` : ""}
          </span>
        </h2>
        <PrecisionFilter precisions={board.precisions} value={precision} onChange={choosePrecision} />
        {ranked.length === 0 ? (
          <p className="text-slate-500">
            {board.profiles.length === 0
              ? "No result on this task yet."
              : precision
                ? `No ${precision} model on this board reaches the floor yet.`
                : "No model on this board reaches the floor yet."}{" "}
            <Link href="/submit">Submit a model</Link>.
          </p>
        ) : (
          <BoardTable entries={ranked} classRanges={classRanges} caption={`${board.task.title}: ranked models`} />
        )}
      </section>
      {below.length > 0 ? (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">Below the quality floor ({floor}) — not ranked</h2>
          <p className="text-sm text-slate-500">Measured and shown, but left out of the ranking, the stars and the Pareto front.</p>
          <BoardTable entries={below} classRanges={classRanges} caption={`${board.task.title}: below the quality floor`} testId="below-floor" />
        </section>
      ) : null}
    </>
  );
}
