// Builders of small, valid ONNX models for tests and purpose-built fixtures (harness floor, hostile files).
// Everything is generated in memory with onnx-proto, so no test depends on Python or a checked-in binary.
import { onnx } from "onnx-proto";
import { attr, floatTensor, int64Tensor, node, pseudoRandom, valueInfo } from "./onnx-parts";
import type { NodeSpec, ValueSpec } from "./onnx-parts";

export { attr, dataType, floatTensor, int64Tensor, node, pseudoRandom, valueInfo } from "./onnx-parts";
export type { BuildElemType, NodeSpec, ValueSpec } from "./onnx-parts";

export interface GraphSpec {
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  nodes: NodeSpec[];
  initializers?: onnx.ITensorProto[];
  /** List initializers among the graph inputs too, as models of IR version < 4 must. */
  initializersAsInputs?: boolean;
  name?: string;
}

export interface BuildModelOptions extends GraphSpec {
  /** Default-domain opset when `opsetImports` is not given. */
  opset?: number;
  opsetImports?: { domain: string; version: number }[];
  irVersion?: number;
  functions?: onnx.IFunctionProto[];
  producerName?: string;
}

export const DEFAULT_OPSET = 13;
// IR 8 is what ONNX 1.10+ writes for opset 13–15 models; onnxruntime 1.30 loads IR 3 to 10.
const DEFAULT_IR_VERSION = 8;

export function buildGraph(spec: GraphSpec): onnx.IGraphProto {
  const initializers = spec.initializers ?? [];
  const initializerInputs = spec.initializersAsInputs
    ? initializers.map((t) => ({
        name: t.name,
        type: { tensorType: { elemType: t.dataType, shape: { dim: (t.dims ?? []).map((d) => ({ dimValue: d })) } } },
      }))
    : [];
  return {
    name: spec.name ?? "graph",
    input: [...spec.inputs.map(valueInfo), ...initializerInputs],
    output: spec.outputs.map(valueInfo),
    node: spec.nodes.map(node),
    initializer: initializers,
  };
}

/** Encodes a whole ModelProto; for fixtures that need fields no builder sets. */
export function encodeModel(model: onnx.IModelProto): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

export function buildModel(opts: BuildModelOptions): Uint8Array {
  return encodeModel({
    irVersion: opts.irVersion ?? DEFAULT_IR_VERSION,
    producerName: opts.producerName ?? "frugalboard-tests",
    opsetImport: opts.opsetImports ?? [{ domain: "", version: opts.opset ?? DEFAULT_OPSET }],
    graph: buildGraph(opts),
    functions: opts.functions ?? [],
  });
}

/** A task contract's shape with its batch dimension (`null`) made symbolic: [null,1,28,28] → ["N",1,28,28]. */
export function shapeFromContract(shape: (number | null)[], batch: string | number = "N"): (number | string)[] {
  return shape.map((d) => (d === null ? batch : d));
}

export interface ClassifierModelOptions {
  /** Input shape, batch first; a string dim is symbolic (dim_param). */
  inputShape: (number | string)[];
  classes: number;
  inputName?: string;
  outputName?: string;
  opset?: number;
}

/**
 * Flatten(axis 1) → MatMul → Add: an untrained linear classifier with inputShape[1..] features and
 * features × classes + classes parameters. Weights are pseudo-random from `seed`, so bytes are reproducible.
 */
export function buildLinearModel(opts: ClassifierModelOptions & { elemType?: "float32"; seed?: number }): Uint8Array {
  const features = opts.inputShape.slice(1).reduce<number>((n, d) => {
    if (typeof d !== "number") throw new Error("buildLinearModel needs numeric non-batch dims");
    return n * d;
  }, 1);
  const seed = opts.seed ?? 1;
  const scale = 1 / Math.sqrt(features);
  const inputName = opts.inputName ?? "input";
  const outputName = opts.outputName ?? "scores";
  const batch = opts.inputShape[0];
  return buildModel({
    opset: opts.opset,
    inputs: [{ name: inputName, elemType: opts.elemType ?? "float32", shape: opts.inputShape }],
    outputs: [{ name: outputName, elemType: "float32", shape: [batch, opts.classes] }],
    initializers: [
      floatTensor("weight", [features, opts.classes], pseudoRandom(features * opts.classes, seed, scale)),
      floatTensor("bias", [opts.classes], pseudoRandom(opts.classes, seed + 1, scale)),
    ],
    nodes: [
      { opType: "Flatten", inputs: [inputName], outputs: ["flat"], attributes: [attr.int("axis", 1)] },
      { opType: "MatMul", inputs: ["flat", "weight"], outputs: ["logits"] },
      { opType: "Add", inputs: ["logits", "bias"], outputs: [outputName] },
    ],
  });
}

/**
 * The null model of a contract: returns the same scores for every sample, whatever the input (float or
 * string). Shape → Slice → Concat → Expand reads only the batch size, so its cost is the runtime's own.
 */
export function buildConstantModel(
  opts: ClassifierModelOptions & { elemType?: "float32" | "string"; scores?: number[] },
): Uint8Array {
  const scores = opts.scores ?? new Array<number>(opts.classes).fill(0);
  if (scores.length !== opts.classes) throw new Error("buildConstantModel: scores.length must equal classes");
  const inputName = opts.inputName ?? "input";
  const outputName = opts.outputName ?? "scores";
  return buildModel({
    opset: opts.opset,
    inputs: [{ name: inputName, elemType: opts.elemType ?? "float32", shape: opts.inputShape }],
    outputs: [{ name: outputName, elemType: "float32", shape: [opts.inputShape[0], opts.classes] }],
    initializers: [
      int64Tensor("zero", [1], [0]),
      int64Tensor("one", [1], [1]),
      int64Tensor("classes", [1], [opts.classes]),
      floatTensor("constant_scores", [1, opts.classes], scores),
    ],
    nodes: [
      { opType: "Shape", inputs: [inputName], outputs: ["input_shape"] },
      { opType: "Slice", inputs: ["input_shape", "zero", "one", "zero"], outputs: ["batch"] },
      { opType: "Concat", inputs: ["batch", "classes"], outputs: ["output_shape"], attributes: [attr.int("axis", 0)] },
      { opType: "Expand", inputs: ["constant_scores", "output_shape"], outputs: [outputName] },
    ],
  });
}

/** x [N,1,28,28] → Flatten → MatMul → y [N,10] (the mnist contract), with any part replaced. */
export function mnistModel(overrides: Partial<BuildModelOptions> = {}): Uint8Array {
  return buildModel({
    inputs: [{ name: "x", elemType: "float32", shape: ["N", 1, 28, 28] }],
    outputs: [{ name: "y", elemType: "float32", shape: ["N", 10] }],
    initializers: [floatTensor("w", [784, 10], new Float32Array(7840))],
    nodes: [
      { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
      { opType: "MatMul", inputs: ["flat", "w"], outputs: ["y"] },
    ],
    ...overrides,
  });
}
