// Hostile and malformed files that the validator must refuse, each with the rule it breaks and words its message
// must hold. Shared by the upload tests (app/api/v1/submissions/hostile-uploads.int.test.ts) so every case goes through the
// real API. Models that pass validation and break a limit when they run are in harness/testing/hostile-models.ts.
import { onnx } from "onnx-proto";
import type { ValidationRule } from "../rules";
import { attr, buildGraph, buildLinearModel, encodeModel, floatTensor, mnistModel, pseudoRandom } from "./build-model";
import type { BuildModelOptions } from "./build-model";

export interface HostileFile {
  id: string;
  /** What the file is, as the issue and the report name it. */
  what: string;
  bytes: () => Uint8Array;
  rule: ValidationRule;
  fragments: string[];
}


/** An initializer whose bytes live in another file, at `location`: what onnx.save(..., save_as_external_data=True) writes. */
export function externalTensor(name: string, location: string): onnx.ITensorProto {
  return {
    name,
    dims: [784, 10],
    dataType: onnx.TensorProto.DataType.FLOAT,
    dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
    externalData: [
      { key: "location", value: location },
      { key: "offset", value: "0" },
      { key: "length", value: "31360" },
    ],
  };
}

const withHeader = (header: number[], size = 256) => () => Uint8Array.from({ length: size }, (_, i) => (i < header.length ? header[i] : (i * 31) % 251));

function varint(n: number): number[] {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return out;
}

/**
 * A graph nested `depth` times (If → then_branch → If …), written byte by byte: a decoder that recurses per level
 * runs out of stack, and so would a walker that recursed. Each level's nested graph is its last field, so the file
 * is the levels' headers one after another, computed from the innermost size out.
 */
export function deeplyNestedModel(depth: number): Uint8Array {
  const opType = [(4 << 3) | 2, 2, ...new TextEncoder().encode("If")];
  const name = [(1 << 3) | 2, 11, ...new TextEncoder().encode("then_branch")];
  const graphType = [...varint(20 << 3), 5]; // AttributeProto.type (field 20) = GRAPH
  const headers: number[][] = [];
  let graphBytes = 0;
  for (let level = 0; level < depth; level++) {
    const g = [(6 << 3) | 2, ...varint(graphBytes)]; // AttributeProto.g
    const attributeBytes = name.length + graphType.length + g.length + graphBytes;
    const attribute = [(5 << 3) | 2, ...varint(attributeBytes)]; // NodeProto.attribute
    const nodeBytes = opType.length + attribute.length + attributeBytes;
    const node = [(1 << 3) | 2, ...varint(nodeBytes)]; // GraphProto.node
    headers.push([...node, ...opType, ...attribute, ...name, ...graphType, ...g]);
    graphBytes = node.length + nodeBytes;
  }
  const model = [1 << 3, 8, (7 << 3) | 2, ...varint(graphBytes)]; // ModelProto.ir_version, .graph
  return Uint8Array.from([...model, ...headers.reverse().flat()]);
}

