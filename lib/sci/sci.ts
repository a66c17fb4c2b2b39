// Software Carbon Intensity per inference (Green Software Foundation SCI, ISO/IEC 21031:2024):
//   SCI = (E × I + M) / R, R = 1 inference,
//   E = energy per inference (kWh), I = grid intensity (g CO2e/kWh),
//   M = TE × (TR / EL) × (RR / ToR): embodied emissions × time reserved ÷ expected lifespan × share of the machine.
// A conversion of the measured energy under stated assumptions, never a measurement and never ranked.
import { z } from "zod";
import { J_PER_KWH } from "../models/environment";

const S_PER_YEAR = 365.25 * 24 * 3600;

/** The worker's assumptions, stored with each result it measures (worker/settings.ts reads them). */
export const zSciAssumptions = z.object({
  gridGPerKwh: z.number().nonnegative(),
  embodiedKg: z.number().nonnegative(),
  lifespanYears: z.number().positive(),
});
export type SciAssumptions = z.infer<typeof zSciAssumptions>;

export const SCI_DEFAULTS: SciAssumptions = { gridGPerKwh: 475, embodiedKg: 1_000, lifespanYears: 4 };

export const SCI_SOURCES = {
  formula: "SCI = (E × I + M) / R with R = one inference (Green Software Foundation, Software Carbon Intensity, ISO/IEC 21031:2024).",
  grid: "I default 475 g CO₂e/kWh: world average carbon intensity of electricity generation in 2018 (IEA, Global Energy & CO₂ Status Report 2019).",
  embodied:
    "TE default 1,000 kg CO₂e: the embodied emissions Cloud Carbon Footprint's methodology takes for a base rack server (Dell PowerEdge R740, one CPU, 16 GB), " +
    "from Dell's product carbon footprint.",
  lifespan: "EL default 4 years: the server lifespan Cloud Carbon Footprint's methodology amortises embodied emissions over.",
  time: "TR: the wall time one inference reserves, 1 ÷ offline throughput as measured.",
  share: "RR / ToR: threads given to onnxruntime ÷ hardware threads of the machine.",
} as const;

export interface SciInputs {
  energyPerInferenceJ: number;
  /** Wall time one inference reserves the machine for, s. */
  timePerInferenceS: number;
  threadsReserved: number;
  threadsTotal: number;
}

export interface SciFigures {
  /** E × I, g CO2e per inference. */
  operationalG: number;
  /** M, g CO2e per inference. */
  embodiedG: number;
  /** SCI, g CO2e per inference. */
  perInferenceG: number;
  perMillionG: number;
  energyKwh: number;
  timeShare: number;
  resourceShare: number;
  assumptions: SciAssumptions;
}

export function sciPerInference(inputs: SciInputs, assumptions: SciAssumptions): SciFigures {
  const energyKwh = inputs.energyPerInferenceJ / J_PER_KWH;
  const operationalG = energyKwh * assumptions.gridGPerKwh;
  const timeShare = inputs.timePerInferenceS / (assumptions.lifespanYears * S_PER_YEAR);
  const resourceShare = Math.min(1, inputs.threadsReserved / inputs.threadsTotal);
  const embodiedG = assumptions.embodiedKg * 1_000 * timeShare * resourceShare;
  const perInferenceG = operationalG + embodiedG; // ÷ R, R = 1
  return { operationalG, embodiedG, perInferenceG, perMillionG: perInferenceG * 1e6, energyKwh, timeShare, resourceShare, assumptions };
}
