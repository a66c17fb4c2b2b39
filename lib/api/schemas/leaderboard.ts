// GET /api/v1/leaderboard: one board (task × hardware profile × meter, offline scenario), ranked.
import { z } from "zod";
import { PRECISIONS } from "../../../benchmarks/onnx/precision";
import type { Board } from "../../leaderboard/get-board";
import { zEnergyClass, zHardwareProfileId, zIsoDateTime, zMeter } from "./common";
import { zEnergyClasses } from "./tasks";

export const zBoardProfile = z
  .object({
    hardwareProfileId: zHardwareProfileId,
    meter: zMeter,
    cpuModel: z.string(),
    cores: z.number().int(),
    threads: z.number().int(),
    os: z.string(),
    arch: z.string(),
    intraOpThreads: z.number().int(),
    onnxruntimeVersion: z.string(),
    results: z.number().int().meta({ description: "Succeeded results on this board, re-benchmarks included." }),
    models: z.number().int().meta({ description: "Distinct models with a result on this board." }),
  })
  .meta({ id: "BoardProfile" });

export const zBoardEntry = z
  .object({
    rank: z.number().int().positive().nullable().meta({ description: "null below the quality floor (shown apart, unranked)." }),
    eligible: z.boolean(),
    pareto: z.boolean().meta({ description: "On the accuracy–energy Pareto front." }),
    energyClass: zEnergyClass,
    stars: z.number().int().min(1).max(5).nullable(),
    modelSlug: z.string(),
    modelName: z.string(),
    submissionId: z.string(),
    accuracy: z.number(),
    macroF1: z.number(),
    energyPerInferenceJ: z.number(),
    energyCi95J: z.tuple([z.number(), z.number()]).nullable(),
    accuracyPerJoule: z.number().meta({ description: "Correct predictions per joule: the ranking key." }),
    modelMemoryBytes: z.number(),
    fileBytes: z.number().int(),
    paramCount: z.number().int(),
    nonZeroParamCount: z.number().int().nullable().meta({ description: "Weights whose stored value is not zero; null on results recorded before it was counted." }),
    precision: z.enum(PRECISIONS).nullable().meta({ description: "Numeric format detected from the graph; null on results recorded before it was." }),
    onnxruntimeOnly: z.boolean().meta({ description: "The model uses onnxruntime's own com.microsoft operators: reproducible on onnxruntime only." }),
    latencyP50Ms: z.number(),
    meter: zMeter,
    estimated: z.boolean(),
    unstable: z.boolean(),
    finishedAt: zIsoDateTime,
  })
  .meta({ id: "BoardEntry" });

export const zBoard = z
  .object({
    task: z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      qualityFloor: z.number(),
      qualityFloorReason: z.string(),
      energyClasses: zEnergyClasses,
    }),
    scenario: z.literal("offline"),
    hardwareProfileId: zHardwareProfileId.nullable(),
    meter: zMeter.nullable(),
    profile: zBoardProfile.nullable().meta({ description: "The board's profile; null when the task has no result there yet." }),
    profiles: z.array(zBoardProfile).meta({ description: "Every (profile, meter) the task has results on, the default board first." }),
    starsScale: z.literal("log"),
    entries: z.array(zBoardEntry).meta({ description: "With ?precision=, only that precision's entries; ranks stay the whole board's." }),
    precision: z.enum(PRECISIONS).nullable().meta({ description: "The precision filter applied (?precision=), if any." }),
    precisions: z.array(z.enum(PRECISIONS)).meta({ description: "Precisions present on this board, for a filter." }),
  })
  .meta({ id: "Board" }) satisfies z.ZodType<Board>;
