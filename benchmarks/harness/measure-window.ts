// One measured window (docs/architecture.md, "Measurement protocol" step 6): whole passes over the test set until
// at least windowS has passed, with the child's wall time, CPU time and resident memory over exactly that span.
import { performance } from "node:perf_hooks";
import { hrtime } from "node:process";
import { setTimeout as sleep } from "node:timers/promises";
import type { Meter } from "../meters/meter";
import type { Reservoir } from "../stats/reservoir";
import type { Scenario } from "../types";
import type { Batch } from "./batches";
import { currentRssBytes } from "./memory";
import type { RawWindow } from "./protocol";

/** RSS is sampled between passes, at most this often, so reading /proc costs the window next to nothing. */
const RSS_SAMPLE_INTERVAL_MS = 50;

/** Mean and peak of RSS samples taken over a window. */
class RssSampler {
  private sum = 0;
  private count = 0;
  peak = 0;

  sample(): void {
    const rss = currentRssBytes();
    this.sum += rss;
    this.count++;
    this.peak = Math.max(this.peak, rss);
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }
}

const secondsSince = (start: bigint) => Number(hrtime.bigint() - start) / 1e9;
/** process.cpuUsage covers every thread of this process (getrusage RUSAGE_SELF), onnxruntime's included; µs → s. */
export const cpuSecondsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

export interface WindowJob {
  scenario: Scenario;
  windowS: number;
  batches: Batch[];
  samples: number;
  run: (batch: Batch) => Promise<unknown>;
  meter: Meter;
  latency: Reservoir;
}

/**
 * The timed loop reads the clock twice per call and at no other time: the end of a pass is the end of its last
 * call. performance.now() (ms, sub-µs resolution) allocates nothing, where a bigint clock would feed the GC; a
 * 30-feature model takes under 20 µs a call, so each extra clock read or allocation per pass is a visible share
 * of it (npm run bench:harness compares this loop with a bare one).
 */
export async function measureWindow(job: WindowJob): Promise<RawWindow> {
  const { batches, run, latency } = job;
  const rss = new RssSampler();
  let inferences = 0;
  rss.sample(); // before the clocks start, so reading /proc is not timed
  const end = job.meter.begin();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const endAt = start + job.windowS * 1000;
  let sampledAt = start;
  let callEnd = start;
  do {
    for (const batch of batches) {
      const callStart = performance.now();
      await run(batch);
      callEnd = performance.now();
      latency.add(callEnd - callStart);
    }
    inferences += job.samples;
    if (callEnd - sampledAt >= RSS_SAMPLE_INTERVAL_MS) {
      rss.sample();
      sampledAt = callEnd;
    }
  } while (callEnd < endAt);
  const wallS = (performance.now() - start) / 1000;
  const cpuS = cpuSecondsSince(cpuStart);
  rss.sample();
  const grossEnergyJ = end({ wallS, cpuS, meanRssBytes: rss.mean });
  return { scenario: job.scenario, inferences, wallS, cpuS, meanRssBytes: rss.mean, peakRssBytes: rss.peak, grossEnergyJ };
}

/** The idle baseline is taken over this many equal slices, and the quietest one stands for idle power. */
const IDLE_SLICES = 5;

/**
 * The idle baseline (docs/architecture.md, "Measurement protocol" step 5): the same meter over the child doing
 * nothing, with the model loaded. Garbage collection and JIT threads can still be finishing the previous phase's
 * work when the window opens, which would inflate idle power and so shrink every net figure (to zero, in short
 * windows): the window is cut into slices and the slice with the lowest power is the idle baseline.
 */
export async function measureIdle(meter: Meter, idleS: number): Promise<{ wallS: number; cpuS: number; grossEnergyJ: number }> {
  let quietest: { wallS: number; cpuS: number; grossEnergyJ: number } | undefined;
  for (let slice = 0; slice < IDLE_SLICES; slice++) {
    const rss = new RssSampler();
    rss.sample();
    const end = meter.begin();
    const cpuStart = process.cpuUsage();
    const start = hrtime.bigint();
    await sleep((idleS * 1000) / IDLE_SLICES);
    const wallS = secondsSince(start);
    const cpuS = cpuSecondsSince(cpuStart);
    rss.sample();
    const measured = { wallS, cpuS, grossEnergyJ: end({ wallS, cpuS, meanRssBytes: rss.mean }) };
    if (!quietest || measured.grossEnergyJ / measured.wallS < quietest.grossEnergyJ / quietest.wallS) quietest = measured;
  }
  return quietest!;
}
