// Resident memory of a process, from /proc/<pid>/status on Linux, with Node's own figures elsewhere.
import { readFileSync, writeFileSync } from "node:fs";

type StatusField = "VmRSS" | "VmHWM";

/** A field of /proc/<pid>/status in bytes (the kernel writes kB = 1024 bytes); undefined off Linux or when gone. */
export function readStatusBytes(pid: number | "self", field: StatusField): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = new RegExp(`^${field}:\\s*(\\d+)\\s*kB`, "m").exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

export function currentRssBytes(): number {
  return readStatusBytes("self", "VmRSS") ?? process.memoryUsage.rss();
}

/** Peak resident memory since start, or since resetPeakRss() where the kernel allows it. */
export function peakRssBytes(): number {
  // resourceUsage().maxRSS is in kB (getrusage ru_maxrss on Linux).
  return readStatusBytes("self", "VmHWM") ?? process.resourceUsage().maxRSS * 1024;
}

/**
 * Resets VmHWM to the current RSS (Linux ≥ 4.0: writing "5" to /proc/self/clear_refs, see proc(5)), so a later
 * peak is the model's and not the transient peak of loading the dataset. False where that is not possible.
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}
