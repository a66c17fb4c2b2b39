// `frugalboard bench` on the "done when" files (a skl2onnx text classifier, a tree ensemble, QDQ and
// QOperator int8, float16, and 4-bit weights): each runs through the harness with the generator's accuracy,
// its counts and its precision in the result and the summary.
import { describe, expect, it } from "vitest";
import { zBenchmarkResult } from "../benchmarks/harness/result-schema";
import { EXPORTED_CASES, EXPORTED_DIR } from "../benchmarks/onnx/testing/exported-cases";
import { runCli } from "./testing/run-cli";
import { formatSummary } from "./render";

const DONE_WHEN = [
  "skl2onnx-text-count-vectorizer.onnx",
  "skl2onnx-random-forest.onnx",
  "onnxruntime-int8-qdq.onnx",
  "onnxruntime-int8-qoperator.onnx",
  "float16-keep-io-types.onnx",
  "onnxruntime-int4-matmulnbits.onnx",
];

describe("frugalboard bench on exported files", { timeout: 180_000 }, () => {
  for (const file of DONE_WHEN) {
    const c = EXPORTED_CASES.find((x) => x.file === file);
    it(`benchmarks ${file}`, async () => {
      if (!c?.accepted) throw new Error(`${file} is not an accepted case`);
      const run = await runCli(
        ["bench", `${EXPORTED_DIR}/${file}`, "--task", c.task, "--json", "--windows", "3", "--window-s", "0.05", "--meter", "estimate"],
        { FRUGAL_IDLE_S: "0.05" },
        150_000,
      );
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
      const r = zBenchmarkResult.parse(JSON.parse(run.stdout));
      expect({ paramCount: r.paramCount, nonZeroParamCount: r.nonZeroParamCount, precision: r.precision, onnxruntimeOperators: r.onnxruntimeOperators }).toEqual({
        paramCount: c.paramCount,
        nonZeroParamCount: c.nonZeroParamCount,
        precision: c.precision,
        onnxruntimeOperators: c.onnxruntimeOperators,
      });
      expect({ samples: r.samples, correct: Math.round(r.accuracy * r.samples) }).toEqual({ samples: c.testSamples, correct: c.testCorrect });
      expect(formatSummary(r)).toMatch(new RegExp(`precision\\s+${r.precision === "int4" ? "int4 · onnxruntime operators \\(MatMulNBits\\)" : "\\S"}`));
    });
  }
});
