// Rules `inputs`, `outputs`, `output-name`, `input-type`, `input-shape`, `output-type` and `output-shape`: the model
// must take the task's one input and give its scores, so the harness can feed every model the same tensors. Every
// break is listed in one message, each with the fix for the exporter that most likely wrote the file, so a
// submitter fixes them all in one export instead of one per upload.
import type { onnx } from "onnx-proto";
import type { TaskDefinition } from "../types";
import { CONTRACT_DATA_TYPES, describeContract, describeDims, elemTypeName, nonTensorKind, readDims } from "./describe-type";
import { detectExporter, fixFor } from "./exporter-fixes";
import type { BreakKind, Exporter } from "./exporter-fixes";
import { quote, quoteList, refuse } from "./rules";
import type { ValidationRule } from "./rules";

export interface ContractFacts {
  inputName: string;
  outputName: string;
  /** skl2onnx's int64 [N] label output beside the scores, computed by the model but not read. */
  labelOutputName: string | null;
  batchFixedAtOne: boolean;
}

type Side = "input" | "output";
type Expected = { elemType: "float32" | "string"; shape: (number | null)[] };

interface Break {
  rule: ValidationRule;
  kind: BreakKind;
  text: string;
}

const FLOAT16 = 10;
const INT64 = 7;

/** Checks one side against the contract; returns whether its batch dimension is fixed at 1. */
function checkValue(side: Side, value: onnx.IValueInfoProto, expected: Expected, task: TaskDefinition, breaks: Break[]): boolean {
  const what = `The model's ${side} ${quote(value.name)}`;
  const wanted = `task ${task.id} expects ${describeContract(expected)}`;
  const kind = nonTensorKind(value.type);
  if (kind) {
    const zipmap = side === "output" && kind === "a sequence";
    breaks.push({ rule: `${side}-type`, kind: zipmap ? "zipmap" : `${side}-type`, text: `${what} is ${kind}, but ${wanted}, a tensor.` });
    return false;
  }
  const tensorType = value.type?.tensorType as onnx.TypeProto.ITensor;
  if (tensorType.elemType !== CONTRACT_DATA_TYPES[expected.elemType]) {
    const float16 = tensorType.elemType === FLOAT16 && expected.elemType === "float32";
    breaks.push({ rule: `${side}-type`, kind: float16 ? "float16-io" : `${side}-type`, text: `${what} is ${elemTypeName(tensorType.elemType)}, but ${wanted}.` });
  }
  if (!tensorType.shape) {
    breaks.push({ rule: `${side}-shape`, kind: "no-shape", text: `${what} has no shape information, but ${wanted}.` });
    return false;
  }
  const dims = readDims(tensorType.shape);
  const found = `${what} has shape ${describeDims(dims)}, but ${wanted}`;
  const shapeKind: BreakKind = side === "input" ? "input-shape" : "output-shape";
  if (dims.length !== expected.shape.length) {
    breaks.push({ rule: `${side}-shape`, kind: shapeKind, text: `${found}.` });
    return false;
  }
  let batchFixedAtOne = false;
  let shapeBroken = false;
  expected.shape.forEach((want, i) => {
    const dim = dims[i];
    if (want === null) {
      if (dim.kind === "param") return;
      if (dim.value === 1) batchFixedAtOne = true;
      // The harness feeds batches of 1 (single-stream) and up to 256 (offline), so only a dynamic batch or
      // batch 1 can run both scenarios.
      else breaks.push({ rule: `${side}-shape`, kind: "fixed-batch", text: `${found}: its batch dimension is fixed at ${dim.value}.` });
      return;
    }
    // A symbolic input dim accepts the contract's size; a symbolic class count cannot be checked, so not allowed.
    if (dim.kind === "param" && side === "input") return;
    if ((dim.kind !== "value" || dim.value !== want) && !shapeBroken) {
      shapeBroken = true;
      const classes = side === "output" && i === expected.shape.length - 1 ? ` (${task.classes} classes)` : "";
      breaks.push({ rule: `${side}-shape`, kind: shapeKind, text: `${found}${classes}.` });
    }
  });
  return batchFixedAtOne;
}

