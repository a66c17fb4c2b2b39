import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { buildConstantModel, buildLinearModel, buildModel, floatTensor } from "./build-model";

async function run(bytes: Uint8Array, feeds: Record<string, ort.Tensor>): Promise<ort.Tensor> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const out = await session.run(feeds);
    return out[session.outputNames[0]];
  } finally {
    await session.release();
  }
}

describe("model builders", () => {
  it("builds a linear mnist model that onnxruntime runs with a symbolic batch", async () => {
    const bytes = buildLinearModel({ inputShape: ["N", 1, 28, 28], classes: 10 });
    const scores = await run(bytes, { input: new ort.Tensor("float32", new Float32Array(3 * 784).fill(0.5), [3, 1, 28, 28]) });
    expect(scores.dims).toEqual([3, 10]);
    expect(Array.from(scores.data as Float32Array).every(Number.isFinite)).toBe(true);
  });

  it("gives the same bytes for the same seed and different bytes for another", () => {
    const a = buildLinearModel({ inputShape: ["N", 30], classes: 2, seed: 7 });
    expect(buildLinearModel({ inputShape: ["N", 30], classes: 2, seed: 7 })).toEqual(a);
    expect(buildLinearModel({ inputShape: ["N", 30], classes: 2, seed: 8 })).not.toEqual(a);
  });

  it("builds a constant float model whose output ignores the input", async () => {
    const bytes = buildConstantModel({ inputShape: ["N", 1, 8192], classes: 10, scores: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0] });
    const scores = await run(bytes, { input: new ort.Tensor("float32", new Float32Array(2 * 8192).fill(3), [2, 1, 8192]) });
    expect(scores.dims).toEqual([2, 10]);
    expect(Array.from(scores.data as Float32Array).slice(10)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("builds a constant model over a string input", async () => {
    const bytes = buildConstantModel({ inputShape: ["N"], classes: 2, elemType: "string", inputName: "text" });
    const scores = await run(bytes, { text: new ort.Tensor("string", ["free prize", "see you"], [2]) });
    expect(scores.dims).toEqual([2, 2]);
  });

  it("builds a raw graph, listing initializers as inputs when asked", async () => {
    const bytes = buildModel({
      inputs: [{ name: "x", elemType: "float32", shape: [1, 2] }],
      outputs: [{ name: "y", elemType: "float32", shape: [1, 2] }],
      nodes: [
        { opType: "Add", inputs: ["x", "b"], outputs: ["sum"] },
        { opType: "Relu", inputs: ["sum"], outputs: ["y"] },
      ],
      initializers: [floatTensor("b", [2], [1, 1])],
      initializersAsInputs: true,
    });
    const y = await run(bytes, { x: new ort.Tensor("float32", Float32Array.from([-3, 2]), [1, 2]) });
    expect(Array.from(y.data as Float32Array)).toEqual([0, 3]);
  });
});
