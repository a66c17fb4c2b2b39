// GET /api/v1/leaderboard: one board (task × hardware profile × meter, offline scenario), ranked.
import { z } from "zod";
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
    rank: z
      .number()
      .int()
      .positive()
      .nullable()
      .meta({
        description:
          "1 + the number of ranked entries better beyond the uncertainty (whole accuracy-per-joule interval above this one's); null below the quality floor (shown apart, unranked).",
      }),
    tied: z.boolean().meta({ description: "Another ranked entry has the same rank: the figures cannot tell them apart." }),
    rankDisplay: z.string().nullable().meta({ description: 'The rank as shown: "=3" when tied, "3" otherwise; null below the floor.', examples: ["=3"] }),
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
    publishedCi95J: z
      .tuple([z.number(), z.number()])
      .nullable()
      .meta({ description: "The published 95 % interval of the energy per inference (J) that ranks are decided on; its accuracy-per-joule interval is [accuracy / high, accuracy / low]." }),
    accuracyPerJoule: z.number().meta({ description: "Correct predictions per joule: the ranking key." }),
    modelMemoryBytes: z.number(),
    fileBytes: z.number().int(),
    paramCount: z.number().int(),
    latencyP50Ms: z.number(),
    offlineBatchSize: z
      .number()
      .int()
      .positive()
      .nullable()
      .meta({ description: "The offline batch the energy was measured at: the cheapest of 1, 4, 16, 64, 256 per sample (probed since harness 1.4.0)." }),
    batchFixed: z.boolean().meta({ description: "The model's batch dimension is fixed at 1, so it was measured one sample per call." }),
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
    entries: z.array(zBoardEntry),
  })
  .meta({ id: "Board" }) satisfies z.ZodType<Board>;
