// Training energy and emissions as the submitter reports them (never measured here, never ranked): from a
// CodeCarbon emissions.csv or typed in. Shown as *reported* everywhere, apart from the measured figures.
import { z } from "zod";

export const TRAINING_TYPES = ["pre-training", "fine-tuning"] as const;

/** The submission form's fields for typed figures, named as the API documents them (lib/api/schemas/submissions.ts). */
export const TRAINING_FIELDS = ["trainingEnergyKwh", "trainingEmissionsKg", "trainingHardware", "trainingDurationS", "trainingLocation", "trainingType", "trainingSource"] as const;

export const zTrainingEmissions = z
  .object({
    energyKwh: z.number().nonnegative().nullable(),
    emissionsKg: z.number().nonnegative().nullable(),
    hardware: z.string().max(200).nullable(),
    durationS: z.number().nonnegative().nullable(),
    location: z.string().max(100).nullable(),
    trainingType: z.enum(TRAINING_TYPES).nullable(),
    /** Where the figures come from, e.g. "CodeCarbon emissions.csv (3 runs)" or "reported by the submitter". */
    source: z.string().min(1).max(200),
  })
  .refine((t) => t.energyKwh !== null || t.emissionsKg !== null, { message: "Give the training energy (kWh), the emissions (kg CO2e), or both." })
  .meta({ id: "TrainingEmissions", description: "Reported by the submitter (e.g. from CodeCarbon); never measured here, never ranked." });

export type TrainingEmissions = z.infer<typeof zTrainingEmissions>;
