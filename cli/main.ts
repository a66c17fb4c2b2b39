// frugalboard — the CLI. `bench` runs the same harness as the workers, with no database and no queue; `submit`
// and `status` talk to a server's REST API (cli/submit.ts).
import { HarnessConfigError } from "../benchmarks/harness/env";
import { runBenchmark } from "../benchmarks/harness/run-benchmark";
import { BenchmarkError, type BenchmarkProgress } from "../benchmarks/types";
import { parseBenchArgs, USAGE, UsageError } from "./bench-args";
import { check } from "./check";
import { EXIT } from "./exit";
import { formatSummary, renderProgress } from "./render";
import { status, submit } from "./submit";

const COMMANDS_USAGE = `Usage: frugalboard <command> …

Commands:
  check MODEL.onnx --task TASK                  the server's validation alone, in under a second: run it first
  bench MODEL.onnx --task TASK                  benchmark a model on this machine (no server needed)
  submit MODEL.onnx --task TASK --model NAME    submit it to a frugalboard server and wait for its rank and badge
  status ID                                     a submission's state (--watch to follow it)

\`frugalboard <command> --help\` shows a command's options.`;

export async function bench(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.finished;
  }
  const { json, options } = parseBenchArgs(argv);
  const showProgress = !json && process.stderr.isTTY;
  try {
    const result = await runBenchmark({
      ...options,
      onProgress: showProgress ? (p: BenchmarkProgress) => process.stderr.write(renderProgress(p)) : undefined,
    });
    if (showProgress) process.stderr.write("\n");
    process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatSummary(result));
    return EXIT.finished;
  } catch (error) {
    if (showProgress) process.stderr.write("\n");
    if (!(error instanceof BenchmarkError)) throw error;
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: error.code, rule: error.rule ?? null, message: error.message } }, null, 2)}\n`);
    process.stderr.write(`frugalboard: ${error.message}\n`);
    if (error.code === "unknown_task") return EXIT.usage;
    return error.code === "invalid_model" ? EXIT.refused : EXIT.failed;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "check") return check(rest);
  if (command === "bench") return bench(rest);
  if (command === "submit") return submit(rest);
  if (command === "status") return status(rest);
  if (!command || command === "--help" || command === "help") {
    process.stdout.write(`${COMMANDS_USAGE}\n`);
    return command ? EXIT.finished : EXIT.usage;
  }
  throw new UsageError(`Unknown command "${command}".`, COMMANDS_USAGE);
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    if (error instanceof UsageError) process.stderr.write(`frugalboard: ${error.message}\n\n${error.usage}\n`);
    else if (error instanceof HarnessConfigError) process.stderr.write(`frugalboard: ${error.message}\n`);
    else {
      // Not the model's fault nor the user's: the harness itself failed. The stack is for a bug report.
      process.stderr.write(`frugalboard: ${error.stack ?? error.message}\n`);
      process.exit(EXIT.crashed);
    }
    process.exit(EXIT.usage);
  });
