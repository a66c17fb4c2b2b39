// PLACEHOLDER until merged with the calibration branch's combination function.
import { coefficientOfVariation, tQuantile975 } from "../../benchmarks/stats/summary";

export interface Spread {
  cv: number;
  runs: number;
}

export function profileSpread(series: number[][]): Spread | null {
  const usable = series.filter((s) => s.length >= 3);
  if (usable.length === 0) return null;
  const cvs = usable.map((s) => coefficientOfVariation(s)).sort((a, b) => a - b);
  return { cv: cvs[cvs.length - 1], runs: Math.min(...usable.map((s) => s.length)) };
}

export function publishedInterval(energyJ: number, within: [number, number], spread: Spread | null): { interval: [number, number] } {
  if (!spread) return { interval: within };
  const b = tQuantile975(spread.runs - 1) * spread.cv;
  const wl = (energyJ - within[0]) / energyJ;
  const wh = (within[1] - energyJ) / energyJ;
  return { interval: [Math.max(0, energyJ * (1 - Math.hypot(wl, b))), energyJ * (1 + Math.hypot(wh, b))] };
}
