// `frugalboard check` as a user runs it, on the files as the exporters write them: the server's verdicts, counts
// and messages, with exit 0 or 3, and usage errors with exit 2.
import { describe, expect, it } from "vitest";
import { EXPORTED_CASES, EXPORTED_DIR } from "../benchmarks/onnx/testing/exported-cases";
import { runCli } from "./testing/run-cli";

const path = (file: string) => `${EXPORTED_DIR}/${file}`;

describe("frugalboard check", { timeout: 120_000 }, () => {
  for (const c of EXPORTED_CASES) {
    it(`${c.accepted ? "accepts" : `refuses by rule ${c.rule}`} ${c.file}`, async () => {
      const run = await runCli(["check", path(c.file), "--task", c.task, "--json"], {}, 60_000);
      const out = JSON.parse(run.stdout);
      if (c.accepted) {
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
        const { paramCount, nonZeroParamCount, precision, onnxruntimeOperators } = out.model;
        expect({ paramCount, nonZeroParamCount, precision, onnxruntimeOperators }).toEqual({
          paramCount: c.paramCount,
          nonZeroParamCount: c.nonZeroParamCount,
          precision: c.precision,
          onnxruntimeOperators: c.onnxruntimeOperators,
        });
        // The check itself, not the CLI's start-up: a small file validates in milliseconds.
        expect(out.validateMs).toBeLessThan(1_000);
      } else {
        expect(run.code).toBe(3);
        expect(out.error).toMatchObject({ code: "invalid_model", rule: c.rule });
        for (const fragment of c.fragments) expect(out.error.message).toContain(fragment);
        expect(run.stderr).toBe(`frugalboard: refused (rule ${c.rule}): ${out.error.message}\n`);
      }
    });
  }

  it("prints a readable verdict with the counts, the precision and what to run next", async () => {
    const run = await runCli(["check", path("onnxruntime-int4-matmulnbits.onnx"), "--task", "breast-cancer"], {}, 60_000);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^accepted: .* passes task breast-cancer's rules \(validated in \d+ ms; nothing was run\)\n/);
    const c = EXPORTED_CASES.find((x) => x.file === "onnxruntime-int4-matmulnbits.onnx");
    if (!c?.accepted) throw new Error("the int4 case is missing");
    expect(run.stdout).toContain(`parameters  ${c.paramCount} (${c.nonZeroParamCount} non-zero)`);
    expect(run.stdout).toContain("precision   int4 · onnxruntime operators (MatMulNBits): runs on onnxruntime only");
    expect(run.stdout).toContain("next        frugalboard bench");
  });

  it("refuses an unknown task and an unreadable file as usage errors", async () => {
    const unknown = await runCli(["check", path("pytorch-mlp.onnx"), "--task", "imagenet"], {}, 60_000);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown task "imagenet"; known tasks: mnist');
    const missing = await runCli(["check", "/nonexistent/model.onnx", "--task", "mnist"], {}, 60_000);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Cannot read /nonexistent/model.onnx: ENOENT.");
    const bare = await runCli(["check", path("pytorch-mlp.onnx")], {}, 60_000);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("One model file and --task are required.");
  });
});
