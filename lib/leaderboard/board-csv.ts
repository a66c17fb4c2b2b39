// The board as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or
// a line break). Safe to open in a spreadsheet: a cell starting with = + - @ (or a tab or carriage return) would
// be read as a formula, so it gets a leading apostrophe (OWASP, "CSV Injection").
import type { Board } from "./get-board";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: neutralised as a formula, then quoted where needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvCell).join(",");
}

export const BOARD_CSV_COLUMNS = [
  "rank",
  "model_slug",
  "model_name",
  "accuracy",
  "macro_f1",
  "energy_per_inference_uj",
  "energy_ci95_low_uj",
  "energy_ci95_high_uj",
  "accuracy_per_joule",
  "energy_class",
  "stars",
  "pareto",
  "above_floor",
  "model_memory_bytes",
  "file_bytes",
  "params",
  "latency_p50_ms",
  "offline_batch",
  "batch_fixed",
  "meter",
  "estimated",
  "unstable",
  "finished_at",
  "task",
  "hardware_profile",
  "cpu_model",
  "energy_classes_dated",
  // Last, so readers of the earlier columns by position are unaffected.
  "published_ci95_low_uj",
  "published_ci95_high_uj",
  "between_run_half_width_95",
  "precision",
  "non_zero_params",
  "onnxruntime_only",
] as const;

/** J → µJ, with the float noise of the multiplication (38.00000000000001) rounded off at 12 significant digits. */
const uj = (joules: number | undefined) => (joules === undefined ? null : Number((joules * 1e6).toPrecision(12)));

export function boardToCsv(board: Board): string {
  const lines = [csvRow(BOARD_CSV_COLUMNS)];
  for (const e of board.entries) {
    lines.push(
      csvRow([
        // "=3" when tied: csvCell writes it '=3, so a spreadsheet shows the text instead of computing 3.
        e.rankDisplay,
        e.modelSlug,
        e.modelName,
        e.accuracy,
        e.macroF1,
        uj(e.energyPerInferenceJ),
        uj(e.energyCi95J?.[0]),
        uj(e.energyCi95J?.[1]),
        e.accuracyPerJoule,
        e.energyClass,
        e.stars,
        e.pareto,
        e.eligible,
        e.modelMemoryBytes,
        e.fileBytes,
        e.paramCount,
        e.latencyP50Ms,
        e.offlineBatchSize,
        e.batchFixed,
        e.meter,
        e.estimated,
        e.unstable,
        e.finishedAt,
        board.task.id,
        board.hardwareProfileId,
        board.profile?.cpuModel,
        board.task.energyClasses.dated,
        uj(e.publishedCi95J?.[0]),
        uj(e.publishedCi95J?.[1]),
        e.betweenRunHalfWidth95,
        e.precision,
        e.nonZeroParamCount,
        e.onnxruntimeOnly,
      ]),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
