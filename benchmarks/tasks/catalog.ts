// The task definitions alone: plain data, cheap to import, safe for the web app's bundle. Loading a task's test
// set lives in registry.ts, which only the harness needs.
import type { TaskDefinition, TaskId } from "../types";
import { mnistTask } from "./mnist/index";

const TASKS: readonly TaskDefinition[] = [mnistTask];

export function listTasks(): TaskDefinition[] {
  return [...TASKS];
}

export function findTask(id: TaskId): TaskDefinition | undefined {
  return TASKS.find((task) => task.id === id);
}

export function getTask(id: TaskId): TaskDefinition {
  const task = findTask(id);
  if (!task) throw new Error(`Unknown task "${String(id).slice(0, 64)}"; known tasks: ${TASKS.map((t) => t.id).join(", ")}.`);
  return task;
}
