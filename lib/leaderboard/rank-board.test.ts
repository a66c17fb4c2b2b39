import { describe, expect, it } from "vitest";
import { rankBoard, type BoardCandidate } from "./rank-board";

function entry(slug: string, accuracy: number, energyPerInferenceJ: number): BoardCandidate {
  return {
    modelSlug: slug,
    modelName: slug,
    submissionId: `s-${slug}`,
    accuracy,
    macroF1: accuracy,
    energyPerInferenceJ,
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
    const board = rankBoard([entry("a", 0.95, 2e-6), entry("b", 0.98, 1e-6), entry("c", 0.92, 0.5e-6)], 0.9);
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
      0.5,
    );
    expect(board.map((e) => [e.modelSlug, e.rank])).toEqual([
      ["high", 1],
      ["twin", 1],
      ["low", 3],
    ]);
  });

  it("lists entries below the floor apart, unranked and off the front", () => {
    const board = rankBoard([entry("good", 0.95, 1e-6), entry("cheap-but-bad", 0.5, 1e-9)], 0.9);
    expect(board[0]).toMatchObject({ modelSlug: "good", rank: 1, eligible: true, pareto: true });
    expect(board[1]).toMatchObject({ modelSlug: "cheap-but-bad", rank: null, eligible: false, pareto: false });
  });

  it("marks the Pareto front: no other entry is both more accurate and cheaper", () => {
    const board = rankBoard(
      [entry("cheap", 0.92, 1e-7), entry("accurate", 0.99, 5e-6), entry("dominated", 0.93, 6e-6), entry("mid", 0.97, 1e-6)],
      0.9,
    );
    const front = Object.fromEntries(board.map((e) => [e.modelSlug, e.pareto]));
    expect(front).toEqual({ cheap: true, accurate: true, dominated: false, mid: true });
  });

  it("returns an empty board for no candidates", () => {
    expect(rankBoard([], 0.9)).toEqual([]);
  });
});
