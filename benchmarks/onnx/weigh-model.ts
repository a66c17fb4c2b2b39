// paramCount, nonZeroParamCount and the storage format of each weight, wherever an exporter put the weights:
// initializers, sparse initializers, Constant nodes, MatMulNBits' packed 4-bit blocks and the attributes of
// ai.onnx.ml operators (tree thresholds and leaf values, linear coefficients).
import { onnx } from "onnx-proto";
import type { WeightFormat } from "./precision";
import { canonicalDomain, ML_DOMAIN } from "./operators";
import { QUANT_SIGNATURES } from "./quantised-inputs";
import type { QuantWeightSlot } from "./quantised-inputs";
import { quote, refuse, toNumber } from "./rules";
import { feedsMatrix, ML_MATRIX_OPS, type ValueUse } from "./matrix-inputs";
import { weighNBits, zeroPointAt } from "./quantised-values";
import { countNonZero, elementCount, valueReader } from "./tensor-values";
import { allNodes } from "./walk-graph";


export interface WeightFacts {
  /** Weights as a dense model would hold them (a sparse tensor counts its full shape). */
  paramCount: number;
  /** Weights whose stored value is not zero (for a quantised weight: not its zero point). */
  nonZeroParamCount: number;
  /** paramCount split by how the weights are stored. */
  paramsByFormat: Map<WeightFormat, number>;
  /** The same for the weights of matrix-like operators only (matrix-inputs.ts): what precision is read from. */
  matrixParamsByFormat: Map<WeightFormat, number>;
}

// Prisma's Int column and any honest small model stay far below this.
const MAX_PARAMS = 2 ** 31 - 1;
const T = onnx.TensorProto.DataType;
const A = onnx.AttributeProto.AttributeType;

const FLOAT_FORMATS = new Map<number, WeightFormat>([
  [T.FLOAT, "fp32"],
  [T.DOUBLE, "fp64"],
  [T.FLOAT16, "fp16"],
  [T.BFLOAT16, "bf16"],
]);
const INT4_TYPES = new Set([21, 22]);

type Use = ValueUse;

class Tally {
  paramCount = 0;
  nonZeroParamCount = 0;
  paramsByFormat = new Map<WeightFormat, number>();
  matrixParamsByFormat = new Map<WeightFormat, number>();
  add(format: WeightFormat, count: number, nonZero: number, matrix = false): void {
    this.paramCount += count;
    this.nonZeroParamCount += nonZero;
    this.paramsByFormat.set(format, (this.paramsByFormat.get(format) ?? 0) + count);
    if (matrix) this.matrixParamsByFormat.set(format, (this.matrixParamsByFormat.get(format) ?? 0) + count);
  }
}

interface Graph {
  lookup: (name: string) => onnx.ITensorProto | undefined;
  uses: (name: string) => Use[];
  feedsMatrixSeen: Map<string, boolean>;
  /** The node that writes a value, and which of its outputs it is. */
  producer: (name: string) => { node: onnx.INodeProto; output: number } | undefined;
}

/**
 * A use as a scale or zero point: a quantised operator's parameter input, or the weight scale that
 * quantize_dynamic multiplies with DynamicQuantizeLinear's activation scale (output 1) after MatMulInteger.
 */
function isQuantParamUse(use: Use, graph: Graph): boolean {
  if (QUANT_SIGNATURES.get(use.node.opType ?? "")?.isParam(use.input)) return true;
  if (use.node.opType !== "Mul") return false;
  const other = graph.producer(use.node.input?.[1 - use.input] ?? "");
  return other?.node.opType === "DynamicQuantizeLinear" && other.output === 1;
}

