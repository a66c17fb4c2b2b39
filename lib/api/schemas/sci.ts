// SCI per inference as the API serves it with a result: a conversion of the measured energy, with its assumptions.
import { z } from "zod";
import type { ResultSci } from "../../sci/sci-of-result";

export const zResultSci = z
  .object({
    perInferenceG: z.number().meta({ description: "SCI = (E × I + M) / R, R = one inference: g CO₂e per inference." }),
    perMillionG: z.number().meta({ description: "g CO₂e per million inferences." }),
    operationalG: z.number().meta({ description: "E × I, g CO₂e per inference." }),
    embodiedG: z.number().meta({ description: "M = TE × TR/EL × RR/ToR, g CO₂e per inference." }),
    energyKwh: z.number().meta({ description: "E, kWh per inference (measured, or estimated when `estimated`)." }),
    timePerInferenceS: z.number().meta({ description: "TR: 1 ÷ offline throughput, s." }),
    timeShare: z.number().meta({ description: "TR ÷ EL." }),
    resourceShare: z.number().meta({ description: "RR ÷ ToR: onnxruntime threads ÷ the machine's threads." }),
    assumptions: z.object({
      gridGPerKwh: z.number().meta({ description: "I, g CO₂e per kWh." }),
      embodiedKg: z.number().meta({ description: "TE, kg CO₂e of the whole machine." }),
      lifespanYears: z.number().meta({ description: "EL, years." }),
    }),
    assumptionsRecorded: z.boolean().meta({ description: "False when the worker stored no assumptions and the site's defaults were used." }),
    estimated: z.boolean(),
  })
  .meta({
    id: "Sci",
    description: "Software Carbon Intensity per inference (ISO/IEC 21031:2024): a conversion under stated assumptions, never ranked.",
  }) satisfies z.ZodType<ResultSci>;
