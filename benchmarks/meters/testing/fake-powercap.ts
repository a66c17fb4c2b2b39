// A powercap tree in a temp folder whose counters a test advances by known amounts, wrapping like the kernel's.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface FakeDomainSpec {
  /** "intel-rapl:0", "intel-rapl:0:2"… */
  id: string;
  name: string;
  startUj?: number;
  maxEnergyRangeUj?: number;
}

/** A typical package range: 2³² energy units of 61 µJ. */
export const TYPICAL_RANGE_UJ = 262_143_328_850;

export class FakePowercap {
  constructor(readonly root: string) {}

  /** Writes the domain folders flat under the root, as /sys/class/powercap shows them. */
  static create(root: string, domains: FakeDomainSpec[]): FakePowercap {
    mkdirSync(root, { recursive: true });
    for (const domain of domains) {
      const dir = join(root, domain.id);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "name"), `${domain.name}\n`);
      writeFileSync(join(dir, "energy_uj"), `${domain.startUj ?? 0}\n`);
      writeFileSync(join(dir, "max_energy_range_uj"), `${domain.maxEnergyRangeUj ?? TYPICAL_RANGE_UJ}\n`);
    }
    return new FakePowercap(root);
  }

  read(id: string): number {
    return Number(readFileSync(join(this.root, id, "energy_uj"), "utf8").trim());
  }

  /** Adds energy to a counter; past its range it wraps to 0 and goes on, as the hardware counter does. */
  advance(id: string, deltaUj: number): void {
    const range = Number(readFileSync(join(this.root, id, "max_energy_range_uj"), "utf8").trim());
    writeFileSync(join(this.root, id, "energy_uj"), `${(this.read(id) + deltaUj) % range}\n`);
  }
}
