// The test set cut into input tensors once, before anything is timed, so the windows time only session.run.
import { Tensor } from "onnxruntime-node";
import type { LoadedDataset, TaskContract } from "../types";

/**
 * One batch of the test set as input tensors. The windows call `session.run(feeds)` and let the runtime allocate
 * the outputs: handing it pre-allocated output tensors made every call slower, not faster (measured with
 * onnxruntime-node 1.30, one thread, alternating 20 ms blocks for 12 s: 4–5 % fewer inferences per second for a
 * 30-feature MLP at 18 µs a call, 1–2 % for MNIST's linear model and MLP); the garbage they saved is garbage
 * that anyone serving the model makes too.
 */
export interface Batch {
  feeds: Record<string, Tensor>;
  /** Offset of the batch's first sample in the test set. */
  start: number;
  size: number;
}

/** A contract shape with its batch dimension (null) set to `size`. */
export function withBatch(shape: (number | null)[], size: number): number[] {
  return shape.map((dim) => (dim === null ? size : dim));
}

export function buildBatches(dataset: LoadedDataset, contract: TaskContract, names: { inputName: string }, batchSize: number): Batch[] {
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
    batches.push({ feeds: { [names.inputName]: input }, start, size });
  }
  return batches;
}
