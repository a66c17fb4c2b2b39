// The Linux powercap tree (RAPL counters): which domains the rapl meter reads, and reading them. Package domains
// (`intel-rapl:N`) already include their cores and uncore subdomains; DRAM (`intel-rapl:N:M` named "dram") is
// outside the package and is added. Platform domains (psys) include the packages and are skipped.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const DEFAULT_POWERCAP_ROOT = "/sys/class/powercap";

/** File access, injectable so tests can make a counter unreadable even when they run as root. */
export interface PowercapFs {
  readFile(path: string): string;
  readdir(path: string): string[];
}

export const nodePowercapFs: PowercapFs = {
  readFile: (path) => readFileSync(path, "utf8"),
  readdir: (path) => readdirSync(path),
};

export interface PowercapDomain {
  /** Directory name, e.g. "intel-rapl:0" or "intel-rapl:0:2". */
  id: string;
  /** Contents of its `name` file, e.g. "package-0" or "dram". */
  name: string;
  kind: "package" | "dram";
  energyPath: string;
  /** The counter's range: it wraps to 0 past this many µJ. */
  maxEnergyRangeUj: number;
}

/** Why the counters cannot be read: the path that failed and what the operator can do about it. */
export class PowercapUnavailable extends Error {
  constructor(
    readonly reason: string,
    readonly path: string,
    readonly fix: string,
  ) {
    super(`${reason}. ${fix}`);
    this.name = "PowercapUnavailable";
  }
}

const PACKAGE = /^intel-rapl:(\d+)$/;
const SUBDOMAIN = /^intel-rapl:(\d+):(\d+)$/;
const USE_ESTIMATE = "Use the estimate meter instead (FRUGAL_METER=estimate, CLI --meter estimate).";

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

function unreadable(root: string, path: string, error: unknown): PowercapUnavailable {
  const code = errnoOf(error);
  if (code === "EACCES" || code === "EPERM") {
    // Since the fix for CVE-2020-8694 (Linux 5.10, backported), energy_uj is readable by root only.
    return new PowercapUnavailable(
      `permission denied reading ${path}`,
      path,
      `The RAPL counters are readable by root only on current kernels: run as root, or grant read access with ` +
        `\`sudo chmod o+r ${root}/intel-rapl:*/energy_uj ${root}/intel-rapl:*:*/energy_uj\` (until the next reboot; a ` +
        `udev rule makes it last). ${USE_ESTIMATE}`,
    );
  }
  return new PowercapUnavailable(`cannot read ${path} (${code})`, path, `Check the powercap tree (FRUGAL_POWERCAP_ROOT). ${USE_ESTIMATE}`);
}

/** A counter file's value in µJ; throws PowercapUnavailable naming the file. */
export function readMicrojoules(fs: PowercapFs, root: string, path: string): number {
  let text: string;
  try {
    text = fs.readFile(path).trim();
  } catch (error) {
    throw unreadable(root, path, error);
  }
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new PowercapUnavailable(`${path} holds "${text.slice(0, 40)}", not a count of µJ`, path, `Check the powercap tree (FRUGAL_POWERCAP_ROOT). ${USE_ESTIMATE}`);
  }
  return Number(text);
}

function readName(fs: PowercapFs, dir: string): string | undefined {
  try {
    return fs.readFile(join(dir, "name")).trim();
  } catch {
    return undefined;
  }
}

function listDir(fs: PowercapFs, root: string, dir: string): string[] {
  try {
    return fs.readdir(dir);
  } catch (error) {
    if (dir === root && errnoOf(error) === "ENOENT") {
      throw new PowercapUnavailable(
        `there is no powercap tree at ${root} (no RAPL counters on this machine: most VMs and containers have none)`,
        root,
        USE_ESTIMATE,
      );
    }
    throw unreadable(root, dir, error);
  }
}

export interface PowercapScan {
  domains: PowercapDomain[];
  /** Domains seen and left out on purpose (e.g. "intel-rapl:1 (psys)"). */
  skipped: string[];
}

/**
 * The package domains under root and their DRAM subdomains, each with its counter read once to prove it can be.
 * Subdomains are looked for at the root (as in /sys/class/powercap) and inside the package's folder (as in
 * /sys/devices/virtual/powercap/intel-rapl), each counted once.
 */
export function scanPowercap(root: string, fs: PowercapFs = nodePowercapFs): PowercapScan {
  const entries = listDir(fs, root, root);
  const domains: PowercapDomain[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (id: string, dir: string, name: string, kind: PowercapDomain["kind"]) => {
    if (seen.has(id)) return;
    seen.add(id);
    const energyPath = join(dir, "energy_uj");
    readMicrojoules(fs, root, energyPath);
    const maxEnergyRangeUj = readMicrojoules(fs, root, join(dir, "max_energy_range_uj"));
    if (maxEnergyRangeUj <= 0) throw new PowercapUnavailable(`${join(dir, "max_energy_range_uj")} is 0`, dir, USE_ESTIMATE);
    domains.push({ id, name, kind, energyPath, maxEnergyRangeUj });
  };

  for (const id of entries.filter((entry) => PACKAGE.test(entry)).sort()) {
    const dir = join(root, id);
    // A tree without name files (old kernels) holds packages only at this level.
    const name = readName(fs, dir) ?? `package-${PACKAGE.exec(id)![1]}`;
    if (!name.startsWith("package")) {
      skipped.push(`${id} (${name})`);
      continue;
    }
    add(id, dir, name, "package");
    const inside = listDir(fs, root, dir).filter((entry) => SUBDOMAIN.test(entry) && entry.startsWith(`${id}:`));
    const atRoot = entries.filter((entry) => SUBDOMAIN.test(entry) && entry.startsWith(`${id}:`));
    const candidates = [...atRoot.sort().map((sub) => [sub, join(root, sub)]), ...inside.sort().map((sub) => [sub, join(dir, sub)])];
    for (const [sub, subDir] of candidates) {
      if (!seen.has(sub) && readName(fs, subDir) === "dram") add(sub, subDir, "dram", "dram");
    }
  }
  if (!domains.some((domain) => domain.kind === "package")) {
    throw new PowercapUnavailable(`no RAPL package domain (intel-rapl:N) under ${root}`, root, USE_ESTIMATE);
  }
  return { domains, skipped };
}

/**
 * Energy (µJ) a counter advanced between two readings. A counter wraps to 0 past max_energy_range_uj, so a reading
 * below the previous one means it wrapped once: the window must be shorter than one wrap period (at 100 W a
 * 262 kJ range wraps every 44 minutes; windows last seconds).
 */
export function counterDeltaUj(startUj: number, endUj: number, maxEnergyRangeUj: number): number {
  return endUj >= startUj ? endUj - startUj : maxEnergyRangeUj - startUj + endUj;
}
