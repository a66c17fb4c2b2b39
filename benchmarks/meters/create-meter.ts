// Picks the meter a run asked for. The rapl meter (Linux powercap counters) is a later issue; it plugs in here.
import os from "node:os";
import { BenchmarkError, type MeterKind } from "../types";
import { createEstimateMeter } from "./estimate";
import type { Meter } from "./meter";

export interface MeterConfig {
  /** FRUGAL_CPU_TDP_W, parsed by the harness defaults. */
  tdpOverrideW?: number;
}

export function createMeter(kind: MeterKind, config: MeterConfig = {}): Meter {
  if (kind === "estimate") {
    const cpus = os.cpus();
    return createEstimateMeter({ cpuModel: cpus[0]?.model ?? "unknown", logicalThreads: Math.max(1, cpus.length), tdpOverrideW: config.tdpOverrideW });
  }
  throw new BenchmarkError("runtime_error", `The ${kind} meter is not available in this version; run with the estimate meter.`);
}
