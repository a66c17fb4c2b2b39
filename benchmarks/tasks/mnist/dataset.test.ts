import { describe, expect, it } from "vitest";
import { listTasks, requireTask } from "../catalog";
import { loadTaskDataset } from "../registry";
import { mnistTask } from "./index";

describe("mnist task", () => {
  it("is registered with its contract", () => {
    expect(requireTask("mnist")).toBe(mnistTask);
    expect(listTasks().map((task) => task.id)).toContain("mnist");
    expect(mnistTask.contract.input.shape).toEqual([null, 1, 28, 28]);
    expect(() => requireTask("imagenet")).toThrow(/Unknown task "imagenet"; known tasks: mnist/);
  });

  it("loads the official test set: 10,000 images of pixel/255 and the known label counts", async () => {
    const dataset = await loadTaskDataset(mnistTask);
    expect(dataset.samples).toBe(10_000);
    expect(dataset.sampleSize).toBe(784);
    expect(dataset.inputs).toBeInstanceOf(Float32Array);
    const inputs = dataset.inputs as Float32Array;
    expect(inputs.length).toBe(10_000 * 784);
    let lowest = Infinity;
    let highest = -Infinity;
    for (const value of inputs) {
      lowest = Math.min(lowest, value);
      highest = Math.max(highest, value);
    }
    expect([lowest, highest]).toEqual([0, 1]);
    const counts = new Array<number>(10).fill(0);
    for (const label of dataset.labels) counts[label]++;
    expect(counts).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect(Array.from(dataset.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
  });
});
