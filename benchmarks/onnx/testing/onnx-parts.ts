// Small constructors for the protobuf pieces of an ONNX model, shared by the model builders and by test
// fixtures that need something the builders do not make on purpose (hostile tensors, odd attributes).
import { onnx } from "onnx-proto";

export type BuildElemType = "float32" | "float64" | "float16" | "int64" | "int32" | "int8" | "uint8" | "bool" | "string";

const DATA_TYPES: Record<BuildElemType, number> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  float64: onnx.TensorProto.DataType.DOUBLE,
  float16: onnx.TensorProto.DataType.FLOAT16,
  int64: onnx.TensorProto.DataType.INT64,
  int32: onnx.TensorProto.DataType.INT32,
  int8: onnx.TensorProto.DataType.INT8,
  uint8: onnx.TensorProto.DataType.UINT8,
  bool: onnx.TensorProto.DataType.BOOL,
  string: onnx.TensorProto.DataType.STRING,
};

export function dataType(elemType: BuildElemType): number {
  return DATA_TYPES[elemType];
}

/**
 * A graph input or output. A string dim is a dim_param (symbolic), a number a dim_value; `shape: null` leaves
 * the shape out entirely, as some exporters do.
 */
export type ValueSpec =
  | { name: string; elemType: BuildElemType; shape: (number | string)[] | null }
  /** Any TypeProto as it is: sequences, maps, sklearn's ZipMap output. */
  | { name: string; type: onnx.ITypeProto };

export function valueInfo(spec: ValueSpec): onnx.IValueInfoProto {
  if ("type" in spec) return { name: spec.name, type: spec.type };
  const tensorType: onnx.TypeProto.ITensor = { elemType: dataType(spec.elemType) };
  if (spec.shape !== null) {
    tensorType.shape = {
      dim: spec.shape.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })),
    };
  }
  return { name: spec.name, type: { tensorType } };
}

/** A float32 tensor stored as little-endian raw_data, the way PyTorch and tf2onnx write weights. */
export function floatTensor(name: string, dims: number[], values: ArrayLike<number>): onnx.ITensorProto {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: raw };
}

export function int64Tensor(name: string, dims: number[], values: number[]): onnx.ITensorProto {
  return { name, dims, dataType: onnx.TensorProto.DataType.INT64, int64Data: values };
}

export const attr = {
  int: (name: string, i: number): onnx.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INT, i }),
  ints: (name: string, ints: number[]): onnx.IAttributeProto => ({
    name,
    type: onnx.AttributeProto.AttributeType.INTS,
    ints,
  }),
  float: (name: string, f: number): onnx.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.FLOAT, f }),
  tensor: (name: string, t: onnx.ITensorProto): onnx.IAttributeProto => ({
    name,
    type: onnx.AttributeProto.AttributeType.TENSOR,
    t,
  }),
  graph: (name: string, g: onnx.IGraphProto): onnx.IAttributeProto => ({
    name,
    type: onnx.AttributeProto.AttributeType.GRAPH,
    g,
  }),
};

export interface NodeSpec {
  opType: string;
  inputs: string[];
  outputs: string[];
  domain?: string;
  name?: string;
  attributes?: onnx.IAttributeProto[];
}

export function node(spec: NodeSpec): onnx.INodeProto {
  return {
    opType: spec.opType,
    input: spec.inputs,
    output: spec.outputs,
    domain: spec.domain ?? "",
    name: spec.name ?? `${spec.opType}_${spec.outputs[0] ?? "out"}`,
    attribute: spec.attributes ?? [],
  };
}

/** Deterministic weights in [-scale, scale): mulberry32, so a seed always gives the same model bytes. */
export function pseudoRandom(count: number, seed: number, scale: number): Float32Array {
  const out = new Float32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out[i] = (unit * 2 - 1) * scale;
  }
  return out;
}
