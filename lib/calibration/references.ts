// The reference baseline of each task: the file an idle worker re-benchmarks to measure how far figures repeat
// between runs on its machine. Each is the task's cheapest committed baseline that reaches the quality floor (by
// the accuracy its manifest states), so calibration costs little machine time.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { listTasks } from "../../benchmarks/tasks/catalog";
import { listBaselines } from "../../benchmarks/tasks/list-baselines";

export const CALIBRATION_REFERENCE_SLUGS: Record<string, string> = {
  mnist: "mnist-logreg",
  "fashion-mnist": "fashion-mnist-logreg",
  "sms-spam": "sms-spam-logreg-small",
  "spoken-digits": "spoken-digits-fbank-linear",
  "breast-cancer": "breast-cancer-logreg",
};

export interface CalibrationReference {
  taskId: string;
  slug: string;
  path: string;
  artifactSha256: string;
}

let cached: CalibrationReference[] | undefined;

/** Every task's reference, in the catalogue's order; throws when a task has none or names a missing baseline. */
export function listCalibrationReferences(): CalibrationReference[] {
  cached ??= listTasks().map((task) => {
    const slug = CALIBRATION_REFERENCE_SLUGS[task.id];
    const baseline = listBaselines(task.id).find((b) => b.slug === slug);
    if (!baseline) throw new Error(`Task ${task.id} has no calibration reference baseline (wanted "${slug ?? "none"}").`);
    const artifactSha256 = createHash("sha256").update(readFileSync(baseline.path)).digest("hex");
    return { taskId: task.id, slug: baseline.slug, path: baseline.path, artifactSha256 };
  });
  return cached;
}
