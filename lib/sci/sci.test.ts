import { describe, expect, it } from "vitest";
import { SCI_DEFAULTS, sciPerInference } from "./sci";

const inputs = { energyPerInferenceJ: 36e-6, timePerInferenceS: 1e-4, threadsReserved: 1, threadsTotal: 8 };

describe("SCI per inference", () => {
  it("is E × I + M on known inputs", () => {
    // E = 36 µJ = 1e-11 kWh; × 475 g/kWh = 4.75e-9 g.
    // M = 1e6 g × (1e-4 s ÷ (4 × 365.25 × 86400 s)) × (1/8) = 1e6 × 7.92e-13 × 0.125 = 9.90e-8 g.
    const sci = sciPerInference(inputs, SCI_DEFAULTS);
    expect(sci.energyKwh).toBeCloseTo(1e-11, 20);
    expect(sci.operationalG).toBeCloseTo(4.75e-9, 18);
    expect(sci.timeShare).toBeCloseTo(1e-4 / 126_230_400, 20);
    expect(sci.resourceShare).toBe(0.125);
    expect(sci.embodiedG).toBeCloseTo((1e6 * 1e-4 * 0.125) / 126_230_400, 18);
    expect(sci.perInferenceG).toBeCloseTo(sci.operationalG + sci.embodiedG, 20);
    expect(sci.perMillionG).toBeCloseTo(sci.perInferenceG * 1e6, 12);
  });

  it("follows each assumption", () => {
    const base = sciPerInference(inputs, SCI_DEFAULTS);
    expect(sciPerInference(inputs, { ...SCI_DEFAULTS, gridGPerKwh: 950 }).operationalG).toBeCloseTo(base.operationalG * 2, 18);
    expect(sciPerInference(inputs, { ...SCI_DEFAULTS, gridGPerKwh: 0 }).perInferenceG).toBeCloseTo(base.embodiedG, 18);
    expect(sciPerInference(inputs, { ...SCI_DEFAULTS, embodiedKg: 2_000 }).embodiedG).toBeCloseTo(base.embodiedG * 2, 18);
    expect(sciPerInference(inputs, { ...SCI_DEFAULTS, embodiedKg: 0 }).perInferenceG).toBeCloseTo(base.operationalG, 18);
    expect(sciPerInference(inputs, { ...SCI_DEFAULTS, lifespanYears: 8 }).embodiedG).toBeCloseTo(base.embodiedG / 2, 18);
    expect(sciPerInference({ ...inputs, threadsReserved: 4 }, SCI_DEFAULTS).embodiedG).toBeCloseTo(base.embodiedG * 4, 18);
    expect(sciPerInference({ ...inputs, timePerInferenceS: 2e-4 }, SCI_DEFAULTS).embodiedG).toBeCloseTo(base.embodiedG * 2, 18);
  });

  it("never charges more than the whole machine", () => {
    expect(sciPerInference({ ...inputs, threadsReserved: 16 }, SCI_DEFAULTS).resourceShare).toBe(1);
  });
});
