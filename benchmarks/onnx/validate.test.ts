import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { onnx } from "onnx-proto";
import {
  attr,
  buildConstantModel,
  buildGraph,
  buildLinearModel,
  encodeModel,
  mnistModel,
  pseudoRandom,
} from "./testing/build-model";
import { expectRefusal } from "./testing/expect-refusal";
import { mnistLikeTask, textLikeTask } from "./testing/tasks";
import { validateModel } from "./validate";


describe("validateModel: models that pass", () => {
  it("accepts a linear mnist model and reports what it learnt", () => {
    const bytes = buildLinearModel({ inputShape: ["N", 1, 28, 28], classes: 10, inputName: "pixels", outputName: "logits" });
    expect(validateModel(bytes, mnistLikeTask)).toEqual({
      fileBytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      paramCount: 784 * 10 + 10,
      nonZeroParamCount: 784 * 10 + 10,
      precision: "fp32",
      inputName: "pixels",
      outputName: "logits",
      labelOutputName: null,
      batchFixedAtOne: false,
      opsetVersion: 13,
      operators: ["Add", "Flatten", "MatMul"],
      onnxruntimeOperators: [],
    });
  });

  it("records a batch dimension fixed at 1", () => {
    const bytes = buildLinearModel({ inputShape: [1, 1, 28, 28], classes: 10 });
    expect(validateModel(bytes, mnistLikeTask).batchFixedAtOne).toBe(true);
  });

  it("does not count initializers that old IR versions list as inputs", () => {
    const info = validateModel(mnistModel({ initializersAsInputs: true, irVersion: 3, opset: 7 }), mnistLikeTask);
    expect(info.inputName).toBe("x");
  });

  it("accepts symbolic non-batch input dims, which take any size", () => {
    const bytes = mnistModel({ inputs: [{ name: "x", elemType: "float32", shape: ["batch", 1, "height", "width"] }] });
    expect(validateModel(bytes, mnistLikeTask).batchFixedAtOne).toBe(false);
  });

  it("accepts the constant null model for a string-input task", () => {
    const info = validateModel(buildConstantModel({ inputShape: ["N"], classes: 2, elemType: "string" }), textLikeTask);
    expect(info.operators).toEqual(["Concat", "Expand", "Shape", "Slice"]);
  });
});

describe("validateModel: size and format", () => {
  it("refuses an empty file", () => {
    expectRefusal(new Uint8Array(0), "size", ["empty", "0 bytes"]);
  });

  it("refuses a file over the size limit and gives both sizes", () => {
    const bytes = mnistModel();
    expectRefusal(bytes, "size", [bytes.byteLength.toLocaleString("en-US"), "limit is 1,000 bytes"], { maxBytes: 1000 });
    const overDefault = new Uint8Array(50 * 2 ** 20 + 1);
    expectRefusal(overDefault, "size", ["52,428,801 bytes (50.0 MiB)", "limit is 52,428,800 bytes (50.0 MiB)"]);
  });

  it("refuses random bytes", () => {
    const bytes = Uint8Array.from(pseudoRandom(4096, 42, 1), (v) => Math.floor((v + 1) * 127.99));
    expectRefusal(bytes, "protobuf", ["not", "ONNX"]);
  });

  it("refuses a truncated model and says it looks truncated", () => {
    const bytes = mnistModel();
    expectRefusal(bytes.subarray(0, Math.floor(bytes.byteLength / 2)), "protobuf", ["truncated"]);
  });

  it("refuses a ZIP archive renamed .onnx and names the PK signature", () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(60)]);
    expectRefusal(bytes, "protobuf", ["ZIP", '"PK"', "torch.onnx.export"]);
  });

  it("refuses a ModelProto without a graph, and a graph without nodes", () => {
    expectRefusal(encodeModel({ irVersion: 8, opsetImport: [{ domain: "", version: 13 }] }), "protobuf", ["no ONNX graph"]);
    expectRefusal(mnistModel({ nodes: [] }), "protobuf", ["no nodes"]);
  });

  it("refuses an initializer that claims more elements than the file holds", () => {
    const forged: onnx.ITensorProto = { name: "w", dims: [2 ** 40, 2 ** 40], dataType: 1, rawData: new Uint8Array(4) };
    expectRefusal(mnistModel({ initializers: [forged] }), "protobuf", ["`w` declares 1.21e+24 elements", "corrupt"]);
  });
});

