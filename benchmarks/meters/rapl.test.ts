import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BenchmarkError } from "../types";
import { createMeter } from "./create-meter";
import { counterDeltaUj, nodePowercapFs, PowercapUnavailable, scanPowercap, type PowercapFs } from "./powercap";
import { createRaplMeter } from "./rapl";
import { FakePowercap } from "./testing/fake-powercap";

const usage = { wallS: 1, cpuS: 0, meanRssBytes: 0 };

/** The meter's gross energy (J) over a window in which `advance` moves the counters. */
function measure(root: string, advance: () => void): number {
  const end = createRaplMeter({ root }).begin();
  advance();
  return end(usage);
}

function expectWithinTenthOfAPercent(measuredJ: number, knownJ: number): void {
  expect(Math.abs(measuredJ - knownJ) / knownJ).toBeLessThan(0.001);
}

describe("rapl meter on a fake powercap tree", () => {
  let root: string;
  beforeEach(() => {
    root = join(mkdtempSync(join(tmpdir(), "frugal-powercap-")), "powercap");
  });
  afterEach(() => rmSync(join(root, ".."), { recursive: true, force: true }));

  it("reads a single package", () => {
    const tree = FakePowercap.create(root, [{ id: "intel-rapl:0", name: "package-0", startUj: 5_000_000 }]);
    const meter = createRaplMeter({ root });
    expect(meter).toMatchObject({ kind: "rapl", estimated: false });
    expect(meter.details).toMatchObject({ powercapRoot: root, domains: "intel-rapl:0 (package-0)", packageDomains: 1, dramDomains: 0 });
    expectWithinTenthOfAPercent(measure(root, () => tree.advance("intel-rapl:0", 12_345_678)), 12.345678);
  });

  it("adds DRAM to the package and leaves out the package's own core and uncore subdomains", () => {
    const tree = FakePowercap.create(root, [
      { id: "intel-rapl:0", name: "package-0" },
      { id: "intel-rapl:0:0", name: "core" },
      { id: "intel-rapl:0:1", name: "uncore" },
      { id: "intel-rapl:0:2", name: "dram" },
    ]);
    const measured = measure(root, () => {
      tree.advance("intel-rapl:0", 10_000_000); // includes cores and uncore
      tree.advance("intel-rapl:0:0", 6_000_000);
      tree.advance("intel-rapl:0:1", 1_000_000);
      tree.advance("intel-rapl:0:2", 2_500_000);
    });
    expectWithinTenthOfAPercent(measured, 12.5);
    expect(createRaplMeter({ root }).details).toMatchObject({ domains: "intel-rapl:0 (package-0), intel-rapl:0:2 (dram)", dramDomains: 1 });
  });

  it("sums two packages and their DRAM", () => {
    const tree = FakePowercap.create(root, [
      { id: "intel-rapl:0", name: "package-0" },
      { id: "intel-rapl:0:0", name: "dram" },
      { id: "intel-rapl:1", name: "package-1", startUj: 77_000_000 },
      { id: "intel-rapl:1:0", name: "dram", startUj: 3 },
    ]);
    const measured = measure(root, () => {
      tree.advance("intel-rapl:0", 40_000_000);
      tree.advance("intel-rapl:0:0", 4_000_000);
      tree.advance("intel-rapl:1", 38_000_000);
      tree.advance("intel-rapl:1:0", 3_500_000);
    });
    expectWithinTenthOfAPercent(measured, 85.5);
    expect(createRaplMeter({ root }).details).toMatchObject({ packageDomains: 2, dramDomains: 2 });
  });

  it("handles a counter that wraps inside the window, each counter with its own range", () => {
    const tree = FakePowercap.create(root, [
      { id: "intel-rapl:0", name: "package-0", startUj: 999_000, maxEnergyRangeUj: 1_000_000 },
      { id: "intel-rapl:0:0", name: "dram", startUj: 65_000_000, maxEnergyRangeUj: 65_532_610 },
    ]);
    const measured = measure(root, () => {
      tree.advance("intel-rapl:0", 501_234); // 999,000 → 500,234 after the wrap
      tree.advance("intel-rapl:0:0", 2_000_000);
    });
    expect(tree.read("intel-rapl:0")).toBe(500_234);
    expectWithinTenthOfAPercent(measured, 2.501234);
    expect(counterDeltaUj(900, 100, 1000)).toBe(200);
    expect(counterDeltaUj(100, 900, 1000)).toBe(800);
  });

  it("skips the platform (psys) domain, which already holds the packages", () => {
    const tree = FakePowercap.create(root, [
      { id: "intel-rapl:0", name: "package-0" },
      { id: "intel-rapl:1", name: "psys" },
    ]);
    const measured = measure(root, () => {
      tree.advance("intel-rapl:0", 3_000_000);
      tree.advance("intel-rapl:1", 9_000_000);
    });
    expectWithinTenthOfAPercent(measured, 3);
    expect(createRaplMeter({ root }).details.skippedDomains).toBe("intel-rapl:1 (psys)");
  });

  it("finds DRAM inside the package folder (the /sys/devices layout) and counts it once", () => {
    FakePowercap.create(root, [{ id: "intel-rapl:0", name: "package-0" }]);
    const nested = FakePowercap.create(join(root, "intel-rapl:0"), [{ id: "intel-rapl:0:2", name: "dram" }]);
    const tree = new FakePowercap(root);
    const measured = measure(root, () => {
      tree.advance("intel-rapl:0", 1_000_000);
      nested.advance("intel-rapl:0:2", 250_000);
    });
    expectWithinTenthOfAPercent(measured, 1.25);
  });

  it("says which file cannot be read when a counter is not a file", () => {
    FakePowercap.create(root, [{ id: "intel-rapl:0", name: "package-0" }]);
    rmSync(join(root, "intel-rapl:0", "energy_uj"));
    mkdirSync(join(root, "intel-rapl:0", "energy_uj"));
    const error = captureUnavailable(() => scanPowercap(root));
    expect(error.path).toBe(join(root, "intel-rapl:0", "energy_uj"));
    expect(error.message).toContain(`cannot read ${join(root, "intel-rapl:0", "energy_uj")} (EISDIR)`);
    expect(error.message).toContain("FRUGAL_METER=estimate");
  });

  it("tells how to get read access when the counter is root-only", () => {
    FakePowercap.create(root, [{ id: "intel-rapl:0", name: "package-0" }]);
    const denyCounters: PowercapFs = {
      readdir: nodePowercapFs.readdir,
      readFile: (path) => {
        if (path.endsWith("energy_uj")) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: "EACCES" });
        return nodePowercapFs.readFile(path);
      },
    };
    const error = captureUnavailable(() => createRaplMeter({ root, fs: denyCounters }));
    expect(error.message).toContain(`permission denied reading ${join(root, "intel-rapl:0", "energy_uj")}`);
    expect(error.message).toContain("run as root");
    expect(error.message).toContain(`sudo chmod o+r ${root}/intel-rapl:*/energy_uj`);
    expect(error.message).toContain("--meter estimate");
  });

  it("refuses a missing tree, a tree without packages and a counter that is not a number", () => {
    expect(captureUnavailable(() => scanPowercap(join(root, "absent"))).message).toContain(`there is no powercap tree at ${join(root, "absent")}`);
    FakePowercap.create(root, [{ id: "intel-rapl:1", name: "psys" }]);
    expect(captureUnavailable(() => scanPowercap(root)).message).toContain(`no RAPL package domain (intel-rapl:N) under ${root}`);
    FakePowercap.create(root, [{ id: "intel-rapl:0", name: "package-0" }]);
    writeFileSync(join(root, "intel-rapl:0", "energy_uj"), "n/a\n");
    expect(captureUnavailable(() => scanPowercap(root)).message).toContain('holds "n/a", not a count of µJ');
  });

  it("turns an unreadable tree into a meter_unavailable BenchmarkError when the rapl meter is built", () => {
    const error = (() => {
      try {
        createMeter("rapl", { powercapRoot: join(root, "absent") });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error).toMatchObject({ code: "meter_unavailable" });
    expect((error as Error).message).toContain(join(root, "absent"));
  });
});

function captureUnavailable(call: () => unknown): PowercapUnavailable {
  try {
    call();
  } catch (error) {
    if (error instanceof PowercapUnavailable) return error;
    throw error;
  }
  throw new Error("expected PowercapUnavailable");
}
