import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { nodePowercapFs, type PowercapFs } from "../meters/powercap";
import { FakePowercap } from "../meters/testing/fake-powercap";
import { BenchmarkError } from "../types";
import { resolveSettings } from "./defaults";
import { logMeterSelection, selectMeterKind } from "./select-meter";

describe("meter selection", () => {
  let dir: string;
  let readable: string;
  let absent: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "frugal-select-"));
    readable = join(dir, "powercap");
    absent = join(dir, "none");
    FakePowercap.create(readable, [
      { id: "intel-rapl:0", name: "package-0" },
      { id: "intel-rapl:0:1", name: "dram" },
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("chooses rapl by itself where the counters can be read", () => {
    expect(selectMeterKind({ env: { FRUGAL_POWERCAP_ROOT: readable } })).toEqual({
      kind: "rapl",
      how: "auto",
      reason: `RAPL counters readable under ${readable} (intel-rapl:0, intel-rapl:0:1)`,
      powercapRoot: readable,
    });
  });

  it("falls back to estimate with the reason, logged once per process", () => {
    const selection = selectMeterKind({ env: { FRUGAL_POWERCAP_ROOT: absent } });
    expect(selection).toMatchObject({ kind: "estimate", how: "auto" });
    expect(selection.reason).toContain(`rapl unavailable: there is no powercap tree at ${absent}`);
    const log = vi.fn();
    logMeterSelection(selection, log);
    logMeterSelection(selection, log);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toContain("using the estimate meter: rapl unavailable");
  });

  it("records the fallback reason in the settings the result's meterDetails come from", () => {
    const settings = resolveSettings({}, { FRUGAL_POWERCAP_ROOT: absent });
    expect(settings.meter).toBe("estimate");
    expect(settings.meterSelection.reason).toContain(absent);
  });

  it("fails a forced rapl that cannot read, naming the path and what to do", () => {
    for (const forced of [() => selectMeterKind({ env: { FRUGAL_METER: "rapl", FRUGAL_POWERCAP_ROOT: absent } }), () => selectMeterKind({ requested: "rapl", env: { FRUGAL_POWERCAP_ROOT: absent } })]) {
      const error = capture(forced);
      expect(error).toBeInstanceOf(BenchmarkError);
      expect(error).toMatchObject({ code: "meter_unavailable", rule: "rapl" });
      expect(error.message).toContain(`there is no powercap tree at ${absent}`);
      expect(error.message).toContain("FRUGAL_METER=estimate");
    }
    expect(capture(() => selectMeterKind({ env: { FRUGAL_METER: "rapl", FRUGAL_POWERCAP_ROOT: absent } })).message).toMatch(/^The rapl meter cannot be used \(FRUGAL_METER=rapl\)/);
    expect(capture(() => selectMeterKind({ requested: "rapl", env: { FRUGAL_POWERCAP_ROOT: absent } })).message).toMatch(/\(the run asked for rapl \(--meter\)\)/);
  });

  it("fails a forced rapl on root-only counters with the permission fix", () => {
    const denied: PowercapFs = {
      readdir: nodePowercapFs.readdir,
      readFile: (path) => {
        if (path.endsWith("energy_uj")) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
        return nodePowercapFs.readFile(path);
      },
    };
    const error = capture(() => selectMeterKind({ requested: "rapl", env: { FRUGAL_POWERCAP_ROOT: readable }, fs: denied }));
    expect(error.message).toContain(`permission denied reading ${join(readable, "intel-rapl:0", "energy_uj")}`);
    expect(error.message).toContain("run as root");
    expect(error.message).toContain("chmod");
    // the same tree chosen automatically falls back instead
    expect(selectMeterKind({ env: { FRUGAL_POWERCAP_ROOT: readable }, fs: denied })).toMatchObject({ kind: "estimate", how: "auto" });
  });

  it("forces estimate even where rapl could be read, and lets the run's option win over FRUGAL_METER", () => {
    expect(selectMeterKind({ env: { FRUGAL_METER: "estimate", FRUGAL_POWERCAP_ROOT: readable } })).toMatchObject({ kind: "estimate", how: "forced", reason: "FRUGAL_METER=estimate" });
    expect(selectMeterKind({ requested: "estimate", env: { FRUGAL_METER: "rapl", FRUGAL_POWERCAP_ROOT: absent } })).toMatchObject({ kind: "estimate", how: "forced" });
    expect(selectMeterKind({ requested: "rapl", env: { FRUGAL_METER: "estimate", FRUGAL_POWERCAP_ROOT: readable } })).toMatchObject({ kind: "rapl", how: "forced" });
    expect(selectMeterKind({ env: { FRUGAL_METER: "auto", FRUGAL_POWERCAP_ROOT: readable } })).toMatchObject({ kind: "rapl", how: "auto" });
  });

  it("names a bad FRUGAL_METER", () => {
    expect(() => selectMeterKind({ env: { FRUGAL_METER: "wattmeter" } })).toThrow("FRUGAL_METER: must be auto, rapl or estimate");
  });

  it("gives rapl 10 s windows and estimate 2 s unless configured", () => {
    expect(resolveSettings({}, { FRUGAL_POWERCAP_ROOT: readable })).toMatchObject({ meter: "rapl", windowS: 10, floorWindowS: 5 });
    expect(resolveSettings({}, { FRUGAL_POWERCAP_ROOT: absent })).toMatchObject({ meter: "estimate", windowS: 2, floorWindowS: 1 });
    expect(resolveSettings({}, { FRUGAL_POWERCAP_ROOT: readable, FRUGAL_WINDOW_S: "3" }).windowS).toBe(3);
    expect(resolveSettings({ windowS: 0.5 }, { FRUGAL_POWERCAP_ROOT: readable }).windowS).toBe(0.5);
  });
});

function capture(call: () => unknown): Error & { code?: string } {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
