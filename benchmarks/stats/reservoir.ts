// A fixed-size uniform sample of a stream (Vitter's Algorithm R, ACM TOMS 11(1), 1985), for latency percentiles:
// a window can make hundreds of thousands of calls, and the harness must not grow its memory while it measures.
import { percentiles, type Percentiles } from "./summary";

export class Reservoir {
  private readonly values: Float64Array;
  private seen = 0;

  constructor(capacity: number, private readonly random: () => number = Math.random) {
    // Written once now so its pages are resident before the baseline is taken, not during the windows.
    this.values = new Float64Array(capacity).fill(-1);
  }

  add(value: number): void {
    if (this.seen < this.values.length) this.values[this.seen] = value;
    else {
      const slot = Math.floor(this.random() * (this.seen + 1));
      if (slot < this.values.length) this.values[slot] = value;
    }
    this.seen++;
  }

  get count(): number {
    return this.seen;
  }

  sample(): Float64Array {
    return this.values.subarray(0, Math.min(this.seen, this.values.length));
  }

  /** Percentiles of the sample; zeros when nothing was recorded. */
  percentiles(): Percentiles {
    return this.seen === 0 ? { p50: 0, p90: 0, p95: 0 } : percentiles(this.sample());
  }
}
