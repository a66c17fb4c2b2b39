import { describe, expect, it } from "vitest";
import type { EnergyClasses } from "../../benchmarks/types";
import { energyClassOf, energyClassRange, energyRangeOf, starsFor } from "./grades";

const CLASSES: EnergyClasses = { dated: "2026-11-29", upperBoundsUj: [1, 3, 10, 30, 100, 300], reason: "test" };

describe("energy classes", () => {
  it("maps µJ per inference to A–G with each upper bound inside its class", () => {
    const cases: [number, string][] = [
      [0.2, "A"],
      [1, "A"],
      [1.0001, "B"],
      [3, "B"],
      [9.9, "C"],
      [30, "D"],
      [31, "E"],
      [100, "E"],
      [300, "F"],
      [300.1, "G"],
      [1e6, "G"],
    ];
    for (const [uj, expected] of cases) expect([uj, energyClassOf(uj * 1e-6, CLASSES)]).toEqual([uj, expected]);
  });

  it("does not depend on other entries (absolute)", () => {
    expect(energyClassOf(38e-6, CLASSES)).toBe("E");
  });

  it("describes the µJ range of each class", () => {
    expect(energyClassRange("A", CLASSES)).toBe("≤ 1 µJ");
    expect(energyClassRange("C", CLASSES)).toBe("3–10 µJ");
    expect(energyClassRange("G", CLASSES)).toBe("> 300 µJ");
  });
});

describe("stars", () => {
  const range = { minJ: 1e-6, maxJ: 1e-1 }; // five decades: one star per decade

  it("gives 5 stars to the cheapest and 1 to the costliest", () => {
    expect(starsFor(1e-6, range)).toBe(5);
    expect(starsFor(1e-1, range)).toBe(1);
  });

  it("cuts the log range in five equal slices, each upper edge in its own slice", () => {
    expect(starsFor(1e-5, range)).toBe(5); // exactly the first edge
    expect(starsFor(1.01e-5, range)).toBe(4);
    expect(starsFor(1e-4, range)).toBe(4);
    expect(starsFor(5e-4, range)).toBe(3);
    expect(starsFor(1e-3, range)).toBe(3);
    expect(starsFor(5e-3, range)).toBe(2);
    expect(starsFor(5e-2, range)).toBe(1);
  });

  it("gives every entry 5 stars when the board has one energy figure", () => {
    expect(starsFor(2e-6, { minJ: 2e-6, maxJ: 2e-6 })).toBe(5);
  });

  it("clamps figures outside the range", () => {
    expect(starsFor(1e-9, range)).toBe(5);
    expect(starsFor(10, range)).toBe(1);
  });

  it("finds the range of positive figures only", () => {
    expect(energyRangeOf([3, 0, 1, Number.NaN, 2])).toEqual({ minJ: 1, maxJ: 3 });
    expect(energyRangeOf([])).toBeNull();
  });
});
