import { describe, expect, it } from "vitest";
import { createEstimateMeter } from "../meters/estimate";
import { DEFAULTS, resolveSettings } from "./defaults";

describe("harness settings", () => {
  it("uses the defaults with an empty environment", () => {
    const settings = resolveSettings({}, { FRUGAL_METER: "estimate" });
    expect(settings).toMatchObject({ windows: 8, maxWindows: 16, singleStreamWindows: 5, singleStreamMaxWindows: 10, windowProcesses: 4, batchProbeS: 2, offlineBatchSize: undefined, windowS: 2, idleS: 1, intraOpThreads: 1, timeLimitS: 600, memoryLimitMb: 2048, cvLimit: 0.05 });
    expect(settings).toMatchObject({ meter: "estimate", floorWindows: DEFAULTS.floorWindows, floorWindowS: 1, cpuTdpW: undefined });
    expect(DEFAULTS.windowS).toEqual({ estimate: 2, rapl: 10 });
  });

  it("takes the environment, and an explicit option over it", () => {
    const env = { FRUGAL_WINDOWS: "7", FRUGAL_WINDOW_S: "0.5", FRUGAL_IDLE_S: "2", FRUGAL_THREADS: "2", FRUGAL_TIME_LIMIT_S: "30", FRUGAL_MEMORY_LIMIT_MB: "512", FRUGAL_CPU_TDP_W: "65" };
    expect(resolveSettings({}, env)).toMatchObject({ windows: 7, windowS: 0.5, idleS: 2, intraOpThreads: 2, timeLimitS: 30, memoryLimitMb: 512, cpuTdpW: 65 });
    expect(resolveSettings({ windows: 3, intraOpThreads: 1 }, env)).toMatchObject({ windows: 3, intraOpThreads: 1 });
    expect(resolveSettings({ windows: 20 }, {}).maxWindows).toBe(20);
    expect(resolveSettings({}, { FRUGAL_CPU_TDP_W: "" }).cpuTdpW).toBeUndefined();
    // the batch probe is never longer than a window; the offline processes come from the environment too
    expect(resolveSettings({ windowS: 0.2 }, {}).batchProbeS).toBe(0.2);
    expect(resolveSettings({}, { FRUGAL_WINDOW_PROCESSES: "2", FRUGAL_BATCH_PROBE_S: "3" })).toMatchObject({ windowProcesses: 2, batchProbeS: 3 });
  });

  it("feeds FRUGAL_CPU_TDP_W to the estimate meter", () => {
    const { cpuTdpW } = resolveSettings({}, { FRUGAL_CPU_TDP_W: "12" });
    const meter = createEstimateMeter({ cpuModel: "unknown", logicalThreads: 4, tdpOverrideW: cpuTdpW });
    expect(meter.details).toMatchObject({ tdpW: 12, wattsPerThread: 3, tdpSource: "FRUGAL_CPU_TDP_W" });
  });

  it("names each bad variable and what it must be", () => {
    expect(() => resolveSettings({}, { FRUGAL_WINDOWS: "0", FRUGAL_CPU_TDP_W: "hot" })).toThrow(
      /FRUGAL_WINDOWS: must be at least 1; FRUGAL_CPU_TDP_W: must be a number above 0/,
    );
    expect(() => resolveSettings({}, { FRUGAL_THREADS: "1.5" })).toThrow("FRUGAL_THREADS: must be a whole number");
    expect(() => resolveSettings({}, { FRUGAL_WINDOW_PROCESSES: "17" })).toThrow("FRUGAL_WINDOW_PROCESSES: must be at most 16");
    expect(() => resolveSettings({ offlineBatchSize: 2.5 }, {})).toThrow("Benchmark option offlineBatchSize must be a whole number above 0, got 2.5.");
    expect(() => resolveSettings({ windowS: -1 }, {})).toThrow("Benchmark option windowS must be a number above 0, got -1.");
  });
});
