// SCI of a stored result: its measured energy and offline throughput, its machine's thread share, and the
// assumptions its worker stored with it (older results, written before workers stored them, get the defaults and
// say so).
import type { BenchmarkResult } from "../../benchmarks/types";
import { SCI_DEFAULTS, sciPerInference, zSciAssumptions, type SciFigures } from "./sci";

export interface ResultSci extends SciFigures {
  /** False when the worker stored no assumptions and the defaults were used. */
  assumptionsRecorded: boolean;
  timePerInferenceS: number;
  /** True when the energy comes from the estimate meter. */
  estimated: boolean;
}

export function sciOfResult(
  raw: Pick<BenchmarkResult, "energyPerInferenceJ" | "throughputPerS" | "intraOpThreads" | "estimated"> & { offline?: { throughputPerS?: number } },
  threadsTotal: number,
  stored: unknown,
): ResultSci | null {
  const throughput = raw.offline?.throughputPerS ?? raw.throughputPerS;
  if (!(throughput > 0) || !(threadsTotal > 0)) return null;
  const parsed = zSciAssumptions.safeParse(stored);
  const timePerInferenceS = 1 / throughput;
  const figures = sciPerInference(
    { energyPerInferenceJ: raw.energyPerInferenceJ, timePerInferenceS, threadsReserved: raw.intraOpThreads ?? 1, threadsTotal },
    parsed.success ? parsed.data : SCI_DEFAULTS,
  );
  return { ...figures, assumptionsRecorded: parsed.success, timePerInferenceS, estimated: raw.estimated };
}
