// Models built to break the harness while passing validation (the mnist or breast-cancer contract, allowed operators):
// what a careless or hostile submission can do once it runs. Used by limits.test.ts and worker/hostile-runs.int.test.ts.
import { attr, buildGraph, buildModel, floatTensor, int64Tensor } from "../../onnx/testing/build-model";

const MNIST_INPUT = { name: "input", elemType: "float32" as const, shape: ["N", 1, 28, 28] };
const MNIST_OUTPUT = { name: "scores", elemType: "float32" as const, shape: ["N", 10] };

/**
 * Scores of zeros [N,10] plus 0 × `extra` (a float tensor of shape [1]), so the graph's output depends on `extra`
 * and the runtime cannot skip computing it.
 */
function scoresDependingOn(extra: string) {
  return {
    initializers: [int64Tensor("zero_i", [1], [0]), int64Tensor("one_i", [1], [1]), int64Tensor("classes", [1], [10]), floatTensor("zeros", [1, 10], new Array(10).fill(0)), floatTensor("zero_f", [1], [0])],
    nodes: [
      { opType: "Shape", inputs: ["input"], outputs: ["input_shape"] },
      { opType: "Slice", inputs: ["input_shape", "zero_i", "one_i", "zero_i"], outputs: ["batch"] },
      { opType: "Concat", inputs: ["batch", "classes"], outputs: ["scores_shape"], attributes: [attr.int("axis", 0)] },
      { opType: "Expand", inputs: ["zeros", "scores_shape"], outputs: ["base"] },
      { opType: "Mul", inputs: [extra, "zero_f"], outputs: ["nothing"] },
      { opType: "Add", inputs: ["base", "nothing"], outputs: ["scores"] },
    ],
  };
}

/**
 * Allocates and fills a float tensor of N × elementsPerSample elements (ConstantOfShape, then ReduceSum over it).
 * The size comes from the input's batch, so the runtime cannot fold it away when the session is created: with the
 * default 12·10⁶ per sample a batch of 256 asks for 3.07·10⁹ floats, 12.3 GB.
 */
export function buildHugeAllocationModel(elementsPerSample = 12_000_000): Uint8Array {
  const tail = scoresDependingOn("total");
  return buildModel({
    inputs: [MNIST_INPUT],
    outputs: [MNIST_OUTPUT],
    initializers: [...tail.initializers, int64Tensor("per_sample", [1], [elementsPerSample])],
    nodes: [
      ...tail.nodes,
      { opType: "Mul", inputs: ["batch", "per_sample"], outputs: ["huge_shape"] },
      { opType: "ConstantOfShape", inputs: ["huge_shape"], outputs: ["huge"], attributes: [attr.tensor("value", floatTensor("value", [1], [1]))] },
      { opType: "ReduceSum", inputs: ["huge"], outputs: ["total"], attributes: [attr.int("keepdims", 1)] },
    ],
  });
}

/** A Loop of 10¹⁵ iterations adding 1 to a float: one session.run that never returns on its own. */
export function buildEndlessLoopModel(iterations = 1e15): Uint8Array {
  const tail = scoresDependingOn("counted");
  const body = buildGraph({
    name: "body",
    inputs: [
      { name: "iteration", elemType: "int64", shape: [] },
      { name: "cond_in", elemType: "bool", shape: [] },
      { name: "count_in", elemType: "float32", shape: [1] },
    ],
    outputs: [
      { name: "cond_out", elemType: "bool", shape: [] },
      { name: "count_out", elemType: "float32", shape: [1] },
    ],
    nodes: [
      { opType: "Identity", inputs: ["cond_in"], outputs: ["cond_out"] },
      { opType: "Constant", inputs: [], outputs: ["step"], attributes: [attr.tensor("value", floatTensor("step", [1], [1]))] },
      { opType: "Add", inputs: ["count_in", "step"], outputs: ["count_out"] },
    ],
  });
  return buildModel({
    inputs: [MNIST_INPUT],
    outputs: [MNIST_OUTPUT],
    initializers: [...tail.initializers, int64Tensor("trip_count", [], [iterations]), floatTensor("count_start", [1], [0])],
    nodes: [...tail.nodes, { opType: "Loop", inputs: ["trip_count", "", "count_start"], outputs: ["counted"], attributes: [attr.graph("body", body)] }],
  });
}

const CANCER_INPUT = { name: "features", elemType: "float32" as const, shape: ["N", 30] };

/** features [N,30] → MatMul → scores [N, producedClasses], with every weight set to `weight`. */
function cancerMatMul(weight: number, producedClasses = 2, declaredClasses = 2): Uint8Array {
  return buildModel({
    inputs: [CANCER_INPUT],
    outputs: [{ name: "scores", elemType: "float32", shape: ["N", declaredClasses] }],
    initializers: [floatTensor("weight", [30, producedClasses], new Float32Array(30 * producedClasses).fill(weight))],
    nodes: [{ opType: "MatMul", inputs: ["features", "weight"], outputs: ["scores"] }],
  });
}

/** A breast-cancer model whose scores are all NaN (weights NaN) or all infinite (weights ±Infinity). */
export function buildNonFiniteScoresModel(weight: number): Uint8Array {
  return cancerMatMul(weight);
}

/** Declares scores [N,2] (so it passes validation) but gives [N,3] when it runs. */
export function buildShapeLiarModel(): Uint8Array {
  return cancerMatMul(0.01, 3, 2);
}

/** Reshapes [N,30] to a fixed [7,2]: onnxruntime fails on the first run. */
export function buildFailingRunModel(): Uint8Array {
  return buildModel({
    inputs: [CANCER_INPUT],
    outputs: [{ name: "scores", elemType: "float32", shape: ["N", 2] }],
    initializers: [int64Tensor("shape", [2], [7, 2])],
    nodes: [{ opType: "Reshape", inputs: ["features", "shape"], outputs: ["scores"] }],
  });
}
