// The harness settings: an option given to runBenchmark wins, then the environment (.env.example), then the default.
import type { BenchmarkOptions, MeterKind } from "../types";
import type { Env } from "../../common/parse-env";
import { datasetOptions, type ResolveOptions } from "../datasets/options";
import { HarnessConfigError, parseHarnessEnv } from "./env";
import { selectMeterKind, type MeterSelection } from "./select-meter";

export const DEFAULTS = {
  windows: 8,
  maxWindows: 16,
  /**
   * Single-stream windows (and twice as many at most): it is shown beside the result, not ranked, so it gets the
   * protocol's earlier five rather than the offline scenario's eight.
   */
  singleStreamWindows: 5,
  /** The offline windows are spread over this many processes, two windows each (offline-windows.ts). */
  windowProcesses: 4,
  /** Seconds per window by meter: a counter that ticks every ~1 ms needs longer windows than a CPU-time model. */
  windowS: { estimate: 2, rapl: 10 } satisfies Record<MeterKind, number>,
  idleS: 1,
  /** Seconds of the offline batch probe (choose-batch.ts); never longer than one window. */
  batchProbeS: 2,
  intraOpThreads: 1,
  timeLimitS: 600,
  memoryLimitMb: 2048,
  /**
   * Windows are added while the coefficient of variation is above this (docs/architecture.md, "Measurement
   * protocol" step 6).
   */
  cvLimit: 0.05,
  /** The harness floor: a few short windows, as it is a reference beside the result and not the result. */
  floorWindows: 3,
  floorWindowFraction: 0.5,
};

export interface HarnessSettings {
  windows: number;
  maxWindows: number;
  singleStreamWindows: number;
  singleStreamMaxWindows: number;
  windowS: number;
  idleS: number;
  batchProbeS: number;
  /** The caller's offline batch (no probe), at most the task's largest; undefined: probe for the cheapest. */
  offlineBatchSize?: number;
  windowProcesses: number;
  intraOpThreads: number;
  timeLimitS: number;
  memoryLimitMb: number;
  meter: MeterKind;
  /** How the meter was chosen, and why (stored in the result's meterDetails). */
  meterSelection: MeterSelection;
  cvLimit: number;
  floorWindows: number;
  floorWindowS: number;
  /** FRUGAL_CPU_TDP_W for the estimate meter; undefined means the bundled table or 4 W per thread. */
  cpuTdpW?: number;
  /** Where the test set is looked for (FRUGAL_DATASET_*). */
  datasets: ResolveOptions;
}

function checkOption(name: string, value: number, integer: boolean): number {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new HarnessConfigError(`Benchmark option ${name} must be a ${integer ? "whole number" : "number"} above 0, got ${value}.`);
  }
  return value;
}

/**
 * Settings of one run. Chooses the meter (selectMeterKind, which reads the powercap tree), so a forced rapl
 * that cannot be read throws BenchmarkError("meter_unavailable") here, before anything starts.
 */
export function resolveSettings(options: Partial<BenchmarkOptions>, env: Env = process.env): HarnessSettings {
  const fromEnv = parseHarnessEnv(env);
  const windows = checkOption("windows", options.windows ?? fromEnv.FRUGAL_WINDOWS ?? DEFAULTS.windows, true);
  const meterSelection = selectMeterKind({ requested: options.meter, harnessEnv: fromEnv });
  const windowS = checkOption("windowS", options.windowS ?? fromEnv.FRUGAL_WINDOW_S ?? DEFAULTS.windowS[meterSelection.kind], false);
  return {
    windows,
    // A run asked for more windows than the cap gets them all, and no more.
    maxWindows: Math.max(windows, checkOption("maxWindows", options.maxWindows ?? DEFAULTS.maxWindows, true)),
    singleStreamWindows: Math.min(windows, DEFAULTS.singleStreamWindows),
    singleStreamMaxWindows: Math.min(Math.max(windows, checkOption("maxWindows", options.maxWindows ?? DEFAULTS.maxWindows, true)), 2 * DEFAULTS.singleStreamWindows),
    windowS,
    idleS: checkOption("idleS", options.idleS ?? fromEnv.FRUGAL_IDLE_S ?? DEFAULTS.idleS, false),
    offlineBatchSize: options.offlineBatchSize === undefined ? undefined : checkOption("offlineBatchSize", options.offlineBatchSize, true),
    windowProcesses: checkOption("windowProcesses", options.windowProcesses ?? fromEnv.FRUGAL_WINDOW_PROCESSES ?? DEFAULTS.windowProcesses, true),
    batchProbeS: checkOption("batchProbeS", options.batchProbeS ?? fromEnv.FRUGAL_BATCH_PROBE_S ?? Math.min(DEFAULTS.batchProbeS, windowS), false),
    intraOpThreads: checkOption("intraOpThreads", options.intraOpThreads ?? fromEnv.FRUGAL_THREADS ?? DEFAULTS.intraOpThreads, true),
    timeLimitS: checkOption("timeLimitS", options.timeLimitS ?? fromEnv.FRUGAL_TIME_LIMIT_S ?? DEFAULTS.timeLimitS, false),
    memoryLimitMb: checkOption("memoryLimitMb", options.memoryLimitMb ?? fromEnv.FRUGAL_MEMORY_LIMIT_MB ?? DEFAULTS.memoryLimitMb, false),
    meter: meterSelection.kind,
    meterSelection,
    cvLimit: DEFAULTS.cvLimit,
    floorWindows: Math.min(DEFAULTS.floorWindows, windows),
    floorWindowS: windowS * DEFAULTS.floorWindowFraction,
    cpuTdpW: fromEnv.FRUGAL_CPU_TDP_W,
    datasets: datasetOptions(fromEnv),
  };
}
