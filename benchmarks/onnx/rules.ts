// The validator's rule ids and the one way it refuses a model. Rule ids are stable: the API, the CLI and the
// docs show them, so rename none; add new ones at the end.
import { BenchmarkError } from "../types";

export const VALIDATION_RULES = [
  "size",
  "protobuf",
  "functions",
  "custom-domain",
  "opset",
  "external-data",
  "operators",
  "inputs",
  "outputs",
  "input-type",
  "input-shape",
  "output-type",
  "output-shape",
  "ir-version",
  "output-name",
] as const;

export type ValidationRule = (typeof VALIDATION_RULES)[number];

export function refuse(rule: ValidationRule, message: string): never {
  throw new BenchmarkError("invalid_model", message, rule);
}

const MAX_NAME_CHARS = 100;

/** C0 and C1 control characters: text read from an uploaded file never carries them into a message. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

export function stripControlChars(text: string, replacement = ""): string {
  return text.replace(CONTROL_CHARS, replacement);
}

/**
 * A name from the uploaded file, made safe to show: control characters and backticks dropped (they could break
 * a terminal or the markdown the message is shown in) and cut to 100 characters.
 */
export function quote(text: string | null | undefined, maxChars = MAX_NAME_CHARS): string {
  const clean = stripControlChars(text ?? "").replace(/`/g, "");
  if (clean === "") return "(unnamed)";
  const chars = Array.from(clean);
  const cut = chars.length > maxChars ? `${chars.slice(0, maxChars).join("")}…` : clean;
  return `\`${cut}\``;
}

/** Up to `max` quoted names, then how many more: a hostile file may hold thousands. */
export function quoteList(names: string[], max = 5): string {
  const shown = names.slice(0, max).map((name) => quote(name));
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

/** int64 fields decode as Long objects when the `long` package is present, as plain numbers otherwise. */
export function toNumber(value: number | { toNumber(): number } | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === "number" ? value : value.toNumber();
}
