// The shared assertion of the validator's tests: a refusal is a BenchmarkError with the right rule, and its
// message says what was found and stays safe to show.
import { expect } from "vitest";
import { BenchmarkError } from "../../types";
import type { TaskDefinition } from "../../types";
import type { ValidationRule } from "../rules";
import { validateModel } from "../validate";
import { mnistLikeTask } from "./tasks";

export function expectRefusal(
  bytes: Uint8Array,
  rule: ValidationRule,
  fragments: (string | RegExp)[],
  opts: { task?: TaskDefinition; maxBytes?: number } = {},
): string {
  let caught: unknown;
  try {
    validateModel(bytes, opts.task ?? mnistLikeTask, { maxBytes: opts.maxBytes });
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a refusal by rule ${rule}`).toBeInstanceOf(BenchmarkError);
  const error = caught as BenchmarkError;
  expect({ code: error.code, rule: error.rule }).toEqual({ code: "invalid_model", rule });
  for (const fragment of fragments) {
    if (typeof fragment === "string") expect(error.message).toContain(fragment);
    else expect(error.message).toMatch(fragment);
  }
  expect(error.message).not.toMatch(/\n\s+at /);
  expect(error.message.length).toBeLessThan(1_000);
  return error.message;
}
