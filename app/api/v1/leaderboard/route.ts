import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { withErrors } from "@/lib/http/respond";
import { boardToCsv } from "@/lib/leaderboard/board-csv";
import { getCachedBoard } from "@/lib/leaderboard/board-cache";
import { parsePrecisionParam } from "@/lib/leaderboard/model-format";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const FORMATS = ["json", "csv"];

/**
 * GET /api/v1/leaderboard?task=&hardware=&meter=&precision=&format=json|csv — one board: a task on one hardware
 * profile and meter (the default board when they are left out), optionally only the entries of one precision. CSV is spreadsheet-safe (see lib/leaderboard/board-csv.ts).
 * Boards are computed at most once a second per process (lib/leaderboard/board-cache.ts).
 */
export const GET = withErrors(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const task = params.get("task");
  if (!task) throw new AppError("invalid_request", "Query parameter `task` is required, e.g. /api/v1/leaderboard?task=mnist.");
  const format = params.get("format") ?? "json";
  if (!FORMATS.includes(format)) {
    throw new AppError("invalid_request", `Query parameter \`format\` must be json or csv, e.g. /api/v1/leaderboard?task=${encodeURIComponent(task.slice(0, 64))}&format=csv.`);
  }
  const cached = await getCachedBoard(getDb(), task, {
    hardwareProfileId: params.get("hardware") ?? undefined,
    meter: params.get("meter") ?? undefined,
    precision: parsePrecisionParam(params.get("precision")),
  });
  const cache = { "Cache-Control": "public, max-age=10" };
  if (format === "csv") {
    const board = cached.board;
    const name = ["frugalboard", board.task.id, board.hardwareProfileId, board.meter, board.precision].filter(Boolean).join("-");
    return new Response(boardToCsv(board), {
      headers: {
        ...cache,
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}.csv"`,
      },
    });
  }
  const headers = { ...cache, ETag: cached.etag(), "Content-Type": "application/json" };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === cached.etag())) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(cached.json(), { headers });
});
