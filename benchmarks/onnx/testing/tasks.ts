// Task literals with the contracts of docs/architecture.md, "Tasks", for tests of the validator that must not
// depend on the real task modules (which load datasets). Only the fields the validator reads matter; the rest are
// plausible.
import type { TaskContract, TaskDefinition } from "../../types";

function fakeTask(id: string, contract: TaskContract, classes: number): TaskDefinition {
  return {
    id,
    title: id,
    description: `Test task with the ${id} contract.`,
    modality: contract.input.elemType === "string" ? "text" : "image",
    contract,
    classes,
    metric: "accuracy",
    qualityFloor: 0.5,
    qualityFloorReason: "test value",
    batchSize: 256,
    energyClasses: { dated: "2026-01-01", upperBoundsUj: [1, 2, 3, 4, 5, 6], reason: "test value" },
    dataset: { name: id, folder: id, licence: "test", citation: "test", canonicalUrl: "https://example.org/", files: [] },
  };
}

export const mnistLikeTask = fakeTask(
  "mnist",
  { input: { elemType: "float32", shape: [null, 1, 28, 28] }, output: { elemType: "float32", shape: [null, 10] } },
  10,
);

export const textLikeTask = fakeTask(
  "sms-spam",
  { input: { elemType: "string", shape: [null] }, output: { elemType: "float32", shape: [null, 2] } },
  2,
);
