import { describe, expect, it } from "vitest";
import { readWorkerSettings } from "./settings";

describe("readWorkerSettings", () => {
  it("calibrates hourly by default, and FRUGAL_CALIBRATE=0 turns it off", () => {
    expect(readWorkerSettings({})).toMatchObject({ FRUGAL_CALIBRATE: true, FRUGAL_CALIBRATE_EVERY_S: 3_600, FRUGAL_CALIBRATE_CHECK_MS: 5_000 });
    expect(readWorkerSettings({ FRUGAL_CALIBRATE: "0", FRUGAL_CALIBRATE_EVERY_S: "600" })).toMatchObject({ FRUGAL_CALIBRATE: false, FRUGAL_CALIBRATE_EVERY_S: 600 });
  });

  it("refuses a bad calibration setting, naming the variable", () => {
    expect(() => readWorkerSettings({ FRUGAL_CALIBRATE: "yes" })).toThrow("Invalid worker configuration: FRUGAL_CALIBRATE: must be 0 or 1");
    expect(() => readWorkerSettings({ FRUGAL_CALIBRATE_EVERY_S: "5" })).toThrow(/FRUGAL_CALIBRATE_EVERY_S: Too small: expected number to be >=60/);
  });
});
