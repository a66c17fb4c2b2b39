// Rules `inputs`, `outputs`, `output-name`, `input-type`, `input-shape`, `output-type` and `output-shape`: the model must take
// the task's one input and give its one output, so the harness can feed every model the same tensors.
import type { onnx } from "onnx-proto";
import type { TaskDefinition } from "../types";
import { CONTRACT_DATA_TYPES, describeContract, describeDims, elemTypeName, nonTensorKind, readDims } from "./describe-type";
import { quote, quoteList, refuse } from "./rules";

export interface ContractFacts {
  inputName: string;
  outputName: string;
  batchFixedAtOne: boolean;
}

type Side = "input" | "output";
type Expected = { elemType: "float32" | "string"; shape: (number | null)[] };

const FIXES: Record<Side, { type: string; shape: string }> = {
  input: {
    type: "Make the exported graph take that type (export with an example input of that type).",
    shape: "Reshape the input in the exported graph (export with an example input of that shape).",
  },
  output: {
    type: "Make the graph's last node give float32 scores (add a Cast if needed).",
    shape: "Make the last layer give one score per class, batch first.",
  },
};

/** Checks one side against the contract; returns whether its batch dimension is fixed at 1. */
function checkValue(side: Side, value: onnx.IValueInfoProto, expected: Expected, task: TaskDefinition): boolean {
  const what = `The model's ${side} ${quote(value.name)}`;
  const wanted = `task ${task.id} expects ${describeContract(expected)}`;
  const kind = nonTensorKind(value.type);
  if (kind) {
    const zipmap = side === "output" && kind === "a sequence" ? " With skl2onnx, convert with options={'zipmap': False}." : "";
    refuse(`${side}-type`, `${what} is ${kind}, but ${wanted}, a tensor. ${FIXES[side].type}${zipmap}`);
  }
  const tensorType = value.type?.tensorType as onnx.TypeProto.ITensor;
  if (tensorType.elemType !== CONTRACT_DATA_TYPES[expected.elemType]) {
    refuse(`${side}-type`, `${what} is ${elemTypeName(tensorType.elemType)}, but ${wanted}. ${FIXES[side].type}`);
  }
  if (!tensorType.shape) {
    refuse(
      `${side}-shape`,
      `${what} has no shape information, but ${wanted}. Export the model with a shape (e.g. from an example ` +
        "input of that shape, with the batch axis marked dynamic).",
    );
  }
  const dims = readDims(tensorType.shape);
  const found = `${what} has shape ${describeDims(dims)}, but ${wanted}`;
  if (dims.length !== expected.shape.length) refuse(`${side}-shape`, `${found}. ${FIXES[side].shape}`);
  let batchFixedAtOne = false;
  expected.shape.forEach((want, i) => {
    const dim = dims[i];
    if (want === null) {
      if (dim.kind === "param") return;
      if (dim.value === 1) batchFixedAtOne = true;
      else {
        // The harness feeds batches of 1 (single-stream) and up to 256 (offline), so only a dynamic batch or
        // batch 1 can run both scenarios.
        refuse(
          `${side}-shape`,
          `${found}: its batch dimension is fixed at ${dim.value}. Export with a dynamic batch axis ` +
            "(torch.onnx.export(..., dynamic_axes={name: {0: 'N'}})) or with batch 1.",
        );
      }
      return;
    }
    // A symbolic input dim accepts the contract's size; a symbolic class count cannot be checked, so not allowed.
    if (dim.kind === "param" && side === "input") return;
    if (dim.kind !== "value" || dim.value !== want) {
      const classes = side === "output" && i === expected.shape.length - 1 ? ` (${task.classes} classes)` : "";
      refuse(`${side}-shape`, `${found}${classes}. ${FIXES[side].shape}`);
    }
  });
  return batchFixedAtOne;
}

/** The output must name a value of the graph; onnxruntime refuses the file otherwise, so it is refused here. */
function checkOutputProduced(graph: onnx.IGraphProto, output: onnx.IValueInfoProto): void {
  const name = output.name ?? "";
  if (name === "") {
    refuse("output-name", "The model's output has no name, so its scores cannot be fetched. Export the model with a named output (e.g. output_names=['scores']).");
  }
  const produced = new Set([
    ...(graph.node ?? []).flatMap((node) => node.output ?? []),
    ...(graph.initializer ?? []).map((t) => t.name),
    ...(graph.input ?? []).map((v) => v.name),
  ]);
  if (!produced.has(name)) {
    refuse(
      "output-name",
      `The model's output ${quote(name)} is not produced by any node of the graph, so it has no value. ` +
        "Name the output after the last node's output (export again; do not rename outputs by hand).",
    );
  }
}

export function checkContract(graph: onnx.IGraphProto, task: TaskDefinition): ContractFacts {
  // IR < 4 lists every initializer as a graph input too; those are weights, not inputs the harness feeds.
  const initializerNames = new Set([
    ...(graph.initializer ?? []).map((t) => t.name),
    ...(graph.sparseInitializer ?? []).map((t) => t.values?.name),
  ]);
  const inputs = (graph.input ?? []).filter((value) => !initializerNames.has(value.name));
  const outputs = graph.output ?? [];
  const { input, output } = task.contract;
  if (inputs.length !== 1) {
    const found = inputs.length === 0 ? "no input" : `${inputs.length} inputs (${quoteList(inputs.map((v) => v.name ?? ""))})`;
    refuse(
      "inputs",
      `The model has ${found}, but task ${task.id} expects exactly one: ${describeContract(input)}. ` +
        "Make the others constants (initializers) or compute them inside the graph.",
    );
  }
  if (outputs.length !== 1) {
    const found = outputs.length === 0 ? "no output" : `${outputs.length} outputs (${quoteList(outputs.map((v) => v.name ?? ""))})`;
    refuse(
      "outputs",
      `The model has ${found}, but task ${task.id} expects exactly one: ${describeContract(output)} scores. ` +
        "Keep only the scores output (skl2onnx: drop the label output and convert with options={'zipmap': False}).",
    );
  }
  const inputBatchOne = checkValue("input", inputs[0], input, task);
  checkValue("output", outputs[0], output, task);
  checkOutputProduced(graph, outputs[0]);
  return { inputName: inputs[0].name ?? "", outputName: outputs[0].name ?? "", batchFixedAtOne: inputBatchOne };
}
