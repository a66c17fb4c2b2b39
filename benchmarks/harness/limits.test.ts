// The limits on purpose-built models: one that asks for 12 GB, one that never returns from session.run.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireTask } from "../tasks/catalog";
import { validateModel } from "../onnx/validate";
import { BenchmarkError } from "../types";
import { runBenchmark } from "./run-benchmark";
import { buildEndlessLoopModel, buildHugeAllocationModel } from "./testing/hostile-models";

const QUICK = { windows: 3, maxWindows: 3, windowS: 0.05, idleS: 0.05, meter: "estimate" as const };

describe("limits on models built to exceed them", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "frugal-limits-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("both models pass validation, so only the limits stand in their way", () => {
    const mnist = requireTask("mnist");
    expect(validateModel(buildHugeAllocationModel(), mnist).operators).toContain("ConstantOfShape");
    expect(validateModel(buildEndlessLoopModel(), mnist).operators).toContain("Loop");
  });

  it("stops a 12 GB allocation close to the memory limit", async () => {
    const modelPath = join(dir, "huge.onnx");
    await writeFile(modelPath, buildHugeAllocationModel());
    const limitMb = 512;
    const started = Date.now();
    const error = await runBenchmark({ task: "mnist", modelPath, ...QUICK, memoryLimitMb: limitMb }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.code).toBe("memory_limit");
    expect(error.message).toContain(`above the limit of ${limitMb} MB`);
    // The watchdog's reading when it stopped the process: past the limit, and nowhere near the 12 GB asked for
    // (20 ms polls; the margin is for a busy machine that delays a poll).
    const seenMb = Number(/used (\d+) MB/.exec(error.message)?.[1]);
    expect(seenMb).toBeGreaterThan(limitMb);
    expect(seenMb).toBeLessThan(limitMb + 1024);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("stops a session.run that never returns at the time limit", async () => {
    const modelPath = join(dir, "endless.onnx");
    await writeFile(modelPath, buildEndlessLoopModel());
    const timeLimitS = 6;
    const started = Date.now();
    const error = await runBenchmark({ task: "mnist", modelPath, ...QUICK, timeLimitS }).catch((e) => e);
    const elapsedS = (Date.now() - started) / 1000;
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.code).toBe("time_limit");
    expect(error.message).toContain(`time limit of ${timeLimitS} s`);
    expect(elapsedS).toBeGreaterThanOrEqual(timeLimitS - 0.1);
    expect(elapsedS).toBeLessThan(timeLimitS + 3);
  });
});
