// `frugalboard check MODEL.onnx --task TASK`: the server's validation, alone, on this machine — the same rules and
// the same messages as an upload, in well under a second, so a file is fixed before it is submitted. Nothing runs
// the model and no dataset is read.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { describeContract } from "../benchmarks/onnx/describe-type";
import { PRECISION_LABELS } from "../benchmarks/onnx/precision";
import { validateModel } from "../benchmarks/onnx/validate";
import { listTasks, requireTask } from "../benchmarks/tasks/catalog";
import { BenchmarkError, type ModelInfo, type TaskDefinition } from "../benchmarks/types";
import { UsageError } from "./bench-args";
import { EXIT } from "./exit";
import { formatBytes, formatCount } from "../common/format";

export const CHECK_USAGE = `Usage: frugalboard check MODEL.onnx --task TASK [--json]

Checks the file against the task's contract and the benchmark's rules, exactly as the server does on upload (the
same messages), without running it. Run it before frugalboard bench or submit.

Options:
  --task ID   task whose contract to check against (${listTasks().map((t) => t.id).join(", ")})
  --json      print {"accepted": true, "model": …, "validateMs": …} or {"error": {code, rule, message}}

Exit status: 0 accepted, 2 usage, 3 refused.`;

function parseCheckArgs(argv: string[]): { path: string; task: TaskDefinition; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { task: { type: "string" }, json: { type: "boolean", default: false } } });
  } catch (error) {
    throw new UsageError((error as Error).message, CHECK_USAGE);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.task) throw new UsageError("One model file and --task are required.", CHECK_USAGE);
  try {
    return { path: positionals[0], task: requireTask(values.task), json: values.json };
  } catch (error) {
    if (error instanceof BenchmarkError) throw new UsageError(error.message, CHECK_USAGE);
    throw error;
  }
}

export function formatCheck(info: ModelInfo, task: TaskDefinition, path: string, validateMs: number): string {
  const ort = info.onnxruntimeOperators.length > 0 ? ` · onnxruntime operators (${info.onnxruntimeOperators.join(", ")}): runs on onnxruntime only` : "";
  const label = info.labelOutputName ? ` (label output ${info.labelOutputName} is computed, not read)` : "";
  const rows: [string, string][] = [
    ["input", `${info.inputName} · task ${task.id} feeds ${describeContract(task.contract.input)}${info.batchFixedAtOne ? " (batch fixed at 1: offline runs at batch 1)" : ""}`],
    ["scores", `${info.outputName}${label}`],
    ["parameters", `${formatCount(info.paramCount)} (${formatCount(info.nonZeroParamCount)} non-zero)`],
    ["precision", `${PRECISION_LABELS[info.precision]}${ort}`],
    ["operators", `${info.operators.join(", ")} · opset ${info.opsetVersion}`],
    ["file", `${formatBytes(info.fileBytes)} · sha256 ${info.sha256}`],
    ["next", `frugalboard bench ${path} --task ${task.id}`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return `accepted: ${path} passes task ${task.id}'s rules (validated in ${validateMs.toFixed(0)} ms; nothing was run)\n${rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join("\n")}\n`;
}

export async function check(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${CHECK_USAGE}\n`);
    return EXIT.finished;
  }
  const { path, task, json } = parseCheckArgs(argv);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, CHECK_USAGE);
  }
  try {
    const started = performance.now();
    const info = validateModel(bytes, task);
    const validateMs = performance.now() - started;
    process.stdout.write(json ? `${JSON.stringify({ accepted: true, model: info, validateMs }, null, 2)}\n` : formatCheck(info, task, path, validateMs));
    return EXIT.finished;
  } catch (error) {
    if (!(error instanceof BenchmarkError)) throw error;
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: error.code, rule: error.rule ?? null, message: error.message } }, null, 2)}\n`);
    process.stderr.write(`frugalboard: refused (rule ${error.rule}): ${error.message}\n`);
    return EXIT.refused;
  }
}
