import { Tensor } from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { createMeter } from "../meters/create-meter";
import type { Meter, WindowUsage } from "../meters/meter";
import { Reservoir } from "../stats/reservoir";
import type { Batch } from "./batches";
import { measureIdle, measureWindow } from "./measure-window";

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin: CPU time the estimate meter turns into energy
  }
}

describe("measureWindow", () => {
  const samples = 30;
  const batches: Batch[] = [0, 10, 20].map((start) => ({ feeds: { x: new Tensor("float32", new Float32Array(10), [10, 1]) }, start, size: 10 }));

  it("times every call, runs whole passes, and ends at the first pass boundary after the window", async () => {
    let usage: WindowUsage | undefined;
    const meter: Meter = { kind: "estimate", estimated: true, details: {}, begin: () => (seen) => ((usage = seen), 42) };
    const latency = new Reservoir(10_000);
    const calls: Batch[] = [];
    const run = async (batch: Batch) => {
      calls.push(batch);
      busyFor(2);
    };

    const window = await measureWindow({ scenario: "offline", windowS: 0.05, batches, samples, run, meter, latency });

    const passes = window.inferences / samples;
    expect(Number.isInteger(passes) && passes >= 2).toBe(true);
    expect(calls).toEqual(Array.from({ length: passes }, () => batches).flat()); // in order, whole passes
    expect(latency.count).toBe(calls.length);
    const timings = [...latency.sample()];
    expect(Math.min(...timings)).toBeGreaterThanOrEqual(2);
    expect(window.wallS).toBeGreaterThanOrEqual(0.05);
    // Without its last pass the window was still short of 50 ms (a little slack for the loop's own steps).
    const lastPassMs = timings.slice(-batches.length).reduce((a, b) => a + b, 0);
    expect(window.wallS * 1000 - lastPassMs).toBeLessThan(50 + 1);
    expect(window.cpuS).toBeGreaterThan(0.03);
    expect(window.grossEnergyJ).toBe(42);
    expect(usage).toEqual({ wallS: window.wallS, cpuS: window.cpuS, meanRssBytes: window.meanRssBytes });
    expect(window.peakRssBytes).toBeGreaterThanOrEqual(window.meanRssBytes);
    expect(window.meanRssBytes).toBeGreaterThan(0);
  });
});

describe("measureIdle", () => {
  it("is not inflated by work still running when the idle window opens (the quietest slice counts)", async () => {
    const meter = createMeter("estimate", { tdpOverrideW: 100 });
    // 80 ms of CPU right after the window opens, inside its first slice (5 slices of 100 ms).
    setTimeout(() => busyFor(80), 5);
    const idle = await measureIdle(meter, 0.5);
    expect(idle.wallS).toBeGreaterThan(0.05);
    expect(idle.wallS).toBeLessThan(0.5);
    // A quiet slice: far less CPU than the burst; had the whole window counted, cpuS would be ≥ 0.08 s.
    expect(idle.cpuS).toBeLessThan(0.03);
  });
});
