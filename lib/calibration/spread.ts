// How far a machine's figures repeat between runs, from the re-benchmarks of each task's reference baseline.
import { coefficientOfVariation, tQuantile975 } from "../../benchmarks/stats/summary";

/** Only the latest runs of a reference count, so the spread follows the machine as it is now. */
export const RUNS_KEPT = 10;
/** Fewer runs than this give no spread: a CV of two values says almost nothing. */
export const MIN_RUNS = 3;

export interface ReferenceRuns {
  taskId: string;
  /** Energy per inference of each run (J), oldest first. */
  energiesJ: number[];
  lastRunAt: Date;
}

export interface Repeatability {
  /** Between-run coefficient of variation (sample SD ÷ mean; 0.02 = 2 %). */
  spread: number;
  /** Runs behind that CV (the reference it came from, at most RUNS_KEPT). */
  runs: number;
  /** References with at least MIN_RUNS runs. */
  references: number;
  /** The 95 % between-run half-width as a fraction of a figure: t(0.975, runs − 1) × spread. */
  halfWidth95: number;
  lastRunAt: string;
}

/**
 * The profile's spread is the largest CV over the references, not their median: the references are few (one per
 * task) and the models ranked are often noisier than they are (issue 12: a CNN varies more than the MLP on the
 * same windows), so the bound taken is the worst one measured. Null until some reference has MIN_RUNS runs.
 */
export function betweenRunSpread(references: readonly ReferenceRuns[]): Repeatability | null {
  let worst: { cv: number; runs: number } | null = null;
  let counted = 0;
  let lastRunAt = 0;
  for (const reference of references) {
    const kept = reference.energiesJ.slice(-RUNS_KEPT);
    if (kept.length < MIN_RUNS) continue;
    counted++;
    lastRunAt = Math.max(lastRunAt, reference.lastRunAt.getTime());
    const cv = coefficientOfVariation(kept);
    if (!worst || cv > worst.cv) worst = { cv, runs: kept.length };
  }
  if (!worst) return null;
  return {
    spread: worst.cv,
    runs: worst.runs,
    references: counted,
    halfWidth95: tQuantile975(worst.runs - 1) * worst.cv,
    lastRunAt: new Date(lastRunAt).toISOString(),
  };
}
