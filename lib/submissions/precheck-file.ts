// What the browser can tell about a file before uploading it, so a wrong file is refused at once instead of after
// a long upload. It is a first look only: the server parses and validates the whole model (benchmarks/onnx).
// An ONNX file is a protobuf ModelProto; writers put ir_version (field 1) first, but any field may come first, so
// the check is that the first tag names a ModelProto field with that field's wire type.

/** ModelProto field number → wire type (0 varint, 2 length-delimited), from onnx.proto. */
const MODEL_PROTO_FIELDS: Record<number, number> = { 1: 0, 2: 2, 3: 2, 4: 2, 5: 0, 6: 2, 7: 2, 8: 2, 14: 2, 20: 2, 25: 2 };

const EXPORT_HINT = "export the model to ONNX first (see the task page for how)";

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** null when the file may be an ONNX model within the size limit; else why it is not, and what to do. */
export function precheckModelFile(head: Uint8Array, sizeBytes: number, maxBytes: number): string | null {
  if (sizeBytes === 0) return "The file is empty; choose the .onnx file of your model.";
  if (sizeBytes > maxBytes) {
    return `The file is ${(sizeBytes / 1048576).toFixed(1)} MiB; the limit is ${(maxBytes / 1048576).toFixed(1)} MiB.`;
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return `This is a zip archive (a PyTorch .pt/.pth checkpoint?), not an ONNX model: ${EXPORT_HINT}.`;
  if (startsWith(head, [0x89, 0x48, 0x44, 0x46])) return `This is an HDF5 file (a Keras .h5 model?), not an ONNX model: ${EXPORT_HINT}.`;
  if (head[0] === 0x80 && head[1] !== undefined && head[1] >= 2 && head[1] <= 5) {
    return `This is a Python pickle (a scikit-learn or PyTorch file?), not an ONNX model: ${EXPORT_HINT}.`;
  }
  let tag = head[0] ?? 0;
  if (tag & 0x80) tag = (tag & 0x7f) | ((head[1] ?? 0) << 7);
  const field = tag >> 3;
  const wireType = tag & 7;
  if (MODEL_PROTO_FIELDS[field] !== wireType) {
    return "This file does not start like an ONNX model (a protobuf ModelProto); choose the .onnx file your exporter wrote.";
  }
  return null;
}
