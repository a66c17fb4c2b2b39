// Summaries of repeated measurements: the per-window energy figures and the per-call latencies.
import { mean, median as ssMedian, quantileSorted, sampleStandardDeviation } from "simple-statistics";

/** Two-sided 95 % Student-t quantiles t(0.975, df) for df = 1…30 (any statistics table, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z975 = 1.959964;

/** t(0.975, df): the table up to 30, then the Cornish–Fisher expansion (Abramowitz & Stegun 26.7.5), within 1e-3 there. */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new Error(`degrees of freedom must be a positive integer, got ${df}`);
  if (df <= T975.length) return T975[df - 1];
  const z = Z975;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

function requireValues(values: ArrayLike<number>, what: string): void {
  if (values.length === 0) throw new Error(`${what} of an empty list`);
}

export function median(values: readonly number[]): number {
  requireValues(values, "median");
  return ssMedian(values as number[]);
}

/** Sample standard deviation ÷ mean (0.05 = 5 %); 0 for fewer than two values or a zero mean. */
export function coefficientOfVariation(values: readonly number[]): number {
  requireValues(values, "coefficient of variation");
  const m = mean(values as number[]);
  if (values.length < 2 || m === 0) return 0;
  return sampleStandardDeviation(values as number[]) / Math.abs(m);
}

/**
 * 95 % confidence interval of the window figures: a Student-t interval of their mean, mean ± t(0.975, n−1)·s/√n.
 * Why the mean's interval beside a median point estimate: with the usual 5 windows a distribution-free interval
 * for the median cannot reach 95 % (min…max covers only 1 − 2·0.5⁵ = 93.75 %). The interval is widened to
 * contain the median if it falls outside, and clipped at 0 because energy is never negative.
 * A single value gives [value, value].
 */
export function confidenceInterval95(values: readonly number[]): [number, number] {
  requireValues(values, "confidence interval");
  const mid = median(values);
  if (values.length < 2) return [values[0], values[0]];
  const m = mean(values as number[]);
  const halfWidth = (tQuantile975(values.length - 1) * sampleStandardDeviation(values as number[])) / Math.sqrt(values.length);
  return [Math.max(0, Math.min(m - halfWidth, mid)), Math.max(m + halfWidth, mid)];
}

export interface Percentiles {
  p50: number;
  p90: number;
  p95: number;
}

/** p50/p90/p95 interpolated linearly between order statistics (R type 7, numpy's default), as simple-statistics does. */
export function percentiles(values: ArrayLike<number>): Percentiles {
  requireValues(values, "percentiles");
  // A typed array sorts numerically and in place; quantileSorted only indexes it.
  const list = Float64Array.from(values).sort() as unknown as number[];
  return { p50: quantileSorted(list, 0.5), p90: quantileSorted(list, 0.9), p95: quantileSorted(list, 0.95) };
}

export interface WindowSummary {
  median: number;
  ci95: [number, number];
  cv: number;
  unstable: boolean;
}

/**
 * docs/architecture.md, "Measurement protocol" step 6: median, 95 % CI and CV of the per-window figures; unstable
 * when the CV stays above the limit.
 */
export function summariseWindows(values: readonly number[], cvLimit = 0.05): WindowSummary {
  const cv = coefficientOfVariation(values);
  return { median: median(values), ci95: confidenceInterval95(values), cv, unstable: cv > cvLimit };
}

/**
 * As summariseWindows, for windows measured in several processes (`groups[i]` is the process of `values[i]`).
 * Windows of one process share that process's own speed (its memory layout; measured: the same model in six
 * processes taking turns differed by up to 15 %), so they are not independent draws: the interval is a
 * Student-t interval of the processes' means, with processes − 1 degrees of freedom, widened to contain the
 * median and clipped at 0. With one process it is summariseWindows' interval.
 */
export function summariseGroupedWindows(values: readonly number[], groups: readonly number[], cvLimit = 0.05): WindowSummary {
  if (groups.length !== values.length) throw new Error(`${values.length} values but ${groups.length} group labels`);
  const summary = summariseWindows(values, cvLimit);
  const byGroup = new Map<number, number[]>();
  values.forEach((value, i) => byGroup.set(groups[i], [...(byGroup.get(groups[i]) ?? []), value]));
  if (byGroup.size < 2) return summary;
  const means = [...byGroup.values()].map((v) => mean(v));
  const centre = mean(means);
  const halfWidth = (tQuantile975(means.length - 1) * sampleStandardDeviation(means)) / Math.sqrt(means.length);
  return { ...summary, ci95: [Math.max(0, Math.min(centre - halfWidth, summary.median)), Math.max(centre + halfWidth, summary.median)] };
}
