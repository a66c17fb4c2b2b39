// Where the quantised operators take their weights and their quantisation parameters. Scales and zero points
// are not parameters of the model (they describe how its weights are stored), so counting skips them; the
// weight's zero point says which stored value means 0.

export type QuantFormat = "int8-qdq" | "int8-qoperator";

export interface QuantWeightSlot {
  input: number;
  /** Input index of this weight's zero point, if the operator has one. */
  zeroPoint?: number;
  /** Axis that a per-channel zero point runs along: "attr" reads the node's `axis` (default 1), -1 the last. */
  axis?: number | "attr";
}

interface QuantSignature {
  format: QuantFormat;
  /** Inputs that hold scales and zero points. */
  isParam: (input: number) => boolean;
  weights: (input: number) => QuantWeightSlot | undefined;
}

const among = (indices: number[]) => (input: number) => indices.includes(input);
const slots = (list: QuantWeightSlot[]) => (input: number) => list.find((slot) => slot.input === input);

const binary: QuantSignature = {
  format: "int8-qoperator",
  isParam: among([1, 2, 4, 5, 6, 7]),
  weights: slots([{ input: 0, zeroPoint: 2, axis: -1 }, { input: 3, zeroPoint: 5, axis: -1 }]),
};
const unary: QuantSignature = { format: "int8-qoperator", isParam: among([1, 2, 3, 4]), weights: slots([{ input: 0, zeroPoint: 2 }]) };

export const QUANT_SIGNATURES: ReadonlyMap<string, QuantSignature> = new Map<string, QuantSignature>([
  ["QuantizeLinear", { format: "int8-qdq", isParam: among([1, 2]), weights: () => undefined }],
  ["DequantizeLinear", { format: "int8-qdq", isParam: among([1, 2]), weights: slots([{ input: 0, zeroPoint: 2, axis: "attr" }]) }],
  [
    "QLinearConv",
    { format: "int8-qoperator", isParam: among([1, 2, 4, 5, 6, 7]), weights: slots([{ input: 3, zeroPoint: 5, axis: 0 }, { input: 8 }]) },
  ],
  ["QLinearMatMul", binary],
  ["QLinearAdd", binary],
  ["QLinearMul", binary],
  [
    "QGemm",
    {
      format: "int8-qoperator",
      isParam: among([1, 2, 4, 5, 7, 8]),
      weights: slots([{ input: 0, zeroPoint: 2, axis: -1 }, { input: 3, zeroPoint: 5, axis: -1 }, { input: 6 }]),
    },
  ],
  ["MatMulInteger", { format: "int8-qoperator", isParam: among([2, 3]), weights: slots([{ input: 0, zeroPoint: 2 }, { input: 1, zeroPoint: 3, axis: -1 }]) }],
  ["ConvInteger", { format: "int8-qoperator", isParam: among([2, 3]), weights: slots([{ input: 1, zeroPoint: 3, axis: 0 }]) }],
  ["DynamicQuantizeMatMul", { format: "int8-qoperator", isParam: among([2, 3]), weights: slots([{ input: 1, zeroPoint: 3, axis: -1 }]) }],
  [
    "MatMulIntegerToFloat",
    { format: "int8-qoperator", isParam: among([2, 3, 4, 5]), weights: slots([{ input: 0, zeroPoint: 4 }, { input: 1, zeroPoint: 5, axis: -1 }]) },
  ],
  ["QLinearSigmoid", unary],
  ["QLinearLeakyRelu", unary],
  ["QLinearSoftmax", unary],
  ["QLinearGlobalAveragePool", unary],
  ["QLinearAveragePool", unary],
  [
    "QLinearConcat",
    {
      // Y_scale, Y_zero_point, then (tensor, scale, zero point) for each input.
      format: "int8-qoperator",
      isParam: (i) => i < 2 || (i - 2) % 3 !== 0,
      weights: (i) => (i >= 2 && (i - 2) % 3 === 0 ? { input: i, zeroPoint: i + 2 } : undefined),
    },
  ],
  // MatMulNBits' B is read by weigh-model.ts itself (packed 4-bit blocks); here only its scales, zero points and g_idx.
  ["MatMulNBits", { format: "int8-qoperator", isParam: among([2, 3, 4]), weights: () => undefined }],
]);
