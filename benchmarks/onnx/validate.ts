// Step 1 of the measurement protocol (docs/architecture.md): nothing runs a model that has not passed here. The checks
// read the protobuf only; onnxruntime never sees a file before it passes, and no path in it is ever opened.
import { createHash } from "node:crypto";
import type { onnx } from "onnx-proto";
import type { ModelInfo, TaskDefinition } from "../types";
import { checkContract } from "./check-contract";
import { checkGraph } from "./check-graph";
import { decodeModel, DEFAULT_MAX_MODEL_BYTES } from "./decode-model";
import { detectPrecision } from "./precision";
import { allGraphs } from "./walk-graph";
import { weighModel } from "./weigh-model";

export { DEFAULT_MAX_MODEL_BYTES } from "./decode-model";
export { VALIDATION_RULES } from "./rules";
export type { ValidationRule } from "./rules";
export { PRECISIONS, PRECISION_LABELS } from "./precision";
export type { Precision } from "./precision";

export interface ValidateOptions {
  /** Largest accepted file; 50 MiB when not given. */
  maxBytes?: number;
}

/**
 * Checks an ONNX file against a task's contract and the engine's rules (VALIDATION_RULES: the file, then the
 * graph, then the contract).
 * Throws BenchmarkError("invalid_model", message, rule) on the first rule broken (the contract's rules: every
 * break of them at once, under the first one's rule); the message is safe to show and says what was found, what
 * the task expects and what to do.
 */
export function validateModel(bytes: Uint8Array, task: TaskDefinition, opts: ValidateOptions = {}): ModelInfo {
  const model = decodeModel(bytes, opts.maxBytes ?? DEFAULT_MAX_MODEL_BYTES);
  const graph = checkGraph(model);
  const weights = weighModel(allGraphs(model.graph as onnx.IGraphProto), bytes.byteLength);
  const contract = checkContract(model, task);
  return {
    fileBytes: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    paramCount: weights.paramCount,
    nonZeroParamCount: weights.nonZeroParamCount,
    precision: detectPrecision(weights),
    inputName: contract.inputName,
    outputName: contract.outputName,
    labelOutputName: contract.labelOutputName,
    batchFixedAtOne: contract.batchFixedAtOne,
    opsetVersion: graph.opsetVersion,
    operators: graph.operators,
    onnxruntimeOperators: graph.onnxruntimeOperators,
  };
}