const contractCases: HostileFile[] = [
  {
    id: "two-inputs",
    what: "two inputs",
    bytes: () => mnistModel({ inputs: [{ name: "x", elemType: "float32", shape: ["N", 1, 28, 28] }, { name: "mask", elemType: "float32", shape: ["N", 1] }] }),
    rule: "inputs",
    fragments: ["2 inputs", "`mask`"],
  },
  { id: "no-input", what: "no input at all", bytes: () => mnistModel({ inputs: [] }), rule: "inputs", fragments: ["no input"] },
  {
    id: "two-outputs",
    what: "two float outputs (a label output beside the scores must be int64 [N])",
    bytes: () => mnistModel({ outputs: [{ name: "label", elemType: "float32", shape: ["N"] }, { name: "y", elemType: "float32", shape: ["N", 10] }] }),
    rule: "outputs",
    fragments: ["2 outputs", "`label`"],
  },
  {
    id: "wrong-dtype-int64",
    what: "wrong input dtype (int64)",
    bytes: () => mnistModel({ inputs: [{ name: "x", elemType: "int64", shape: ["N", 1, 28, 28] }] }),
    rule: "input-type",
    fragments: ["is int64", "float32 [N,1,28,28]"],
  },
  {
    id: "wrong-dtype-string",
    what: "wrong input dtype (string for an image task)",
    bytes: () => mnistModel({ inputs: [{ name: "x", elemType: "string", shape: ["N", 1, 28, 28] }] }),
    rule: "input-type",
    fragments: ["is string"],
  },
  {
    id: "wrong-output-dtype",
    what: "wrong output dtype (float64)",
    bytes: () => mnistModel({ outputs: [{ name: "y", elemType: "float64", shape: ["N", 10] }] }),
    rule: "output-type",
    fragments: ["float64 (double)"],
  },
  {
    id: "sequence-output",
    what: "a ZipMap output (sequence of maps)",
    bytes: () => mnistModel({ outputs: [{ name: "y", type: { sequenceType: { elemType: { mapType: { keyType: 7, valueType: { tensorType: { elemType: 1 } } } } } } }] }),
    rule: "output-type",
    fragments: ["is a sequence", "zipmap"],
  },
  { id: "wrong-rank", what: "wrong input rank ([N,784])", bytes: () => buildLinearModel({ inputShape: ["N", 784], classes: 10 }), rule: "input-shape", fragments: ["[N,784]"] },
  { id: "no-shape", what: "an input without shape", bytes: () => mnistModel({ inputs: [{ name: "x", elemType: "float32", shape: null }] }), rule: "input-shape", fragments: ["no shape information"] },
  {
    id: "wrong-class-count",
    what: "wrong class count (11 for 10)",
    bytes: () => buildLinearModel({ inputShape: ["N", 1, 28, 28], classes: 11 }),
    rule: "output-shape",
    fragments: ["[N,11]", "(10 classes)"],
  },
  {
    id: "absurd-batch",
    what: "a batch dimension declared absurdly large (2^40)",
    bytes: () => mnistModel({ inputs: [{ name: "x", elemType: "float32", shape: [2 ** 40, 1, 28, 28] }] }),
    rule: "input-shape",
    fragments: ["fixed at 1099511627776"],
  },
  {
    id: "absurd-dim",
    what: "an input dimension declared absurdly large (2^53)",
    bytes: () => mnistModel({ inputs: [{ name: "x", elemType: "float32", shape: ["N", 1, 28, 2 ** 53] }] }),
    rule: "input-shape",
    fragments: ["9007199254740992"],
  },
  {
    id: "absurd-classes",
    what: "a class count declared absurdly large (2^31)",
    bytes: () => mnistModel({ outputs: [{ name: "y", elemType: "float32", shape: ["N", 2 ** 31] }] }),
    rule: "output-shape",
    fragments: ["2147483648"],
  },
  {
    id: "negative-dim",
    what: "a negative dimension",
    bytes: () => mnistModel({ inputs: [{ name: "x", elemType: "float32", shape: ["N", 1, -28, 28] }] }),
    rule: "input-shape",
    fragments: ["-28"],
  },
  { id: "output-unnamed", what: "an output with no name", bytes: () => mnistModel({ outputs: [{ name: "", elemType: "float32", shape: ["N", 10] }] }), rule: "output-name", fragments: ["no name"] },
  {
    id: "output-missing",
    what: "an output name that no node produces",
    bytes: () => mnistModel({ outputs: [{ name: "scores", elemType: "float32", shape: ["N", 10] }] }),
    rule: "output-name",
    fragments: ["`scores` is not produced by any node"],
  },
];

const formatCases: HostileFile[] = [
  { id: "empty", what: "an empty file", bytes: () => new Uint8Array(0), rule: "size", fragments: ["empty", "0 bytes"] },
  {
    id: "random-bytes",
    what: "random bytes",
    bytes: () => Uint8Array.from(pseudoRandom(4096, 7, 1), (v) => Math.floor((v + 1) * 127.99)),
    rule: "protobuf",
    fragments: ["ONNX"],
  },
  { id: "truncated", what: "a truncated protobuf", bytes: () => mnistModel().subarray(0, 4_000), rule: "protobuf", fragments: ["truncated"] },
  {
    id: "protobuf-not-model",
    what: "valid protobuf that is not a model (a TensorProto)",
    bytes: () => onnx.TensorProto.encode(onnx.TensorProto.create(floatTensor("w", [2, 2], [1, 2, 3, 4]))).finish(),
    rule: "protobuf",
    fragments: ["ONNX"],
  },
  { id: "no-graph", what: "a ModelProto without a graph", bytes: () => encodeModel({ irVersion: 8, opsetImport: [{ domain: "", version: 13 }] }), rule: "protobuf", fragments: ["no ONNX graph"] },
  { id: "no-nodes", what: "a graph without nodes", bytes: () => mnistModel({ nodes: [] }), rule: "protobuf", fragments: ["no nodes"] },
  { id: "zip", what: "a zip file renamed .onnx", bytes: withHeader([0x50, 0x4b, 0x03, 0x04]), rule: "protobuf", fragments: ["ZIP", '"PK"'] },
  { id: "gzip", what: "a gzip file renamed .onnx", bytes: withHeader([0x1f, 0x8b, 0x08, 0x00]), rule: "protobuf", fragments: ["gzip"] },
  { id: "hdf5", what: "a Keras .h5 file renamed .onnx", bytes: withHeader([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]), rule: "protobuf", fragments: ["HDF5"] },
  {
    id: "forged-initializer",
    what: "an initializer that claims 10^24 elements",
    bytes: () => mnistModel({ initializers: [{ name: "w", dims: [2 ** 40, 2 ** 40], dataType: 1, rawData: new Uint8Array(4) }] }),
    rule: "protobuf",
    fragments: ["corrupt"],
  },
  { id: "deep-nesting", what: "subgraphs nested 20,000 deep", bytes: () => deeplyNestedModel(20_000), rule: "protobuf", fragments: ["nests graphs too deeply"] },
  { id: "ir-version", what: "an IR version onnxruntime cannot load (99)", bytes: () => mnistModel({ irVersion: 99 }), rule: "ir-version", fragments: ["IR version 99", "3 to 13"] },
];

