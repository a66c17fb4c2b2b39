// Rules `size` and `protobuf`: is this an ONNX ModelProto at all? Files that people upload by mistake (a
// PyTorch checkpoint, a Keras file, a gzip) are named, so the message can say how to get an .onnx instead.
import { onnx } from "onnx-proto";
import { refuse, stripControlChars } from "./rules";

export const DEFAULT_MAX_MODEL_BYTES = 50 * 1024 * 1024;

interface Signature {
  matches: (bytes: Uint8Array) => boolean;
  what: string;
  todo: string;
}

const EXPORT_HINT = "Export the model to ONNX (torch.onnx.export, tf2onnx or skl2onnx) and upload the .onnx file";

const SIGNATURES: Signature[] = [
  {
    matches: (b) => b[0] === 0x50 && b[1] === 0x4b,
    what: 'starts with the ZIP signature "PK": it is a ZIP archive (a PyTorch .pt/.pth checkpoint, a .keras file or a zipped model)',
    todo: `${EXPORT_HINT} itself, not an archive`,
  },
  {
    matches: (b) => b[0] === 0x1f && b[1] === 0x8b,
    what: "is gzip-compressed",
    todo: "Decompress it and upload the .onnx file",
  },
  {
    matches: (b) => b[0] === 0x89 && b[1] === 0x48 && b[2] === 0x44 && b[3] === 0x46,
    what: "is an HDF5 file (a Keras .h5 model)",
    todo: "Convert it with tf2onnx and upload the .onnx file",
  },
  {
    matches: (b) => b[4] === 0x54 && b[5] === 0x46 && b[6] === 0x4c && b[7] === 0x33,
    what: "is a TensorFlow Lite model",
    todo: "Convert it with `python -m tf2onnx.convert --tflite` and upload the .onnx file",
  },
];

function describeBytes(n: number): string {
  const bytes = `${n.toLocaleString("en-US")} bytes`;
  return n >= 2 ** 20 ? `${bytes} (${(n / 2 ** 20).toFixed(1)} MiB)` : bytes;
}

/** Keeps the decoder's words (they locate the damage) but never more than one short line of them. */
function decoderReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return stripControlChars(text, " ").replace(/`/g, " ").slice(0, 120);
}

export function decodeModel(bytes: Uint8Array, maxBytes = DEFAULT_MAX_MODEL_BYTES): onnx.ModelProto {
  if (bytes.byteLength === 0) refuse("size", "The file is empty (0 bytes). Upload the .onnx model file.");
  if (bytes.byteLength > maxBytes) {
    refuse(
      "size",
      `The model file is ${describeBytes(bytes.byteLength)}; the limit is ${describeBytes(maxBytes)}. ` +
        "This board ranks small models: shrink it (fewer parameters, float16 or int8 quantisation).",
    );
  }
  const signature = SIGNATURES.find((s) => s.matches(bytes));
  if (signature) refuse("protobuf", `The file ${signature.what}, not an ONNX model. ${signature.todo}.`);

  let model: onnx.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      refuse("protobuf", "The file nests graphs too deeply to be read (thousands of levels): it is corrupt or built to crash readers. Export the model again.");
    }
    const reason = decoderReason(error);
    // The decoder cannot tell a cut-off file from random bytes; both end inside a field. Name both causes.
    const truncated = /index out of range/i.test(reason)
      ? ` The data ends in the middle of a field: the file is truncated (upload it again in full) or is not ONNX at all (export it with torch.onnx.export, tf2onnx or skl2onnx).`
      : ` ${EXPORT_HINT}.`;
    refuse("protobuf", `The file does not decode as an ONNX model (protobuf ModelProto): ${reason}.${truncated}`);
  }
  if (!model.graph) {
    refuse("protobuf", `The file decodes as protobuf but holds no ONNX graph, so it is not an ONNX model. ${EXPORT_HINT}.`);
  }
  if ((model.graph.node ?? []).length === 0) {
    refuse("protobuf", "The model's graph has no nodes, so there is nothing to run. Export the whole model.");
  }
  return model;
}
