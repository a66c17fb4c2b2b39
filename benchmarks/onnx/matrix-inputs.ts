// Which weights decide a model's precision: those its matrix-like operators multiply by (MatMul, Conv, Gemm, their
// quantised forms, recurrent cells, embeddings, linear and tree models). A float32 scaler, bias or norm kept beside
// int8 or float16 matrices is what quantisers and converters do on purpose, and does not make a model "mixed".
import type { onnx } from "onnx-proto";

/** Operator → the inputs that hold its weights (an initializer there is a matrix weight). */
const MATRIX_INPUTS = new Map<string, number[]>([
  ["MatMul", [0, 1]],
  ["Gemm", [0, 1]],
  ["Conv", [1]],
  ["ConvTranspose", [1]],
  ["QLinearMatMul", [0, 3]],
  ["QLinearConv", [3]],
  ["QGemm", [0, 3]],
  ["MatMulInteger", [0, 1]],
  ["ConvInteger", [1]],
  ["DynamicQuantizeMatMul", [1]],
  ["MatMulIntegerToFloat", [0, 1]],
  ["MatMulNBits", [1]],
  ["FusedConv", [1]],
  ["FusedGemm", [0, 1]],
  ["FusedMatMul", [0, 1]],
  ["Attention", [1]],
  ["LSTM", [1, 2]],
  ["GRU", [1, 2]],
  ["RNN", [1, 2]],
  ["Einsum", [0, 1, 2, 3]],
  ["Gather", [0]],
]);

/** Operators that hand a weight on unchanged in substance (dequantised, cast, laid out anew). */
const PASS_THROUGH = new Set(["DequantizeLinear", "Cast", "Transpose", "Reshape", "Identity", "Unsqueeze", "Squeeze", "Flatten"]);

/** ai.onnx.ml operators whose attributes are the model's matrix (or trees). */
export const ML_MATRIX_OPS = new Set(["LinearClassifier", "LinearRegressor", "SVMClassifier", "SVMRegressor", "TreeEnsemble", "TreeEnsembleClassifier", "TreeEnsembleRegressor"]);

export interface ValueUse {
  node: onnx.INodeProto;
  input: number;
}

/**
 * Whether the value `name` reaches a matrix operator's weight input, through at most a few pass-through nodes.
 * `seen` remembers every value asked about, so a hostile graph that fans one value out to thousands of Identity
 * nodes costs each node once, not once per path.
 */
export function feedsMatrix(name: string, uses: (name: string) => ValueUse[], seen = new Map<string, boolean>(), depth = 4): boolean {
  const known = seen.get(name);
  if (known !== undefined) return known;
  seen.set(name, false); // a cycle (invalid, but possible in a file) ends here
  let found = false;
  for (const use of uses(name)) {
    const op = use.node.opType ?? "";
    if (MATRIX_INPUTS.get(op)?.includes(use.input)) found = true;
    const passes = PASS_THROUGH.has(op) && (op !== "DequantizeLinear" || use.input === 0);
    if (!found && passes && depth > 0) found = feedsMatrix(use.node.output?.[0] ?? "", uses, seen, depth - 1);
    if (found) break;
  }
  seen.set(name, found);
  return found;
}