function weighTensor(name: string, tensor: onnx.ITensorProto, graph: Graph, fileBytes: number, tally: Tally): void {
  const { lookup } = graph;
  const uses = graph.uses(name);
  const matrix = feedsMatrix(name, graph.uses, graph.feedsMatrixSeen);
  const count = elementCount(tensor);
  if (count > 2 * fileBytes) {
    refuse(
      "protobuf",
      `Initializer ${quote(tensor.name)} declares ${count.toExponential(2)} elements, more than a ` +
        `${fileBytes.toLocaleString("en-US")}-byte file can hold: the file is corrupt. Export the model again.`,
    );
  }
  const nbits = uses.find((u) => u.node.opType === "MatMulNBits" && u.input === 1);
  if (nbits) {
    const { format, count: dense, nonZero } = weighNBits(nbits.node, tensor, lookup(nbits.node.input?.[3] ?? ""));
    return tally.add(format, dense, nonZero, true);
  }
  // A tensor read only as scales or zero points is not a weight.
  if (uses.length > 0 && uses.every((u) => isQuantParamUse(u, graph))) return;
  for (const use of uses) {
    const signature = QUANT_SIGNATURES.get(use.node.opType ?? "");
    const slot: QuantWeightSlot | undefined = signature?.weights(use.input);
    if (!signature || !slot) continue;
    const zpName = slot.zeroPoint === undefined ? "" : (use.node.input?.[slot.zeroPoint] ?? "");
    const axisAttr = use.node.attribute?.find((a) => a.name === "axis");
    const axis = slot.axis === "attr" ? toNumber(axisAttr?.i ?? 1) : (slot.axis ?? 0);
    const format = INT4_TYPES.has(tensor.dataType ?? 0) ? "int4" : signature.format;
    return tally.add(format, count, countNonZero(tensor, zeroPointAt(tensor, lookup(zpName), axis)), matrix);
  }
  tally.add(FLOAT_FORMATS.get(tensor.dataType ?? 0) ?? "other", count, countNonZero(tensor), matrix);
}

function weighSparse(sparse: onnx.ISparseTensorProto, tally: Tally): void {
  const dense = (sparse.dims ?? []).reduce<number>((n, d) => n * Math.max(0, toNumber(d)), 1);
  if (dense > MAX_PARAMS) {
    refuse("protobuf", `A sparse tensor declares a dense shape of ${dense.toExponential(2)} elements: the file is corrupt. Export the model again.`);
  }
  const values = sparse.values ?? {};
  tally.add(FLOAT_FORMATS.get(values.dataType ?? 0) ?? "other", dense, Math.min(dense, countNonZero(values)));
}

function attributeNamed(node: onnx.INodeProto, name: string): onnx.IAttributeProto | undefined {
  return node.attribute?.find((a) => a.name === name);
}

/**
 * A tree's learnt values are its branch thresholds and its leaf values. TreeEnsembleClassifier/Regressor keep a
 * nodes_values entry for leaves too (unused, 0): only the entries of BRANCH_* nodes count.
 */
function isLeafPadding(node: onnx.INodeProto, attribute: onnx.IAttributeProto): ((i: number) => boolean) | null {
  if (!/^TreeEnsemble(Classifier|Regressor)$/.test(node.opType ?? "") || !/^nodes_values/.test(attribute.name ?? "")) return null;
  const modes = (attributeNamed(node, "nodes_modes")?.strings ?? []).map((s) => new TextDecoder().decode(s));
  return (i) => modes[i] === "LEAF";
}

