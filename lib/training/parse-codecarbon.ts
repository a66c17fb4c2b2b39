// A CodeCarbon emissions.csv (https://mlco2.github.io/codecarbon/output.html): one row per tracked run, with
// `duration` in s, `emissions` in kg CO2e, `energy_consumed` in kWh, and where and on what it ran. Runs are summed:
// a training resumed three times is three rows. Older CodeCarbon versions write fewer columns (experiment_id for
// run_id, no gpu_model or codecarbon_version): what is missing is left out, never guessed.
import { AppError } from "../errors";
import type { TrainingEmissions } from "./training-emissions";

/** Columns every CodeCarbon version writes: a file without them is not CodeCarbon's. */
const SIGNATURE = ["timestamp", "project_name", "duration"] as const;
const MAX_BYTES = 1_000_000;

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      if (row.some((f) => f !== "")) rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== "")) rows.push(row);
  return rows;
}

const refuse = (message: string) => new AppError("invalid_request", `training emissions: ${message}`);

export function parseCodeCarbonCsv(text: string): TrainingEmissions {
  if (text.length > MAX_BYTES) throw refuse(`the emissions.csv is larger than ${MAX_BYTES / 1_000_000} MB; send the runs of this model only.`);
  const [header, ...runs] = parseCsv(text.replace(/^\uFEFF/, ""));
  const columns = (header ?? []).map((c) => c.trim());
  const missing = SIGNATURE.filter((c) => !columns.includes(c));
  const hasEnergy = columns.includes("energy_consumed");
  const hasEmissions = columns.includes("emissions");
  if (missing.length > 0 || (!hasEnergy && !hasEmissions)) {
    const lacks = [...missing, ...(!hasEnergy && !hasEmissions ? ["emissions or energy_consumed"] : [])];
    throw refuse(
      `this is not a CodeCarbon emissions.csv: its header lacks ${lacks.join(", ")} (it has ${columns.slice(0, 8).join(", ") || "nothing"}). ` +
        "Send the emissions.csv CodeCarbon wrote, or give the figures yourself.",
    );
  }
  if (runs.length === 0) throw refuse("the emissions.csv has a header but no runs.");
  const at = (run: string[], name: string) => {
    const index = columns.indexOf(name);
    return index === -1 ? "" : (run[index] ?? "").trim();
  };
  const sum = (name: string, present: boolean) => {
    if (!present) return null;
    return runs.reduce((total, run, i) => {
      const value = Number(at(run, name));
      if (at(run, name) === "" || !Number.isFinite(value) || value < 0) throw refuse(`run ${i + 1} has \`${name}\` "${at(run, name).slice(0, 40)}", not a number of 0 or more.`);
      return total + value;
    }, 0);
  };
  const distinct = (names: string[]) => {
    const values = runs.map((run) => names.map((n) => at(run, n)).filter(Boolean).join(", ")).filter(Boolean);
    return values.length > 0 ? [...new Set(values)].join("; ").slice(0, 200) : null;
  };
  const version = distinct(["codecarbon_version"]);
  return {
    energyKwh: sum("energy_consumed", hasEnergy),
    emissionsKg: sum("emissions", hasEmissions),
    durationS: sum("duration", true),
    hardware: distinct(["cpu_model", "gpu_model"]),
    location: distinct(["country_name", "region", "cloud_provider", "cloud_region"]),
    trainingType: null,
    source: `CodeCarbon${version ? ` ${version}` : ""} emissions.csv (${runs.length} run${runs.length === 1 ? "" : "s"})`.slice(0, 200),
  };
}
