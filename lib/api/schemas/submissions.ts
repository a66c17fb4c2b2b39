// POST /api/v1/submissions and GET /api/v1/submissions/{id}. The form reuses the schema the server validates
// with (zSubmissionInput), so a new field or rule shows in the document by itself. The submission's view types
// (lib/submissions/get-submission.ts, submission-standing.ts) are inferred from these schemas.
import { z } from "zod";
import { zBenchmarkResult } from "../../../benchmarks/harness/result-schema";
import { zSubmissionInput } from "./inputs";
import { TRAINING_TYPES, zTrainingEmissions } from "../../training/training-emissions";
import { zHardwareProfileId, zIsoDateTime, zMeter } from "./common";

export const zSubmissionStatus = z
  .enum(["queued", "running", "succeeded", "failed", "rejected", "withdrawn"])
  .meta({
    id: "SubmissionStatus",
    description: "queued → running → succeeded | failed (could not be measured) | rejected (broke a rule); withdrawn by its owner.",
  });

export const zSubmissionForm = zSubmissionInput
  .extend({
    file: z.file().meta({ description: "The ONNX model (application/octet-stream), up to the server's size limit." }),
    model: zSubmissionInput.shape.model.meta({
      description: "The model's URL name; created on first use, yours after that. 3–64 letters, digits and '-'.",
      examples: ["my-mnist-cnn"],
    }),
    task: zSubmissionInput.shape.task.meta({ description: "A task id from GET /api/v1/tasks.", examples: ["mnist"] }),
    name: zSubmissionInput.shape.name.meta({ description: "Display name of a new model (default: the model name)." }),
    description: zSubmissionInput.shape.description.meta({ description: "Description of a new model." }),
    trainingEmissions: z.file().optional().meta({ description: "Training emissions as reported: the emissions.csv CodeCarbon wrote (runs are summed)." }),
    trainingEnergyKwh: z.string().optional().meta({ description: "Training energy, kWh (reported; overrides the file's)." }),
    trainingEmissionsKg: z.string().optional().meta({ description: "Training emissions, kg CO₂e (reported; overrides the file's)." }),
    trainingHardware: z.string().optional().meta({ description: "Hardware the model was trained on." }),
    trainingDurationS: z.string().optional().meta({ description: "Training duration, s." }),
    trainingLocation: z.string().optional().meta({ description: "Where it was trained (country, region or cloud region)." }),
    trainingType: z.enum(TRAINING_TYPES).optional(),
    trainingSource: z.string().optional().meta({ description: "Where the figures come from (default: the file's CodeCarbon version, else “reported by the submitter”)." }),
  })
  .meta({ id: "SubmissionForm" });

export const zSubmissionCreated = z
  .object({
    id: z.string(),
    status: zSubmissionStatus,
    statusUrl: z.url().meta({ description: "GET it to follow the benchmark (also in the Location header)." }),
  })
  .meta({ id: "SubmissionCreated" });

export const zSubmissionRank = z
  .object({
    position: z
      .number()
      .int()
      .positive()
      .nullable()
      .meta({ description: "1 + the ranked entries better beyond the uncertainty (as the board's rank); null below the quality floor." }),
    tied: z.boolean().meta({ description: "Another ranked entry has the same position: the figures cannot tell them apart." }),
    display: z.string().nullable().meta({ description: 'The position as shown: "=3" when tied, "3" otherwise; null below the floor.', examples: ["=3"] }),
    of: z.number().int().nonnegative().meta({ description: "Ranked entries on the board." }),
    eligible: z.boolean().meta({ description: "At or above the task's quality floor." }),
    pareto: z.boolean(),
    board: z.object({
      task: z.string(),
      hardwareProfileId: zHardwareProfileId,
      meter: zMeter,
      isDefault: z.boolean().meta({ description: "The task's default board (the one /tasks/{task} shows)." }),
      url: z.url().meta({ description: "The board's page." }),
      apiUrl: z.url().meta({ description: "The board as JSON." }),
    }),
  })
  .meta({ id: "SubmissionRank" });

export const zSubmissionBadge = z
  .object({
    url: z.url().meta({ description: "The SVG badge." }),
    endpointUrl: z.url().meta({ description: "The shields.io endpoint JSON." }),
    markdown: z.string().meta({ description: "A linked badge image for a README." }),
  })
  .meta({ id: "SubmissionBadge" });

export const zSubmissionView = z
  .object({
    id: z.string(),
    status: zSubmissionStatus,
    progress: z.number().int().min(0).max(100),
    phase: z.string().nullable().meta({ description: "What the benchmark is doing now (e.g. accuracy, offline windows)." }),
    queuePosition: z.number().int().positive().nullable().meta({ description: "1 = next to run; null once it has started." }),
    error: z.object({ code: z.string(), message: z.string() }).nullable().meta({ description: "Why it failed or was rejected." }),
    model: z.object({ slug: z.string(), name: z.string() }),
    task: z.string(),
    sha256: z.string().meta({ description: "SHA-256 of the uploaded ONNX file." }),
    createdAt: zIsoDateTime,
    startedAt: zIsoDateTime.nullable(),
    finishedAt: zIsoDateTime.nullable(),
    result: zBenchmarkResult.nullable(),
    trainingEmissions: zTrainingEmissions
      .nullable()
      .meta({ description: "Training energy / emissions as the submitter reported them: never measured here, never ranked." }),
    resultId: z.string().nullable().meta({ description: "The permanent result's id once measured: GET /api/v1/results/{id}, page /results/{id}." }),
    rank: zSubmissionRank.nullable().meta({
      description: "Succeeded only: the rank on the result's board; null otherwise, or when a newer result of the model replaced it.",
    }),
    badge: zSubmissionBadge.nullable().meta({ description: "Succeeded only: the model's badge for the task." }),
  })
  .meta({ id: "Submission" });
