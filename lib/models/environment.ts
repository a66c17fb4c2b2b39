// Environmental conversions shown on model pages (docs/architecture.md, "Environmental conversions"): what a million
// inferences cost in energy, CO₂e and water, each with the assumption that produced it. The energy is the model's
// own (offline scenario, idle power subtracted, no data-centre overhead: PUE 1).
export const J_PER_KWH = 3.6e6;

export interface EnvironmentAssumptions {
  /** Grid carbon intensity, g CO₂e per kWh. */
  gridGPerKwh: number;
  /** Water usage effectiveness, litres per kWh (on-site water of the data centre). */
  wueLPerKwh: number;
}

export const ASSUMPTION_SOURCES = {
  grid: "475 g CO₂e/kWh is the world average carbon intensity of electricity generation in 2018 (IEA, Global Energy & CO₂ Status Report 2019).",
  wue: "1.8 L/kWh is the average on-site water use of US data centres (Shehabi et al., United States Data Center Energy Usage Report, LBNL-1005775, 2016); water used to generate the electricity is not included.",
  energy: "Energy per inference is the model's own in the offline scenario (idle power subtracted), without data-centre overhead (PUE 1).",
} as const;

export interface EnvironmentFigures {
  inferences: number;
  energyJ: number;
  energyKwh: number;
  co2eG: number;
  waterL: number;
  assumptions: EnvironmentAssumptions;
  /** True when the energy comes from the estimate meter, and every figure derived from it is an estimate too. */
  estimated: boolean;
}

/** Energy, CO₂e (kWh × g/kWh) and water (kWh × L/kWh) of `inferences` inferences at energyPerInferenceJ each. */
export function environmentalFigures(
  energyPerInferenceJ: number,
  assumptions: EnvironmentAssumptions,
  estimated: boolean,
  inferences = 1_000_000,
): EnvironmentFigures {
  const energyJ = energyPerInferenceJ * inferences;
  const energyKwh = energyJ / J_PER_KWH;
  return {
    inferences,
    energyJ,
    energyKwh,
    co2eG: energyKwh * assumptions.gridGPerKwh,
    waterL: energyKwh * assumptions.wueLPerKwh,
    assumptions,
    estimated,
  };
}
