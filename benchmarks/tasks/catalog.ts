// The task definitions alone: plain data, cheap to import, safe for the web app's bundle. Loading a task's test
// set lives in registry.ts, which only the harness needs.
import { BenchmarkError, type TaskDefinition, type TaskId } from "../types";
import { breastCancerTask } from "./breast-cancer/index";
import { fashionMnistTask } from "./fashion-mnist/index";
import { mnistTask } from "./mnist/index";
import { smsSpamTask } from "./sms-spam/index";
import { spokenDigitsTask } from "./spoken-digits/index";

const TASKS: readonly TaskDefinition[] = [mnistTask, fashionMnistTask, smsSpamTask, spokenDigitsTask, breastCancerTask];

export function listTasks(): TaskDefinition[] {
  return [...TASKS];
}

export function findTask(id: TaskId): TaskDefinition | undefined {
  return TASKS.find((task) => task.id === id);
}

/**
 * The one lookup that refuses an unknown id: BenchmarkError("unknown_task") with the one message that names the
 * known tasks. The CLI shows it as a usage error, lib/ as an AppError (lib/tasks/require-task.ts).
 */
export function requireTask(id: TaskId): TaskDefinition {
  const task = findTask(id);
  if (!task) throw new BenchmarkError("unknown_task", `Unknown task "${String(id).slice(0, 64)}"; known tasks: ${TASKS.map((t) => t.id).join(", ")}.`, "task");
  return task;
}
