// Training emissions from a submission's form: a CodeCarbon emissions.csv (multipart field `trainingEmissions`)
// and/or typed fields. A typed field wins over the file's (a submitter can say the training type, or correct the
// location CodeCarbon guessed). Nothing given: null, and the submission carries no training figures.
import { AppError } from "../errors";
import { parseCodeCarbonCsv } from "./parse-codecarbon";
import { TRAINING_FIELDS, TRAINING_TYPES, zTrainingEmissions, type TrainingEmissions } from "./training-emissions";

export { TRAINING_FIELDS };
export type TrainingFields = Partial<Record<(typeof TRAINING_FIELDS)[number], string>>;

function number(fields: TrainingFields, name: keyof TrainingFields): number | undefined {
  const text = fields[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new AppError("invalid_request", `training emissions: \`${name}\` must be a number of 0 or more, got "${text.slice(0, 40)}".`);
  return value;
}

export function trainingFromForm(fields: TrainingFields, codeCarbonCsv: string | null): TrainingEmissions | null {
  const typed = TRAINING_FIELDS.some((name) => fields[name] !== undefined && fields[name] !== "");
  if (!typed && codeCarbonCsv === null) return null;
  const type = fields.trainingType || undefined;
  if (type !== undefined && !(TRAINING_TYPES as readonly string[]).includes(type)) {
    throw new AppError("invalid_request", `training emissions: \`trainingType\` must be ${TRAINING_TYPES.join(" or ")}, got "${type.slice(0, 40)}".`);
  }
  const fromFile = codeCarbonCsv === null ? null : parseCodeCarbonCsv(codeCarbonCsv);
  const text = (name: keyof TrainingFields) => fields[name]?.trim().slice(0, 200) || undefined;
  const merged = {
    energyKwh: number(fields, "trainingEnergyKwh") ?? fromFile?.energyKwh ?? null,
    emissionsKg: number(fields, "trainingEmissionsKg") ?? fromFile?.emissionsKg ?? null,
    durationS: number(fields, "trainingDurationS") ?? fromFile?.durationS ?? null,
    hardware: text("trainingHardware") ?? fromFile?.hardware ?? null,
    location: text("trainingLocation") ?? fromFile?.location ?? null,
    trainingType: (type as TrainingEmissions["trainingType"]) ?? null,
    source: text("trainingSource") ?? fromFile?.source ?? "reported by the submitter",
  };
  const parsed = zTrainingEmissions.safeParse(merged);
  if (!parsed.success) throw new AppError("invalid_request", `training emissions: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return parsed.data;
}
