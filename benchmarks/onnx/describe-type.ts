// Types and shapes as messages show them, the model's and the contract's in the same notation:
// "float32 [N,1,28,28]", so a submitter can compare the two at a glance.
import type { onnx } from "onnx-proto";
import type { ElemType } from "../types";
import { stripControlChars, toNumber } from "./rules";

// TensorProto.DataType numbers (onnx.proto); onnx-proto 8 knows names only up to bfloat16.
const ELEM_TYPE_NAMES = new Map<number, string>([
  [1, "float32"],
  [2, "uint8"],
  [3, "int8"],
  [4, "uint16"],
  [5, "int16"],
  [6, "int32"],
  [7, "int64"],
  [8, "string"],
  [9, "bool"],
  [10, "float16"],
  [11, "float64 (double)"],
  [12, "uint32"],
  [13, "uint64"],
  [14, "complex64"],
  [15, "complex128"],
  [16, "bfloat16"],
  [17, "float8e4m3fn"],
  [18, "float8e4m3fnuz"],
  [19, "float8e5m2"],
  [20, "float8e5m2fnuz"],
  [21, "uint4"],
  [22, "int4"],
  [23, "float4e2m1"],
]);

export const CONTRACT_DATA_TYPES: Record<ElemType, number> = { float32: 1, string: 8 };

export function elemTypeName(dataType: number | null | undefined): string {
  return ELEM_TYPE_NAMES.get(dataType ?? 0) ?? `an undefined element type (${dataType ?? 0})`;
}

export function describeContract(value: { elemType: ElemType; shape: (number | null)[] }): string {
  return `${value.elemType} [${value.shape.map((d) => (d === null ? "N" : String(d))).join(",")}]`;
}

export type Dim = { kind: "value"; value: number } | { kind: "param"; name: string };

/** A dim with neither value nor name is "unknown" in ONNX; like a named one, it accepts any size. */
export function readDims(shape: onnx.ITensorShapeProto): Dim[] {
  return (shape.dim ?? []).map((dim) =>
    dim.dimValue !== undefined && dim.dimValue !== null
      ? { kind: "value", value: toNumber(dim.dimValue) }
      : { kind: "param", name: dim.dimParam ?? "" },
  );
}

export function describeDims(dims: Dim[]): string {
  const text = dims.map((d) => {
    if (d.kind === "value") return String(d.value);
    // A dim name comes from the file: shown short and without characters that could break the message.
    const name = stripControlChars(d.name).replace(/[`[\],]/g, "").slice(0, 20);
    return name === "" ? "?" : name;
  });
  return `[${text.join(",")}]`;
}

const TYPE_KINDS: Record<string, string> = {
  sequenceType: "a sequence",
  mapType: "a map",
  optionalType: "an optional",
  sparseTensorType: "a sparse tensor",
};

/** What a ValueInfo's type is when it is not a dense tensor, in words; null for a dense tensor. */
export function nonTensorKind(type: onnx.ITypeProto | null | undefined): string | null {
  const value = (type as onnx.TypeProto | null | undefined)?.value;
  if (value === "tensorType") return null;
  return value ? (TYPE_KINDS[value] ?? "not a tensor") : "untyped (no type information)";
}
