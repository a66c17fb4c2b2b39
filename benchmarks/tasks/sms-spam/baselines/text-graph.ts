// ONNX graphs for the sms-spam baselines: the text processing lives in the graph, since the contract feeds raw
// strings. Lowercase (StringNormalizer), split on spaces (StringSplit, ai.onnx 20), count the vocabulary's word
// n-grams weighted by IDF (TfIdfVectorizer), L2-normalise, then a linear layer or a small MLP.
import { onnx } from "onnx-proto";
import { attr, buildModel, floatTensor, int64Tensor, type NodeSpec } from "../../../onnx/testing/build-model";

/** StringSplit is ai.onnx 20; every other op here exists at 20 too. */
export const TEXT_OPSET = 20;
/** StringNormalizer needs an installed locale; C.UTF-8 is built into glibc (en_US.UTF-8 often is not installed). */
export const TEXT_LOCALE = "C.UTF-8";

const encoder = new TextEncoder();
const stringAttr = (name: string, s: string): onnx.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.STRING, s: encoder.encode(s) });
const stringsAttr = (name: string, strings: string[]): onnx.IAttributeProto => ({
  name,
  type: onnx.AttributeProto.AttributeType.STRINGS,
  strings: strings.map((s) => encoder.encode(s)),
});

/** Word n-grams (1 or 2 words, joined by one space) with their IDF weights; the output column is the index. */
export interface Vocabulary {
  ngrams: string[];
  idf: number[];
}

export interface TextHead {
  /** Row-major [inputs, outputs] per layer; ReLU between layers. The last layer gives the 2 scores. */
  layers: { weight: Float32Array; bias: Float32Array; inputs: number; outputs: number }[];
}

/** input string [N] → lowered → tokens string [N, longest message's token count] padded with "". */
function tokenNodes(): NodeSpec[] {
  return [
    { opType: "StringNormalizer", inputs: ["input"], outputs: ["lowered"], attributes: [stringAttr("case_change_action", "LOWER"), stringAttr("locale", TEXT_LOCALE)] },
    { opType: "StringSplit", inputs: ["lowered"], outputs: ["tokens", "token_counts"] },
  ];
}

/** The TfIdfVectorizer pool: the ONNX layout lists all 1-grams, then all 2-grams as flattened word pairs. */
function tfidfNode(vocabulary: Vocabulary): NodeSpec {
  const order = vocabulary.ngrams.map((ngram, column) => ({ words: ngram.split(" "), column }));
  const unigrams = order.filter((g) => g.words.length === 1);
  const bigrams = order.filter((g) => g.words.length === 2);
  if (unigrams.length + bigrams.length !== order.length) throw new Error("the vocabulary holds n-grams longer than 2 words");
  const sorted = [...unigrams, ...bigrams];
  const weights = sorted.map((g) => vocabulary.idf[g.column]);
  return {
    opType: "TfIdfVectorizer",
    inputs: ["tokens"],
    outputs: ["tfidf"],
    attributes: [
      stringAttr("mode", "TFIDF"),
      attr.int("min_gram_length", 1),
      attr.int("max_gram_length", bigrams.length > 0 ? 2 : 1),
      attr.int("max_skip_count", 0),
      stringsAttr("pool_strings", sorted.flatMap((g) => g.words)),
      attr.ints("ngram_counts", bigrams.length > 0 ? [0, unigrams.length] : [0]),
      attr.ints("ngram_indexes", sorted.map((g) => g.column)),
      { name: "weights", type: onnx.AttributeProto.AttributeType.FLOATS, floats: weights },
    ],
  };
}

/** x / max(‖x‖₂, 1e-6) per row: a message with no known n-gram stays all zeros instead of becoming NaN. */
function normaliseNodes(): NodeSpec[] {
  return [
    { opType: "ReduceL2", inputs: ["tfidf", "axis_1"], outputs: ["norm"], attributes: [attr.int("keepdims", 1)] },
    { opType: "Max", inputs: ["norm", "epsilon"], outputs: ["safe_norm"] },
    { opType: "Div", inputs: ["tfidf", "safe_norm"], outputs: ["features"] },
  ];
}

function model(nodes: NodeSpec[], initializers: onnx.ITensorProto[], output: { name: string; elemType: "float32" | "string"; shape: (number | string)[] }) {
  return buildModel({
    opset: TEXT_OPSET,
    producerName: "frugalboard sms-spam baselines",
    inputs: [{ name: "input", elemType: "string", shape: ["N"] }],
    outputs: [output],
    nodes,
    initializers,
  });
}

const normaliseConstants = () => [int64Tensor("axis_1", [1], [1]), floatTensor("epsilon", [], [1e-6])];

/** Tokens only, for learning the vocabulary with exactly the graph's own tokeniser. */
export function buildTokenizerModel(): Uint8Array {
  return model(tokenNodes(), [], { name: "tokens", elemType: "string", shape: ["N", "T"] });
}

/** The features the head sees, for training on exactly what the graph computes. */
export function buildFeaturizerModel(vocabulary: Vocabulary): Uint8Array {
  return model([...tokenNodes(), tfidfNode(vocabulary), ...normaliseNodes()], normaliseConstants(), {
    name: "features",
    elemType: "float32",
    shape: ["N", vocabulary.ngrams.length],
  });
}

/** The whole baseline: raw strings in, float32 [N,2] scores out (index 1 = spam). */
export function buildSpamModel(vocabulary: Vocabulary, head: TextHead): Uint8Array {
  const nodes: NodeSpec[] = [...tokenNodes(), tfidfNode(vocabulary), ...normaliseNodes()];
  const initializers = normaliseConstants();
  let current = "features";
  head.layers.forEach((layer, i) => {
    const last = i === head.layers.length - 1;
    initializers.push(floatTensor(`w${i}`, [layer.inputs, layer.outputs], layer.weight), floatTensor(`b${i}`, [layer.outputs], layer.bias));
    nodes.push({ opType: "MatMul", inputs: [current, `w${i}`], outputs: [`mm${i}`] });
    nodes.push({ opType: "Add", inputs: [`mm${i}`, `b${i}`], outputs: [last ? "scores" : `pre${i}`] });
    if (!last) nodes.push({ opType: "Relu", inputs: [`pre${i}`], outputs: [`h${i}`] });
    current = `h${i}`;
  });
  return model(nodes, initializers, { name: "scores", elemType: "float32", shape: ["N", 2] });
}
