// paramCount, nonZeroParamCount and the storage format of each weight, wherever an exporter put the weights:
// initializers, sparse initializers, Constant nodes, MatMulNBits' packed 4-bit blocks and the attributes of
// ai.onnx.ml operators (tree thresholds and leaf values, linear coefficients).
import { onnx } from "onnx-proto";
import type { WeightFormat } from "./precision";
import { canonicalDomain, ML_DOMAIN } from "./operators";
import { QUANT_SIGNATURES } from "./quantised-inputs";
import type { QuantWeightSlot } from "./quantised-inputs";
import { quote, refuse, toNumber } from "./rules";
import { countNonZero, elementCount, nibble, valueReader } from "./tensor-values";
import { allNodes } from "./walk-graph";


export interface WeightFacts {
  /** Weights as a dense model would hold them (a sparse tensor counts its full shape). */
  paramCount: number;
  /** Weights whose stored value is not zero (for a quantised weight: not its zero point). */
  nonZeroParamCount: number;
  /** paramCount split by how the weights are stored. */
  paramsByFormat: Map<WeightFormat, number>;
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

interface Use {
  node: onnx.INodeProto;
  input: number;
}

class Tally {
  paramCount = 0;
  nonZeroParamCount = 0;
  paramsByFormat = new Map<WeightFormat, number>();
  add(format: WeightFormat, count: number, nonZero: number): void {
    this.paramCount += count;
    this.nonZeroParamCount += nonZero;
    this.paramsByFormat.set(format, (this.paramsByFormat.get(format) ?? 0) + count);
  }
}

/** A per-tensor or per-axis zero point as a function of the element index; 0 when there is none or it cannot be read. */
function zeroPointAt(tensor: onnx.ITensorProto, zp: onnx.ITensorProto | undefined, axis: number): (i: number) => number {
  const read = zp ? valueReader(zp) : null;
  if (!zp || !read) return () => 0;
  const zpCount = elementCount(zp);
  if (zpCount === 1) return () => read(0);
  const dims = (tensor.dims ?? []).map(toNumber);
  const a = axis < 0 ? dims.length + axis : axis;
  if (a < 0 || a >= dims.length || dims[a] !== zpCount) return () => 0;
  const stride = dims.slice(a + 1).reduce((n, d) => n * d, 1);
  return (i) => read(Math.floor(i / stride) % zpCount);
}

/** MatMulNBits' B: [N, blocks, blockSize·bits/8] bytes, K weights a column; zero points packed the same way, default 2^(bits−1). */
function weighNBits(node: onnx.INodeProto, b: onnx.ITensorProto, zp: onnx.ITensorProto | undefined, tally: Tally): void {
  const int = (name: string, fallback: number) => toNumber(node.attribute?.find((a) => a.name === name)?.i ?? fallback);
  const bits = int("bits", 4);
  const [k, n, blockSize] = [int("K", 0), int("N", 0), int("block_size", 32)];
  const bytes = elementCount(b);
  const perByte = Math.max(1, Math.floor(8 / bits));
  // K·N from attributes, but never more than the stored bytes can hold (a forged attribute is not a count).
  const dense = Math.min(k * n, bytes * perByte);
  const read = valueReader(b);
  const zpRead = zp && zp.dataType === T.UINT8 ? valueReader(zp) : null;
  const blocks = Math.ceil(k / blockSize);
  const blobBytes = (blockSize * bits) / 8;
  const zpBytesPerColumn = Math.ceil((blocks * bits) / 8);
  const format: WeightFormat = bits === 4 ? "int4" : "int8-qoperator";
  if (!read || bits !== 4 || dense !== k * n) return tally.add(format, dense, dense);
  let nonZero = 0;
  for (let col = 0; col < n; col++) {
    for (let row = 0; row < k; row++) {
      const block = Math.floor(row / blockSize);
      const j = row % blockSize;
      const value = nibble(read(col * blocks * blobBytes + block * blobBytes + (j >> 1)), j, false);
      const zero = zpRead ? nibble(zpRead(col * zpBytesPerColumn + (block >> 1)), block, false) : 8;
      if (value !== zero) nonZero++;
    }
  }
  tally.add(format, dense, nonZero);
}

interface Graph {
  lookup: (name: string) => onnx.ITensorProto | undefined;
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

function weighTensor(tensor: onnx.ITensorProto, uses: Use[], graph: Graph, fileBytes: number, tally: Tally): void {
  const { lookup } = graph;
  const count = elementCount(tensor);
  if (count > 2 * fileBytes) {
    refuse(
      "protobuf",
      `Initializer ${quote(tensor.name)} declares ${count.toExponential(2)} elements, more than a ` +
        `${fileBytes.toLocaleString("en-US")}-byte file can hold: the file is corrupt. Export the model again.`,
    );
  }
  const nbits = uses.find((u) => u.node.opType === "MatMulNBits" && u.input === 1);
  if (nbits) return weighNBits(nbits.node, tensor, lookup(nbits.node.input?.[3] ?? ""), tally);
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
    return tally.add(format, count, countNonZero(tensor, zeroPointAt(tensor, lookup(zpName), axis)));
  }
  tally.add(FLOAT_FORMATS.get(tensor.dataType ?? 0) ?? "other", count, countNonZero(tensor));
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
  for (const attribute of node.attribute ?? []) {
    if (/hitrates/.test(attribute.name ?? "")) continue;
    const padding = isLeafPadding(node, attribute) ?? (() => false);
    if (attribute.type === A.FLOATS || (attribute.floats?.length ?? 0) > 0) {
      const floats = (attribute.floats ?? []).filter((_, i) => !padding(i));
      tally.add(format, floats.length, floats.filter((v) => v !== 0).length);
    } else if (attribute.type === A.FLOAT) {
      tally.add(format, 1, attribute.f ? 1 : 0);
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
      tally.add(format === "trees" ? "trees" : (FLOAT_FORMATS.get(t.dataType ?? 0) ?? "other"), count, nonZero);
    }
  }
}

export function weighModel(graphs: onnx.IGraphProto[], fileBytes: number): WeightFacts {
  const nodes = allNodes(graphs);
  const uses = new Map<string, Use[]>();
  for (const node of nodes) {
    (node.input ?? []).forEach((name, input) => {
      if (name !== "") uses.set(name, [...(uses.get(name) ?? []), { node, input }]);
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
  const graph: Graph = { lookup: (name) => tensors.get(name), producer: (name) => producers.get(name) };
  for (const [name, tensor] of tensors) weighTensor(tensor, uses.get(name) ?? [], graph, fileBytes, tally);
  for (const sparse of graphs.flatMap((g) => g.sparseInitializer ?? [])) weighSparse(sparse, tally);
  if (tally.paramCount > MAX_PARAMS) {
    refuse("protobuf", `The model declares ${tally.paramCount.toExponential(2)} parameters, more than any file this size can hold: it is corrupt. Export the model again.`);
  }
  return tally;
}