describe("validateModel: the task contract", () => {
  it("refuses two inputs and names them", () => {
    const inputs = [
      { name: "x", elemType: "float32" as const, shape: ["N", 1, 28, 28] },
      { name: "mask", elemType: "float32" as const, shape: ["N", 1] },
    ];
    expectRefusal(mnistModel({ inputs }), "inputs", ["2 inputs", "`x`", "`mask`", "exactly one: float32 [N,1,28,28]"]);
  });

  it("refuses a graph with two score outputs (only skl2onnx's int64 label may stand beside the scores)", () => {
    const outputs = [
      { name: "y", elemType: "float32" as const, shape: ["N", 10] },
      { name: "probabilities", elemType: "float32" as const, shape: ["N", 10] },
    ];
    expectRefusal(mnistModel({ outputs }), "outputs", ["2 outputs", "`y`", "`probabilities`", "int64 [N] label", "zipmap"]);
  });

  it("refuses an int64 or a double input", () => {
    const int64 = mnistModel({ inputs: [{ name: "x", elemType: "int64", shape: ["N", 1, 28, 28] }] });
    expectRefusal(int64, "input-type", ["`x` is int64", "expects float32 [N,1,28,28]"]);
    const double = mnistModel({ inputs: [{ name: "x", elemType: "float64", shape: ["N", 1, 28, 28] }] });
    expectRefusal(double, "input-type", ["float64 (double)"]);
  });

  it("refuses an input of the wrong shape, naming both shapes", () => {
    const bytes = buildLinearModel({ inputShape: ["N", 784], classes: 10 });
    expectRefusal(bytes, "input-shape", ["has shape [N,784]", "task mnist expects float32 [N,1,28,28]", "Reshape the input"]);
  });

  it("refuses an input without shape information", () => {
    const bytes = mnistModel({ inputs: [{ name: "x", elemType: "float32", shape: null }] });
    expectRefusal(bytes, "input-shape", ["no shape information", "Export the model with a shape"]);
  });

  it("refuses a batch dimension fixed above 1", () => {
    const bytes = buildLinearModel({ inputShape: [32, 1, 28, 28], classes: 10 });
    expectRefusal(bytes, "input-shape", ["fixed at 32", "dynamic batch axis"]);
  });

  it("refuses a non-float32 or non-tensor output", () => {
    const int64 = mnistModel({ outputs: [{ name: "y", elemType: "int64", shape: ["N", 10] }] });
    expectRefusal(int64, "output-type", ["`y` is int64", "expects float32 [N,10]"]);
    // skl2onnx's default classifier output: a sequence of maps from class to probability.
    const zipmapType = { sequenceType: { elemType: { mapType: { keyType: 7, valueType: { tensorType: { elemType: 1 } } } } } };
    const zipmap = mnistModel({ outputs: [{ name: "y", type: zipmapType }] });
    const message = expectRefusal(zipmap, "output-type", ["`y` is a sequence", "a tensor", "options={id(model): {'zipmap': False}}"]);
    expect(message).not.toContain("places");
  });

  it("refuses an output that is unnamed or that no node produces", () => {
    expectRefusal(mnistModel({ outputs: [{ name: "", elemType: "float32", shape: ["N", 10] }] }), "output-name", ["no name"]);
    expectRefusal(mnistModel({ outputs: [{ name: "logits", elemType: "float32", shape: ["N", 10] }] }), "output-name", ["`logits` is not produced"]);
  });

  it("refuses an IR version onnxruntime cannot load", () => {
    expectRefusal(mnistModel({ irVersion: 14 }), "ir-version", ["IR version 14", "IR 3 to 13"]);
  });

  it("refuses the wrong class count", () => {
    const bytes = buildLinearModel({ inputShape: ["N", 1, 28, 28], classes: 11 });
    expectRefusal(bytes, "output-shape", ["has shape [N,11]", "expects float32 [N,10]", "(10 classes)"]);
  });
});

