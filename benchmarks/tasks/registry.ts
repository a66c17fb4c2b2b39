// Every task the board knows. One folder per task: `index.ts` holds the definition (plain data, cheap to import,
// used by the web app), `dataset.ts` its loader (imported only when a benchmark runs).
import { resolveDataset, type ResolveOptions, type ResolvedFiles } from "../datasets/resolve";
import type { LoadedDataset, TaskDefinition, TaskId } from "../types";
import { mnistTask } from "./mnist/index";

type DatasetLoader = (files: ResolvedFiles) => Promise<LoadedDataset>;

interface TaskEntry {
  definition: TaskDefinition;
  loader: () => Promise<DatasetLoader>;
}

// Later: fashion-mnist (the IDX loader again), sms-spam, spoken-digits, breast-cancer — each its own folder.
const TASKS: readonly TaskEntry[] = [{ definition: mnistTask, loader: () => import("./mnist/dataset").then((m) => m.loadMnist) }];

export function listTasks(): TaskDefinition[] {
  return TASKS.map((entry) => entry.definition);
}

function entryFor(id: TaskId): TaskEntry {
  const entry = TASKS.find((candidate) => candidate.definition.id === id);
  if (!entry) {
    const known = TASKS.map((candidate) => candidate.definition.id).join(", ");
    throw new Error(`Unknown task "${String(id).slice(0, 64)}"; known tasks: ${known}.`);
  }
  return entry;
}

export function getTask(id: TaskId): TaskDefinition {
  return entryFor(id).definition;
}

/** The task's test set, from files whose SHA-256 matched the manifest (BenchmarkError "dataset_missing" otherwise). */
export async function loadTaskDataset(task: TaskDefinition, options: ResolveOptions = {}): Promise<LoadedDataset> {
  const entry = entryFor(task.id);
  const files = await resolveDataset(entry.definition.dataset, options);
  const load = await entry.loader();
  const dataset = await load(files);
  if (dataset.labels.length !== dataset.samples || dataset.inputs.length !== dataset.samples * dataset.sampleSize) {
    throw new Error(`The ${task.id} loader returned ${dataset.inputs.length} inputs and ${dataset.labels.length} labels for ${dataset.samples} samples`);
  }
  return dataset;
}