/** Learnt values of an ai.onnx.ml node (or TfIdfVectorizer's IDF weights) kept in float attributes; hit rates are bookkeeping. */
function weighAttributes(node: onnx.INodeProto, fileBytes: number, tally: Tally): void {
  const format: WeightFormat = (node.opType ?? "").startsWith("TreeEnsemble") ? "trees" : "fp32";
  const matrix = ML_MATRIX_OPS.has(node.opType ?? "");
  for (const attribute of node.attribute ?? []) {
    if (/hitrates/.test(attribute.name ?? "")) continue;
    const padding = isLeafPadding(node, attribute) ?? (() => false);
    if (attribute.type === A.FLOATS || (attribute.floats?.length ?? 0) > 0) {
      const floats = (attribute.floats ?? []).filter((_, i) => !padding(i));
      tally.add(format, floats.length, floats.filter((v) => v !== 0).length, matrix);
    } else if (attribute.type === A.FLOAT) {
      tally.add(format, 1, attribute.f ? 1 : 0, matrix);
    } else if (attribute.t) {
      const t = attribute.t;
      if (elementCount(t) > 2 * fileBytes) refuse("protobuf", `Node ${quote(node.name)} holds a tensor larger than the file: the file is corrupt. Export the model again.`);
      const read = valueReader(t);
      let count = 0;
      let nonZero = 0;
      for (let i = 0; i < elementCount(t); i++) {
        if (padding(i)) continue;
        count++;
        if (!read || read(i) !== 0) nonZero++;
      }
      tally.add(format === "trees" ? "trees" : (FLOAT_FORMATS.get(t.dataType ?? 0) ?? "other"), count, nonZero, matrix);
    }
  }
}

export function weighModel(graphs: onnx.IGraphProto[], fileBytes: number): WeightFacts {
  const nodes = allNodes(graphs);
  const uses = new Map<string, Use[]>();
  for (const node of nodes) {
    (node.input ?? []).forEach((name, input) => {
      if (name === "") return;
      const list = uses.get(name);
      if (list) list.push({ node, input });
      else uses.set(name, [{ node, input }]);
    });
  }
  const tensors = new Map<string, onnx.ITensorProto>();
  for (const tensor of graphs.flatMap((g) => g.initializer ?? [])) tensors.set(tensor.name ?? "", tensor);
  const constants: { name: string; tensor: onnx.ITensorProto }[] = [];
  const tally = new Tally();
  for (const node of nodes) {
    const name = node.output?.[0] ?? "";
    if (node.opType === "Constant" && canonicalDomain(node.domain) !== ML_DOMAIN) {
      for (const attribute of node.attribute ?? []) {
        if (attribute.t) constants.push({ name, tensor: attribute.t });
        else if (attribute.sparseTensor) weighSparse(attribute.sparseTensor, tally);
        else if (attribute.name === "value_floats") tally.add("fp32", attribute.floats?.length ?? 0, (attribute.floats ?? []).filter((v) => v !== 0).length);
        else if (attribute.name === "value_ints") tally.add("other", attribute.ints?.length ?? 0, (attribute.ints ?? []).filter((v) => toNumber(v) !== 0).length);
        else if (attribute.name === "value_float") tally.add("fp32", 1, attribute.f ? 1 : 0);
        else if (attribute.name === "value_int") tally.add("other", 1, toNumber(attribute.i) ? 1 : 0);
      }
    } else if (canonicalDomain(node.domain) === ML_DOMAIN || node.opType === "TfIdfVectorizer") {
      weighAttributes(node, fileBytes, tally);
    }
  }
  for (const { name, tensor } of constants) tensors.set(name, tensor);
  const producers = new Map<string, { node: onnx.INodeProto; output: number }>();
  for (const node of nodes) (node.output ?? []).forEach((name, output) => producers.set(name, { node, output }));
  const graph: Graph = {
    lookup: (name) => tensors.get(name),
    uses: (name) => uses.get(name) ?? [],
    feedsMatrixSeen: new Map(),
    producer: (name) => producers.get(name),
  };
  for (const [name, tensor] of tensors) weighTensor(name, tensor, graph, fileBytes, tally);
  for (const sparse of graphs.flatMap((g) => g.sparseInitializer ?? [])) weighSparse(sparse, tally);
  if (tally.paramCount > MAX_PARAMS) {
    refuse("protobuf", `The model declares ${tally.paramCount.toExponential(2)} parameters, more than any file this size can hold: it is corrupt. Export the model again.`);
  }
  return tally;
}