const branchWith = (nodes: BuildModelOptions["nodes"]) =>
  buildGraph({ inputs: [], outputs: [{ name: "z", elemType: "float32", shape: [1] }], nodes });

const codeCases: HostileFile[] = [
  {
    id: "external-relative",
    what: "external data at ../../etc/passwd",
    bytes: () => mnistModel({ initializers: [externalTensor("w", "../../etc/passwd")] }),
    rule: "external-data",
    fragments: ["`../../etc/passwd`", "never opens other paths"],
  },
  {
    id: "external-absolute",
    what: "external data at an absolute path (/etc/shadow)",
    bytes: () => mnistModel({ initializers: [externalTensor("w", "/etc/shadow")] }),
    rule: "external-data",
    fragments: ["`/etc/shadow`"],
  },
  {
    id: "external-in-subgraph",
    what: "external data hidden in a Constant inside an If branch",
    bytes: () => {
      const secret = { ...externalTensor("secret", "/proc/self/environ"), dims: [1] };
      const branch = branchWith([{ opType: "Constant", inputs: [], outputs: ["z"], attributes: [attr.tensor("value", secret)] }]);
      return mnistModel({
        nodes: [
          { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
          { opType: "If", inputs: ["flat"], outputs: ["z"], attributes: [attr.graph("then_branch", branch), attr.graph("else_branch", branch)] },
          { opType: "MatMul", inputs: ["flat", "w"], outputs: ["y"] },
        ],
      });
    },
    rule: "external-data",
    fragments: ["`/proc/self/environ`", "`Constant` node"],
  },
  {
    id: "external-sparse",
    what: "external data in a sparse initializer",
    bytes: () => {
      const graph = onnx.ModelProto.decode(mnistModel()).graph as onnx.GraphProto;
      graph.sparseInitializer = [{ values: { ...externalTensor("sparse_values", "../../../root/.ssh/id_rsa"), dims: [3] }, indices: { name: "idx", dims: [3], dataType: 7, int64Data: [0, 1, 2] }, dims: [784] }];
      return encodeModel({ irVersion: 8, opsetImport: [{ domain: "", version: 13 }], graph });
    },
    rule: "external-data",
    fragments: ["sparse initializer", "id_rsa"],
  },
  {
    id: "custom-domain-node",
    what: "an operator from a custom domain",
    bytes: () => mnistModel({ nodes: [{ opType: "Flatten", inputs: ["x"], outputs: ["flat"] }, { opType: "EvilMatMul", domain: "evil.ops", inputs: ["flat", "w"], outputs: ["y"] }] }),
    rule: "custom-domain",
    fragments: ["`EvilMatMul`", "`evil.ops`"],
  },
  {
    id: "custom-domain-import",
    what: "an opset import of a custom-op library's domain",
    bytes: () => mnistModel({ opsetImports: [{ domain: "", version: 13 }, { domain: "ai.onnx.contrib", version: 1 }] }),
    rule: "custom-domain",
    fragments: ["`ai.onnx.contrib`"],
  },
  {
    id: "unknown-operator",
    what: "an operator outside the allow-list",
    bytes: () => mnistModel({ nodes: [{ opType: "Flatten", inputs: ["x"], outputs: ["flat"] }, { opType: "SystemCall", inputs: ["flat", "w"], outputs: ["y"] }] }),
    rule: "operators",
    fragments: ["`SystemCall`"],
  },
  {
    id: "unknown-operator-in-loop",
    what: "an operator outside the allow-list inside a Loop body",
    bytes: () =>
      mnistModel({
        nodes: [
          { opType: "Loop", inputs: ["", ""], outputs: ["z"], attributes: [attr.graph("body", branchWith([{ opType: "LoadLibrary", inputs: [], outputs: ["z"] }]))] },
          { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
          { opType: "MatMul", inputs: ["flat", "w"], outputs: ["y"] },
        ],
      }),
    rule: "operators",
    fragments: ["`LoadLibrary`"],
  },
  {
    id: "local-function",
    what: "a model-local function",
    bytes: () =>
      mnistModel({ functions: [{ name: "Sneaky", domain: "local", input: ["a"], output: ["b"], node: [{ opType: "Relu", input: ["a"], output: ["b"] }], opsetImport: [{ domain: "", version: 13 }] }] }),
    rule: "functions",
    fragments: ["`Sneaky`"],
  },
  { id: "opset-too-new", what: "an opset onnxruntime does not run (27)", bytes: () => mnistModel({ opset: 27 }), rule: "opset", fragments: ["ai.onnx opset 27"] },
  { id: "no-default-opset", what: "no ai.onnx opset", bytes: () => mnistModel({ opsetImports: [{ domain: "ai.onnx.ml", version: 3 }] }), rule: "opset", fragments: ["no ai.onnx opset"] },
];

export const HOSTILE_FILES: HostileFile[] = [...formatCases, ...contractCases, ...codeCases];
