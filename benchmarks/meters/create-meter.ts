// Builds the meter a run uses, once its kind is chosen (harness/select-meter.ts chooses it).
import os from "node:os";
import { BenchmarkError, type MeterKind } from "../types";
import { createEstimateMeter } from "./estimate";
import type { Meter } from "./meter";
import { PowercapUnavailable } from "./powercap";
import { createRaplMeter } from "./rapl";

export interface MeterConfig {
  /** FRUGAL_CPU_TDP_W, parsed by the harness defaults. */
  tdpOverrideW?: number;
  /** FRUGAL_POWERCAP_ROOT for the rapl meter; /sys/class/powercap when not given. */
  powercapRoot?: string;
}

export function createMeter(kind: MeterKind, config: MeterConfig = {}): Meter {
  if (kind === "estimate") {
    const cpus = os.cpus();
    return createEstimateMeter({ cpuModel: cpus[0]?.model ?? "unknown", logicalThreads: Math.max(1, cpus.length), tdpOverrideW: config.tdpOverrideW });
  }
  try {
    return createRaplMeter({ root: config.powercapRoot });
  } catch (error) {
    if (error instanceof PowercapUnavailable) throw raplUnavailableError(error, "the rapl meter was chosen");
    throw error;
  }
}

/** The error of a run that must use rapl and cannot read it: the path, why, and what to do. */
export function raplUnavailableError(cause: PowercapUnavailable, how: string): BenchmarkError {
  return new BenchmarkError("meter_unavailable", `The rapl meter cannot be used (${how}): ${cause.reason}. ${cause.fix}`, "rapl");
}
