import { listTasks } from "@/lib/engine";
import { zTasksResponse } from "@/lib/api/schemas/tasks";
import { withErrors } from "@/lib/http/respond";

export const runtime = "nodejs";

/** GET /api/v1/tasks — every task's contract, so a researcher can export a model for it. */
export const GET = withErrors(async () => {
  // The documented schema picks the public fields (energy classes are served with each board).
  return Response.json(zTasksResponse.parse({ tasks: listTasks() }));
});
