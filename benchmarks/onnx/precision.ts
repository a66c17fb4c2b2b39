// The numeric format a model computes in, read from how its weights are stored, so a board can be filtered to
// "int8 models" without trusting what a submitter typed.
import type { WeightFacts } from "./weigh-model";

/** Every value a result's `precision` can take; the zod enum, the board filter and the labels derive from it. */
export const PRECISIONS = ["fp32", "fp64", "fp16", "bf16", "int8-qdq", "int8-qoperator", "int4", "trees", "mixed"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** How one weight tensor is stored: a precision, or "other" (integers that are not quantised weights). */
export type WeightFormat = Exclude<Precision, "mixed"> | "other";

export const PRECISION_LABELS: Record<Precision, string> = {
  fp32: "float32",
  fp64: "float64",
  fp16: "float16",
  bf16: "bfloat16",
  "int8-qdq": "int8 (QDQ)",
  "int8-qoperator": "int8 (QOperator)",
  int4: "int4",
  trees: "trees",
  mixed: "mixed",
};

// A format holding at least this share of the weights names the model; below it, no format does ("mixed").
// 0.9 leaves room for what quantisers and float16 converters keep in float32 on purpose (a few biases, norms).
const DOMINANT_SHARE = 0.9;

/**
 * The format that holds most of the weights of the matrix-like operators (matrix-inputs.ts; all weights when
 * there are none). Integer tensors that are no quantised weights (shapes, indices, vocabularies) take no part. A
 * tree ensemble is "trees" when its thresholds and leaf values are at least half of those weights. No weights at
 * all: "fp32", the format the contract's scores are computed in.
 */
export function detectPrecision(weights: WeightFacts): Precision {
  const matrixTotal = [...weights.matrixParamsByFormat.values()].reduce((n, c) => n + c, 0);
  const byFormat = matrixTotal > 0 ? weights.matrixParamsByFormat : weights.paramsByFormat;
  const counted = [...byFormat].filter((entry): entry is [Exclude<WeightFormat, "other">, number] => entry[0] !== "other" && entry[1] > 0);
  const total = counted.reduce((n, [, count]) => n + count, 0);
  if (total === 0) return "fp32";
  const trees = byFormat.get("trees") ?? 0;
  if (trees * 2 >= total) return "trees";
  const [format, count] = counted.reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return count >= DOMINANT_SHARE * total ? format : "mixed";
}
