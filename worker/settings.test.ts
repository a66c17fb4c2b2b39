import { describe, expect, it } from "vitest";
import { SCI_DEFAULTS } from "../lib/sci/sci";
import { readWorkerSettings as readSettings, sciAssumptionsOf } from "./settings";

const readWorkerSettings = (vars: Record<string, string>) => readSettings(vars as NodeJS.ProcessEnv);

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
    expect(() => readWorkerSettings({ FRUGAL_SCI_LIFESPAN_YEARS: "0" })).toThrow(/Invalid worker configuration: FRUGAL_SCI_LIFESPAN_YEARS: /);
    expect(() => readWorkerSettings({ FRUGAL_SCI_GRID_G_PER_KWH: "-1" })).toThrow(/FRUGAL_SCI_GRID_G_PER_KWH: /);
    expect(() => readWorkerSettings({ FRUGAL_SCI_EMBODIED_KG: "lots" })).toThrow(/FRUGAL_SCI_EMBODIED_KG: /);
  });
});
