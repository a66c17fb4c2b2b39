// What a model may use: the standard ONNX domains and their operators, and the com.microsoft operators compiled
// into onnxruntime itself, as onnxruntime-node 1.30 runs them on CPU. Anything else needs a custom-op library,
// i.e. native code from the submitter, which the benchmark never loads. Opset ranges were probed with
// onnxruntime-node 1.30 (ai.onnx 27 and ai.onnx.ml 6 fail to load).

export const DEFAULT_DOMAIN = "ai.onnx";
export const ML_DOMAIN = "ai.onnx.ml";
/** onnxruntime's own operators ("contrib ops"): part of the runtime's binary, but no other runtime has them. */
export const ORT_DOMAIN = "com.microsoft";

/** "" and "ai.onnx" are the same domain in ONNX. */
export function canonicalDomain(domain: string | null | undefined): string {
  return domain === "" || domain === null || domain === undefined ? DEFAULT_DOMAIN : domain;
}

// Maps, not object literals: a domain named "constructor" or "__proto__" must not look allowed.
export const OPSET_RANGES: ReadonlyMap<string, { min: number; max: number }> = new Map([
  // onnxruntime guarantees nothing below opset 7 and has no kernels for some opset-1 operators.
  [DEFAULT_DOMAIN, { min: 7, max: 26 }],
  [ML_DOMAIN, { min: 1, max: 5 }],
  // com.microsoft has only ever had opset 1.
  [ORT_DOMAIN, { min: 1, max: 1 }],
]);

/** IR versions onnxruntime-node 1.30 loads (14 and above fail: "Unsupported model IR version"); IR 3 brought opset_import. */
export const IR_VERSION_RANGE = { min: 3, max: 13 } as const;

// ai.onnx operators from opset 7 to 26 (onnx/docs/Operators.md), deprecated ones that onnxruntime still runs
// (Scatter, Upsample) included. Training-only domains (ai.onnx.preview.training) are not allowed.
const ONNX_OPERATORS = `
Abs Acos Acosh Add AffineGrid And ArgMax ArgMin Asin Asinh Atan Atanh Attention AveragePool
BatchNormalization Bernoulli BitCast BitShift BitwiseAnd BitwiseNot BitwiseOr BitwiseXor BlackmanWindow
Cast CastLike Ceil Celu CenterCropPad Clip Col2Im Compress Concat ConcatFromSequence Constant ConstantOfShape
Conv ConvInteger ConvTranspose Cos Cosh CumProd CumSum DFT DeformConv DepthToSpace DequantizeLinear Det Div
Dropout DynamicQuantizeLinear Einsum Elu Equal Erf Exp Expand EyeLike Flatten Floor GRU Gather GatherElements
GatherND Gelu Gemm GlobalAveragePool GlobalLpPool GlobalMaxPool Greater GreaterOrEqual GridSample
GroupNormalization HammingWindow HannWindow HardSigmoid HardSwish Hardmax Identity If ImageDecoder
InstanceNormalization IsInf IsNaN LRN LSTM LayerNormalization LeakyRelu Less LessOrEqual Log LogSoftmax Loop
LpNormalization LpPool MatMul MatMulInteger Max MaxPool MaxRoiPool MaxUnpool Mean MeanVarianceNormalization
MelWeightMatrix Min Mish Mod Mul Multinomial Neg NegativeLogLikelihoodLoss NonMaxSuppression NonZero Not OneHot
Optional OptionalGetElement OptionalHasElement Or PRelu Pad Pow QLinearConv QLinearMatMul QuantizeLinear
RMSNormalization RNN RandomNormal RandomNormalLike RandomUniform RandomUniformLike Range Reciprocal ReduceL1
ReduceL2 ReduceLogSum ReduceLogSumExp ReduceMax ReduceMean ReduceMin ReduceProd ReduceSum ReduceSumSquare
RegexFullMatch Relu Reshape Resize ReverseSequence RoiAlign RotaryEmbedding Round STFT Scan Scatter
ScatterElements ScatterND Selu SequenceAt SequenceConstruct SequenceEmpty SequenceErase SequenceInsert
SequenceLength SequenceMap Shape Shrink Sigmoid Sign Sin Sinh Size Slice Softmax SoftmaxCrossEntropyLoss
Softplus Softsign SpaceToDepth Split SplitToSequence Sqrt Squeeze StringConcat StringNormalizer StringSplit Sub
Sum Swish Tan Tanh TensorScatter TfIdfVectorizer ThresholdedRelu Tile TopK Transpose Trilu Unique Unsqueeze
Upsample Where Xor`;

// ai.onnx.ml: what skl2onnx, onnxmltools and hummingbird emit for classical models.
const ML_OPERATORS = `
ArrayFeatureExtractor Binarizer CastMap CategoryMapper DictVectorizer FeatureVectorizer Imputer LabelEncoder
LinearClassifier LinearRegressor Normalizer OneHotEncoder SVMClassifier SVMRegressor Scaler TreeEnsemble
TreeEnsembleClassifier TreeEnsembleRegressor ZipMap`;

// com.microsoft operators that exporters and onnxruntime's own tools write: skl2onnx (Tokenizer), the
// quantiser (QLinear*, QGemm, DynamicQuantizeMatMul, MatMulIntegerToFloat, QuantizeLinear/DequantizeLinear),
// the 4-bit weight quantiser (MatMulNBits) and the transformer optimiser (Gelu … Attention). Each one is loaded
// and run by ort-operators.test.ts (models in testing/ort-operator-probes.ts); add one only with its probe.
const ORT_OPERATORS = `
Attention BiasGelu DequantizeLinear DynamicQuantizeMatMul FastGelu FusedConv FusedGemm FusedMatMul Gelu
MatMulIntegerToFloat MatMulNBits MultiHeadAttention QGemm QLinearAdd QLinearAveragePool QLinearConcat
QLinearGlobalAveragePool QLinearLeakyRelu QLinearMul QLinearSigmoid QLinearSoftmax QuantizeLinear QuickGelu
SkipLayerNormalization Tokenizer`;

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

export const ALLOWED_OPERATORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [DEFAULT_DOMAIN, words(ONNX_OPERATORS)],
  [ML_DOMAIN, words(ML_OPERATORS)],
  [ORT_DOMAIN, words(ORT_OPERATORS)],
]);

export function isAllowedDomain(domain: string | null | undefined): boolean {
  return ALLOWED_OPERATORS.has(canonicalDomain(domain));
}

export function isAllowedOperator(domain: string | null | undefined, opType: string): boolean {
  return ALLOWED_OPERATORS.get(canonicalDomain(domain))?.has(opType) ?? false;
}
