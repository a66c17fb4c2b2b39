// The references npm run bench:harness measures against: the harness's loop and a bare one alternated in one process
// (the ratio), and the bare loop alone for a window's length (the CV beside the harness's).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateModel } from "../onnx/validate";
import { requireTask } from "../tasks/catalog";
import { listBaselines } from "../tasks/list-baselines";
import { superviseBenchChild } from "./bench-protocol";

describe("ChildBench.paired and bareWindow (the paired and bare-window messages)", () => {
  it("alternates the harness's measured loop with a bare one, whole passes each, and leaves the result's latencies alone", async () => {
    const task = requireTask("breast-cancer"); // its dataset ships with the project
    const baseline = listBaselines(task.id).find((b) => b.slug === "breast-cancer-logreg")!;
    const model = validateModel(new Uint8Array(readFileSync(baseline.path)), task);
    const child = superviseBenchChild({ timeLimitS: 120, memoryLimitMb: 2048 });
    try {
      const init = { taskId: task.id, modelPath: baseline.path, inputName: model.inputName, outputName: model.outputName, intraOpThreads: 1, offlineBatchSize: task.batchSize, meter: "estimate" as const };
      const { samples } = await child.request({ type: "load", init }, "loaded");
      await child.request({ type: "warmup" }, "warm");

      const started = performance.now();
      const { rounds } = await child.request({ type: "paired", scenario: "offline", blockS: 0.01, totalS: 0.3 }, "paired");
      const tookS = (performance.now() - started) / 1000;

      expect(rounds.length).toBeGreaterThanOrEqual(2);
      for (const round of rounds) {
        for (const span of [round.harness, round.raw]) {
          // two blocks of at least 10 ms each, of whole passes over the test set
          expect(span.inferences % samples).toBe(0);
          expect(span.inferences).toBeGreaterThanOrEqual(2 * samples);
          expect(span.wallS).toBeGreaterThanOrEqual(0.02);
          expect(span.cpuS).toBeGreaterThan(0);
        }
      }
      const measuredS = rounds.reduce((sum, r) => sum + r.harness.wallS + r.raw.wallS, 0);
      expect(measuredS).toBeGreaterThanOrEqual(0.3 - 0.04); // rounds go on until totalS (one round of slack)
      expect(tookS).toBeGreaterThanOrEqual(measuredS);
      const { span } = await child.request({ type: "bare-window", scenario: "offline", windowS: 0.05 }, "bare-window");
      expect(span.inferences % samples).toBe(0);
      expect(span.inferences).toBeGreaterThan(0);
      expect(span.wallS).toBeGreaterThanOrEqual(0.05);
      expect(span.cpuS).toBeGreaterThan(0);

      // The blocks keep their latencies apart: the benchmark's own record of offline calls is still empty.
      const finished = await child.request({ type: "finish" }, "finished");
      expect(finished.latency.offline.calls).toBe(0);
    } finally {
      await child.close();
    }
  });
});
