// A copy of a model that runs the same but has other bytes (its doc_string says `tag`), for tests that submit one
// baseline many times: uploads are told apart by SHA-256.
import { onnx } from "onnx-proto";

export function distinctCopy(bytes: Uint8Array, tag: string): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  model.docString = `${model.docString ? `${model.docString} ` : ""}[${tag}]`;
  return onnx.ModelProto.encode(model).finish();
}
