// frugalboard — the local CLI. `bench` runs the same harness as the workers, with no database and no queue.
import { parseArgs } from "node:util";
import { runBenchmark } from "../benchmarks/harness/run-benchmark";
import { BenchmarkError, type BenchmarkOptions, type BenchmarkProgress } from "../benchmarks/types";
import { formatSummary, renderProgress } from "./render";

const USAGE = `Usage: frugalboard bench MODEL.onnx --task TASK [options]

Options:
  --task ID              task whose contract and test set to use (e.g. mnist)
  --json                 print the full result object (the API's shape) instead of a summary
  --windows N            energy windows per scenario (default 5)
  --window-s S           minimum seconds per window (default 2)
  --threads N            onnxruntime intra-op threads (default 1)
  --meter estimate|rapl  force a meter
  --time-limit-s S       wall-clock limit (default 600)
  --memory-limit-mb MB   resident-memory limit of the model's process (default 2048)`;

function positiveNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new UsageError(`--${flag} must be a positive number, got "${value}".`);
  return parsed;
}

class UsageError extends Error {}

export async function bench(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      task: { type: "string" },
      json: { type: "boolean", default: false },
      windows: { type: "string" },
      "window-s": { type: "string" },
      threads: { type: "string" },
      meter: { type: "string" },
      "time-limit-s": { type: "string" },
      "memory-limit-mb": { type: "string" },
    },
  });
  const modelPath = positionals[0];
  if (!modelPath || !values.task) throw new UsageError("A model file and --task are required.");
  if (values.meter && values.meter !== "estimate" && values.meter !== "rapl") throw new UsageError(`--meter must be estimate or rapl.`);
  const showProgress = !values.json && process.stderr.isTTY;
  const options: BenchmarkOptions = {
    task: values.task,
    modelPath,
    windows: positiveNumber("windows", values.windows),
    windowS: positiveNumber("window-s", values["window-s"]),
    intraOpThreads: positiveNumber("threads", values.threads),
    meter: values.meter as BenchmarkOptions["meter"],
    timeLimitS: positiveNumber("time-limit-s", values["time-limit-s"]),
    memoryLimitMb: positiveNumber("memory-limit-mb", values["memory-limit-mb"]),
    onProgress: showProgress ? (p: BenchmarkProgress) => process.stderr.write(renderProgress(p)) : undefined,
  };
  try {
    const result = await runBenchmark(options);
    if (showProgress) process.stderr.write("\n");
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatSummary(result));
    return 0;
  } catch (error) {
    if (showProgress) process.stderr.write("\n");
    if (!(error instanceof BenchmarkError)) throw error;
    if (values.json) process.stdout.write(`${JSON.stringify({ error: { code: error.code, rule: error.rule, message: error.message } }, null, 2)}\n`);
    process.stderr.write(`frugalboard: ${error.message}\n`);
    return error.code === "invalid_model" ? 3 : 4;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "bench") return bench(rest);
  if (!command || command === "--help" || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  throw new UsageError(`Unknown command "${command}".`);
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    process.stderr.write(error instanceof UsageError ? `frugalboard: ${error.message}\n\n${USAGE}\n` : `frugalboard: ${error.stack ?? error.message}\n`);
    process.exit(2);
  });
