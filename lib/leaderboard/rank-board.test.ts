import { describe, expect, it } from "vitest";
import type { EnergyClasses } from "../../benchmarks/types";
import { paretoFront, rankBoard, type BoardCandidate } from "./rank-board";

const CLASSES: EnergyClasses = { dated: "2026-11-29", upperBoundsUj: [1, 3, 10, 30, 100, 300], reason: "test" };
const rules = (qualityFloor: number) => ({ qualityFloor, energyClasses: CLASSES });

function entry(slug: string, accuracy: number, energyPerInferenceJ: number): BoardCandidate {
  return {
    modelSlug: slug,
    modelName: slug,
    submissionId: `s-${slug}`,
    accuracy,
    macroF1: accuracy,
    energyPerInferenceJ,
    energyCi95J: [energyPerInferenceJ * 0.9, energyPerInferenceJ * 1.1],
    accuracyPerJoule: accuracy / energyPerInferenceJ,
    modelMemoryBytes: 1,
    fileBytes: 1,
    paramCount: 1,
    latencyP50Ms: 1,
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

  it("breaks ties of accuracy per joule by accuracy, and shares a rank when both are equal", () => {
    const board = rankBoard(
      [entry("low", 0.9, 1e-6), entry("high", 0.99, 1.1e-6), entry("twin", 0.99, 1.1e-6)].map((e) =>
        e.modelSlug === "low" ? e : { ...e, accuracyPerJoule: 0.9 / 1e-6 },
      ),
      rules(0.5),
    );
    expect(board.map((e) => [e.modelSlug, e.rank])).toEqual([
      ["high", 1],
      ["twin", 1],
      ["low", 3],
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
