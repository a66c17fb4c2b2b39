import { describe, expect, it } from "vitest";
import { betweenRunSpread, RUNS_KEPT } from "./spread";

const at = (iso: string) => new Date(iso);

describe("betweenRunSpread", () => {
  it("is null until some reference has three runs", () => {
    expect(betweenRunSpread([])).toBeNull();
    expect(betweenRunSpread([{ taskId: "mnist", energiesJ: [1e-6, 1.1e-6], lastRunAt: at("2026-12-01T09:00:00Z") }])).toBeNull();
  });

  it("takes the largest CV, its run count for t, and the latest run of the references counted", () => {
    const spread = betweenRunSpread([
      // mean 2, sample SD √(2/3) → CV 0.408 (4 runs, t(0.975, 3) = 3.182)
      { taskId: "a", energiesJ: [1, 2, 3, 2].map((v) => v * 1e-6), lastRunAt: at("2026-12-01T08:00:00Z") },
      // mean 10, SD 1 → CV 0.1
      { taskId: "b", energiesJ: [9, 10, 11].map((v) => v * 1e-6), lastRunAt: at("2026-12-01T09:30:00Z") },
      // too few runs: neither counted nor dated
      { taskId: "c", energiesJ: [1e-6, 5e-6], lastRunAt: at("2026-12-01T10:00:00Z") },
    ]);
    expect(spread).not.toBeNull();
    expect(spread!.spread).toBeCloseTo(Math.sqrt(2 / 3) / 2, 12);
    expect(spread!.runs).toBe(4);
    expect(spread!.references).toBe(2);
    expect(spread!.halfWidth95).toBeCloseTo(3.182 * (Math.sqrt(2 / 3) / 2), 12);
    expect(spread!.lastRunAt).toBe("2026-12-01T09:30:00.000Z");
  });

  it("uses only the latest runs of a reference", () => {
    // An old outlier followed by RUNS_KEPT identical runs: the outlier no longer counts.
    const energiesJ = [100e-6, ...Array.from({ length: RUNS_KEPT }, () => 1e-6)];
    const spread = betweenRunSpread([{ taskId: "mnist", energiesJ, lastRunAt: at("2026-12-01T09:00:00Z") }]);
    expect(spread).toMatchObject({ spread: 0, runs: RUNS_KEPT, references: 1, halfWidth95: 0 });
  });
});
