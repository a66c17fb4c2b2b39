// "Add to your model card": Hugging Face model-card YAML front matter and a Markdown section. Hugging Face's
// `co2_eq_emissions` holds training emissions only (https://huggingface.co/docs/hub/model-cards-co2: `emissions`
// in grams of CO2e, `source`, `training_type`, `geographical_location`, `hardware_used`), so it is written only
// when the submitter reported them; the measured inference figures, which have no field there, go in the section.
import { formatMicrojoules, formatPercent } from "../../common/format";
import type { TrainingEmissions } from "../training/training-emissions";

export interface ModelCardInput {
  modelName: string;
  taskTitle: string;
  accuracy: number;
  energyPerInferenceJ: number;
  energyCi95J: [number, number] | null;
  estimated: boolean;
  meter: string;
  hardware: string;
  resultUrl: string;
  badgeMarkdown: string;
  training: TrainingEmissions | null;
}

/** The YAML front matter (between --- lines), or null when there is nothing Hugging Face has a field for. */
export function modelCardFrontMatter(training: TrainingEmissions | null): string | null {
  if (!training || training.emissionsKg === null) return null;
  const fields: [string, string | number | null][] = [
    ["emissions", Number((training.emissionsKg * 1000).toPrecision(6))],
    ["source", training.source],
    ["training_type", training.trainingType],
    ["geographical_location", training.location],
    ["hardware_used", training.hardware],
  ];
  // Strings are written as JSON strings, which are YAML double-quoted scalars: a hostile one stays one string.
  const lines = fields.filter(([, v]) => v !== null).map(([k, v]) => `  ${k}: ${typeof v === "number" ? v : JSON.stringify(v)}`);
  return ["---", "co2_eq_emissions:", ...lines, "---"].join("\n");
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");

export function modelCardSection(input: ModelCardInput): string {
  const est = input.estimated ? " (estimated)" : "";
  const ci = input.energyCi95J ? ` (95% CI ${formatMicrojoules(input.energyCi95J[0])}–${formatMicrojoules(input.energyCi95J[1])})` : "";
  const rows = [
    ["Task", input.taskTitle],
    [`Energy per inference${est}`, `${formatMicrojoules(input.energyPerInferenceJ)}${ci}`],
    ["Accuracy", formatPercent(input.accuracy)],
    ["Hardware", input.hardware],
    ["Meter", input.estimated ? `${input.meter} (estimated)` : `${input.meter} (measured)`],
    ["Result", input.resultUrl],
  ];
  return [
    "## Inference energy (measured by frugalboard)",
    "",
    input.badgeMarkdown,
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`),
  ].join("\n");
}

export function modelCardSnippet(input: ModelCardInput): string {
  const front = modelCardFrontMatter(input.training);
  return [front, modelCardSection(input)].filter(Boolean).join("\n\n");
}
