import { describe, expect, it } from "vitest";
import { listTasks } from "../../benchmarks/tasks/catalog";
import { tasksToSeed } from "./seed-baselines";

describe("tasksToSeed", () => {
  it("seeds every task by default", () => {
    expect(tasksToSeed({}).map((t) => t.id)).toEqual(listTasks().map((t) => t.id));
  });

  it("limits the seed to FRUGAL_SEED_TASKS, and refuses an unknown id by name", () => {
    expect(tasksToSeed({ FRUGAL_SEED_TASKS: " mnist " }).map((t) => t.id)).toEqual(["mnist"]);
    expect(() => tasksToSeed({ FRUGAL_SEED_TASKS: "mnist,imagenet" })).toThrow("FRUGAL_SEED_TASKS names unknown task(s): imagenet.");
  });
});
