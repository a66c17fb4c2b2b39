// Every committed baseline, benchmarked by the harness as the seed would: the accuracy on the test split must be
// the one its README states. Needs FRUGAL_DATASET_MIRROR (CI: ../shared/datasets).
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runBenchmark } from "../../harness/run-benchmark";
import { listBaselines } from "../list-baselines";

// The test-split accuracies in baselines/README.md.
const README_ACCURACY: Record<string, string> = {
  "spoken-digits-fbank-linear": "0.8767",
  "spoken-digits-cnn-small": "0.9600",
  "spoken-digits-cnn": "0.9900",
};

describe("spoken-digits baselines", () => {
  const baselines = listBaselines("spoken-digits");

  it("are the three of the README, each at most 1 MB", () => {
    expect(baselines.map((b) => b.slug)).toEqual(Object.keys(README_ACCURACY));
    for (const baseline of baselines) expect(statSync(baseline.path).size).toBeLessThanOrEqual(1_000_000);
  });

  it.each(Object.entries(README_ACCURACY))("%s reaches its README accuracy %s through the harness", async (slug, accuracy) => {
    const baseline = baselines.find((b) => b.slug === slug)!;
    const result = await runBenchmark({ task: "spoken-digits", modelPath: baseline.path, windows: 3, windowS: 0.05, idleS: 0.05 });
    expect(result.samples).toBe(300);
    expect(result.accuracy.toFixed(4)).toBe(accuracy);
    expect(result.energyPerInferenceJ).toBeGreaterThan(0);
  });
});
