// Step 1 of the measurement protocol (DESIGN.md): nothing runs a model that has not passed here. The checks
// read the protobuf only; onnxruntime never sees a file before it passes, and no path in it is ever opened.
import { createHash } from "node:crypto";
import type { onnx } from "onnx-proto";
import type { ModelInfo, TaskDefinition } from "../types";
import { checkContract } from "./check-contract";
import { checkGraph } from "./check-graph";
import { decodeModel, DEFAULT_MAX_MODEL_BYTES } from "./decode-model";

export { DEFAULT_MAX_MODEL_BYTES } from "./decode-model";
export { VALIDATION_RULES } from "./rules";
export type { ValidationRule } from "./rules";

export interface ValidateOptions {
  /** Largest accepted file; 50 MiB when not given. */
  maxBytes?: number;
}

/**
 * Checks an ONNX file against a task's contract and the engine's rules (VALIDATION_RULES: the file, then the
 * graph, then the contract).
 * Throws BenchmarkError("invalid_model", message, rule) on the first rule broken; the message is safe to show
 * and says what was found, what the task expects and what to do.
 */
export function validateModel(bytes: Uint8Array, task: TaskDefinition, opts: ValidateOptions = {}): ModelInfo {
  const model = decodeModel(bytes, opts.maxBytes ?? DEFAULT_MAX_MODEL_BYTES);
  const graph = checkGraph(model, bytes.byteLength);
  const contract = checkContract(model.graph as onnx.IGraphProto, task);
  return {
    fileBytes: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    paramCount: graph.paramCount,
    inputName: contract.inputName,
    outputName: contract.outputName,
    batchFixedAtOne: contract.batchFixedAtOne,
    opsetVersion: graph.opsetVersion,
    operators: graph.operators,
  };
}
