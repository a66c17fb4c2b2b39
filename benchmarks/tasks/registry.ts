// Every task's test-set loader. One folder per task: `index.ts` holds the definition (listed in catalog.ts, which
// the web app imports), `dataset.ts` its loader (imported only when a benchmark runs).
import type { ResolveOptions } from "../datasets/options";
import { resolveDataset, type ResolvedFiles } from "../datasets/resolve";
import type { LoadedDataset, TaskDefinition, TaskId } from "../types";
import { requireTask } from "./catalog";

type DatasetLoader = (files: ResolvedFiles) => Promise<LoadedDataset>;

const LOADERS: Record<TaskId, () => Promise<DatasetLoader>> = {
  mnist: () => import("./mnist/dataset").then((m) => m.loadMnist),
  "fashion-mnist": () => import("./fashion-mnist/dataset").then((m) => m.loadFashionMnist),
  "sms-spam": () => import("./sms-spam/dataset").then((m) => m.loadSmsSpam),
  "spoken-digits": () => import("./spoken-digits/dataset").then((m) => m.loadSpokenDigits),
  "breast-cancer": () => import("./breast-cancer/dataset").then((m) => m.loadBreastCancer),
};

function entryFor(id: TaskId): { definition: TaskDefinition; loader: () => Promise<DatasetLoader> } {
  const definition = requireTask(id);
  const loader = LOADERS[definition.id];
  if (!loader) throw new Error(`Task "${definition.id}" has no dataset loader.`);
  return { definition, loader };
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
