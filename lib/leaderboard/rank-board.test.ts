import { describe, expect, it } from "vitest";
import type { EnergyClasses } from "../../benchmarks/types";
import { accuracyPerJouleInterval, paretoFront, rankBoard, ranksBeyondUncertainty, type BoardCandidate } from "./rank-board";

const CLASSES: EnergyClasses = { dated: "2026-11-29", upperBoundsUj: [1, 3, 10, 30, 100, 300], reason: "test" };
const rules = (qualityFloor: number) => ({ qualityFloor, energyClasses: CLASSES });

/** An entry whose published interval is ±10 % unless given (null: none). */
function entry(
  slug: string,
  accuracy: number,
  energyPerInferenceJ: number,
  ci: [number, number] | null = [energyPerInferenceJ * 0.9, energyPerInferenceJ * 1.1],
): BoardCandidate {
  return {
    modelSlug: slug,
    modelName: slug,
    submissionId: `s-${slug}`,
    accuracy,
    macroF1: accuracy,
    energyPerInferenceJ,
    energyCi95J: ci,
    publishedCi95J: ci,
    accuracyPerJoule: accuracy / energyPerInferenceJ,
    modelMemoryBytes: 1,
    fileBytes: 1,
    paramCount: 1,
    latencyP50Ms: 1,
    offlineBatchSize: 256,
    batchFixed: false,
    meter: "estimate",
    estimated: true,
    unstable: false,
    finishedAt: "2026-11-29T00:00:00.000Z",
  };
}

describe("rankBoard", () => {
  it("ranks eligible entries by accuracy per joule, best first", () => {
    const board = rankBoard([entry("a", 0.95, 2e-6), entry("b", 0.98, 1e-6), entry("c", 0.92, 0.5e-6)], rules(0.9));
    expect(board.map((e) => [e.modelSlug, e.rank])).toEqual([
      ["c", 1],
      ["b", 2],
      ["a", 3],
    ]);
  });

  it("lists equal accuracy per joule by accuracy, and entries with the same figures share a rank", () => {
    const board = rankBoard(
      [entry("low", 0.9, 1e-6, null), entry("high", 0.99, 1.1e-6, null), entry("twin", 0.99, 1.1e-6, null)].map((e) =>
        e.modelSlug === "low" ? e : { ...e, accuracyPerJoule: 0.9 / 1e-6 },
      ),
      rules(0.5),
    );
    expect(board.map((e) => [e.modelSlug, e.rank, e.tied, e.rankDisplay])).toEqual([
      ["high", 1, true, "=1"],
      ["twin", 1, true, "=1"],
      ["low", 1, true, "=1"],
    ]);
  });

  it("lists entries below the floor apart, unranked, off the front and without stars, but with a class", () => {
    const board = rankBoard([entry("good", 0.95, 1e-6), entry("cheap-but-bad", 0.5, 1e-9)], rules(0.9));
    expect(board[0]).toMatchObject({ modelSlug: "good", rank: 1, eligible: true, pareto: true, stars: 5, energyClass: "A" });
    expect(board[1]).toMatchObject({ modelSlug: "cheap-but-bad", rank: null, eligible: false, pareto: false, stars: null, energyClass: "A" });
  });

  it("ranks an entry exactly at the floor", () => {
    const board = rankBoard([entry("at-floor", 0.9, 1e-6)], rules(0.9));
    expect(board[0]).toMatchObject({ rank: 1, eligible: true });
  });

  it("marks the Pareto front: no other entry is both more accurate and cheaper", () => {
    const board = rankBoard(
      [entry("cheap", 0.92, 1e-7), entry("accurate", 0.99, 5e-6), entry("dominated", 0.93, 6e-6), entry("mid", 0.97, 1e-6)],
      rules(0.9),
    );
    const front = Object.fromEntries(board.map((e) => [e.modelSlug, e.pareto]));
    expect(front).toEqual({ cheap: true, accurate: true, dominated: false, mid: true });
  });

  it("keeps below-floor entries from dominating ranked ones", () => {
    // "bad" is cheaper than everything but below the floor: the front is computed among eligible entries only.
    const board = rankBoard([entry("bad", 0.99, 1e-9), entry("ok", 0.95, 1e-6)].map((e) => (e.modelSlug === "bad" ? { ...e, accuracy: 0.5 } : e)), rules(0.9));
    expect(board.find((e) => e.modelSlug === "ok")?.pareto).toBe(true);
  });

  it("grades classes absolutely and stars relative to the ranked entries' range (log scale)", () => {
    // 1, 10, 100 µJ: log range split in five; 10 µJ sits at 0.5 → third slice → 3 stars.
    const board = rankBoard([entry("x", 0.95, 1e-6), entry("y", 0.95, 10e-6), entry("z", 0.95, 100e-6)], rules(0.9));
    expect(Object.fromEntries(board.map((e) => [e.modelSlug, [e.energyClass, e.stars]]))).toEqual({
      x: ["A", 5],
      y: ["C", 3],
      z: ["E", 1],
    });
  });

  it("returns an empty board for no candidates", () => {
    expect(rankBoard([], rules(0.9))).toEqual([]);
  });
});

