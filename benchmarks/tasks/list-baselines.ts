// The committed baseline models of a task: `benchmarks/tasks/<id>/baselines/manifest.json` beside their .onnx
// files and the script that made them.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const tasksDir = dirname(fileURLToPath(import.meta.url));

const zBaselineManifest = z.array(
  z.object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/),
    file: z.string().regex(/^[\w.-]+\.onnx$/),
    name: z.string().min(1),
    description: z.string().default(""),
    licence: z.string().default("MIT"),
  }),
);

export interface Baseline {
  slug: string;
  name: string;
  description: string;
  licence: string;
  path: string;
}

export function listBaselines(taskId: string): Baseline[] {
  const folder = join(tasksDir, taskId, "baselines");
  const manifestPath = join(folder, "manifest.json");
  if (!/^[a-z0-9-]+$/.test(taskId) || !existsSync(manifestPath)) return [];
  const entries = zBaselineManifest.parse(JSON.parse(readFileSync(manifestPath, "utf8")));
  return entries.map(({ file, ...rest }) => ({ ...rest, path: join(folder, file) }));
}
