// The first session in a process also sets up onnxruntime itself (its environment, kernel registry, allocators):
// about 25 MB on Linux x64 with onnxruntime-node 1.30, the same for every model. A null model with the task's
// contract is created and run once before the baseline, so that cost lands in the baseline and not on the model.
import { InferenceSession } from "onnxruntime-node";
import { buildConstantModel, shapeFromContract } from "../onnx/testing/build-model";
import type { TaskDefinition } from "../types";
import type { Batch } from "./batches";

export function sessionOptions(intraOpThreads: number): InferenceSession.SessionOptions {
  return {
    intraOpNumThreads: intraOpThreads,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
    logSeverityLevel: 3, // errors only: the harness's own null models must not write into the model's log
  };
}

/**
 * The model's own session: as sessionOptions, but onnxruntime's warnings are kept (the parent collects the
 * child's stderr into the result's runtimeLog), since they explain figures, e.g. weights that are graph inputs.
 */
export function modelSessionOptions(intraOpThreads: number): InferenceSession.SessionOptions {
  return { ...sessionOptions(intraOpThreads), logSeverityLevel: 2 };
}

/** The null model of the task's contract under the model's own input and output names (constant scores). */
export function buildNullModel(task: TaskDefinition, names: { inputName: string; outputName: string }): Uint8Array {
  return buildConstantModel({
    inputShape: shapeFromContract(task.contract.input.shape),
    classes: task.classes,
    elemType: task.contract.input.elemType,
    inputName: names.inputName,
    outputName: names.outputName,
  });
}

export async function warmRuntime(task: TaskDefinition, names: { inputName: string; outputName: string }, batch: Batch, intraOpThreads: number): Promise<void> {
  const session = await InferenceSession.create(buildNullModel(task, names), sessionOptions(intraOpThreads));
  await session.run(batch.feeds);
  await session.release();
}
