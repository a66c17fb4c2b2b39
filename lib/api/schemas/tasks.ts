// GET /api/v1/tasks: every task's contract. The route parses its answer with zTasksResponse, so the document and
// the answer are one thing.
import { z } from "zod";
import type { DatasetManifest, EnergyClasses, TaskContract } from "../../../benchmarks/types";

const zShape = z.array(z.number().int().positive().nullable()).meta({ description: "Tensor shape; null is the batch dimension." });

export const zTaskContract = z
  .object({
    input: z.object({ elemType: z.enum(["float32", "string"]), shape: zShape }),
    output: z.object({ elemType: z.literal("float32"), shape: zShape }),
  })
  .meta({ id: "TaskContract", description: "The one input and one output a model for the task must have." }) satisfies z.ZodType<TaskContract>;

export const zEnergyClasses = z
  .object({
    dated: z.string().meta({ description: "ISO date the bounds were set." }),
    upperBoundsUj: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]).meta({
      description: "Upper bounds of classes A–F in µJ per inference (offline scenario); G is above the last.",
    }),
    reason: z.string(),
  })
  .meta({ id: "EnergyClasses" }) satisfies z.ZodType<EnergyClasses>;

export const zDatasetManifest = z
  .object({
    name: z.string(),
    folder: z.string().meta({ description: "Folder of the dataset inside a mirror (FRUGAL_DATASET_MIRROR)." }),
    bundled: z.union([z.object({ npmPackage: z.string(), dir: z.string() }), z.object({ projectDir: z.string() })]).optional(),
    licence: z.string(),
    citation: z.string(),
    canonicalUrl: z.string(),
    files: z.array(z.object({ name: z.string(), sha256: z.string(), bytes: z.number().int().nonnegative() })),
  })
  .meta({ id: "DatasetManifest" }) satisfies z.ZodType<DatasetManifest>;

export const zTaskSummary = z
  .object({
    id: z.string().meta({ examples: ["mnist"] }),
    title: z.string(),
    description: z.string(),
    modality: z.enum(["image", "text", "audio", "tabular"]),
    contract: zTaskContract,
    classes: z.number().int().positive(),
    metric: z.literal("accuracy"),
    qualityFloor: z.number().min(0).max(1).meta({ description: "Minimum accuracy (0–1) to be ranked." }),
    qualityFloorReason: z.string(),
    batchSize: z.number().int().positive().meta({ description: "Largest batch of the offline scenario." }),
    dataset: zDatasetManifest,
  })
  .meta({ id: "Task" });

export const zTasksResponse = z.object({ tasks: z.array(zTaskSummary) });
