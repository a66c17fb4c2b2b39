// The model-card snippet of one result, from what the model page and the result page already hold.
import { badgeMarkdown } from "../badges/snippets";
import { resultUrl } from "../results/get-result";
import type { TrainingEmissions } from "../training/training-emissions";
import { modelCardSnippet } from "./model-card";

export interface ModelCardResult {
  id: string;
  model: { slug: string; name: string };
  task: { id: string; title: string };
  accuracy: number;
  energyPerInferenceJ: number;
  energyCi95J: [number, number] | null;
  estimated: boolean;
  meter: string;
  cpuModel: string;
  hardwareProfileId: string;
}

export function modelCardOf(baseUrl: string, result: ModelCardResult, training: TrainingEmissions | null): string {
  const url = resultUrl(baseUrl, result.id);
  return modelCardSnippet({
    modelName: result.model.name,
    taskTitle: result.task.title,
    accuracy: result.accuracy,
    energyPerInferenceJ: result.energyPerInferenceJ,
    energyCi95J: result.energyCi95J,
    estimated: result.estimated,
    meter: result.meter,
    hardware: `${result.cpuModel} (profile ${result.hardwareProfileId})`,
    resultUrl: url,
    badgeMarkdown: badgeMarkdown({ baseUrl, slug: result.model.slug, taskId: result.task.id }, { resultId: result.id, resultUrl: url }),
    training,
  });
}
