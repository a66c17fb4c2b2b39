import { listTasks } from "@/benchmarks/tasks/catalog";
import { withErrors } from "@/lib/http/respond";

export const runtime = "nodejs";

/** GET /api/v1/tasks — every task's contract, so a researcher can export a model for it. */
export const GET = withErrors(async () => {
  const tasks = listTasks().map((task) => ({
    id: task.id,
    title: task.title,
    description: task.description,
    modality: task.modality,
    contract: task.contract,
    classes: task.classes,
    metric: task.metric,
    qualityFloor: task.qualityFloor,
    qualityFloorReason: task.qualityFloorReason,
    batchSize: task.batchSize,
    dataset: task.dataset,
  }));
  return Response.json({ tasks });
});
