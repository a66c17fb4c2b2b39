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

export const zRepeatability = z
  .object({
    spread: z.number().nonnegative().meta({ description: "Between-run coefficient of variation of the reference baselines' energy per inference (0.02 = 2 %): the largest over the references with 3 runs or more, each over its latest 10 runs." }),
    runs: z.number().int().min(3).meta({ description: "Runs behind that coefficient of variation." }),
    references: z.number().int().positive().meta({ description: "Reference baselines (one per task) with 3 runs or more on this profile and meter." }),
    halfWidth95: z.number().nonnegative().meta({ description: "Between-run 95 % half-width as a fraction of a figure: t(0.975, runs − 1) × spread. The board says \"figures on this machine repeat within ±(100 × halfWidth95) %\"." }),
    lastRunAt: zIsoDateTime,
  })
  .meta({ id: "Repeatability", description: "How far energy figures measured on this profile repeat between runs (current harness version), from idle workers' re-benchmarks of each task's reference baseline." });

export const zChosenBoardProfile = zBoardProfile
  .extend({
    repeatability: zRepeatability.nullable().meta({ description: "null until a reference baseline has 3 runs on this profile and meter." }),
  })
  .meta({ id: "ChosenBoardProfile" });

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
    energyCi95J: z.tuple([z.number(), z.number()]).nullable().meta({ description: "Within-run 95 % interval (J): the spread between the windows of this result's own run." }),
    publishedCi95J: z
      .tuple([z.number(), z.number()])
      .nullable()
      .meta({ description: "Published 95 % interval (J): each side of energyCi95J combined in quadrature with betweenRunHalfWidth95, relative to the figure; energyCi95J itself when betweenRunHalfWidth95 is null." }),
    betweenRunHalfWidth95: z
      .number()
      .nonnegative()
      .nullable()
      .meta({ description: "Between-run 95 % half-width (fraction of the figure) measured on this profile under the result's harness version; null when not measured yet (publishedCi95J is then within-run only)." }),
    accuracyPerJoule: z.number().meta({ description: "Correct predictions per joule: the ranking key." }),
    modelMemoryBytes: z.number(),
    fileBytes: z.number().int(),
    paramCount: z.number().int(),
    nonZeroParamCount: z.number().int().nullable().meta({ description: "Weights whose stored value is not zero; null on results recorded before it was counted." }),
    precision: z.enum(PRECISIONS).nullable().meta({ description: "Numeric format detected from the graph; null on results recorded before it was." }),
    onnxruntimeOnly: z.boolean().meta({ description: "The model uses onnxruntime's own com.microsoft operators: reproducible on onnxruntime only." }),
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
    profile: zChosenBoardProfile.nullable().meta({ description: "The board's profile; null when the task has no result there yet." }),
    profiles: z.array(zBoardProfile).meta({ description: "Every (profile, meter) the task has results on, the default board first." }),
    starsScale: z.literal("log"),
    entries: z.array(zBoardEntry).meta({ description: "With ?precision=, only that precision's entries; ranks stay the whole board's." }),
    precision: z.enum(PRECISIONS).nullable().meta({ description: "The precision filter applied (?precision=), if any." }),
    precisions: z.array(z.enum(PRECISIONS)).meta({ description: "Precisions present on this board, for a filter." }),
  })
  .meta({ id: "Board" }) satisfies z.ZodType<Board>;
