// The `estimate` meter, for machines with no readable energy counter (most VMs): a model of power, not a reading.
import { lookupCpuSpec } from "./cpu-tdp";
import type { Meter, WindowUsage } from "./meter";

/** Watts per hardware thread when the CPU is not in the table (docs/architecture.md, "Measurement protocol" step 7). */
export const UNKNOWN_CPU_W_PER_THREAD = 4;
/** Memory power, W per GB resident (10⁹ bytes): Green Algorithms (Lannelongue et al., Adv. Sci. 2021), 0.3725 W/GB. */
export const MEMORY_W_PER_GB = 0.3725;

export interface EstimateMeterConfig {
  cpuModel: string;
  /** Hardware threads this machine shows (os.cpus().length); used when the CPU is not in the table. */
  logicalThreads: number;
  /** FRUGAL_CPU_TDP_W: the operator's TDP for this CPU, over the table. */
  tdpOverrideW?: number;
}

/** TDP ÷ hardware threads of the package (W); the table's thread count when known, as a VM shows only its share. */
export function wattsPerThread(config: EstimateMeterConfig): { wattsPerThread: number; tdpW: number; threads: number; tdpSource: string } {
  const spec = lookupCpuSpec(config.cpuModel);
  const threads = spec?.threads ?? config.logicalThreads;
  if (config.tdpOverrideW !== undefined) {
    return { wattsPerThread: config.tdpOverrideW / threads, tdpW: config.tdpOverrideW, threads, tdpSource: "FRUGAL_CPU_TDP_W" };
  }
  if (spec) return { wattsPerThread: spec.tdpW / spec.threads, tdpW: spec.tdpW, threads, tdpSource: spec.source };
  return {
    wattsPerThread: UNKNOWN_CPU_W_PER_THREAD,
    tdpW: UNKNOWN_CPU_W_PER_THREAD * threads,
    threads,
    tdpSource: `unknown CPU: ${UNKNOWN_CPU_W_PER_THREAD} W per thread`,
  };
}

/** Gross energy of a window (J) = CPU s × W per thread + resident GB × 0.3725 W/GB × wall s. */
export function estimateEnergyJ(usage: WindowUsage, cpuWattsPerThread: number): number {
  return usage.cpuS * cpuWattsPerThread + (usage.meanRssBytes / 1e9) * MEMORY_W_PER_GB * usage.wallS;
}

export function createEstimateMeter(config: EstimateMeterConfig): Meter {
  const power = wattsPerThread(config);
  return {
    kind: "estimate",
    estimated: true,
    details: { ...power, memoryWPerGb: MEMORY_W_PER_GB, cpuModel: config.cpuModel },
    begin: () => (usage) => estimateEnergyJ(usage, power.wattsPerThread),
  };
}
