import { describe, expect, it } from "vitest";
import { parseCodeCarbonCsv, parseCsv } from "./parse-codecarbon";

// Columns as CodeCarbon 2.x writes them (https://mlco2.github.io/codecarbon/output.html).
const HEADER =
  "timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed," +
  "country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model," +
  "longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue";
const run = (duration: number, emissionsKg: number, energyKwh: number) =>
  `2024-05-27T10:49:55,codecarbon,2392f828,${duration},${emissionsKg},5.3e-05,42.5,163.08,31.30,0.0501,0.3793,0.0369,${energyKwh},Singapore,SGP,,,,` +
  `Linux-6.1.85,3.10.12,2.4.2,12,"Intel(R) Xeon(R) CPU @ 2.20GHz",1,1 x NVIDIA A100-SXM4-40GB,103.85,1.28,83.47,machine,N,1.0`;

describe("CodeCarbon emissions.csv", () => {
  it("sums several runs: duration in s, emissions in kg CO2e, energy in kWh", () => {
    const parsed = parseCodeCarbonCsv([HEADER, run(4251.5, 0.228, 0.4665), run(299.5, 0.0166, 0.0339)].join("\n") + "\n");
    expect(parsed.durationS).toBeCloseTo(4551, 9);
    expect(parsed.emissionsKg).toBeCloseTo(0.2446, 12);
    expect(parsed.energyKwh).toBeCloseTo(0.5004, 12);
    expect(parsed).toMatchObject({
      hardware: "Intel(R) Xeon(R) CPU @ 2.20GHz, 1 x NVIDIA A100-SXM4-40GB",
      location: "Singapore",
      trainingType: null,
      source: "CodeCarbon 2.4.2 emissions.csv (2 runs)",
    });
  });

  it("reads an older file with fewer columns, leaving out what it lacks", () => {
    const old = "timestamp,experiment_id,project_name,duration,emissions,energy_consumed,country_name,country_iso_code,region,on_cloud,cloud_provider,cloud_region\r\n" +
      "2022-05-02T16:54:11,8eebd56a,codecarbon,1653.84,0.02815,0.13375,United States,USA,new york,N,,\r\n";
    expect(parseCodeCarbonCsv(old)).toEqual({
      energyKwh: 0.13375,
      emissionsKg: 0.02815,
      durationS: 1653.84,
      hardware: null,
      location: "United States, new york",
      trainingType: null,
      source: "CodeCarbon emissions.csv (1 run)",
    });
    const noEnergy = "timestamp,project_name,duration,emissions\n2022-01-01T00:00:00,p,10,0.5\n";
    expect(parseCodeCarbonCsv(noEnergy)).toMatchObject({ energyKwh: null, emissionsKg: 0.5, durationS: 10 });
  });

  it("refuses a file that is not CodeCarbon's, saying what its header lacks", () => {
    expect(() => parseCodeCarbonCsv("rank,model_slug,accuracy\n1,x,0.9\n")).toThrow(
      "training emissions: this is not a CodeCarbon emissions.csv: its header lacks timestamp, project_name, duration, emissions or energy_consumed (it has rank, model_slug, accuracy). " +
        "Send the emissions.csv CodeCarbon wrote, or give the figures yourself.",
    );
    expect(() => parseCodeCarbonCsv("")).toThrow("its header lacks timestamp, project_name, duration, emissions or energy_consumed (it has nothing)");
    expect(() => parseCodeCarbonCsv("timestamp,project_name,duration\n2022,p,1\n")).toThrow("its header lacks emissions or energy_consumed");
  });

  it("refuses a header without runs and a run whose figure is not a number", () => {
    expect(() => parseCodeCarbonCsv(`${HEADER}\n`)).toThrow("training emissions: the emissions.csv has a header but no runs.");
    const bad = [HEADER, run(1, 0.1, 0.2).replace(",0.1,", ",lots,")].join("\n");
    expect(() => parseCodeCarbonCsv(bad)).toThrow('training emissions: run 1 has `emissions` "lots", not a number of 0 or more.');
    expect(() => parseCodeCarbonCsv("x".repeat(1_000_001))).toThrow("larger than 1 MB");
  });

  it("reads quoted fields with commas, quotes and line breaks", () => {
    expect(parseCsv('a,"b,c","d ""e""","f\ng"\r\n1,2,3,4')).toEqual([
      ["a", "b,c", 'd "e"', "f\ng"],
      ["1", "2", "3", "4"],
    ]);
  });
});
