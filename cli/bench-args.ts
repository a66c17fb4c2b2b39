// `frugalboard bench` arguments → the harness's options. Every flag is checked here, so a bad one is a usage
// error (exit 2) before anything runs.
import { parseArgs } from "node:util";
import { isMeterKind, listInWords, METER_KINDS } from "../benchmarks/meters/meter-kinds";
import type { BenchmarkOptions } from "../benchmarks/types";

export const USAGE = `Usage: frugalboard bench MODEL.onnx --task TASK [options]

Options:
  --task ID              task whose contract and test set to use (e.g. mnist)
  --json                 print the full result object (the API's shape) instead of a summary
  --windows N            offline energy windows (default 8, spread over up to 4 processes; single-stream: 5 at most)
  --batch N              measure offline at batch N instead of probing 1, 4, 16, 64, 256 for the cheapest
  --window-s S           minimum seconds per window (default 2 with estimate, 10 with rapl)
  --threads N            onnxruntime intra-op threads (default 1)
  --meter estimate|rapl  force a meter (default: rapl where its counters can be read, else estimate)
  --time-limit-s S       wall-clock limit (default 600)
  --memory-limit-mb MB   resident-memory limit of the model's process (default 2048)

Environment: FRUGAL_METER, FRUGAL_POWERCAP_ROOT, FRUGAL_CPU_TDP_W, FRUGAL_DATASET_MIRROR, FRUGAL_DATASET_CACHE,
FRUGAL_DATASET_DOWNLOAD (0 = never download a dataset) and the FRUGAL_* defaults of .env.example. Exit status: 0 finished, 1 harness crashed, 2 usage, 3 model refused, 4 benchmark failed.`;

/** A bad command line; `usage` is the text printed after the message (the command's own usage). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string = USAGE,
  ) {
    super(message);
  }
}

function number(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed) || parsed <= 0 || (integer && !Number.isInteger(parsed))) {
    throw new UsageError(`--${flag} must be a ${integer ? "whole number" : "number"} above 0, got "${value}".`);
  }
  return parsed;
}

export interface BenchArgs {
  json: boolean;
  options: Omit<BenchmarkOptions, "onProgress" | "signal">;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        task: { type: "string" },
        json: { type: "boolean", default: false },
        windows: { type: "string" },
        batch: { type: "string" },
        "window-s": { type: "string" },
        threads: { type: "string" },
        meter: { type: "string" },
        "time-limit-s": { type: "string" },
        "memory-limit-mb": { type: "string" },
      },
    });
  } catch (error) {
    // parseArgs names the unknown flag or the missing value ("Unknown option '--bogus'").
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.task) throw new UsageError("One model file and --task are required.");
  if (values.meter !== undefined && !isMeterKind(values.meter)) {
    throw new UsageError(`--meter must be ${listInWords(METER_KINDS)}, got "${values.meter}".`);
  }
  return {
    json: values.json,
    options: {
      task: values.task,
      modelPath: positionals[0],
      windows: number("windows", values.windows, true),
      offlineBatchSize: number("batch", values.batch, true),
      windowS: number("window-s", values["window-s"], false),
      intraOpThreads: number("threads", values.threads, true),
      meter: values.meter,
      timeLimitS: number("time-limit-s", values["time-limit-s"], false),
      memoryLimitMb: number("memory-limit-mb", values["memory-limit-mb"], false),
    },
  };
}
