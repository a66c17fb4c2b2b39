// Reading quantised weights: which stored value means 0 (the zero point, per tensor or per channel) and
// MatMulNBits' packed 4-bit blocks.
import { onnx } from "onnx-proto";
import type { WeightFormat } from "./precision";
import { toNumber } from "./rules";
import { elementCount, nibble, valueReader } from "./tensor-values";

const T = onnx.TensorProto.DataType;

export interface WeighedTensor {
  format: WeightFormat;
  count: number;
  nonZero: number;
}

/** A per-tensor or per-axis zero point as a function of the element index; 0 when there is none or it cannot be read. */
export function zeroPointAt(tensor: onnx.ITensorProto, zp: onnx.ITensorProto | undefined, axis: number): (i: number) => number {
  const read = zp ? valueReader(zp) : null;
  if (!zp || !read) return () => 0;
  const zpCount = elementCount(zp);
  if (zpCount === 1) return () => read(0);
  const dims = (tensor.dims ?? []).map(toNumber);
  const a = axis < 0 ? dims.length + axis : axis;
  if (a < 0 || a >= dims.length || dims[a] !== zpCount) return () => 0;
  const stride = dims.slice(a + 1).reduce((n, d) => n * d, 1);
  return (i) => read(Math.floor(i / stride) % zpCount);
}

/** MatMulNBits' B: [N, blocks, blockSize·bits/8] bytes, K weights a column; zero points packed the same way, default 2^(bits−1). */
export function weighNBits(node: onnx.INodeProto, b: onnx.ITensorProto, zp: onnx.ITensorProto | undefined): WeighedTensor {
  const int = (name: string, fallback: number) => toNumber(node.attribute?.find((a) => a.name === name)?.i ?? fallback);
  const bits = int("bits", 4);
  const [k, n, blockSize] = [int("K", 0), int("N", 0), int("block_size", 32)];
  const bytes = elementCount(b);
  const perByte = Math.max(1, Math.floor(8 / bits));
  // K·N from attributes, but never more than the stored bytes can hold (a forged attribute is not a count).
  const dense = Math.min(k * n, bytes * perByte);
  const read = valueReader(b);
  const zpRead = zp && zp.dataType === T.UINT8 ? valueReader(zp) : null;
  const blocks = Math.ceil(k / blockSize);
  const blobBytes = (blockSize * bits) / 8;
  const zpBytesPerColumn = Math.ceil((blocks * bits) / 8);
  const format: WeightFormat = bits === 4 ? "int4" : "int8-qoperator";
  if (!read || bits !== 4 || dense !== k * n) return { format, count: dense, nonZero: dense };
  let nonZero = 0;
  for (let col = 0; col < n; col++) {
    for (let row = 0; row < k; row++) {
      const block = Math.floor(row / blockSize);
      const j = row % blockSize;
      const value = nibble(read(col * blocks * blobBytes + block * blobBytes + (j >> 1)), j, false);
      const zero = zpRead ? nibble(zpRead(col * zpBytesPerColumn + (block >> 1)), block, false) : 8;
      if (value !== zero) nonZero++;
    }
  }
  return { format, count: dense, nonZero };
}

