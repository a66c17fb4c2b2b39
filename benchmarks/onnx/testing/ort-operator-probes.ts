// One smallest model per com.microsoft operator on the allow-list (operators.ts), so a test can load and run
// each with onnxruntime-node: an operator is allowed because this build was seen running it, not from docs.
import { onnx } from "onnx-proto";
import { ORT_DOMAIN } from "../operators";
import { attr, buildModel } from "./build-model";
import type { BuildElemType } from "./build-model";

export interface ProbeTensor {
  name: string;
  elemType: BuildElemType;
  dims: number[];
  data: number[] | string[];
}

export interface OperatorProbe {
  opType: string;
  inputs: ProbeTensor[];
  output: { name: string; elemType: BuildElemType; dims: number[] };
  attributes?: onnx.IAttributeProto[];
}

const f = (name: string, dims: number[], data?: number[]): ProbeTensor => ({
  name,
  elemType: "float32",
  dims,
  data: data ?? Array.from({ length: dims.reduce((n, d) => n * d, 1) }, (_, i) => ((i % 7) - 3) / 4),
});
const u8 = (name: string, dims: number[], data?: number[]): ProbeTensor => ({
  name,
  elemType: "uint8",
  dims,
  data: data ?? Array.from({ length: dims.reduce((n, d) => n * d, 1) }, (_, i) => (i * 37) % 256),
});
const i8 = (name: string, dims: number[]): ProbeTensor => ({
  name,
  elemType: "int8",
  dims,
  data: Array.from({ length: dims.reduce((n, d) => n * d, 1) }, (_, i) => ((i * 37) % 255) - 127),
});
const scale = (name: string): ProbeTensor => f(name, [], [0.05]);
const zp = (name: string, value = 128): ProbeTensor => u8(name, [], [value]);
const bytes = (text: string) => new TextEncoder().encode(text);
const stringAttr = (name: string, text: string): onnx.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.STRING, s: bytes(text) });
const stringsAttr = (name: string, list: string[]): onnx.IAttributeProto => ({
  name,
  type: onnx.AttributeProto.AttributeType.STRINGS,
  strings: list.map(bytes),
});

/** y = QLinear<op>(x) for the unary quantised operators that share one signature. */
function qUnary(opType: string, dims: number[], attributes: onnx.IAttributeProto[] = []): OperatorProbe {
  return {
    opType,
    inputs: [u8("x", dims), scale("x_scale"), zp("x_zp"), scale("y_scale"), zp("y_zp")],
    output: { name: "y", elemType: "uint8", dims },
    attributes,
  };
}

function qBinary(opType: string): OperatorProbe {
  return {
    opType,
    inputs: [u8("a", [2, 3]), scale("a_scale"), zp("a_zp"), u8("b", [2, 3]), scale("b_scale"), zp("b_zp"), scale("c_scale"), zp("c_zp")],
    output: { name: "c", elemType: "uint8", dims: [2, 3] },
  };
}

