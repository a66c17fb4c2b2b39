// The meter contract: every energy figure of a result comes through one of these (docs/architecture.md,
// "Measurement protocol" step 7).
import type { MeterKind } from "../types";

/** What the harness measured over one window of the child process. */
export interface WindowUsage {
  wallS: number;
  /** User + system CPU seconds of the child, all its threads. */
  cpuS: number;
  /** Mean resident memory of the child over the window. */
  meanRssBytes: number;
}

export interface Meter {
  readonly kind: MeterKind;
  /** True when the figure is modelled rather than read from a counter; results must then say "estimated". */
  readonly estimated: boolean;
  /** The assumptions behind the figures, stored with each result (e.g. tdpW, wattsPerThread, tdpSource). */
  readonly details: Record<string, string | number>;
  /**
   * Starts a window. A counter meter (rapl) reads its counters here and again in the returned function;
   * the estimate meter needs only the usage. The returned function gives the window's gross energy in J.
   */
  begin(): (usage: WindowUsage) => number;
}

/**
 * Energy attributable to the model: gross − idle power × duration (J), never below 0 (docs/architecture.md,
 * "Measurement protocol" step 6).
 */
export function netEnergyJ(grossEnergyJ: number, idlePowerW: number, wallS: number): number {
  return Math.max(0, grossEnergyJ - idlePowerW * wallS);
}
