// The harness settings: an option given to runBenchmark wins, then the environment (.env.example), then the default.
import { z } from "zod";
import type { BenchmarkOptions, MeterKind } from "../types";

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
  FRUGAL_THREADS: count(256).optional(),
  FRUGAL_TIME_LIMIT_S: positive.optional(),
  FRUGAL_MEMORY_LIMIT_MB: positive.optional(),
  FRUGAL_CPU_TDP_W: positive.optional(),
});

/** The environment to read (process.env, or a plain object in tests). */
export type Env = Record<string, string | undefined>;

export const DEFAULTS = {
  windows: 5,
  maxWindows: 15,
  windowS: 2,
  idleS: 1,
  intraOpThreads: 1,
  timeLimitS: 600,
  memoryLimitMb: 2048,
  meter: "estimate" as MeterKind,
  /** Windows are added while the coefficient of variation is above this (DESIGN.md, step 6). */
  cvLimit: 0.05,
};

export interface HarnessSettings {
  windows: number;
  maxWindows: number;
  windowS: number;
  idleS: number;
  intraOpThreads: number;
  timeLimitS: number;
  memoryLimitMb: number;
  meter: MeterKind;
  cvLimit: number;
  /** FRUGAL_CPU_TDP_W for the estimate meter; undefined means the bundled table or 4 W per thread. */
  cpuTdpW?: number;
}

/** Reads the FRUGAL_* harness variables; one error names every bad variable and what it must be. */
export function parseHarnessEnv(env: Env = process.env): z.infer<typeof zHarnessEnv> {
  // An empty variable (FRUGAL_CPU_TDP_W= in .env) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith("FRUGAL_") && value !== ""));
  const parsed = zHarnessEnv.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
    throw new Error(`Invalid harness configuration: ${problems}.`);
  }
  return parsed.data;
}

function checkOption(name: string, value: number, integer: boolean): number {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`Benchmark option ${name} must be a ${integer ? "whole number" : "number"} above 0, got ${value}.`);
  }
  return value;
}

export function resolveSettings(options: Partial<BenchmarkOptions>, env: Env = process.env): HarnessSettings {
  const fromEnv = parseHarnessEnv(env);
  const windows = checkOption("windows", options.windows ?? fromEnv.FRUGAL_WINDOWS ?? DEFAULTS.windows, true);
  return {
    windows,
    // A run asked for more windows than the cap gets them all, and no more.
    maxWindows: Math.max(windows, checkOption("maxWindows", options.maxWindows ?? DEFAULTS.maxWindows, true)),
    windowS: checkOption("windowS", options.windowS ?? fromEnv.FRUGAL_WINDOW_S ?? DEFAULTS.windowS, false),
    idleS: checkOption("idleS", options.idleS ?? fromEnv.FRUGAL_IDLE_S ?? DEFAULTS.idleS, false),
    intraOpThreads: checkOption("intraOpThreads", options.intraOpThreads ?? fromEnv.FRUGAL_THREADS ?? DEFAULTS.intraOpThreads, true),
    timeLimitS: checkOption("timeLimitS", options.timeLimitS ?? fromEnv.FRUGAL_TIME_LIMIT_S ?? DEFAULTS.timeLimitS, false),
    memoryLimitMb: checkOption("memoryLimitMb", options.memoryLimitMb ?? fromEnv.FRUGAL_MEMORY_LIMIT_MB ?? DEFAULTS.memoryLimitMb, false),
    meter: options.meter ?? DEFAULTS.meter,
    cvLimit: DEFAULTS.cvLimit,
    cpuTdpW: fromEnv.FRUGAL_CPU_TDP_W,
  };
}
