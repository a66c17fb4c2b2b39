import { describe, expect, it } from "vitest";
import { createMeter } from "../meters/create-meter";
import { measureIdle } from "./measure-window";

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin: CPU time the estimate meter turns into energy
  }
}

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
