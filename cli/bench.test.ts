// The CLI as a user runs it: `node cli/bin.mjs bench …` in a child process, checked by exit status and output.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zBenchmarkErrorOutput, zBenchmarkResult } from "../benchmarks/harness/result-schema";
import { runCli, type CliRun } from "./testing/run-cli";
import { formatSummary } from "./render";

// The cheapest baseline: a run's time is mostly process start-up, and the machines that test are shared.
const BASELINE = "benchmarks/tasks/mnist/baselines/mnist-logreg.onnx";

function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, { FRUGAL_IDLE_S: "0.05", ...env }, 120_000);
}

// Each case starts Node and tsx (seconds on a busy machine), so the cases get more time than the default.
describe("frugalboard bench", { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "frugal-cli-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("prints a result in the documented schema, with the flags applied", async () => {
    const run = await cli(["bench", BASELINE, "--task", "mnist", "--json", "--windows", "3", "--window-s", "0.05", "--threads", "2", "--meter", "estimate"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    const result = zBenchmarkResult.parse(json);
    expect(result).toEqual(json); // nothing in the output that the schema does not document
    expect(result).toMatchObject({ task: "mnist", meter: "estimate", estimated: true, intraOpThreads: 2, hardware: { intraOpThreads: 2, meter: "estimate" } });
    expect(result.accuracy).toBeGreaterThan(0.9); // a logistic regression reaches about 92 %
    for (const scenario of [result.offline, result.singleStream]) expect(scenario.energy.windows).toBeGreaterThanOrEqual(3);
    for (const window of result.windows) expect(window.wallS).toBeGreaterThanOrEqual(0.05);
    expect(result.harnessFloor).toMatchObject({ windows: 3, windowS: 0.025 });
    const summary = formatSummary(result);
    expect(summary).toMatch(/energy \/ inference\s+[\d.]+ µJ \(estimated\), 95% CI/);
    expect(summary).toMatch(/harness floor\s+[\d.]+ µJ \(estimated\) per query/);
    expect(summary).toMatch(new RegExp(`offline batch\\s+${result.offline.batchSize} \\(the cheapest per sample of 1, 4, 16, 64, 256, probed\\)`));
    expect(summary).not.toContain("weights as inputs");
    // A model fixed at batch 1 says so and how to export it; weights listed as inputs and onnxruntime's warnings are named.
    const fixed = formatSummary({ ...result, offlineBatch: { batchSize: 1, rule: "fixed", probes: [] }, initializerInputsRemoved: 6, runtimeLog: ["[W:onnxruntime:, graph.cc:1] x"] });
    expect(fixed).toMatch(/offline batch\s+1 — the model's batch dimension is fixed at 1/);
    expect(fixed).toContain("dynamic_axes");
    expect(fixed).toMatch(/weights as inputs\s+6 graph inputs were initializers/);
    expect(fixed).toMatch(/onnxruntime said\s+1 warning\(s\), e\.g\. \[W:onnxruntime:/);
    // An unstable result says so, and what to do about it; a stable one has no such line.
    expect(formatSummary({ ...result, unstable: false, energyCv: 0.01 })).not.toMatch(/unstable/i);
    const unstable = formatSummary({ ...result, unstable: true, energyCv: 0.123 });
    expect(unstable).toContain("— UNSTABLE");
    expect(unstable).toMatch(new RegExp(`unstable\\s+the energy windows still varied by 12\\.3% \\(above 5%\\) after ${result.offline.energy.windows} of them`));
    expect(unstable).toContain("run again on an idle machine, or with longer windows (--window-s)");
  });

  it("refuses a file that is not ONNX: the reason on stderr and in --json, exit 3", async () => {
    const path = join(dir, "notes.onnx");
    await writeFile(path, "these are my notes, not a model\n");
    const run = await cli(["bench", path, "--task", "mnist", "--json"]);
    expect(run.code).toBe(3);
    const { error } = zBenchmarkErrorOutput.parse(JSON.parse(run.stdout));
    expect(error).toMatchObject({ code: "invalid_model", rule: "protobuf" });
    expect(run.stderr).toBe(`frugalboard: ${error.message}\n`);
  });

  it("prints the usage for bad flags, exit 2", async () => {
    // each flag's checks are in bench-args.test.ts; here, that a refusal reaches the user as usage and exit 2
    for (const args of [["bench", BASELINE, "--task", "mnist", "--windows", "0"], ["bench"]]) {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("Usage: frugalboard bench MODEL.onnx --task TASK");
      expect(run.stdout).toBe("");
    }
  });

  it("names the tasks when --task is not one, exit 2", async () => {
    const run = await cli(["bench", BASELINE, "--task", "imagenet", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown task "imagenet"; known tasks: mnist');
    expect(zBenchmarkErrorOutput.parse(JSON.parse(run.stdout)).error).toMatchObject({ code: "unknown_task", rule: "task" });
  });

  it("fails a forced rapl meter that cannot read its counters, naming the path, exit 4", async () => {
    const absent = join(dir, "no-powercap");
    const run = await cli(["bench", BASELINE, "--task", "mnist", "--meter", "rapl", "--json"], { FRUGAL_POWERCAP_ROOT: absent });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`there is no powercap tree at ${absent}`);
    expect(run.stderr).toContain("--meter estimate");
    expect(zBenchmarkErrorOutput.parse(JSON.parse(run.stdout)).error).toMatchObject({ code: "meter_unavailable", rule: "rapl" });
  });

  it("applies --time-limit-s and --memory-limit-mb to the model's process, exit 4", async () => {
    const time = await cli(["bench", BASELINE, "--task", "mnist", "--meter", "estimate", "--time-limit-s", "0.5"]);
    expect(time.code).toBe(4);
    expect(time.stderr).toContain("time limit of 0.5 s");
    const memory = await cli(["bench", BASELINE, "--task", "mnist", "--meter", "estimate", "--memory-limit-mb", "50"]);
    expect(memory.code).toBe(4);
    expect(memory.stderr).toContain("above the limit of 50 MB");
  });
});
