import { describe, expect, it } from "vitest";
import { SCI_DEFAULTS } from "../lib/sci/sci";
import { readWorkerSettings, sciAssumptionsOf } from "./settings";

describe("readWorkerSettings", () => {
  it("calibrates hourly by default, and FRUGAL_CALIBRATE=0 turns it off", () => {
    expect(readWorkerSettings({})).toMatchObject({ FRUGAL_CALIBRATE: true, FRUGAL_CALIBRATE_EVERY_S: 3_600, FRUGAL_CALIBRATE_CHECK_MS: 5_000 });
    expect(readWorkerSettings({ FRUGAL_CALIBRATE: "0", FRUGAL_CALIBRATE_EVERY_S: "600" })).toMatchObject({ FRUGAL_CALIBRATE: false, FRUGAL_CALIBRATE_EVERY_S: 600 });
  });

  it("refuses a bad calibration setting, naming the variable", () => {
    expect(() => readWorkerSettings({ FRUGAL_CALIBRATE: "yes" })).toThrow("Invalid worker configuration (see .env.example): FRUGAL_CALIBRATE: must be 0 or 1");
    expect(() => readWorkerSettings({ FRUGAL_CALIBRATE_EVERY_S: "5" })).toThrow(/FRUGAL_CALIBRATE_EVERY_S: Too small: expected number to be >=60/);
  });
});

describe("worker SCI settings", () => {
  it("default to the cited values and follow the environment", () => {
    expect(sciAssumptionsOf(readWorkerSettings({}))).toEqual(SCI_DEFAULTS);
    expect(sciAssumptionsOf(readWorkerSettings({ FRUGAL_SCI_GRID_G_PER_KWH: "56", FRUGAL_SCI_EMBODIED_KG: "750", FRUGAL_SCI_LIFESPAN_YEARS: "6" }))).toEqual({
      gridGPerKwh: 56,
      embodiedKg: 750,
      lifespanYears: 6,
    });
  });

  it("refuse values that cannot be right, naming the variable", () => {
    expect(() => readWorkerSettings({ FRUGAL_SCI_LIFESPAN_YEARS: "0" })).toThrow(/Invalid worker configuration \(see .env.example\): FRUGAL_SCI_LIFESPAN_YEARS: /);
    expect(() => readWorkerSettings({ FRUGAL_SCI_GRID_G_PER_KWH: "-1" })).toThrow(/FRUGAL_SCI_GRID_G_PER_KWH: /);
    expect(() => readWorkerSettings({ FRUGAL_SCI_EMBODIED_KG: "lots" })).toThrow(/FRUGAL_SCI_EMBODIED_KG: /);
  });
});
