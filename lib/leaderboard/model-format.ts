// How a board entry's model is stored (precision, non-zero weights, onnxruntime's own operators), beside the
// ranking fields: rank-board.ts ranks by measurements only, so these join its entries afterwards (get-board.ts).
import { PRECISION_LABELS, PRECISIONS, type Precision } from "../../benchmarks/onnx/precision";
import { AppError } from "../errors";

export { PRECISION_LABELS, PRECISIONS, type Precision };

export interface ModelFormat {
  /** null on results recorded before precision was detected. */
  precision: Precision | null;
  nonZeroParamCount: number | null;
  /** Uses com.microsoft operators: reproducible on onnxruntime only. */
  onnxruntimeOnly: boolean;
}

export function readPrecision(value: unknown): Precision | null {
  return PRECISIONS.find((p) => p === value) ?? null;
}

/** The `precision` query parameter of a board, refused with the list of values when unknown. */
export function parsePrecisionParam(value: string | null): Precision | undefined {
  if (value === null || value === "") return undefined;
  const precision = readPrecision(value);
  if (!precision) {
    throw new AppError("invalid_request", `Query parameter \`precision\` must be one of ${PRECISIONS.join(", ")}; got \`${value.slice(0, 32)}\`.`);
  }
  return precision;
}

/** Precisions present on a board, in PRECISIONS order: the board's filter offers these. */
export function precisionsOf(entries: ModelFormat[]): Precision[] {
  const present = new Set(entries.map((e) => e.precision));
  return PRECISIONS.filter((p) => present.has(p));
}