/** An entry given by its accuracy-per-joule interval (J⁻¹), the energy interval derived: [accuracy / high, accuracy / low]. */
function byApj(slug: string, accuracy: number, apj: number, [low, high]: [number, number]): BoardCandidate {
  return entry(slug, accuracy, accuracy / apj, [accuracy / high, accuracy / low]);
}

const ranks = (board: ReturnType<typeof rankBoard>) => board.map((e) => [e.modelSlug, e.rankDisplay]);

describe("ranks with ties (1 + the entries better beyond the uncertainty)", () => {
  it("ties entries with equal figures, and counts both above the next", () => {
    const board = rankBoard([entry("a", 0.95, 1e-6, null), entry("b", 0.95, 1e-6, null), entry("c", 0.95, 2e-6, null)], rules(0.9));
    expect(board.map((e) => [e.modelSlug, e.rank, e.tied, e.rankDisplay])).toEqual([
      ["a", 1, true, "=1"],
      ["b", 1, true, "=1"],
      ["c", 3, false, "3"],
    ]);
  });

  it("ties twins whose intervals overlap (47 µJ, 95 % CI 46.0–49.3, and 50 µJ, 48.5–52.0)", () => {
    const board = rankBoard([entry("second", 0.98, 50e-6, [48.5e-6, 52e-6]), entry("first", 0.98, 47e-6, [46e-6, 49.3e-6])], rules(0.9));
    expect(ranks(board)).toEqual([
      ["first", "=1"],
      ["second", "=1"],
    ]);
  });

  it("does not tie entries whose intervals are apart (47.0 µJ, 46.0–49.3, and 63.1 µJ, 60.8–72.8)", () => {
    const board = rankBoard([entry("slow", 0.98, 63.1e-6, [60.8e-6, 72.8e-6]), entry("fast", 0.98, 47e-6, [46e-6, 49.3e-6])], rules(0.9));
    expect(board.map((e) => [e.modelSlug, e.rank, e.tied, e.rankDisplay])).toEqual([
      ["fast", 1, false, "1"],
      ["slow", 2, false, "2"],
    ]);
  });

  it("ranks a chain A > B > C where B overlaps both but A and C are apart: A =1, B =1, C 2", () => {
    // A [10, 12] and B [8, 10.5] overlap: nothing lies beyond either. C [6, 9] is beaten only by A (10 > 9).
    const board = rankBoard([byApj("c", 0.95, 7.5, [6, 9]), byApj("a", 0.95, 11, [10, 12]), byApj("b", 0.95, 9.25, [8, 10.5])], rules(0.9));
    expect(ranks(board)).toEqual([
      ["a", "=1"],
      ["b", "=1"],
      ["c", "2"],
    ]);
  });

  it("leaves an entry below the floor unranked and out of the counts, even when it sits between two", () => {
    // "x" [9.5, 9.8] lies beyond C [6, 9.2]; counted, it would push C to 3.
    const board = rankBoard([byApj("a", 0.95, 11, [10, 12]), byApj("x", 0.5, 9.6, [9.5, 9.8]), byApj("c", 0.95, 8, [6, 9.2])], rules(0.9));
    expect(board.map((e) => [e.modelSlug, e.rank, e.tied, e.rankDisplay])).toEqual([
      ["a", 1, false, "1"],
      ["c", 2, false, "2"],
      ["x", null, false, null],
    ]);
  });

  it("takes the point value for an entry without a published interval", () => {
    const point = (slug: string, apj: number) => ({ ...entry(slug, 0.95, 0.95 / apj, null) });
    // 10 lies inside [9, 11]: a tie; 12 lies above 11 and 8 below 9: apart.
    expect(ranks(rankBoard([point("p", 10), byApj("w", 0.95, 10, [9, 11])], rules(0.9)))).toEqual([
      ["p", "=1"],
      ["w", "=1"],
    ]);
    expect(ranks(rankBoard([point("p", 12), byApj("w", 0.95, 10, [9, 11]), point("q", 8)], rules(0.9)))).toEqual([
      ["p", "1"],
      ["w", "2"],
      ["q", "3"],
    ]);
    expect(ranks(rankBoard([point("p", 10), point("q", 10 * (1 - 1e-12))], rules(0.9)))).toEqual([
      ["p", "1"],
      ["q", "2"],
    ]);
  });

  it("keeps the order and the Pareto front of the figures; only the ranks follow the intervals", () => {
    // R [10.5, 11.5] lies beyond P's narrow [9.9, 10.1] but not beyond Q's wide [5, 20]: Q, listed last by its
    // figure, shares rank 1 with R, while P is 2. The list stays in order of accuracy per joule.
    const candidates = [byApj("q", 0.97, 9, [5, 20]), byApj("p", 0.95, 10, [9.9, 10.1]), byApj("r", 0.92, 11, [10.5, 11.5])];
    const board = rankBoard(candidates, rules(0.9));
    const withoutIntervals = rankBoard(candidates.map((c) => ({ ...c, publishedCi95J: null })), rules(0.9));
    expect(ranks(board)).toEqual([
      ["r", "=1"],
      ["p", "2"],
      ["q", "=1"],
    ]);
    expect(ranks(withoutIntervals)).toEqual([
      ["r", "1"],
      ["p", "2"],
      ["q", "3"],
    ]);
    expect(board.map((e) => [e.modelSlug, e.pareto])).toEqual(withoutIntervals.map((e) => [e.modelSlug, e.pareto]));
    expect(board.map((e) => e.pareto)).toEqual([true, true, true]);
  });
});

