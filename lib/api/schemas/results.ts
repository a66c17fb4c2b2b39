// GET /api/v1/results/{id}: a permanent result, as measured, with its standing.
import { z } from "zod";
import { zBenchmarkResult, zEnergyWindow, zHardwareProfile } from "../../../benchmarks/harness/result-schema";
import { RESULT_STANDINGS, type ResultRecord } from "../../results/get-result";
import { zResultSci } from "./sci";
import { zEnergyClass, zIsoDateTime, zMeter } from "./common";

export const zResultId = z.string().meta({ description: "A result's id, as in a submission's `resultId` or a model's results.", examples: ["cmabc123def456"] });

export const zResultRecord = z
  .object({
    id: zResultId,
    url: z.url().meta({ description: "The result's permanent page." }),
    submissionId: z.string(),
    model: z.object({ slug: z.string(), name: z.string() }).meta({ description: "The model as it is named now (a rename changes this, never the figures)." }),
    task: z.object({ id: z.string(), title: z.string() }),
    standing: z.enum(RESULT_STANDINGS).meta({
      description: "current: still the model's result on its board; superseded: a re-benchmark replaced it; withdrawn: its owner took it back.",
    }),
    currentResultId: zResultId.nullable().meta({ description: "The model's current result on the same board when it is another one." }),
    measuredAt: zIsoDateTime,
    accuracy: z.number(),
    macroF1: z.number(),
    energyPerInferenceJ: z.number().meta({ description: "Offline scenario, idle power subtracted, J." }),
    energyCi95J: z.tuple([z.number(), z.number()]).nullable(),
    accuracyPerJoule: z.number(),
    energyClass: zEnergyClass.nullable(),
    unstable: z.boolean(),
    latencyP50Ms: z.number(),
    modelMemoryBytes: z.number(),
    fileBytes: z.number().int(),
    paramCount: z.number().int(),
    meter: zMeter,
    estimated: z.boolean(),
    harnessVersion: z.string(),
    onnxruntimeVersion: z.string(),
    numericFormat: z.string().nullable().meta({ description: "The weights' numeric format when the harness recorded it; else null." }),
    artifactSha256: z.string().meta({ description: "SHA-256 of the ONNX file measured." }),
    datasetManifestSha256: z.string().nullable().meta({ description: "SHA-256 of the test set's manifest (file names and hashes); null for older results." }),
    hardware: zHardwareProfile,
    sci: zResultSci.nullable(),
    windows: z.array(zEnergyWindow),
    raw: zBenchmarkResult,
  })
  .meta({ id: "Result" }) satisfies z.ZodType<ResultRecord & { url: string }>;
