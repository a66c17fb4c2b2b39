// The interval a figure is published with: its own run's interval widened by how far runs on its machine repeat.

export interface PublishedInterval {
  /** [low, high] in J; null when there is neither a within-run interval nor a measured spread. */
  ci95J: [number, number] | null;
  /** True when no between-run spread was measured: the interval covers the windows of one run only. */
  withinRunOnly: boolean;
}

/**
 * Relative half-widths combined in quadrature (independent errors add in variance, GUM JCGM 100:2008 §5.1.2):
 * low = E·(1 − √(wl² + b²)) clipped at 0, high = E·(1 + √(wh² + b²)), where wl and wh are the within-run
 * interval's lower and upper sides relative to E (it need not be symmetric), and b is the between-run 95 %
 * half-width relative to a figure. A result stored without a within-run interval counts as wl = wh = 0.
 * E is positive (the result schema refuses anything else).
 */
export function publishedInterval(energyJ: number, withinCi95J: readonly [number, number] | null, betweenHalfWidth95: number | null): PublishedInterval {
  if (betweenHalfWidth95 === null) return { ci95J: withinCi95J ? [withinCi95J[0], withinCi95J[1]] : null, withinRunOnly: true };
  const lowSide = withinCi95J ? Math.max(0, (energyJ - withinCi95J[0]) / energyJ) : 0;
  const highSide = withinCi95J ? Math.max(0, (withinCi95J[1] - energyJ) / energyJ) : 0;
  const b = betweenHalfWidth95;
  return {
    ci95J: [Math.max(0, energyJ * (1 - Math.hypot(lowSide, b))), energyJ * (1 + Math.hypot(highSide, b))],
    withinRunOnly: false,
  };
}
