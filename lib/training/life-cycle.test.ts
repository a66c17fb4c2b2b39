import { describe, expect, it } from "vitest";
import { lifeCycle } from "./life-cycle";

const training = { energyKwh: 0.5, emissionsKg: 0.2, durationS: 3600, hardware: null, location: null, trainingType: null, source: "CodeCarbon emissions.csv (1 run)" };

describe("life cycle", () => {
  it("breaks even when inference energy reaches the training energy", () => {
    // 0.5 kWh = 1.8e6 J; at 18 µJ per inference that is 1e11 inferences.
    const cycle = lifeCycle(training, 18e-6, 2e-9);
    expect(cycle.breakEvenByEnergy).toBeCloseTo(1e11, 0);
    // 0.2 kg = 200 g; at 2e-9 g per inference, 1e11 inferences.
    expect(cycle.breakEvenByCarbon).toBeCloseTo(1e11, 0);
    expect(cycle.energyKwh).toEqual([
      { inferences: 1e6, trainingKwh: 0.5, inferenceKwh: (1e6 * 18e-6) / 3.6e6 },
      { inferences: 1e9, trainingKwh: 0.5, inferenceKwh: (1e9 * 18e-6) / 3.6e6 },
    ]);
  });

  it("leaves out what was not reported", () => {
    const cycle = lifeCycle({ ...training, energyKwh: null }, 18e-6, null);
    expect(cycle).toEqual({ breakEvenByEnergy: null, breakEvenByCarbon: null, energyKwh: [] });
  });
});
