// The `rapl` meter: energy read from the Linux powercap counters (docs/architecture.md, "Measurement protocol" step
// 7). The counters are system-wide, so the idle baseline (taken just before the windows) is subtracted by the
// harness to give the model's share; gross and net are both published.
import type { Meter } from "./meter";
import { counterDeltaUj, DEFAULT_POWERCAP_ROOT, nodePowercapFs, readMicrojoules, scanPowercap, type PowercapFs } from "./powercap";

export interface RaplMeterConfig {
  /** FRUGAL_POWERCAP_ROOT; /sys/class/powercap when not given. */
  root?: string;
  fs?: PowercapFs;
}

/** Throws PowercapUnavailable when no package counter can be read. */
export function createRaplMeter(config: RaplMeterConfig = {}): Meter {
  const root = config.root ?? DEFAULT_POWERCAP_ROOT;
  const fs = config.fs ?? nodePowercapFs;
  const { domains, skipped } = scanPowercap(root, fs);
  const read = () => domains.map((domain) => readMicrojoules(fs, root, domain.energyPath));
  const details: Record<string, string | number> = {
    powercapRoot: root,
    domains: domains.map((d) => `${d.id} (${d.name})`).join(", "),
    packageDomains: domains.filter((d) => d.kind === "package").length,
    dramDomains: domains.filter((d) => d.kind === "dram").length,
  };
  if (skipped.length > 0) details.skippedDomains = skipped.join(", ");
  return {
    kind: "rapl",
    estimated: false,
    details,
    begin() {
      const start = read();
      return () => {
        const end = read();
        // Sum of each counter's own delta, wrap-around per counter; µJ → J.
        const totalUj = domains.reduce((sum, domain, i) => sum + counterDeltaUj(start[i], end[i], domain.maxEnergyRangeUj), 0);
        return totalUj / 1e6;
      };
    },
  };
}