/** The output must name a value of the graph; onnxruntime refuses the file otherwise, so it is refused here. */
function checkOutputProduced(graph: onnx.IGraphProto, output: onnx.IValueInfoProto, breaks: Break[]): void {
  const name = output.name ?? "";
  if (name === "") {
    breaks.push({ rule: "output-name", kind: "output-name", text: "The model's output has no name, so its scores cannot be fetched." });
    return;
  }
  const produced = new Set([
    ...(graph.node ?? []).flatMap((node) => node.output ?? []),
    ...(graph.initializer ?? []).map((t) => t.name),
    ...(graph.input ?? []).map((v) => v.name),
  ]);
  if (!produced.has(name)) {
    breaks.push({ rule: "output-name", kind: "output-name", text: `The model's output ${quote(name)} is not produced by any node of the graph, so it has no value.` });
  }
}

/** skl2onnx's classifier label: an int64 tensor of rank 1 (or of no declared shape). */
function isLabelOutput(value: onnx.IValueInfoProto): boolean {
  const tensorType = value.type?.tensorType;
  if (nonTensorKind(value.type) || tensorType?.elemType !== INT64) return false;
  return !tensorType.shape || (tensorType.shape.dim ?? []).length === 1;
}

/** The scores output, and the label output that skl2onnx writes beside it (the one extra output allowed). */
function pickOutputs(outputs: onnx.IValueInfoProto[]): { scores: onnx.IValueInfoProto; label: onnx.IValueInfoProto | null } | null {
  if (outputs.length === 1) return { scores: outputs[0], label: null };
  if (outputs.length !== 2) return null;
  const labels = outputs.filter(isLabelOutput);
  if (labels.length !== 1) return null;
  return { scores: outputs.find((o) => o !== labels[0]) as onnx.IValueInfoProto, label: labels[0] };
}

function message(breaks: Break[], exporter: Exporter, task: TaskDefinition): string {
  const withFix = (b: Break, earlier: Break[]) => {
    const fix = fixFor(b.kind, exporter);
    const same = earlier.findIndex((e) => fixFor(e.kind, exporter) === fix);
    return same >= 0 ? `${b.text} (Same fix as ${same + 1}.)` : `${b.text} ${fix}`;
  };
  if (breaks.length === 1) return withFix(breaks[0], []);
  const by = exporter === "other" ? "" : ` (the file was written by ${exporter})`;
  const items = breaks.map((b, i) => `${i + 1}. ${withFix(b, breaks.slice(0, i))}`);
  return `The model breaks task ${task.id}'s contract in ${breaks.length} places${by}: ${items.join(" ")}`;
}

export function checkContract(model: onnx.IModelProto, task: TaskDefinition): ContractFacts {
  const graph = model.graph as onnx.IGraphProto;
  // IR < 4 lists every initializer as a graph input too; those are weights, not inputs the harness feeds.
  const initializerNames = new Set([
    ...(graph.initializer ?? []).map((t) => t.name),
    ...(graph.sparseInitializer ?? []).map((t) => t.values?.name),
  ]);
  const inputs = (graph.input ?? []).filter((value) => !initializerNames.has(value.name));
  const outputs = graph.output ?? [];
  const { input, output } = task.contract;
  const breaks: Break[] = [];
  if (inputs.length !== 1) {
    const found = inputs.length === 0 ? "no input" : `${inputs.length} inputs (${quoteList(inputs.map((v) => v.name ?? ""))})`;
    breaks.push({ rule: "inputs", kind: "inputs", text: `The model has ${found}, but task ${task.id} expects exactly one: ${describeContract(input)}.` });
  }
  const picked = pickOutputs(outputs);
  if (!picked) {
    const found = outputs.length === 0 ? "no output" : `${outputs.length} outputs (${quoteList(outputs.map((v) => v.name ?? ""))})`;
    breaks.push({
      rule: "outputs",
      kind: "outputs",
      text: `The model has ${found}, but task ${task.id} expects one: ${describeContract(output)} scores (and at most an int64 [N] label output beside it).`,
    });
  }
  const inputBatchOne = inputs.length === 1 ? checkValue("input", inputs[0], input, task, breaks) : false;
  if (picked) {
    checkValue("output", picked.scores, output, task, breaks);
    checkOutputProduced(graph, picked.scores, breaks);
  }
  if (breaks.length > 0) refuse(breaks[0].rule, message(breaks, detectExporter(model), task));
  const { scores, label } = picked as NonNullable<typeof picked>;
  return { inputName: inputs[0].name ?? "", outputName: scores.name ?? "", labelOutputName: label?.name ?? null, batchFixedAtOne: inputBatchOne };
}
