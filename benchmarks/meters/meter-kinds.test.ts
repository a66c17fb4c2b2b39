// Adding a meter kind to METER_KINDS must reach every place that names kinds: the types (checked by tsc, which
// `npm run lint` runs over this file), the result schema, FRUGAL_METER and the per-meter window length. The CLI's
// --meter (cli/bench-args.test.ts) and the API's description (lib/api/openapi) derive from the same list.
import { describe, expect, expectTypeOf, it } from "vitest";
import { DEFAULTS } from "../harness/defaults";
import { parseHarnessEnv } from "../harness/env";
import { zBenchmarkResult, zHardwareProfile } from "../harness/result-schema";
import type { BenchmarkOptions, BenchmarkResult, HardwareProfile } from "../types";
import { isMeterKind, listInWords, METER_KINDS, type MeterKind } from "./meter-kinds";

describe("the meter kinds", () => {
  it("are the types of every field that holds one", () => {
    expectTypeOf<BenchmarkResult["meter"]>().toEqualTypeOf<MeterKind>();
    expectTypeOf<HardwareProfile["meter"]>().toEqualTypeOf<MeterKind>();
    expectTypeOf<NonNullable<BenchmarkOptions["meter"]>>().toEqualTypeOf<MeterKind>();
    expectTypeOf<keyof typeof DEFAULTS.windowS>().toEqualTypeOf<MeterKind>();
  });

  it("are what the result schema and FRUGAL_METER accept, each with a window length", () => {
    expect(zBenchmarkResult.shape.meter.options).toEqual([...METER_KINDS]);
    expect(zHardwareProfile.shape.meter.options).toEqual([...METER_KINDS]);
    for (const kind of METER_KINDS) {
      expect(isMeterKind(kind)).toBe(true);
      expect(parseHarnessEnv({ FRUGAL_METER: kind }).FRUGAL_METER).toBe(kind);
      expect(DEFAULTS.windowS[kind]).toBeGreaterThan(0);
    }
    expect(isMeterKind("nvml")).toBe(false);
    expect(() => parseHarnessEnv({ FRUGAL_METER: "nvml" })).toThrow(`FRUGAL_METER: must be ${listInWords(["auto", ...METER_KINDS])}`);
  });

  it("are named in words as a message lists them", () => {
    expect(listInWords(["rapl"])).toBe("rapl");
    expect(listInWords(["auto", "rapl", "estimate"])).toBe("auto, rapl or estimate");
  });
});
