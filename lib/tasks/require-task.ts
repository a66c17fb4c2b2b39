// The catalog's task lookup for lib/: the one "unknown task" refusal (benchmarks/tasks/catalog.ts requireTask) as
// an AppError, so a route turns it into a response like any other refusal.
import { requireTask as requireCatalogTask } from "../../benchmarks/tasks/catalog";
import { BenchmarkError, type TaskDefinition } from "../../benchmarks/types";
import { AppError, type AppErrorCode } from "../errors";

/** `code`: `not_found` where the task is in the path (a board), `invalid_request` where a body names it. */
export function requireTask(taskId: string, code: Extract<AppErrorCode, "not_found" | "invalid_request"> = "not_found"): TaskDefinition {
  try {
    return requireCatalogTask(taskId);
  } catch (error) {
    if (error instanceof BenchmarkError) throw new AppError(code, error.message);
    throw error;
  }
}
