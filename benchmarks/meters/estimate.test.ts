import { describe, expect, it } from "vitest";
import { createEstimateMeter, estimateEnergyJ, MEMORY_W_PER_GB, wattsPerThread } from "./estimate";
import { netEnergyJ } from "./meter";

describe("estimate meter", () => {
  it("adds CPU seconds × W per thread and resident GB × 0.3725 W × seconds", () => {
    // 2 CPU s at 5 W/thread = 10 J; 0.5 GB × 0.3725 W × 4 s = 0.745 J
    expect(estimateEnergyJ({ cpuS: 2, wallS: 4, meanRssBytes: 0.5e9 }, 5)).toBeCloseTo(10.745, 12);
    expect(MEMORY_W_PER_GB).toBe(0.3725);
  });

  it("divides a known CPU's TDP by its package threads, not the threads a VM shows", () => {
    const power = wattsPerThread({ cpuModel: "AMD EPYC 7763 64-Core Processor", logicalThreads: 2 });
    expect(power).toMatchObject({ tdpW: 280, threads: 128, wattsPerThread: 280 / 128 });
    expect(power.tdpSource).toContain("EPYC 7763");
    expect(wattsPerThread({ cpuModel: "Intel(R) Core(TM) i9-9900K CPU @ 3.60GHz", logicalThreads: 16 }).wattsPerThread).toBe(95 / 16);
  });

  it("takes 4 W per thread for an unknown CPU", () => {
    const power = wattsPerThread({ cpuModel: "AMD EPYC", logicalThreads: 2 });
    expect(power).toEqual({ wattsPerThread: 4, tdpW: 8, threads: 2, tdpSource: "unknown CPU: 4 W per thread" });
    // "i7-8700" must not match the i7-8700K entry
    expect(wattsPerThread({ cpuModel: "Intel(R) Core(TM) i7-8700 CPU", logicalThreads: 12 }).wattsPerThread).toBe(4);
  });

  it("lets FRUGAL_CPU_TDP_W override the TDP", () => {
    expect(wattsPerThread({ cpuModel: "AMD EPYC", logicalThreads: 2, tdpOverrideW: 10 })).toEqual({
      wattsPerThread: 5,
      tdpW: 10,
      threads: 2,
      tdpSource: "FRUGAL_CPU_TDP_W",
    });
    expect(wattsPerThread({ cpuModel: "AMD EPYC 7763", logicalThreads: 2, tdpOverrideW: 256 }).wattsPerThread).toBe(2);
  });

  it("is labelled estimated and measures through begin()", () => {
    const meter = createEstimateMeter({ cpuModel: "mystery", logicalThreads: 4 });
    expect(meter).toMatchObject({ kind: "estimate", estimated: true });
    expect(meter.details).toMatchObject({ wattsPerThread: 4, tdpW: 16, memoryWPerGb: 0.3725 });
    expect(meter.begin()({ cpuS: 1, wallS: 1, meanRssBytes: 0 })).toBe(4);
  });

  it("subtracts idle power and never goes below zero", () => {
    expect(netEnergyJ(10, 2, 3)).toBe(4);
    expect(netEnergyJ(1, 2, 3)).toBe(0);
  });
});
