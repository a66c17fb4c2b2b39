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
import { parseBreastCancerCsv } from "./dataset";
import { BREAST_CANCER_FEATURES, breastCancerTask } from "./index";

const here = dirname(fileURLToPath(import.meta.url));

// Correct predictions of each baseline on the 114 test rows, as baselines/README.md reports them.
const BASELINE_CORRECT: Record<string, number> = {
  "breast-cancer-logreg": 109,
  "breast-cancer-mlp": 108,
  "breast-cancer-mlp-deep": 108,
};

function refusalOf(text: string): string {
  try {
    parseBreastCancerCsv(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the CSV was accepted");
}

describe("breast-cancer task", () => {
  it("is registered with its contract", () => {
    expect(requireTask("breast-cancer")).toBe(breastCancerTask);
    expect(listTasks().map((task) => task.id)).toContain("breast-cancer");
    expect(breastCancerTask.contract).toEqual({
      input: { elemType: "float32", shape: [null, 30] },
      output: { elemType: "float32", shape: [null, 2] },
    });
    expect(BREAST_CANCER_FEATURES).toHaveLength(30);
    expect([BREAST_CANCER_FEATURES[0], BREAST_CANCER_FEATURES[10], BREAST_CANCER_FEATURES[29]]).toEqual([
      "radius (mean)",
      "radius (standard error)",
      "fractal dimension (worst)",
    ]);
    expect(breastCancerTask.qualityFloor).toBeGreaterThan(74 / 114); // the majority class, benign
  });

  it("resolves the committed CSV, whose SHA-256 and size are the manifest's", async () => {
    const files = await resolveDataset(breastCancerTask.dataset, { mirrorDir: "/nonexistent" });
    const [file] = breastCancerTask.dataset.files;
    expect(files[file.name]).toBe(join(here, "data", file.name));
    const bytes = await readFile(files[file.name]);
    expect(bytes.length).toBe(file.bytes);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
  });

  it("without the committed copy, names the missing file and where to get it", async () => {
    const error = await resolveDataset(breastCancerTask.dataset, { mirrorDir: "/nonexistent", skipBundled: true }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.code).toBe("dataset_missing");
    expect(error.message).toContain("breast_cancer.csv (SHA-256 fed3eb72");
    expect(error.message).toContain("<mirror>/breast-cancer/");
  });

  it("loads the test rows (i % 5 == 0): 114 cases, 40 malignant and 74 benign, raw values in file order", async () => {
    const dataset = await loadTaskDataset(breastCancerTask);
    expect(dataset.samples).toBe(114);
    expect(dataset.sampleSize).toBe(30);
    expect(dataset.inputs).toBeInstanceOf(Float32Array);
    const inputs = dataset.inputs as Float32Array;
    const counts = [0, 0];
    for (const label of dataset.labels) counts[label]++;
    expect(counts).toEqual([40, 74]);
    // Test rows 0, 1 and 113 are data rows 0, 5 and 565 of the file, as they stand there.
    const csv = (await readFile(join(here, "data", "breast_cancer.csv"), "utf8")).trim().split("\n");
    for (const [testRow, dataRow] of [[0, 0], [1, 5], [113, 565]]) {
      const fields = csv[1 + dataRow].split(",");
      expect(Array.from(inputs.subarray(testRow * 30, testRow * 30 + 30))).toEqual(fields.slice(0, 30).map((v) => Math.fround(Number(v))));
      expect(dataset.labels[testRow]).toBe(Number(fields[30]));
    }
    expect(inputs[0]).toBeCloseTo(17.99, 5); // mean radius of the first case, not standardised
  });

  it("refuses a CSV that is not the expected file, saying what is wrong", () => {
    const row = `${Array.from({ length: 30 }, () => "1.5").join(",")},1`;
    expect(() => parseBreastCancerCsv(`1,30,malignant,benign\n${row}\n`)).not.toThrow();
    expect(refusalOf(`1,30,benign,malignant\n${row}\n`)).toBe(
      'breast_cancer.csv starts with "1,30,benign,malignant", expected "<rows>,30,malignant,benign"',
    );
    expect(refusalOf(`1,29,malignant,benign\n${row}\n`)).toContain("expected \"<rows>,30,malignant,benign\"");
    expect(refusalOf(`2,30,malignant,benign\n${row}\n`)).toBe("breast_cancer.csv holds 1 data rows, its header says 2");
    expect(refusalOf(`1,30,malignant,benign\n1.5,${row}\n`)).toBe("breast_cancer.csv data row 0 has 32 fields, expected 31");
    expect(refusalOf(`1,30,malignant,benign\nx${row}\n`)).toBe('breast_cancer.csv data row 0 field 0 is "x1.5", not a number');
    expect(refusalOf(`1,30,malignant,benign\n,${row.slice(4)}\n`)).toBe('breast_cancer.csv data row 0 field 0 is "", not a number');
    expect(refusalOf(`1,30,malignant,benign\n${row.slice(0, -1)}2\n`)).toBe('breast_cancer.csv data row 0 has target "2", expected 0 or 1');
  });

  it("refuses a model of another task: an MNIST model has the wrong input shape", async () => {
    const mnist = await readFile(join(here, "..", "mnist", "baselines", "mnist-logreg.onnx"));
    let caught: unknown;
    try {
      validateModel(mnist, breastCancerTask);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BenchmarkError);
    expect(caught).toMatchObject({ code: "invalid_model", rule: "input-shape" });
    expect((caught as Error).message).toContain("task breast-cancer expects float32 [N,30]");
  });

  it("lists three baselines of at most 1 MB that pass validation", async () => {
    const baselines = listBaselines("breast-cancer");
    expect(baselines.map((b) => b.slug).sort()).toEqual(Object.keys(BASELINE_CORRECT).sort());
    for (const baseline of baselines) {
      const bytes = await readFile(baseline.path);
      expect(bytes.length).toBeLessThanOrEqual(1_000_000);
      expect(validateModel(bytes, breastCancerTask).batchFixedAtOne).toBe(false);
    }
  });

  // The harness reproduces each baseline's accuracy (tiny windows: the energy figures are not the point here).
  for (const [slug, correct] of Object.entries(BASELINE_CORRECT)) {
    it(`measures ${slug} at ${correct} of 114 correct`, { timeout: 120_000 }, async () => {
      const result = await runBenchmark({
        task: "breast-cancer",
        modelPath: join(here, "baselines", `${slug}.onnx`),
        windows: 3,
        windowS: 0.05,
        idleS: 0.05,
      });
      expect(result.samples).toBe(114);
      expect(result.accuracy).toBeCloseTo(correct / 114, 10);
    });
  }
});
