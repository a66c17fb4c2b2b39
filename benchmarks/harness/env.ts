// The harness variables (.env.example), parsed once per run; one error names every bad variable.
import { z } from "zod";
import { parseEnv, type Env } from "../../common/parse-env";
import { listInWords, METER_KINDS } from "../meters/meter-kinds";

const METER_CHOICES = ["auto", ...METER_KINDS] as const;

const positive = z.coerce.number({ error: "must be a number above 0" }).positive("must be a number above 0");
const count = (max: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(max, `must be at most ${max}`);

const zHarnessEnv = z.object({
  FRUGAL_WINDOWS: count(100).optional(),
  FRUGAL_WINDOW_S: positive.optional(),
  FRUGAL_IDLE_S: positive.optional(),
  FRUGAL_BATCH_PROBE_S: positive.optional(),
  FRUGAL_WINDOW_PROCESSES: count(16).optional(),
  FRUGAL_THREADS: count(256).optional(),
  FRUGAL_TIME_LIMIT_S: positive.optional(),
  FRUGAL_MEMORY_LIMIT_MB: positive.optional(),
  FRUGAL_CPU_TDP_W: positive.optional(),
  FRUGAL_METER: z.enum(METER_CHOICES, { error: `must be ${listInWords(METER_CHOICES)}` }).optional(),
  FRUGAL_POWERCAP_ROOT: z.string().optional(),
  /** Where a task's test set is looked for and kept (datasets/resolve.ts, download.ts). */
  FRUGAL_DATASET_MIRROR: z.string().optional(),
  FRUGAL_DATASET_CACHE: z.string().optional(),
  /** 0, false, off or no: never download a dataset from its canonical source. */
  FRUGAL_DATASET_DOWNLOAD: z.string().optional(),
  /** The download cache's default parent (the XDG base directory rule), else ~/.cache. */
  XDG_CACHE_HOME: z.string().optional(),
});

export type HarnessEnv = z.infer<typeof zHarnessEnv>;


/** A bad harness setting (environment or option): the operator's to fix, not the model's. */
export class HarnessConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HarnessConfigError";
  }
}

/** Reads the FRUGAL_* harness variables; one error names every bad variable and what it must be. */
export function parseHarnessEnv(env: Env = process.env): HarnessEnv {
  return parseEnv(zHarnessEnv, env, { what: "harness configuration", emptyIsUnset: true, toError: (message) => new HarnessConfigError(message) });
}
