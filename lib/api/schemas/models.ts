// GET /api/v1/models/{slug}: metadata, every result per task and board, versions, pending submissions.
import { z } from "zod";
import { zBenchmarkResult, zEnergyWindow } from "../../../benchmarks/harness/result-schema";
import { PRECISIONS } from "../../../benchmarks/onnx/precision";
import type { ModelView } from "../../models/get-model";
import { zTrainingEmissions } from "../../training/training-emissions";
import { zResultSci } from "./sci";
import { zEnergyClass, zHardwareProfileId, zIsoDateTime, zMeter } from "./common";

export const zModelSlug = z.string().meta({
  description: "The model's URL name: 3–64 letters, digits and '-'. A former name redirects (308) to the current one.",
  examples: ["mnist-logreg"],
});

const zModelResult = z
  .object({
    resultId: z.string().meta({ description: "The permanent result: GET /api/v1/results/{id}." }),
    submissionId: z.string(),
    taskId: z.string(),
    status: z.enum(["succeeded", "withdrawn"]),
    artifactSha256: z.string(),
    hardwareProfileId: zHardwareProfileId,
    cpuModel: z.string(),
    meter: zMeter,
    estimated: z.boolean(),
    harnessVersion: z.string(),
    createdAt: zIsoDateTime,
    accuracy: z.number(),
    macroF1: z.number(),
    energyPerInferenceJ: z.number(),
    energyCi95J: z.tuple([z.number(), z.number()]).nullable().meta({ description: "Within-run 95 % interval (J): the spread between the windows of this run." }),
    publishedCi95J: z
      .tuple([z.number(), z.number()])
      .nullable()
      .meta({ description: "Published 95 % interval (J), as on the board: energyCi95J combined with betweenRunHalfWidth95." }),
    betweenRunHalfWidth95: z.number().nonnegative().nullable().meta({ description: "Between-run 95 % half-width (fraction of the figure) on this profile and meter; null when not measured yet." }),
    accuracyPerJoule: z.number(),
    unstable: z.boolean(),
    modelMemoryBytes: z.number(),
    fileBytes: z.number().int(),
    paramCount: z.number().int(),
    nonZeroParamCount: z.number().int().nullable(),
    precision: z.enum(PRECISIONS).nullable(),
    onnxruntimeOnly: z.boolean(),
    latencyP50Ms: z.number(),
    energyClass: zEnergyClass.nullable(),
    sci: zResultSci.nullable(),
    trainingEmissions: zTrainingEmissions.nullable().meta({ description: "Reported by the submitter with this submission; never measured, never ranked." }),
    windows: z.array(zEnergyWindow),
    // The full stored result, as the harness wrote it (no .meta() here: a copy would not refer to the component).
    raw: zBenchmarkResult,
  })
  .meta({ id: "ModelResult" });

export const zModelView = z.object({
  slug: z.string(),
  name: z.string(),
  owner: z.string().meta({ description: "Username of the submitter." }),
  description: z.string().nullable(),
  paperUrl: z.string().nullable(),
  codeUrl: z.string().nullable(),
  licence: z.string().nullable(),
  hidden: z.boolean().meta({ description: "Hidden by an administrator: only administrators see the model (and this field true)." }),
  createdAt: zIsoDateTime,
  formerSlugs: z.array(z.string()),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      taskTitle: z.string(),
      boards: z.array(
        z.object({
          hardwareProfileId: zHardwareProfileId,
          cpuModel: z.string(),
          meter: zMeter,
          results: z.array(zModelResult).meta({ description: "Newest first; [0] is the one the board shows unless withdrawn." }),
        }),
      ),
    }),
  ),
  versions: z.array(
    z.object({ sha256: z.string(), sizeBytes: z.number().int(), firstSubmittedAt: zIsoDateTime, tasks: z.array(z.string()), submissions: z.number().int() }),
  ),
  pending: z.array(z.object({ submissionId: z.string(), taskId: z.string(), status: z.enum(["queued", "running"]) })),
}) satisfies z.ZodType<ModelView>;

export const zModelResponse = zModelView
  .extend({
    environment: z
      .object({
        gridGPerKwh: z.number().meta({ description: "Grid carbon intensity used for CO₂e, g per kWh." }),
        wueLPerKwh: z.number().meta({ description: "Water usage effectiveness, litres per kWh." }),
        sources: z.object({ grid: z.string(), wue: z.string(), energy: z.string() }),
      })
      .meta({ description: "Assumptions of the environmental conversions shown on the model page." }),
  })
  .meta({ id: "Model" });
