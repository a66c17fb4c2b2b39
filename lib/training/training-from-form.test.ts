import { describe, expect, it } from "vitest";
import { trainingFromForm } from "./training-from-form";

const csv = "timestamp,project_name,run_id,duration,emissions,energy_consumed,country_name,cpu_model,gpu_model\n2024-01-01T00:00:00,p,r1,3600,0.2,0.5,France,Xeon,A100\n";

describe("training emissions from the submission form", () => {
  it("is null when nothing was given", () => {
    expect(trainingFromForm({}, null)).toBeNull();
    expect(trainingFromForm({ trainingHardware: "" }, null)).toBeNull();
  });

  it("takes the figures from a CodeCarbon file, and typed fields over the file's", () => {
    expect(trainingFromForm({}, csv)).toMatchObject({ energyKwh: 0.5, emissionsKg: 0.2, durationS: 3600, location: "France", source: "CodeCarbon emissions.csv (1 run)" });
    expect(trainingFromForm({ trainingType: "fine-tuning", trainingLocation: "Lyon, France" }, csv)).toMatchObject({ trainingType: "fine-tuning", location: "Lyon, France", emissionsKg: 0.2 });
  });

  it("takes typed figures alone, saying the submitter reported them", () => {
    expect(trainingFromForm({ trainingEnergyKwh: "12.5", trainingHardware: "4 x V100" }, null)).toEqual({
      energyKwh: 12.5,
      emissionsKg: null,
      durationS: null,
      hardware: "4 x V100",
      location: null,
      trainingType: null,
      source: "reported by the submitter",
    });
  });

  it("refuses what cannot be right, saying which field", () => {
    expect(() => trainingFromForm({ trainingEnergyKwh: "-1" }, null)).toThrow('training emissions: `trainingEnergyKwh` must be a number of 0 or more, got "-1".');
    expect(() => trainingFromForm({ trainingEmissionsKg: "a lot" }, null)).toThrow("`trainingEmissionsKg` must be a number of 0 or more");
    expect(() => trainingFromForm({ trainingType: "inference" }, null)).toThrow('training emissions: `trainingType` must be pre-training or fine-tuning, got "inference".');
    expect(() => trainingFromForm({ trainingHardware: "GPU" }, null)).toThrow("training emissions: Give the training energy (kWh), the emissions (kg CO2e), or both.");
    expect(() => trainingFromForm({}, "a,b\n1,2\n")).toThrow("this is not a CodeCarbon emissions.csv");
  });
});
