// Every committed baseline, benchmarked by the harness as the seed would: the accuracy on the test split must be
// the one its README states. Needs FRUGAL_DATASET_MIRROR (CI: ../shared/datasets).
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runBenchmark } from "../../harness/run-benchmark";
import { listBaselines } from "../list-baselines";

// The test-split accuracies in baselines/README.md.
const README_ACCURACY: Record<string, string> = {
  "sms-spam-logreg-small": "0.9650",
  "sms-spam-logreg": "0.9776",
  "sms-spam-mlp": "0.9812",
};

describe("sms-spam baselines", () => {
  const baselines = listBaselines("sms-spam");

  it("are the three of the README, each at most 1 MB", () => {
    expect(baselines.map((b) => b.slug)).toEqual(Object.keys(README_ACCURACY));
    for (const baseline of baselines) expect(statSync(baseline.path).size).toBeLessThanOrEqual(1_000_000);
  });

  it.each(Object.entries(README_ACCURACY))("%s reaches its README accuracy %s through the harness", async (slug, accuracy) => {
    const baseline = baselines.find((b) => b.slug === slug)!;
    const result = await runBenchmark({ task: "sms-spam", modelPath: baseline.path, windows: 3, windowS: 0.05, idleS: 0.05 });
    expect(result.samples).toBe(1115);
    expect(result.accuracy.toFixed(4)).toBe(accuracy);
    expect(result.energyPerInferenceJ).toBeGreaterThan(0);
  });
});
