// How many of a tensor's stored values are zero, read from the file's bytes without copying them out: a 50 MiB
// initializer must not become a 100-million-element JavaScript array just to be counted.
import type { onnx } from "onnx-proto";
import { toNumber } from "./rules";

// TensorProto.DataType numbers (onnx.proto).
const FLOAT = 1, UINT8 = 2, INT8 = 3, UINT16 = 4, INT16 = 5, INT32 = 6, INT64 = 7, BOOL = 9, FLOAT16 = 10;
const DOUBLE = 11, UINT32 = 12, UINT64 = 13, BFLOAT16 = 16, UINT4 = 21, INT4 = 22;

/** Product of a tensor's dims: its element count (0 for a dim of 0, 1 for a scalar). */
export function elementCount(tensor: onnx.ITensorProto): number {
  return (tensor.dims ?? []).reduce<number>((n, d) => n * Math.max(0, toNumber(d)), 1);
}

/**
 * Reads value `i` of a numeric tensor as a number, or returns null when the tensor's type or storage is not
 * numeric (strings) or holds fewer values than its dims. float16 and bfloat16 read as their bits without the
 * sign, so 0 means ±0.
 */
export function valueReader(tensor: onnx.ITensorProto): ((i: number) => number) | null {
  const type = tensor.dataType ?? 0;
  const count = elementCount(tensor);
  const raw = tensor.rawData;
  if (raw && raw.byteLength > 0) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const sized = (bytes: number, read: (offset: number) => number) =>
      raw.byteLength >= count * bytes ? (i: number) => read(i * bytes) : null;
    switch (type) {
      case FLOAT: return sized(4, (o) => view.getFloat32(o, true));
      case DOUBLE: return sized(8, (o) => view.getFloat64(o, true));
      case UINT8: case BOOL: return sized(1, (o) => view.getUint8(o));
      case INT8: return sized(1, (o) => view.getInt8(o));
      case UINT16: return sized(2, (o) => view.getUint16(o, true));
      case INT16: return sized(2, (o) => view.getInt16(o, true));
      case FLOAT16: case BFLOAT16: return sized(2, (o) => view.getUint16(o, true) & 0x7fff);
      case INT32: return sized(4, (o) => view.getInt32(o, true));
      case UINT32: return sized(4, (o) => view.getUint32(o, true));
      case INT64: case UINT64: return sized(8, (o) => Number(view.getBigInt64(o, true)));
      case UINT4: case INT4:
        return raw.byteLength * 2 >= count ? (i) => nibble(raw[i >> 1], i, type === INT4) : null;
      default: return null;
    }
  }
  const typed = (values: ArrayLike<number | { toNumber(): number }> | null | undefined, map = (v: number) => v) =>
    values && values.length >= count ? (i: number) => map(toNumber(values[i])) : null;
  switch (type) {
    case FLOAT: return typed(tensor.floatData);
    case DOUBLE: return typed(tensor.doubleData);
    case INT64: return typed(tensor.int64Data);
    case UINT32: case UINT64: return typed(tensor.uint64Data);
    // int32_data holds every small type, float16 and bfloat16 as their bits.
    case FLOAT16: case BFLOAT16: return typed(tensor.int32Data, (v) => v & 0x7fff);
    case UINT4: case INT4: {
      const packed = tensor.int32Data;
      return packed && packed.length * 2 >= count ? (i) => nibble(packed[i >> 1], i, type === INT4) : null;
    }
    case UINT8: case INT8: case UINT16: case INT16: case INT32: case BOOL: return typed(tensor.int32Data);
    default: return null;
  }
}

/** Element i of a 4-bit packing: the low nibble first (onnx.proto). */
export function nibble(byte: number, i: number, signed: boolean): number {
  const value = (i & 1) === 0 ? byte & 0x0f : (byte >> 4) & 0x0f;
  return signed && value >= 8 ? value - 16 : value;
}

/**
 * Stored values that differ from their zero: `zeroAt(i)` is the value that means 0 (a quantised tensor's zero
 * point), 0 by default. A tensor whose values cannot be read counts every element as non-zero.
 */
export function countNonZero(tensor: onnx.ITensorProto, zeroAt: (i: number) => number = () => 0): number {
  const count = elementCount(tensor);
  const read = valueReader(tensor);
  if (!read) return count;
  let nonZero = 0;
  for (let i = 0; i < count; i++) if (read(i) !== zeroAt(i)) nonZero++;
  return nonZero;
}
