// Timings of the worker's fault handling, from the environment (defaults suit production; the fault tests
// shorten them so a killed worker's job is recovered in seconds, not minutes).
import { z } from "zod";
import { parseEnv, type Env } from "../common/parse-env";
import { SCI_DEFAULTS, type SciAssumptions } from "../lib/sci/sci";

const zWorkerSettings = z.object({
  /** A job whose worker stopped renewing its lock for this long is stalled and runs again elsewhere. */
  FRUGAL_WORKER_LOCK_MS: z.coerce.number().int().min(1_000).default(60_000),
  FRUGAL_WORKER_STALLED_CHECK_MS: z.coerce.number().int().min(500).default(30_000),
  FRUGAL_WORKER_HEARTBEAT_MS: z.coerce.number().int().min(500).default(15_000),
  FRUGAL_WORKER_RECONCILE_MS: z.coerce.number().int().min(500).default(60_000),
  /** A RUNNING row whose worker has not beaten for this long is handed back to the queue by the reconciler. */
  FRUGAL_WORKER_STALE_MS: z.coerce.number().int().min(1_000).default(120_000),
  /** PostgreSQL unreachable: the first wait before trying again, doubled after each failure up to the max. */
  FRUGAL_WORKER_OUTAGE_FIRST_MS: z.coerce.number().int().min(100).default(1_000),
  FRUGAL_WORKER_OUTAGE_MAX_MS: z.coerce.number().int().min(100).default(30_000),
  /** 1: while the queue is idle, re-benchmark each task's reference baseline (worker/calibrate.ts); 0: never. */
  FRUGAL_CALIBRATE: z.enum(["0", "1"], { error: "must be 0 or 1" }).default("1").transform((value) => value === "1"),
  /** A reference with its MIN_RUNS runs is re-benchmarked once its last run is this old (seconds). */
  FRUGAL_CALIBRATE_EVERY_S: z.coerce.number().int().min(60).default(3_600),
  /** How often an idle worker looks for a due calibration (it also looks right after each job). */
  FRUGAL_CALIBRATE_CHECK_MS: z.coerce.number().int().min(200).default(5_000),
  /** SCI assumptions of this worker's machine and place, stored with each result (defaults and sources: lib/sci/sci.ts). */
  FRUGAL_SCI_GRID_G_PER_KWH: z.coerce.number().min(0).max(2_000).default(SCI_DEFAULTS.gridGPerKwh),
  FRUGAL_SCI_EMBODIED_KG: z.coerce.number().min(0).max(100_000).default(SCI_DEFAULTS.embodiedKg),
  FRUGAL_SCI_LIFESPAN_YEARS: z.coerce.number().positive().max(30).default(SCI_DEFAULTS.lifespanYears),
});

export type WorkerSettings = z.infer<typeof zWorkerSettings>;

export function sciAssumptionsOf(settings: WorkerSettings): SciAssumptions {
  return { gridGPerKwh: settings.FRUGAL_SCI_GRID_G_PER_KWH, embodiedKg: settings.FRUGAL_SCI_EMBODIED_KG, lifespanYears: settings.FRUGAL_SCI_LIFESPAN_YEARS };
}

export function readWorkerSettings(env: Env = process.env): WorkerSettings {
  return parseEnv(zWorkerSettings, env, { what: "worker configuration" });
}

/** How long the worker waits after PostgreSQL stops answering: the first wait, doubled up to the most. */
export function outageBackoffOf(settings: WorkerSettings): { firstMs: number; maxMs: number } {
  return { firstMs: settings.FRUGAL_WORKER_OUTAGE_FIRST_MS, maxMs: settings.FRUGAL_WORKER_OUTAGE_MAX_MS };
}
