// The test set cut into input tensors once, before anything is timed, so the windows time only session.run.
import { Tensor } from "onnxruntime-node";
import type { LoadedDataset, TaskContract } from "../types";

export interface Batch {
  feeds: Record<string, Tensor>;
  /**
   * Pre-allocated output tensors for the windows: the runtime writes the scores into them instead of allocating
   * new ones on every call, which keeps the garbage (and the RSS growth it causes) out of the measurement.
   */
  fetches: Record<string, Tensor>;
  /** Offset of the batch's first sample in the test set. */
  start: number;
  size: number;
}

/** A contract shape with its batch dimension (null) set to `size`. */
export function withBatch(shape: (number | null)[], size: number): number[] {
  return shape.map((dim) => (dim === null ? size : dim));
}

export interface BatchNames {
  inputName: string;
  outputName: string;
}

export function buildBatches(dataset: LoadedDataset, contract: TaskContract, names: BatchNames, batchSize: number): Batch[] {
  const batches: Batch[] = [];
  for (let start = 0; start < dataset.samples; start += batchSize) {
    const size = Math.min(batchSize, dataset.samples - start);
    const from = start * dataset.sampleSize;
    const to = from + size * dataset.sampleSize;
    const shape = withBatch(contract.input.shape, size);
    // A Float32Array subarray is a view: the tensors share the dataset's memory instead of copying it.
    const input =
      dataset.inputs instanceof Float32Array
        ? new Tensor("float32", dataset.inputs.subarray(from, to), shape)
        : new Tensor("string", dataset.inputs.slice(from, to), shape);
    const outputShape = withBatch(contract.output.shape, size);
    const output = new Tensor("float32", new Float32Array(outputShape.reduce((a, b) => a * b, 1)), outputShape);
    batches.push({ feeds: { [names.inputName]: input }, fetches: { [names.outputName]: output }, start, size });
  }
  return batches;
}
