import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HOSTILE_TEXT } from "../testing/hostile-text";
import type { TrainingEmissions } from "../training/training-emissions";
import { modelCardFrontMatter, modelCardSnippet, type ModelCardInput } from "./model-card";

const training: TrainingEmissions = {
  energyKwh: 0.42,
  emissionsKg: 0.1234,
  hardware: "1 x NVIDIA T4",
  durationS: 3600,
  location: "France",
  trainingType: "fine-tuning",
  source: "CodeCarbon emissions.csv (2 runs)",
};

const input: ModelCardInput = {
  modelName: "MNIST CNN",
  taskTitle: "MNIST",
  accuracy: 0.9791,
  energyPerInferenceJ: 38.24e-6,
  energyCi95J: [37.1e-6, 39.4e-6],
  estimated: false,
  meter: "rapl",
  hardware: "AMD EPYC 7B13 (profile 3f9a0c4d2b1e7a65)",
  resultUrl: "https://frugal.example/results/r1",
  badgeMarkdown: "[![frugalboard](https://frugal.example/badge/m/mnist.svg?result=r1)](https://frugal.example/results/r1)",
  training,
};

function frontMatterOf(snippet: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(snippet);
  expect(match, "the snippet starts with YAML front matter").not.toBeNull();
  return parse(match![1]);
}

describe("model-card snippet", () => {
  it("writes co2_eq_emissions with Hugging Face's field names, emissions in grams", () => {
    expect(frontMatterOf(modelCardSnippet(input))).toEqual({
      co2_eq_emissions: {
        emissions: 123.4,
        source: "CodeCarbon emissions.csv (2 runs)",
        training_type: "fine-tuning",
        geographical_location: "France",
        hardware_used: "1 x NVIDIA T4",
      },
    });
  });

  it("leaves out fields that were not reported, and the front matter when no emissions were", () => {
    const bare = { ...training, trainingType: null, location: null, hardware: null };
    expect(frontMatterOf(`${modelCardFrontMatter(bare)}\n`)).toEqual({ co2_eq_emissions: { emissions: 123.4, source: training.source } });
    expect(modelCardFrontMatter({ ...training, emissionsKg: null })).toBeNull();
    expect(modelCardSnippet({ ...input, training: null }).startsWith("## Inference energy")).toBe(true);
  });

  it("keeps hostile strings as plain strings in the YAML", () => {
    for (const hostile of [...Object.values(HOSTILE_TEXT), "x\n---\nevil: true", "a: b # c", "'\"\\"]) {
      const parsed = frontMatterOf(`${modelCardFrontMatter({ ...training, source: hostile, hardware: hostile })}\n`) as { co2_eq_emissions: Record<string, unknown> };
      expect(parsed.co2_eq_emissions.source).toBe(hostile);
      expect(parsed.co2_eq_emissions.hardware_used).toBe(hostile);
      expect(Object.keys(parsed)).toEqual(["co2_eq_emissions"]);
    }
  });

  it("has a section with the measured inference figures, the badge and the result URL", () => {
    const snippet = modelCardSnippet(input);
    expect(snippet).toContain("## Inference energy (measured by frugalboard)");
    expect(snippet).toContain(input.badgeMarkdown);
    expect(snippet).toContain("| Energy per inference | 38.2 µJ (95% CI 37.1 µJ–39.4 µJ) |");
    expect(snippet).toContain("| Accuracy | 97.91% |");
    expect(snippet).toContain("| Meter | rapl (measured) |");
    expect(snippet).toContain("| Result | https://frugal.example/results/r1 |");
    expect(modelCardSnippet({ ...input, estimated: true, meter: "estimate" })).toContain("| Energy per inference (estimated) |");
    expect(modelCardSnippet({ ...input, taskTitle: "a|b" })).toContain("| Task | a\\|b |");
  });
});
