import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { withErrors } from "@/lib/http/respond";
import { getBoard } from "@/lib/leaderboard/get-board";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/leaderboard?task=&hardware=&meter= — one board: a task on one hardware profile and meter. */
export const GET = withErrors(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const task = params.get("task");
  if (!task) throw new AppError("invalid_request", "Query parameter `task` is required, e.g. /api/v1/leaderboard?task=mnist.");
  const board = await getBoard(getDb(), task, {
    hardwareProfileId: params.get("hardware") ?? undefined,
    meter: params.get("meter") ?? undefined,
  });
  return Response.json(board, { headers: { "Cache-Control": "public, max-age=10" } });
});
