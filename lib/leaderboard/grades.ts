// Grades shown beside the figures (docs/architecture.md, "Ranking, grades, badges").
// - Energy class A–G: absolute and dated, from the task's own bounds, so it never moves when others submit.
// - Stars 1–5: relative to the board, as the AI Energy Score does (five equal slices of the range between the
//   board's least and most energy per inference), but the slices are equal on a log scale: on our boards energy
//   spans orders of magnitude (a linear model at ~1 µJ beside a CNN at ~50 µJ), and linear slices would give
//   every model but the costliest five stars.
import type { EnergyClasses } from "../../benchmarks/types";

export const ENERGY_CLASSES = ["A", "B", "C", "D", "E", "F", "G"] as const;
export type EnergyClass = (typeof ENERGY_CLASSES)[number];

/** How the stars divide the board's energy range (shown on the board and the methodology page). */
export const STARS_SCALE = "log" as const;

/** EU energy-label colours, A (dark green) to G (red); badge-maker picks dark or light text for each. */
export const ENERGY_CLASS_COLOURS: Record<EnergyClass, string> = {
  A: "#00a651",
  B: "#50b848",
  C: "#bed630",
  D: "#fff200",
  E: "#fdb913",
  F: "#f37021",
  G: "#ed1c24",
};

/** A ≤ upperBoundsUj[0] µJ, B ≤ [1], …, F ≤ [5], G above. Energy in J. */
export function energyClassOf(energyPerInferenceJ: number, classes: EnergyClasses): EnergyClass {
  const microjoules = energyPerInferenceJ * 1e6;
  const index = classes.upperBoundsUj.findIndex((bound) => microjoules <= bound);
  return ENERGY_CLASSES[index === -1 ? 6 : index];
}

/** "≤ 1 µJ", "1–3 µJ", …, "> 300 µJ": the µJ per inference a class covers. */
export function energyClassRange(energyClass: EnergyClass, classes: EnergyClasses): string {
  const index = ENERGY_CLASSES.indexOf(energyClass);
  const bounds = classes.upperBoundsUj;
  if (index === 0) return `≤ ${bounds[0]} µJ`;
  if (index === 6) return `> ${bounds[5]} µJ`;
  return `${bounds[index - 1]}–${bounds[index]} µJ`;
}

export interface EnergyRange {
  minJ: number;
  maxJ: number;
}

export function energyRangeOf(energiesJ: readonly number[]): EnergyRange | null {
  const usable = energiesJ.filter((e) => Number.isFinite(e) && e > 0);
  if (usable.length === 0) return null;
  return { minJ: Math.min(...usable), maxJ: Math.max(...usable) };
}

/**
 * Stars 1–5: the board's range [min, max] of energy per inference cut into five equal slices of log energy; the
 * cheapest slice gets 5 stars, the costliest 1. A slice's upper edge belongs to it (the maximum gets 1 star, the
 * minimum 5). A board whose entries all cost the same gives all of them 5 stars.
 */
export function starsFor(energyPerInferenceJ: number, range: EnergyRange): number {
  if (!(energyPerInferenceJ > 0) || range.maxJ <= range.minJ) return 5;
  const position = (Math.log(energyPerInferenceJ) - Math.log(range.minJ)) / (Math.log(range.maxJ) - Math.log(range.minJ));
  const clamped = Math.min(1, Math.max(0, position));
  // Slice 0 (5 stars) is [0, 0.2], slice 1 is (0.2, 0.4], …; the epsilon keeps an edge that floating point puts a
  // hair above 0.2 in the slice below it.
  const slice = Math.min(4, Math.max(0, Math.ceil(clamped * 5 - 1e-9) - 1));
  return 5 - slice;
}