export const ORT_OPERATOR_PROBES: OperatorProbe[] = [
  {
    // What skl2onnx writes for CountVectorizer / TfidfVectorizer.
    opType: "Tokenizer",
    inputs: [{ name: "text", elemType: "string", dims: [2], data: ["free prize now", "see you"] }],
    output: { name: "tokens", elemType: "string", dims: [2, 3] },
    attributes: [attr.int("mark", 0), attr.int("mincharnum", 1), stringAttr("pad_value", "#"), stringsAttr("separators", [" "])],
  },
  { opType: "Gelu", inputs: [f("x", [2, 4])], output: { name: "y", elemType: "float32", dims: [2, 4] } },
  { opType: "FastGelu", inputs: [f("x", [2, 4]), f("bias", [4])], output: { name: "y", elemType: "float32", dims: [2, 4] } },
  { opType: "BiasGelu", inputs: [f("x", [2, 4]), f("bias", [4])], output: { name: "y", elemType: "float32", dims: [2, 4] } },
  { opType: "QuickGelu", inputs: [f("x", [2, 4])], output: { name: "y", elemType: "float32", dims: [2, 4] }, attributes: [attr.float("alpha", 1.702)] },
  {
    opType: "FusedMatMul",
    inputs: [f("a", [2, 3]), f("b", [4, 3])],
    output: { name: "y", elemType: "float32", dims: [2, 4] },
    attributes: [attr.float("alpha", 1), attr.int("transB", 1)],
  },
  {
    opType: "FusedGemm",
    inputs: [f("a", [2, 3]), f("b", [3, 4]), f("c", [4])],
    output: { name: "y", elemType: "float32", dims: [2, 4] },
    attributes: [stringAttr("activation", "Relu")],
  },
  {
    opType: "FusedConv",
    inputs: [f("x", [1, 2, 5, 5]), f("w", [3, 2, 3, 3]), f("b", [3])],
    output: { name: "y", elemType: "float32", dims: [1, 3, 3, 3] },
    attributes: [stringAttr("activation", "Relu"), attr.ints("kernel_shape", [3, 3])],
  },
  {
    opType: "SkipLayerNormalization",
    inputs: [f("x", [1, 2, 4]), f("skip", [1, 2, 4]), f("gamma", [4]), f("beta", [4])],
    output: { name: "y", elemType: "float32", dims: [1, 2, 4] },
    attributes: [attr.float("epsilon", 1e-5)],
  },
  {
    opType: "Attention",
    inputs: [f("x", [1, 3, 4]), f("weights", [4, 12]), f("bias", [12])],
    output: { name: "y", elemType: "float32", dims: [1, 3, 4] },
    attributes: [attr.int("num_heads", 2)],
  },
  {
    opType: "MultiHeadAttention",
    inputs: [f("q", [1, 3, 4]), f("k", [1, 3, 4]), f("v", [1, 3, 4])],
    output: { name: "y", elemType: "float32", dims: [1, 3, 4] },
    attributes: [attr.int("num_heads", 2)],
  },
  {
    // 4-bit weights: B is [N, K / block_size, block_size / 2] bytes, two weights a byte.
    opType: "MatMulNBits",
    inputs: [f("a", [2, 16]), u8("b", [3, 1, 8]), f("scales", [3], [0.1, 0.2, 0.3])],
    output: { name: "y", elemType: "float32", dims: [2, 3] },
    attributes: [attr.int("K", 16), attr.int("N", 3), attr.int("bits", 4), attr.int("block_size", 16)],
  },
  {
    opType: "DynamicQuantizeMatMul",
    inputs: [f("a", [2, 3]), i8("b", [3, 4]), f("b_scale", [], [0.02])],
    output: { name: "y", elemType: "float32", dims: [2, 4] },
  },
  {
    opType: "MatMulIntegerToFloat",
    inputs: [u8("a", [2, 3]), u8("b", [3, 4]), scale("a_scale"), scale("b_scale"), zp("a_zp"), zp("b_zp")],
    output: { name: "y", elemType: "float32", dims: [2, 4] },
  },
  {
    opType: "QGemm",
    inputs: [u8("a", [2, 3]), scale("a_scale"), zp("a_zp"), u8("b", [3, 4]), scale("b_scale"), zp("b_zp")],
    output: { name: "y", elemType: "float32", dims: [2, 4] },
  },
  qBinary("QLinearAdd"),
  qBinary("QLinearMul"),
  qUnary("QLinearSigmoid", [2, 3]),
  qUnary("QLinearLeakyRelu", [2, 3], [attr.float("alpha", 0.1)]),
  qUnary("QLinearSoftmax", [2, 3], [attr.int("axis", -1), attr.int("opset", 13)]),
  { ...qUnary("QLinearGlobalAveragePool", [1, 2, 3, 3]), output: { name: "y", elemType: "uint8", dims: [1, 2, 1, 1] } },
  {
    ...qUnary("QLinearAveragePool", [1, 2, 4, 4], [attr.ints("kernel_shape", [2, 2]), attr.ints("strides", [2, 2])]),
    output: { name: "y", elemType: "uint8", dims: [1, 2, 2, 2] },
  },
  {
    opType: "QLinearConcat",
    inputs: [scale("y_scale"), zp("y_zp"), u8("a", [1, 2]), scale("a_scale"), zp("a_zp"), u8("b", [1, 3]), scale("b_scale"), zp("b_zp")],
    output: { name: "y", elemType: "uint8", dims: [1, 5] },
    attributes: [attr.int("axis", 1)],
  },
  {
    // onnxruntime's quantiser writes these in com.microsoft for types the standard ones lacked (int16, int4).
    opType: "QuantizeLinear",
    inputs: [f("x", [2, 3]), scale("scale"), zp("zp")],
    output: { name: "y", elemType: "uint8", dims: [2, 3] },
  },
  {
    opType: "DequantizeLinear",
    inputs: [u8("x", [2, 3]), scale("scale"), zp("zp")],
    output: { name: "y", elemType: "float32", dims: [2, 3] },
  },
];


/** The probe's one node as a whole model, every input a graph input so no constant folding hides the kernel. */
export function buildProbeModel(probe: OperatorProbe): Uint8Array {
  return buildModel({
    opsetImports: [
      { domain: "", version: 17 },
      { domain: ORT_DOMAIN, version: 1 },
    ],
    inputs: probe.inputs.map((t) => ({ name: t.name, elemType: t.elemType, shape: t.dims })),
    outputs: [{ name: probe.output.name, elemType: probe.output.elemType, shape: null }],
    nodes: [
      {
        opType: probe.opType,
        domain: ORT_DOMAIN,
        inputs: probe.inputs.map((t) => t.name),
        outputs: [probe.output.name],
        attributes: probe.attributes,
      },
    ],
  });
}