describe("validateModel: only standard, self-contained models", () => {
  it("refuses model-local functions", () => {
    const myGelu: onnx.IFunctionProto = {
      name: "MyGelu",
      domain: "custom.functions",
      input: ["a"],
      output: ["b"],
      node: [{ opType: "Relu", input: ["a"], output: ["b"] }],
      opsetImport: [{ domain: "", version: 13 }],
    };
    expectRefusal(mnistModel({ functions: [myGelu] }), "functions", ["1 local function", "`MyGelu`", "inline_local_functions"]);
  });

  it("refuses an opset import or a node from a custom domain", () => {
    const imported = mnistModel({ opsetImports: [{ domain: "", version: 13 }, { domain: "com.example.custom", version: 1 }] });
    expectRefusal(imported, "custom-domain", ["`com.example.custom`", "native libraries", "built-in com.microsoft operators"]);
    const customNode = mnistModel({
      nodes: [
        { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
        { opType: "EvilMatMul", domain: "evil.ops", inputs: ["flat", "w"], outputs: ["y"] },
      ],
    });
    expectRefusal(customNode, "custom-domain", ["`EvilMatMul`", "`evil.ops`"]);
  });

  it("does not take a domain named like an Object property for an allowed one", () => {
    const bytes = mnistModel({ opsetImports: [{ domain: "", version: 13 }, { domain: "constructor", version: 1 }] });
    expectRefusal(bytes, "custom-domain", ["`constructor`"]);
  });

  it("refuses opsets onnxruntime does not run, and a model without an ai.onnx opset", () => {
    expectRefusal(mnistModel({ opset: 5 }), "opset", ["ai.onnx opset 5", "7 to 26"]);
    expectRefusal(mnistModel({ opset: 27 }), "opset", ["ai.onnx opset 27"]);
    expectRefusal(mnistModel({ opsetImports: [{ domain: "ai.onnx.ml", version: 3 }] }), "opset", ["declares no ai.onnx opset"]);
    const ml = mnistModel({ opsetImports: [{ domain: "", version: 13 }, { domain: "ai.onnx.ml", version: 6 }] });
    expectRefusal(ml, "opset", ["ai.onnx.ml opset 6", "1 to 5"]);
  });

  it("refuses an external-data tensor without reading the path it names", () => {
    const external: onnx.ITensorProto = {
      name: "w",
      dims: [784, 10],
      dataType: onnx.TensorProto.DataType.FLOAT,
      dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
      externalData: [
        { key: "location", value: "../../etc/passwd" },
        { key: "length", value: "31360" },
      ],
    };
    expectRefusal(mnistModel({ initializers: [external] }), "external-data", [
      "`w` (initializer)",
      "`../../etc/passwd`",
      "save_as_external_data=False",
    ]);
  });

  it("finds external data in a Constant node inside an If branch", () => {
    const hidden: onnx.ITensorProto = { name: "secret", dims: [1], dataType: 1, externalData: [{ key: "location", value: "/proc/self/environ" }] };
    const branch = buildGraph({
      inputs: [],
      outputs: [{ name: "c", elemType: "float32", shape: [1] }],
      nodes: [{ opType: "Constant", inputs: [], outputs: ["c"], attributes: [attr.tensor("value", hidden)] }],
    });
    const bytes = mnistModel({
      nodes: [
        { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
        { opType: "If", inputs: ["flat"], outputs: ["c"], attributes: [attr.graph("then_branch", branch), attr.graph("else_branch", branch)] },
        { opType: "MatMul", inputs: ["flat", "w"], outputs: ["y"] },
      ],
    });
    expectRefusal(bytes, "external-data", ["`secret`", "`Constant` node", "`/proc/self/environ`"]);
  });

  it("refuses operators that are not standard ONNX, inside subgraphs too", () => {
    const unknown = mnistModel({
      nodes: [
        { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
        { opType: "FancyMatMul", inputs: ["flat", "w"], outputs: ["y"] },
      ],
    });
    expectRefusal(unknown, "operators", ["an operator that is not standard ONNX: `FancyMatMul`"]);
    const branch = buildGraph({
      inputs: [],
      outputs: [{ name: "z", elemType: "float32", shape: [1] }],
      nodes: [{ opType: "LoadLibrary", inputs: [], outputs: ["z"] }],
    });
    const nested = mnistModel({
      nodes: [
        { opType: "If", inputs: ["x"], outputs: ["z"], attributes: [attr.graph("then_branch", branch), attr.graph("else_branch", branch)] },
        { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
        { opType: "MatMul", inputs: ["flat", "w"], outputs: ["y"] },
      ],
    });
    expectRefusal(nested, "operators", ["`LoadLibrary`"]);
  });

  it("keeps names from the file short and free of control characters", () => {
    const longName = `\u001b[31m${"a".repeat(5_000)}\n`;
    const inputs = Array.from({ length: 50 }, (_, i) => ({ name: `${longName}${i}`, elemType: "float32" as const, shape: [1] }));
    const message = expectRefusal(mnistModel({ inputs }), "inputs", ["50 inputs", "…", "and 45 more"]);
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u001f]/);
  });
});
