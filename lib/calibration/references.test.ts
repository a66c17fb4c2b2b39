import { describe, expect, it } from "vitest";
import { listTasks } from "../../benchmarks/tasks/catalog";
import { listBaselines } from "../../benchmarks/tasks/list-baselines";
import { listCalibrationReferences } from "./references";

describe("calibration references", () => {
  it("name one committed baseline of every task, with the SHA-256 of its file", () => {
    const references = listCalibrationReferences();
    expect(references.map((r) => r.taskId)).toEqual(listTasks().map((t) => t.id));
    for (const reference of references) {
      expect(listBaselines(reference.taskId).map((b) => b.slug)).toContain(reference.slug);
      expect(reference.artifactSha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
