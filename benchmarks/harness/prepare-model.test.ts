import { onnx } from "onnx-proto";
import { describe, expect, it } from "vitest";
import { buildModel, floatTensor, pseudoRandom } from "../onnx/testing/build-model";
import { prepareModel } from "./prepare-model";

function linear(initializersAsInputs: boolean, irVersion?: number): Uint8Array {
  return buildModel({
    irVersion,
    opset: irVersion === 3 ? 7 : undefined,
    initializersAsInputs,
    inputs: [{ name: "input", elemType: "float32", shape: ["N", 30] }],
    outputs: [{ name: "scores", elemType: "float32", shape: ["N", 2] }],
    initializers: [floatTensor("w", [30, 2], pseudoRandom(60, 1, 0.1)), floatTensor("b", [2], new Float32Array(2))],
    nodes: [
      { opType: "MatMul", inputs: ["input", "w"], outputs: ["xw"] },
      { opType: "Add", inputs: ["xw", "b"], outputs: ["scores"] },
    ],
  });
}

const inputsOf = (bytes: Uint8Array) => onnx.ModelProto.decode(bytes).graph!.input!.map((i) => i.name);

describe("prepareModel", () => {
  it("removes graph inputs that are initializers, keeping the weights", () => {
    const prepared = prepareModel(linear(true));
    expect(prepared.initializerInputsRemoved).toBe(2);
    expect(inputsOf(prepared.bytes)).toEqual(["input"]);
    expect(onnx.ModelProto.decode(prepared.bytes).graph!.initializer!.map((t) => t.name)).toEqual(["w", "b"]);
  });

  it("raises IR 3 to 4, the first version in which a weight need not be an input", () => {
    const prepared = prepareModel(linear(true, 3));
    expect(Number(onnx.ModelProto.decode(prepared.bytes).irVersion)).toBe(4);
  });

  it("returns the file's own bytes when no input is a weight", () => {
    const bytes = linear(false);
    const prepared = prepareModel(bytes);
    expect(prepared).toEqual({ bytes, initializerInputsRemoved: 0 });
  });
});
