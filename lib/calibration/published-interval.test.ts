import { describe, expect, it } from "vitest";
import { publishedInterval } from "./published-interval";

describe("publishedInterval", () => {
  it("combines each side of the within-run interval with the between-run half-width in quadrature", () => {
    // E = 100 µJ, within-run −3 % / +4 %, between runs ±4 %: low side √(3² + 4²) = 5 %, high side √(4² + 4²) = 5.657 %.
    const { ci95J, withinRunOnly } = publishedInterval(100e-6, [97e-6, 104e-6], 0.04);
    expect(withinRunOnly).toBe(false);
    expect(ci95J?.[0]).toBeCloseTo(95e-6, 12);
    expect(ci95J?.[1]).toBeCloseTo(100e-6 * (1 + Math.sqrt(0.0032)), 12);
    expect(ci95J?.[1]).toBeCloseTo(105.657e-6, 9);
  });

  it("is never narrower than the within-run interval, and equals it when the spread is 0", () => {
    const within: [number, number] = [90e-6, 120e-6];
    expect(publishedInterval(100e-6, within, 0).ci95J).toEqual(within.map((v) => expect.closeTo(v, 15)));
    const wider = publishedInterval(100e-6, within, 0.01).ci95J!;
    expect(wider[0]).toBeLessThan(within[0]);
    expect(wider[1]).toBeGreaterThan(within[1]);
  });

  it("without a measured spread, publishes the within-run interval and flags it", () => {
    expect(publishedInterval(100e-6, [97e-6, 104e-6], null)).toEqual({ ci95J: [97e-6, 104e-6], withinRunOnly: true });
    expect(publishedInterval(100e-6, null, null)).toEqual({ ci95J: null, withinRunOnly: true });
  });

  it("clips the low end at 0 when the combined half-width passes 100 %", () => {
    const { ci95J } = publishedInterval(10e-6, [2e-6, 11e-6], 0.8);
    expect(ci95J?.[0]).toBe(0);
    expect(ci95J?.[1]).toBeCloseTo(10e-6 * (1 + Math.hypot(0.1, 0.8)), 15);
  });

  it("a result stored without a within-run interval gets the between-run half-width alone", () => {
    const { ci95J } = publishedInterval(50e-6, null, 0.1);
    expect(ci95J?.[0]).toBeCloseTo(45e-6, 15);
    expect(ci95J?.[1]).toBeCloseTo(55e-6, 15);
  });
});
