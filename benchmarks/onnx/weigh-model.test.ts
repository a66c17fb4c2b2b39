// paramCount, nonZeroParamCount and precision on graphs built here for what the exported files do not cover:
// mixed and bfloat16 weights, Constant value_floats, forged sizes, and models with no weights.
import { describe, expect, it } from "vitest";
import { onnx } from "onnx-proto";
import { buildConstantModel, buildModel, floatTensor, int64Tensor } from "./testing/build-model";
import type { BuildModelOptions } from "./testing/build-model";
import { expectRefusal } from "./testing/expect-refusal";
import { mnistLikeTask } from "./testing/tasks";
import { validateModel } from "./validate";

/** x [N,1,28,28] → Flatten → MatMul(w) → Add(b) → y [N,10], with the weights given. */
function linear(w: onnx.ITensorProto, b: onnx.ITensorProto, overrides: Partial<BuildModelOptions> = {}): Uint8Array {
  return buildModel({
    inputs: [{ name: "x", elemType: "float32", shape: ["N", 1, 28, 28] }],
    outputs: [{ name: "y", elemType: "float32", shape: ["N", 10] }],
    initializers: [w, b],
    nodes: [
      { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
      { opType: "MatMul", inputs: ["flat", "w"], outputs: ["logits"] },
      { opType: "Add", inputs: ["logits", "b"], outputs: ["y"] },
    ],
    ...overrides,
  });
}

function halfTensor(name: string, dims: number[], dataType: number, bits: number[]): onnx.ITensorProto {
  return { name, dims, dataType, int32Data: bits };
}

const counts = (bytes: Uint8Array) => {
  const { paramCount, nonZeroParamCount, precision } = validateModel(bytes, mnistLikeTask);
  return { paramCount, nonZeroParamCount, precision };
};

describe("weighModel and detectPrecision", () => {
  it("counts zeros out of nonZeroParamCount, -0 included", () => {
    const w = new Float32Array(7840);
    w[0] = 1;
    w[1] = -0;
    expect(counts(linear(floatTensor("w", [784, 10], w), floatTensor("b", [10], new Float32Array(10).fill(0.5))))).toEqual({
      paramCount: 7850,
      nonZeroParamCount: 11,
      precision: "fp32",
    });
  });

  it("calls float16 weights fp16, bfloat16 ones bf16, and a model whose matrices are split between formats mixed", () => {
    const F16 = onnx.TensorProto.DataType.FLOAT16;
    const BF16 = onnx.TensorProto.DataType.BFLOAT16;
    const halves = (dataType: number) => halfTensor("w", [784, 10], dataType, new Array(7840).fill(0x3c00));
    const sign = halfTensor("b", [10], F16, new Array(10).fill(0x8000)); // -0: zero
    expect(counts(linear(halves(F16), sign))).toEqual({ paramCount: 7850, nonZeroParamCount: 7840, precision: "fp16" });
    expect(counts(linear(halves(BF16), halfTensor("b", [10], BF16, new Array(10).fill(1))))).toMatchObject({ precision: "bf16" });
    // 2,000 float32 values beside the float16 matrix, but read by no matrix operator (a scaler, a norm): still fp16.
    const withScaler = linear(halves(F16), floatTensor("b", [10], new Float32Array(10)), {
      initializers: [halves(F16), floatTensor("b", [10], new Float32Array(10)), floatTensor("scale", [2000], new Float32Array(2000).fill(1))],
    });
    expect(counts(withScaler)).toEqual({ paramCount: 9850, nonZeroParamCount: 9840, precision: "fp16" });
    // The same 2,000 as an embedding table (Gather's data): a matrix weight, and no format holds 90 % of them.
    const embedding = linear(halves(F16), floatTensor("b", [10], new Float32Array(10)), {
      initializers: [halves(F16), floatTensor("b", [10], new Float32Array(10)), floatTensor("table", [200, 10], new Float32Array(2000).fill(1)), int64Tensor("ids", [1], [0])],
      nodes: [
        { opType: "Gather", inputs: ["table", "ids"], outputs: ["looked_up"] },
        { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
        { opType: "MatMul", inputs: ["flat", "w"], outputs: ["logits"] },
        { opType: "Add", inputs: ["logits", "b"], outputs: ["y"] },
      ],
    });
    expect(counts(embedding)).toEqual({ paramCount: 9851, nonZeroParamCount: 9840, precision: "mixed" });
  });

  it("counts Constant nodes' value_floats and value_float", () => {
    const bytes = linear(floatTensor("w", [784, 10], new Float32Array(7840).fill(1)), floatTensor("b", [10], new Float32Array(10)), {
      initializers: [floatTensor("w", [784, 10], new Float32Array(7840).fill(1))],
      nodes: [
        { opType: "Constant", inputs: [], outputs: ["b"], attributes: [{ name: "value_floats", type: onnx.AttributeProto.AttributeType.FLOATS, floats: [1, 0, 2, 0, 3, 0, 4, 0, 5, 0] }] },
        { opType: "Constant", inputs: [], outputs: ["unused"], attributes: [{ name: "value_float", type: onnx.AttributeProto.AttributeType.FLOAT, f: 2 }] },
        { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
        { opType: "MatMul", inputs: ["flat", "w"], outputs: ["logits"] },
        { opType: "Add", inputs: ["logits", "b"], outputs: ["y"] },
      ],
    });
    expect(counts(bytes)).toEqual({ paramCount: 7851, nonZeroParamCount: 7846, precision: "fp32" });
  });

  it("calls a model without float weights fp32, the format its scores are computed in", () => {
    const info = validateModel(buildConstantModel({ inputShape: ["N", 1, 28, 28], classes: 10 }), mnistLikeTask);
    expect({ paramCount: info.paramCount, nonZeroParamCount: info.nonZeroParamCount, precision: info.precision }).toEqual({
      paramCount: 13, // three int64 shape constants and ten scores, as before this count changed
      nonZeroParamCount: 2,
      precision: "fp32",
    });
  });

  it("refuses a sparse tensor whose dense shape no model could have", () => {
    const model = onnx.ModelProto.decode(linear(floatTensor("w", [784, 10], new Float32Array(7840)), floatTensor("b", [10], new Float32Array(10))));
    const graph = model.graph as onnx.GraphProto;
    graph.sparseInitializer = [{ values: floatTensor("s", [1], [1]), indices: { name: "i", dims: [1], dataType: 7, int64Data: [0] }, dims: [1e6, 1e6] }];
    expectRefusal(onnx.ModelProto.encode(model).finish(), "protobuf", ["dense shape of 1.00e+12 elements", "corrupt"]);
  });

  it("counts MatMulNBits' weights from K and N but never more than its bytes hold", () => {
    const nbits = (k: number) => buildModel({
      opsetImports: [{ domain: "", version: 17 }, { domain: "com.microsoft", version: 1 }],
      inputs: [{ name: "x", elemType: "float32", shape: ["N", 1, 28, 28] }],
      outputs: [{ name: "y", elemType: "float32", shape: ["N", 10] }],
      initializers: [{ name: "w", dims: [10, 49, 8], dataType: onnx.TensorProto.DataType.UINT8, rawData: new Uint8Array(3920).fill(0x88) }, floatTensor("s", [490], new Float32Array(490).fill(1))],
      nodes: [
        { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
        {
          opType: "MatMulNBits",
          domain: "com.microsoft",
          inputs: ["flat", "w", "s"],
          outputs: ["y"],
          attributes: [
            { name: "K", type: 2, i: k },
            { name: "N", type: 2, i: 10 },
            { name: "bits", type: 2, i: 4 },
            { name: "block_size", type: 2, i: 16 },
          ],
        },
      ],
    });
    // Every nibble is 8, the default zero point: all weights are 0.
    expect(counts(nbits(784))).toEqual({ paramCount: 7840, nonZeroParamCount: 0, precision: "int4" });
    // A forged K: counted as the bytes hold, and (unreadable as blocks) all as non-zero.
    expect(counts(nbits(784 * 1000))).toEqual({ paramCount: 7840, nonZeroParamCount: 7840, precision: "int4" });
  });
});
