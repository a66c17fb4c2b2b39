// The contract as exporters meet it: skl2onnx's label beside the scores, and every break said at once with the
// fix for the tool that wrote the file.
import { describe, expect, it } from "vitest";
import { mnistModel } from "./testing/build-model";
import { expectRefusal } from "./testing/expect-refusal";
import { mnistLikeTask } from "./testing/tasks";
import { validateModel } from "./validate";


/** What skl2onnx writes for a classifier with zipmap=False: the label first, then the probabilities. */
function withLabel(label: { elemType: "int64" | "float32"; shape: (number | string)[] | null }): Uint8Array {
  return mnistModel({
    outputs: [
      { name: "output_label", ...label },
      { name: "y", elemType: "float32", shape: ["N", 10] },
    ],
    nodes: [
      { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
      { opType: "MatMul", inputs: ["flat", "w"], outputs: ["y"] },
      { opType: "ArgMax", inputs: ["y"], outputs: ["output_label"], attributes: [{ name: "axis", type: 2, i: 1 }, { name: "keepdims", type: 2, i: 0 }] },
    ],
  });
}

describe("checkContract: skl2onnx's classifier outputs", () => {
  it("takes the float32 [N,C] output as the scores beside an int64 [N] label, whichever comes first", () => {
    const info = validateModel(withLabel({ elemType: "int64", shape: ["N"] }), mnistLikeTask);
    expect({ outputName: info.outputName, labelOutputName: info.labelOutputName }).toEqual({ outputName: "y", labelOutputName: "output_label" });
    expect(validateModel(withLabel({ elemType: "int64", shape: null }), mnistLikeTask).labelOutputName).toBe("output_label");
  });

  it("refuses a second output that is not an int64 [N] label", () => {
    expectRefusal(withLabel({ elemType: "float32", shape: ["N"] }), "outputs", ["2 outputs", "`output_label`", "int64 [N] label"]);
    expectRefusal(withLabel({ elemType: "int64", shape: ["N", 1] }), "outputs", ["2 outputs"]);
  });

  it("refuses ZipMap beside the label, with skl2onnx's option that removes it", () => {
    const zipmapType = { sequenceType: { elemType: { mapType: { keyType: 7, valueType: { tensorType: { elemType: 1 } } } } } };
    const bytes = mnistModel({
      producerName: "skl2onnx",
      outputs: [
        { name: "output_label", elemType: "int64", shape: ["N"] },
        { name: "y", type: zipmapType },
      ],
    });
    expectRefusal(bytes, "output-type", ["`y` is a sequence", "Convert with options={id(model): {'zipmap': False}}"]);
  });
});

describe("checkContract: every break at once, with the exporter's fix", () => {
  it("lists a float16 model's input and output breaks together, with keep_io_types=True once", () => {
    const bytes = mnistModel({
      inputs: [{ name: "x", elemType: "float16", shape: ["N", 1, 28, 28] }],
      outputs: [{ name: "y", elemType: "float16", shape: ["N", 10] }],
    });
    const message = expectRefusal(bytes, "input-type", [
      "breaks task mnist's contract in 2 places",
      "1. The model's input `x` is float16, but task mnist expects float32 [N,1,28,28]",
      "keep_io_types=True",
      "2. The model's output `y` is float16, but task mnist expects float32 [N,10]. (Same fix as 1.)",
    ]);
    expect(message.match(/keep_io_types/g)).toHaveLength(1);
  });

  it("gives PyTorch's fixes to a file torch.onnx.export wrote", () => {
    const bytes = mnistModel({
      producerName: "pytorch",
      inputs: [{ name: "x", elemType: "float32", shape: [32, 784] }],
      outputs: [{ name: "y", elemType: "float32", shape: [32, 11] }],
    });
    expectRefusal(bytes, "input-shape", [
      "in 3 places (the file was written by pytorch)",
      "1. The model's input `x` has shape [32,784], but task mnist expects float32 [N,1,28,28]. Export with an example input of exactly that shape",
      "dynamic_axes",
      "2. The model's output `y` has shape [32,11], but task mnist expects float32 [N,10]: its batch dimension is fixed at 32.",
      "3. The model's output `y` has shape [32,11], but task mnist expects float32 [N,10] (10 classes). Make the last layer give one score per class (nn.Linear(..., classes))",
    ]);
  });

  it("gives skl2onnx's fixes to a file skl2onnx wrote", () => {
    const bytes = mnistModel({ producerName: "skl2onnx", inputs: [{ name: "x", elemType: "float64", shape: [5, 784] }] });
    expectRefusal(bytes, "input-type", [
      "1. The model's input `x` is float64 (double)",
      "FloatTensorType for float32 (not DoubleTensorType)",
      "2. The model's input `x` has shape [5,784]",
      "initial_types=[('input', FloatTensorType([None, n_features]))]",
    ]);
  });

  it("gives tf2onnx's fixes to a file tf2onnx wrote", () => {
    const bytes = mnistModel({ producerName: "tf2onnx", inputs: [{ name: "x", elemType: "float32", shape: [8, 1, 28, 28] }] });
    expectRefusal(bytes, "input-shape", ["fixed at 8", "Use None as the batch dimension in input_signature"]);
  });

  it("lists an input count break together with an output break", () => {
    const bytes = mnistModel({
      inputs: [
        { name: "x", elemType: "float32", shape: ["N", 1, 28, 28] },
        { name: "mask", elemType: "float32", shape: ["N", 1] },
      ],
      outputs: [{ name: "y", elemType: "int64", shape: ["N", 10] }],
    });
    expectRefusal(bytes, "inputs", ["in 2 places", "1. The model has 2 inputs", "2. The model's output `y` is int64"]);
  });
});
