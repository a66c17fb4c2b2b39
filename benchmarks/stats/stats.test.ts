import { describe, expect, it } from "vitest";
import { accuracy, argmaxRows, macroF1 } from "./classification";
import { Reservoir } from "./reservoir";
import { coefficientOfVariation, confidenceInterval95, median, percentiles, summariseGroupedWindows, summariseWindows, tQuantile975 } from "./summary";

describe("summary statistics", () => {
  it("takes the median of odd and even lists", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow("empty");
  });

  it("gives the coefficient of variation as sample sd ÷ mean", () => {
    // mean 5, sample sd = sqrt(32/7) for [2,4,4,4,5,5,7,9]
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7) / 5, 12);
    expect(coefficientOfVariation([7])).toBe(0);
    expect(coefficientOfVariation([0, 0])).toBe(0);
  });

  it("builds a t-interval of the mean that holds the median", () => {
    // n = 5, mean 3, s = sqrt(2.5), t(0.975, 4) = 2.776
    const [lo, hi] = confidenceInterval95([1, 2, 3, 4, 5]);
    const half = (2.776 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(lo).toBe(Math.max(0, 3 - half));
    expect(hi).toBeCloseTo(3 + half, 12);
    expect(confidenceInterval95([10, 10.5, 9.5])[0]).toBeCloseTo(10 - (4.303 * 0.5) / Math.sqrt(3), 12);
    expect(confidenceInterval95([4])).toEqual([4, 4]);
    const skewed = confidenceInterval95([1, 1, 1, 1, 1000]);
    expect(skewed[0]).toBeLessThanOrEqual(1);
    expect(skewed[0]).toBeGreaterThanOrEqual(0);
  });

  it("uses the t table and then its expansion", () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(30)).toBe(2.042);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(1000)).toBeCloseTo(1.9623, 3);
    expect(() => tQuantile975(0)).toThrow("degrees of freedom");
  });

  it("interpolates percentiles as numpy does", () => {
    const values = Float64Array.from({ length: 10 }, (_, i) => 10 - i); // 10…1, unsorted on purpose
    expect(percentiles(values)).toEqual({ p50: 5.5, p90: 9.1, p95: expect.closeTo(9.55, 12) });
    expect(percentiles([7])).toEqual({ p50: 7, p90: 7, p95: 7 });
  });

  it("flags windows whose CV is above the limit", () => {
    expect(summariseWindows([1, 1.01, 0.99]).unstable).toBe(false);
    const loose = summariseWindows([1, 2, 3]);
    expect(loose.unstable).toBe(true);
    expect(loose.median).toBe(2);
  });
});

describe("windows from several processes", () => {
  it("takes the interval over the processes' means, not over windows as if independent", () => {
    // Two processes, each steady within itself but 10 % apart: the windows alone look tight, the processes do not.
    const values = [100, 101, 110, 111];
    const grouped = summariseGroupedWindows(values, [0, 0, 1, 1]);
    expect(grouped.median).toBe(105.5);
    // means 100.5 and 110.5: centre 105.5, sd 7.071, t(0.975, 1) = 12.706 → ± 63.53
    expect(grouped.ci95[0]).toBeCloseTo(105.5 - (12.706 * 7.0711) / Math.SQRT2, 2);
    expect(grouped.ci95[1]).toBeCloseTo(105.5 + (12.706 * 7.0711) / Math.SQRT2, 2);
    expect(grouped.ci95[1] - grouped.ci95[0]).toBeGreaterThan(summariseWindows(values).ci95[1] - summariseWindows(values).ci95[0]);
    expect(grouped.cv).toBeCloseTo(summariseWindows(values).cv, 12);
  });

  it("is the windows' own interval with one process, and never below 0", () => {
    expect(summariseGroupedWindows([1, 2, 3], [0, 0, 0])).toEqual(summariseWindows([1, 2, 3]));
    expect(summariseGroupedWindows([1, 1, 30, 30], [0, 0, 1, 1]).ci95[0]).toBe(0);
  });

  it("refuses labels that do not match the values", () => {
    expect(() => summariseGroupedWindows([1, 2], [0])).toThrow("2 values but 1 group labels");
  });
});

describe("classification metrics", () => {
  it("takes the argmax per row, ties to the lowest index", () => {
    const scores = new Float32Array([0.1, 0.7, 0.2, 5, 5, 1, -3, -2, -1]);
    expect(Array.from(argmaxRows(scores, 3))).toEqual([1, 0, 2]);
    expect(() => argmaxRows(new Float32Array(5), 3)).toThrow("rows of 3");
  });

  it("scores accuracy and macro-F1 on a known confusion", () => {
    const labels = [0, 0, 0, 1, 1, 2];
    const predictions = [0, 0, 1, 1, 2, 2];
    expect(accuracy(predictions, labels)).toBeCloseTo(4 / 6, 12);
    // class 0: tp 2 fp 0 fn 1 → 0.8; class 1: tp 1 fp 1 fn 1 → 0.5; class 2: tp 1 fp 1 fn 0 → 2/3
    expect(macroF1(predictions, labels, 3)).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
    // a class absent from labels and predictions does not count
    expect(macroF1(predictions, labels, 5)).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
    expect(macroF1([1, 1], [1, 1], 2)).toBe(1);
    expect(() => accuracy([1], [1, 2])).toThrow("1 predictions for 2 labels");
  });
});

describe("latency reservoir", () => {
  it("keeps everything until full, then a uniform sample of fixed size", () => {
    const small = new Reservoir(10);
    for (let i = 1; i <= 5; i++) small.add(i);
    expect(Array.from(small.sample())).toEqual([1, 2, 3, 4, 5]);
    expect(small.percentiles().p50).toBe(3);

    let state = 42; // a seeded generator (Numerical Recipes LCG) keeps the test deterministic
    const random = () => (state = (state * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
    const big = new Reservoir(1000, random);
    for (let i = 0; i < 100_000; i++) big.add(i);
    expect(big.count).toBe(100_000);
    expect(big.sample().length).toBe(1000);
    // the median of a uniform sample of 0…99,999 lands near 50,000
    expect(Math.abs(big.percentiles().p50 - 50_000)).toBeLessThan(6_000);
    expect(new Reservoir(4).percentiles()).toEqual({ p50: 0, p90: 0, p95: 0 });
  });
});
