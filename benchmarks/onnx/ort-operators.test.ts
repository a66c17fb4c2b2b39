// The com.microsoft allow-list is what onnxruntime-node 1.30 was seen to load and run here: each operator on it
// runs in a one-node model, and the list and the probes are the same set.
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { checkGraph } from "./check-graph";
import { decodeModel } from "./decode-model";
import { ALLOWED_OPERATORS, ORT_DOMAIN } from "./operators";
import { buildModel, floatTensor, pseudoRandom } from "./testing/build-model";
import { buildProbeModel, ORT_OPERATOR_PROBES } from "./testing/ort-operator-probes";
import type { OperatorProbe, ProbeTensor } from "./testing/ort-operator-probes";
import { expectRefusal } from "./testing/expect-refusal";
import { mnistLikeTask } from "./testing/tasks";
import { validateModel } from "./validate";

function feed(t: ProbeTensor): ort.Tensor {
  const numbers = t.data as number[];
  switch (t.elemType) {
    case "string": return new ort.Tensor("string", t.data as string[], t.dims);
    case "uint8": return new ort.Tensor("uint8", Uint8Array.from(numbers), t.dims);
    case "int8": return new ort.Tensor("int8", Int8Array.from(numbers), t.dims);
    default: return new ort.Tensor("float32", Float32Array.from(numbers), t.dims);
  }
}

async function runProbe(probe: OperatorProbe, bytes = buildProbeModel(probe)): Promise<ort.Tensor> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const out = await session.run(Object.fromEntries(probe.inputs.map((t) => [t.name, feed(t)])));
    return out[probe.output.name];
  } finally {
    await session.release();
  }
}

describe("onnxruntime's built-in (com.microsoft) operators", () => {
  it("probes exactly the operators on the allow-list", () => {
    expect(ORT_OPERATOR_PROBES.map((p) => p.opType).sort()).toEqual([...(ALLOWED_OPERATORS.get(ORT_DOMAIN) ?? [])].sort());
  });

  it.each(ORT_OPERATOR_PROBES.map((p) => [p.opType, p] as const))("loads and runs %s", async (_, probe) => {
    const out = await runProbe(probe);
    expect({ type: out.type, dims: [...out.dims] }).toEqual({ type: probe.output.elemType, dims: probe.output.dims });
    if (out.type === "float32") expect(Array.from(out.data as Float32Array).every(Number.isFinite)).toBe(true);
  });

  it("would catch an operator the runtime does not have (the probe can fail)", async () => {
    const probe = { ...ORT_OPERATOR_PROBES.find((p) => p.opType === "Gelu")!, opType: "NoSuchGelu" } as OperatorProbe;
    await expect(runProbe(probe)).rejects.toThrow(/NoSuchGelu/);
  });

  it("lets each probe model through the graph rules, naming its operator as onnxruntime's own", () => {
    for (const probe of ORT_OPERATOR_PROBES) {
      expect(checkGraph(decodeModel(buildProbeModel(probe))).onnxruntimeOperators).toEqual([probe.opType]);
    }
  });

  it("refuses a com.microsoft operator that is not on the list, naming it and saying why", () => {
    const probe = { ...ORT_OPERATOR_PROBES.find((p) => p.opType === "Gelu")!, opType: "QOrderedMatMul" } as OperatorProbe;
    expectRefusal(buildProbeModel(probe), "operators", ["com.microsoft operator `QOrderedMatMul`", "onnxruntime-node 1.30", "graph optimisations"]);
  });

  it("accepts a task model that uses one, and says the result needs onnxruntime", () => {
    const bytes = buildModel({
      opsetImports: [{ domain: "", version: 17 }, { domain: ORT_DOMAIN, version: 1 }],
      inputs: [{ name: "x", elemType: "float32", shape: ["N", 1, 28, 28] }],
      outputs: [{ name: "y", elemType: "float32", shape: ["N", 10] }],
      initializers: [floatTensor("w", [784, 10], pseudoRandom(7840, 3, 0.05))],
      nodes: [
        { opType: "Flatten", inputs: ["x"], outputs: ["flat"] },
        { opType: "MatMul", inputs: ["flat", "w"], outputs: ["logits"] },
        { opType: "Gelu", domain: ORT_DOMAIN, inputs: ["logits"], outputs: ["y"] },
      ],
    });
    const info = validateModel(bytes, mnistLikeTask);
    expect({ operators: info.operators, onnxruntimeOperators: info.onnxruntimeOperators }).toEqual({
      operators: ["Flatten", "Gelu", "MatMul"],
      onnxruntimeOperators: ["Gelu"],
    });
  });
});
