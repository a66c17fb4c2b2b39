// The machine a result was measured on. Results are compared only within one profile (docs/architecture.md,
// "Measurement protocol" step 10).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import type { HardwareProfile, MeterKind } from "../types";

export interface ProfileOptions {
  intraOpThreads: number;
  meter: MeterKind;
}

/** Physical cores from /proc/cpuinfo: distinct (physical id, core id) pairs; undefined when the file says nothing. */
export function physicalCoresFromCpuinfo(cpuinfo: string): number | undefined {
  const cores = new Set<string>();
  for (const block of cpuinfo.split(/\n\s*\n/)) {
    const physical = /^physical id\s*:\s*(\d+)/m.exec(block)?.[1];
    const core = /^core id\s*:\s*(\d+)/m.exec(block)?.[1];
    if (physical !== undefined && core !== undefined) cores.add(`${physical}:${core}`);
  }
  return cores.size > 0 ? cores.size : undefined;
}

function readCpuinfo(): string {
  try {
    return readFileSync("/proc/cpuinfo", "utf8");
  } catch {
    return ""; // not Linux: fall back to logical cores
  }
}

let ortVersion: string | undefined;

/** onnxruntime-node's version from its package.json, without loading the native runtime into this process. */
export function onnxruntimeVersion(): string {
  if (ortVersion === undefined) {
    const require = createRequire(import.meta.url);
    const pkg = JSON.parse(readFileSync(require.resolve("onnxruntime-node/package.json"), "utf8")) as { version: string };
    ortVersion = pkg.version;
  }
  return ortVersion;
}

/** JSON with keys sorted, so the same fields always hash the same. */
function stableJson(fields: Record<string, string | number>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))));
}

/** The first 16 hex digits of the SHA-256 of the fields (the hostname is not among them). */
export function hardwareProfileId(fields: Omit<HardwareProfile, "id">): string {
  return createHash("sha256").update(stableJson({ ...fields })).digest("hex").slice(0, 16);
}

export function getHardwareProfile(options: ProfileOptions): HardwareProfile {
  const cpus = os.cpus();
  const threads = Math.max(1, cpus.length);
  const fields: Omit<HardwareProfile, "id"> = {
    cpuModel: (cpus[0]?.model ?? "unknown").trim(),
    cores: physicalCoresFromCpuinfo(readCpuinfo()) ?? threads,
    threads,
    ramBytes: os.totalmem(),
    os: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    nodeVersion: process.version,
    onnxruntimeVersion: onnxruntimeVersion(),
    intraOpThreads: options.intraOpThreads,
    meter: options.meter,
  };
  return { id: hardwareProfileId(fields), ...fields };
}
