import { describe, expect, it } from "vitest";
import { boardApiPath, boardPath, isBoardPathKey, isDefaultBoard } from "./board-url";

const measured = { hardwareProfileId: "3f9a0c4d2b1e7a65", meter: "rapl" };
const estimated = { hardwareProfileId: "3f9a0c4d2b1e7a65", meter: "estimate" };
const profiles = [measured, estimated];

describe("a board's addresses", () => {
  it("gives the default board (the first profile) the short page address, the others theirs", () => {
    expect(isDefaultBoard(profiles, measured)).toBe(true);
    expect(isDefaultBoard(profiles, estimated)).toBe(false);
    expect(isDefaultBoard([], measured)).toBe(false);
    expect(boardPath("mnist", profiles, measured)).toBe("/tasks/mnist");
    expect(boardPath("mnist", profiles, estimated)).toBe("/tasks/mnist/3f9a0c4d2b1e7a65/estimate");
    expect(boardPath("mnist", profiles, { hardwareProfileId: "a b", meter: "rapl" })).toBe("/tasks/mnist/a%20b/rapl");
  });

  it("asks the API for the same board, in the format asked for", () => {
    expect(boardApiPath("mnist", null)).toBe("/api/v1/leaderboard?task=mnist");
    expect(boardApiPath("mnist", estimated)).toBe("/api/v1/leaderboard?task=mnist&hardware=3f9a0c4d2b1e7a65&meter=estimate");
    expect(boardApiPath("mnist", estimated, "csv")).toBe("/api/v1/leaderboard?task=mnist&hardware=3f9a0c4d2b1e7a65&meter=estimate&format=csv");
  });

  it("accepts only the shapes a board's path can have", () => {
    expect(isBoardPathKey("3f9a0c4d2b1e7a65", "rapl")).toBe(true);
    expect(isBoardPathKey("../etc", "rapl")).toBe(false);
    expect(isBoardPathKey("3f9a0c4d2b1e7a65", "RAPL")).toBe(false);
    expect(isBoardPathKey("x".repeat(65), "rapl")).toBe(false);
  });
});