describe("accuracyPerJouleInterval", () => {
  it("is [accuracy / high, accuracy / low] of the published energy interval", () => {
    // Powers of two, so the divisions are exact.
    expect(accuracyPerJouleInterval({ accuracy: 0.5, accuracyPerJoule: 1, publishedCi95J: [0.25, 2] })).toEqual([0.25, 2]);
  });

  it("is unbounded above when the interval reaches 0 J, and the point when there is no usable interval", () => {
    expect(accuracyPerJouleInterval({ accuracy: 0.5, accuracyPerJoule: 1, publishedCi95J: [0, 2] })).toEqual([0.25, Number.POSITIVE_INFINITY]);
    for (const bad of [null, [2e-6, 1e-6], [-1, 0], [Number.NaN, 1e-6]] as const) {
      expect(accuracyPerJouleInterval({ accuracy: 0.9, accuracyPerJoule: 0.9e6, publishedCi95J: bad as [number, number] | null }), String(bad)).toEqual([0.9e6, 0.9e6]);
    }
  });
});

describe("ranksBeyondUncertainty", () => {
  it("agrees with the pairwise definition on random intervals, touching ends included", () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const intervals = Array.from({ length: 400 }, (): [number, number] => {
      const low = Math.round(random() * 60);
      return [low, low + Math.round(random() * 8)];
    });
    const expected = intervals.map(([, high]) => 1 + intervals.filter(([low]) => low > high).length);
    expect(ranksBeyondUncertainty(intervals)).toEqual(expected);
  });
});

describe("paretoFront", () => {
  it("keeps exact duplicates on the front and drops an equally cheap but less accurate entry", () => {
    const a = { accuracy: 0.95, energyPerInferenceJ: 1 };
    const twin = { accuracy: 0.95, energyPerInferenceJ: 1 };
    const worseSameCost = { accuracy: 0.9, energyPerInferenceJ: 1 };
    const sameAccuracyCostlier = { accuracy: 0.95, energyPerInferenceJ: 2 };
    const better = { accuracy: 0.99, energyPerInferenceJ: 3 };
    const front = paretoFront([a, twin, worseSameCost, sameAccuracyCostlier, better]);
    expect([a, twin, worseSameCost, sameAccuracyCostlier, better].map((e) => front.has(e))).toEqual([true, true, false, false, true]);
  });

  it("agrees with the pairwise definition on a random board", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const entries = Array.from({ length: 300 }, () => ({ accuracy: Math.round(random() * 50) / 50, energyPerInferenceJ: Math.round(random() * 40) + 1 }));
    const dominates = (a: (typeof entries)[0], b: (typeof entries)[0]) =>
      a.accuracy >= b.accuracy && a.energyPerInferenceJ <= b.energyPerInferenceJ && (a.accuracy > b.accuracy || a.energyPerInferenceJ < b.energyPerInferenceJ);
    const front = paretoFront(entries);
    for (const e of entries) expect(front.has(e)).toBe(!entries.some((o) => dominates(o, e)));
  });
});
