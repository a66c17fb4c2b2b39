import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { resolveDataset } from "../../datasets/resolve";
import { runBenchmark } from "../../harness/run-benchmark";
import { validateModel } from "../../onnx/validate";
import { BenchmarkError } from "../../types";
import { listBaselines } from "../list-baselines";
import { listTasks, requireTask } from "../catalog";
import { loadTaskDataset } from "../registry";
import { fashionMnistTask } from "./index";

const here = dirname(fileURLToPath(import.meta.url));

// Correct predictions of each baseline on the 10,000 test images, as baselines/README.md reports them.
const BASELINE_CORRECT: Record<string, number> = {
  "fashion-mnist-logreg": 8306,
  "fashion-mnist-mlp": 8798,
  "fashion-mnist-cnn": 8855,
};

describe("fashion-mnist task", () => {
  it("is registered with MNIST's contract", () => {
    expect(requireTask("fashion-mnist")).toBe(fashionMnistTask);
    expect(listTasks().map((task) => task.id)).toContain("fashion-mnist");
    expect(fashionMnistTask.contract).toEqual(requireTask("mnist").contract);
    expect(fashionMnistTask.qualityFloor).toBeGreaterThan(0.1); // every class is 10 % of the test set
  });

  it("resolves the committed test files, whose SHA-256 and size are the manifest's", async () => {
    const files = await resolveDataset(fashionMnistTask.dataset, { mirrorDir: "/nonexistent" });
    for (const file of fashionMnistTask.dataset.files) {
      expect(files[file.name]).toBe(join(here, "data", file.name));
      const bytes = await readFile(files[file.name]);
      expect(bytes.length).toBe(file.bytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
    }
  });

  it("without the committed copy, names the missing files and where to get them", async () => {
    const error = await resolveDataset(fashionMnistTask.dataset, { mirrorDir: "/nonexistent", skipBundled: true }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.code).toBe("dataset_missing");
    expect(error.message).toContain("t10k-images-idx3-ubyte (SHA-256 5b4141f0");
    expect(error.message).toContain("https://github.com/zalandoresearch/fashion-mnist");
    expect(error.message).toContain("<mirror>/fashion-mnist/");
  });

  it("loads the official test set: 10,000 images of pixel/255 and 1,000 of each class", async () => {
    const dataset = await loadTaskDataset(fashionMnistTask);
    expect(dataset.samples).toBe(10_000);
    expect(dataset.sampleSize).toBe(784);
    expect(dataset.inputs).toBeInstanceOf(Float32Array);
    let lowest = Infinity;
    let highest = -Infinity;
    for (const value of dataset.inputs as Float32Array) {
      lowest = Math.min(lowest, value);
      highest = Math.max(highest, value);
    }
    expect([lowest, highest]).toEqual([0, 1]);
    const counts = new Array<number>(10).fill(0);
    for (const label of dataset.labels) counts[label]++;
    expect(counts).toEqual(new Array<number>(10).fill(1_000));
    // ankle boot, pullover, trouser, trouser, shirt: the first test images of the official file
    expect(Array.from(dataset.labels.subarray(0, 5))).toEqual([9, 2, 1, 1, 6]);
  });

  it("refuses a model made for another task's contract, and takes an MNIST model (the same contract)", async () => {
    const breastCancer = await readFile(join(here, "..", "breast-cancer", "baselines", "breast-cancer-logreg.onnx"));
    let caught: unknown;
    try {
      validateModel(breastCancer, fashionMnistTask);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BenchmarkError);
    expect(caught).toMatchObject({ code: "invalid_model", rule: "input-shape" });
    expect((caught as Error).message).toContain("task fashion-mnist expects float32 [N,1,28,28]");

    const mnist = await readFile(join(here, "..", "mnist", "baselines", "mnist-logreg.onnx"));
    expect(validateModel(mnist, fashionMnistTask).inputName).toBe("input");
  });

  it("lists three baselines of at most 1 MB that pass validation", async () => {
    const baselines = listBaselines("fashion-mnist");
    expect(baselines.map((b) => b.slug).sort()).toEqual(Object.keys(BASELINE_CORRECT).sort());
    for (const baseline of baselines) {
      const bytes = await readFile(baseline.path);
      expect(bytes.length).toBeLessThanOrEqual(1_000_000);
      expect(validateModel(bytes, fashionMnistTask).batchFixedAtOne).toBe(false);
    }
  });

  // The harness reproduces each baseline's accuracy (tiny windows: the energy figures are not the point here).
  for (const [slug, correct] of Object.entries(BASELINE_CORRECT)) {
    it(`measures ${slug} at ${(correct / 100).toFixed(2)} % accuracy`, { timeout: 180_000 }, async () => {
      const result = await runBenchmark({
        task: "fashion-mnist",
        modelPath: join(here, "baselines", `${slug}.onnx`),
        windows: 3,
        windowS: 0.05,
        idleS: 0.05,
      });
      expect(result.samples).toBe(10_000);
      expect(result.accuracy).toBeCloseTo(correct / 10_000, 10);
    });
  }
});
