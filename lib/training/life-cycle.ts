// Training and inference together: the energy (or CO2e) of training plus N inferences, and the number of
// inferences at which inference overtakes training. Training figures are reported, inference ones measured:
// the two stay apart everywhere except in this sum, which says so.
import { J_PER_KWH } from "../models/environment";
import type { TrainingEmissions } from "./training-emissions";

export interface LifeCycle {
  /** Inferences whose energy equals the reported training energy; null without a training energy. */
  breakEvenByEnergy: number | null;
  /** Inferences whose SCI equals the reported training emissions; null without emissions or an SCI. */
  breakEvenByCarbon: number | null;
  /** Training + N inferences, kWh, for each N asked. */
  energyKwh: { inferences: number; trainingKwh: number; inferenceKwh: number }[];
}

export function lifeCycle(
  training: TrainingEmissions,
  energyPerInferenceJ: number,
  sciPerInferenceG: number | null,
  inferences: readonly number[] = [1e6, 1e9],
): LifeCycle {
  const trainingJ = training.energyKwh === null ? null : training.energyKwh * J_PER_KWH;
  return {
    breakEvenByEnergy: trainingJ === null || !(energyPerInferenceJ > 0) ? null : trainingJ / energyPerInferenceJ,
    breakEvenByCarbon: training.emissionsKg === null || !sciPerInferenceG ? null : (training.emissionsKg * 1_000) / sciPerInferenceG,
    energyKwh:
      training.energyKwh === null ? [] : inferences.map((n) => ({ inferences: n, trainingKwh: training.energyKwh ?? 0, inferenceKwh: (n * energyPerInferenceJ) / J_PER_KWH })),
  };
}
