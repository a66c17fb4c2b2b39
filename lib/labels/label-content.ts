// What an energy label says, in the manner of the EU energy label: the task's A–G scale with the model's class
// marked, then the figures a paper cites. Plain text lines; render-label.ts draws them and escapes them.
import { findTask } from "../../benchmarks/tasks/catalog";
import type { EnergyClasses } from "../../benchmarks/types";
import { formatDate, formatMicrojoules, formatPercent, formatPerJoule } from "../../common/format";
import { ENERGY_CLASSES, type EnergyClass } from "../leaderboard/grades";
import type { ResultRecord } from "../results/get-result";

export interface LabelContent {
  modelName: string;
  taskTitle: string;
  energyClass: EnergyClass | null;
  /** One entry per class A–G: the µJ per inference it covers. */
  scale: { energyClass: EnergyClass; range: string }[];
  classesDated: string | null;
  /** Label and value, in order. */
  figures: [string, string][];
  standing: ResultRecord["standing"];
  url: string;
}

/** The µJ range of each class, written without ≤ so PDF's standard fonts can show it. */
export function scaleOf(classes: EnergyClasses): LabelContent["scale"] {
  const b = classes.upperBoundsUj;
  return ENERGY_CLASSES.map((energyClass, i) => ({
    energyClass,
    range: i === 0 ? `up to ${b[0]} µJ` : i === 6 ? `over ${b[5]} µJ` : `${b[i - 1]}–${b[i]} µJ`,
  }));
}

export function labelContent(record: ResultRecord, url: string): LabelContent {
  const task = findTask(record.task.id);
  const est = record.estimated ? " *estimated*" : "";
  // "37.0–39.5": the interval without repeating the unit, so the line fits the label.
  const ci = record.energyCi95J ? ` (95% CI ${formatMicrojoules(record.energyCi95J[0]).replace(" µJ", "")}–${formatMicrojoules(record.energyCi95J[1])})` : "";
  const meter = record.estimated ? `${record.meter}: *estimated* (CPU time × W/thread)` : `${record.meter} (measured)`;
  const figures: [string, string][] = [
    ["Energy / inference", `${formatMicrojoules(record.energyPerInferenceJ)}${ci}${est}`],
    ["Accuracy", formatPercent(record.accuracy)],
    ["Accuracy per joule", formatPerJoule(record.accuracyPerJoule)],
    ["Numeric format", record.numericFormat ?? "not recorded"],
    ["Hardware", `${record.hardware.cpuModel}, ${record.hardware.intraOpThreads} of ${record.hardware.threads} threads`],
    ["Hardware profile", record.hardware.id],
    ["Meter", meter],
    ["Measured", formatDate(record.measuredAt)],
    ["Harness", `${record.harnessVersion} · onnxruntime ${record.onnxruntimeVersion}`],
  ];
  return {
    modelName: record.model.name,
    taskTitle: record.task.title,
    energyClass: record.energyClass,
    scale: task ? scaleOf(task.energyClasses) : ENERGY_CLASSES.map((energyClass) => ({ energyClass, range: "" })),
    classesDated: task?.energyClasses.dated ?? null,
    figures,
    standing: record.standing,
    url,
  };
}
