#!/usr/bin/python3
"""Small ONNX files laid out the way the common exporters write them, one per case of issue #14.

Run from the repository root with Debian's Python (python3-onnx 1.12, python3-sklearn, numpy):

    /usr/bin/python3 benchmarks/onnx/testing/exported/generate.py

There is no skl2onnx, torch or onnxruntime here, so each graph is built with onnx.helper in the layout that
tool writes (producer_name included): skl2onnx's Scaler -> LinearClassifier -> Normalizer with an int64 label
output, its ZipMap, its TreeEnsembleClassifier and its text pipeline (StringNormalizer -> com.microsoft
Tokenizer -> TfIdfVectorizer); torch.onnx.export's Gemm layers; weights in Constant nodes; a pruned model as
sparse initializers; onnxconverter_common's float16 conversion with and without keep_io_types; onnxruntime's
static QDQ and QOperator int8 quantisation and its 4-bit MatMulNBits.

Models are fitted on the breast-cancer task's training rows (data row i with i % 5 != 0) of the committed CSV and
sms-spam's training lines (i % 5 != 0, read from $FRUGAL_DATASET_MIRROR, never committed). cases.json records
for each file what the validator must say and, computed here independently of the TypeScript validator, its
parameter count, non-zero parameter count and precision, and its predictions: the test-set accuracy for
breast-cancer (numpy emulating each graph's arithmetic); for sms-spam the test-set accuracy and the scores of a
few fixed messages (which a test can check without the uncommitted dataset).
"""

import json
import os
import re

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
CSV = os.path.join(ROOT, "benchmarks", "tasks", "breast-cancer", "data", "breast_cancer.csv")
MIRROR = os.environ.get("FRUGAL_DATASET_MIRROR", "/work/shared/datasets")
SMS = os.path.join(MIRROR, "sms-spam-collection", "SMSSpamCollection")
SEED = 20261201
ML = helper.make_operatorsetid("ai.onnx.ml", 1)
MS = helper.make_operatorsetid("com.microsoft", 1)
CASES = []


def opset(version=13):
    return helper.make_operatorsetid("", version)


def save(name, graph, producer, opsets, case):
    model = helper.make_model(graph, producer_name=producer, opset_imports=opsets)
    model.ir_version = 8
    path = os.path.join(HERE, name)
    onnx.save_model(model, path)
    CASES.append({"file": name, "producer": producer, "bytes": os.path.getsize(path), **case})


def accepted(task, params, non_zero, precision, predictions, **extra):
    return {"task": task, "accepted": True, "paramCount": int(params), "nonZeroParamCount": int(non_zero), "precision": precision, **predictions, **extra}


def refused(task, rule, fragments):
    return {"task": task, "accepted": False, "rule": rule, "fragments": fragments}


def nz(*arrays):
    return int(sum(np.count_nonzero(a) for a in arrays))


def size(*arrays):
    return int(sum(np.asarray(a).size for a in arrays))


# --------------------------------------------------------------------------- breast-cancer data


def breast_cancer():
    with open(CSV) as f:
        f.readline()
        rows = [line.strip().split(",") for line in f if line.strip()]
    x = np.array([[float(v) for v in r[:30]] for r in rows], dtype=np.float32)
    y = np.array([int(r[30]) for r in rows])
    test = np.arange(len(rows)) % 5 == 0
    return x[~test], y[~test], x[test], y[test]


X, Y, XT, YT = breast_cancer()
MEAN = X.mean(0)
STD = np.where(X.std(0) > 0, X.std(0), 1).astype(np.float32)
FLOAT_IN = helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 30])


def correct(scores):
    return {"testSamples": int(len(YT)), "testCorrect": int((np.argmax(scores, 1) == YT).sum())}


# --------------------------------------------------------------------------- skl2onnx: scaler + logistic regression

lr = LogisticRegression(max_iter=2000).fit((X - MEAN) / STD, Y)
coef = np.concatenate([-lr.coef_, lr.coef_]).astype(np.float32)  # skl2onnx's binary layout: both classes
intercepts = np.concatenate([-lr.intercept_, lr.intercept_]).astype(np.float32)
offset, scale = MEAN.astype(np.float32), (1 / STD).astype(np.float32)


def skl_logreg_nodes():
    return [
        helper.make_node("Scaler", ["input"], ["variable"], domain="ai.onnx.ml", offset=offset.tolist(), scale=scale.tolist()),
        helper.make_node(
            "LinearClassifier", ["variable"], ["output_label", "probability_tensor"], domain="ai.onnx.ml",
            coefficients=coef.ravel().tolist(), intercepts=intercepts.tolist(), classlabels_ints=[0, 1], post_transform="LOGISTIC",
        ),
        helper.make_node("Normalizer", ["probability_tensor"], ["probabilities"], domain="ai.onnx.ml", norm="L1"),
    ]


def logreg_scores(x):
    logits = ((x - offset) * scale) @ coef.T + intercepts
    p = 1 / (1 + np.exp(-logits))
    return p / p.sum(1, keepdims=True)


LABEL_OUT = helper.make_tensor_value_info("output_label", TensorProto.INT64, ["N"])
nodes = skl_logreg_nodes() + [helper.make_node("Identity", ["probabilities"], ["output_probability"])]
save(
    "skl2onnx-logreg.onnx",
    helper.make_graph(nodes, "scaler_logreg", [FLOAT_IN], [LABEL_OUT, helper.make_tensor_value_info("output_probability", TensorProto.FLOAT, ["N", 2])]),
    "skl2onnx", [opset(), ML],
    accepted("breast-cancer", size(offset, scale, coef, intercepts), nz(offset, scale, coef, intercepts), "fp32", correct(logreg_scores(XT)),
             what="scikit-learn StandardScaler + LogisticRegression, zipmap=False: int64 label beside float32 probabilities"),
)

zipmap = skl_logreg_nodes() + [helper.make_node("ZipMap", ["probabilities"], ["output_probability"], domain="ai.onnx.ml", classlabels_int64s=[0, 1])]
zipmap_type = onnx.TypeProto()  # seq(map(int64, tensor(float))); onnx 1.12's helper has no make_map_type_proto
zipmap_type.sequence_type.elem_type.map_type.key_type = TensorProto.INT64
zipmap_type.sequence_type.elem_type.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
save(
    "skl2onnx-logreg-zipmap.onnx",
    helper.make_graph(zipmap, "scaler_logreg_zipmap", [FLOAT_IN], [LABEL_OUT, helper.make_value_info("output_probability", zipmap_type)]),
    "skl2onnx", [opset(), ML],
    refused("breast-cancer", "output-type", ["`output_probability` is a sequence", "options={id(model): {'zipmap': False}}"]),
)

# --------------------------------------------------------------------------- skl2onnx: random forest

forest = RandomForestClassifier(n_estimators=8, max_depth=4, random_state=SEED).fit(X, Y)
attrs = {k: [] for k in ["nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_values", "nodes_modes", "nodes_truenodeids",
                         "nodes_falsenodeids", "class_treeids", "class_nodeids", "class_ids", "class_weights"]}
thresholds, leaf_weights = [], []
for t, est in enumerate(forest.estimators_):
    tree = est.tree_
    for n in range(tree.node_count):
        leaf = tree.children_left[n] == -1
        attrs["nodes_treeids"].append(t)
        attrs["nodes_nodeids"].append(n)
        attrs["nodes_featureids"].append(0 if leaf else int(tree.feature[n]))
        # float32 thresholds, compared as sklearn does (x <= t) on float32 inputs
        value = 0.0 if leaf else float(np.float32(tree.threshold[n]))
        attrs["nodes_values"].append(value)
        attrs["nodes_modes"].append("LEAF" if leaf else "BRANCH_LEQ")
        attrs["nodes_truenodeids"].append(0 if leaf else int(tree.children_left[n]))
        attrs["nodes_falsenodeids"].append(0 if leaf else int(tree.children_right[n]))
        if leaf:
            proba = tree.value[n][0] / tree.value[n][0].sum() / len(forest.estimators_)
            for c in range(2):
                attrs["class_treeids"].append(t)
                attrs["class_nodeids"].append(n)
                attrs["class_ids"].append(c)
                attrs["class_weights"].append(float(np.float32(proba[c])))
                leaf_weights.append(np.float32(proba[c]))
        else:
            thresholds.append(np.float32(tree.threshold[n]))
forest_node = helper.make_node("TreeEnsembleClassifier", ["input"], ["output_label", "output_probability"], domain="ai.onnx.ml",
                               classlabels_int64s=[0, 1], post_transform="NONE", **attrs)
forest_scores = forest.predict_proba(XT)
save(
    "skl2onnx-random-forest.onnx",
    helper.make_graph([forest_node], "random_forest", [FLOAT_IN], [LABEL_OUT, helper.make_tensor_value_info("output_probability", TensorProto.FLOAT, ["N", 2])]),
    "skl2onnx", [opset(), ML],
    accepted("breast-cancer", len(thresholds) + len(leaf_weights), nz(np.array(thresholds), np.array(leaf_weights)), "trees", correct(forest_scores),
             what="scikit-learn RandomForestClassifier (8 trees, depth 4) as TreeEnsembleClassifier: thresholds and leaf values counted"),
)

# --------------------------------------------------------------------------- torch.onnx.export layout: an MLP

mlp = MLPClassifier(hidden_layer_sizes=(16,), max_iter=3000, random_state=SEED).fit((X - MEAN) / STD, Y)
# Standardisation folded into the first layer: W((x - m) / s) + b = (W / s) x + (b - W (m / s)); Gemm weights are [out, in].
W1 = (mlp.coefs_[0] / STD[:, None]).T.astype(np.float32)
B1 = (mlp.intercepts_[0] - (MEAN / STD) @ mlp.coefs_[0]).astype(np.float32)
# MLPClassifier's binary output is one logistic unit; two scores [-z/2, z/2] have the same argmax and softmax.
W2 = np.concatenate([-mlp.coefs_[1].T / 2, mlp.coefs_[1].T / 2]).astype(np.float32)
B2 = np.concatenate([-mlp.intercepts_[1] / 2, mlp.intercepts_[1] / 2]).astype(np.float32)
MLP_PARAMS = size(W1, B1, W2, B2)
SCORES_OUT = helper.make_tensor_value_info("scores", TensorProto.FLOAT, ["N", 2])


def mlp_scores(x, w1=W1, b1=B1, w2=W2, b2=B2):
    return np.maximum(x @ w1.T + b1, 0) @ w2.T + b2


def gemm_nodes(prefix=""):
    return [
        helper.make_node("Gemm", ["input", prefix + "fc1.weight", prefix + "fc1.bias"], ["h"], transB=1),
        helper.make_node("Relu", ["h"], ["a"]),
        helper.make_node("Gemm", ["a", prefix + "fc2.weight", prefix + "fc2.bias"], ["scores"], transB=1),
    ]


def init(name, array):
    return numpy_helper.from_array(array, name)


WEIGHTS = {"fc1.weight": W1, "fc1.bias": B1, "fc2.weight": W2, "fc2.bias": B2}
save(
    "pytorch-mlp.onnx",
    helper.make_graph(gemm_nodes(), "torch_jit", [FLOAT_IN], [SCORES_OUT], [init(k, v) for k, v in WEIGHTS.items()]),
    "pytorch", [opset(17)],
    accepted("breast-cancer", MLP_PARAMS, nz(W1, B1, W2, B2), "fp32", correct(mlp_scores(XT)), what="MLP 30-16-2 as torch.onnx.export writes it (Gemm, dynamic batch)"),
)

constants = [helper.make_node("Constant", [], [k], value=init(k + "_value", v)) for k, v in WEIGHTS.items()]
save(
    "constant-node-weights.onnx",
    helper.make_graph(constants + gemm_nodes(), "constants", [FLOAT_IN], [SCORES_OUT]),
    "pytorch", [opset(17)],
    accepted("breast-cancer", MLP_PARAMS, nz(W1, B1, W2, B2), "fp32", correct(mlp_scores(XT)), what="the same MLP with every weight in a Constant node"),
)


def prune(w, keep):
    cut = np.quantile(np.abs(w), 1 - keep)
    return np.where(np.abs(w) > cut, w, 0).astype(np.float32)


# Pruned by magnitude on standardised inputs (where magnitudes compare), then folded like the dense model: a zero
# stays a zero.
PRUNED = prune(mlp.coefs_[0].T, 0.1)
P1 = (PRUNED / STD[None, :]).astype(np.float32)
PB1 = (mlp.intercepts_[0] - PRUNED @ (MEAN / STD)).astype(np.float32)  # the bias folded with the pruned weights


def sparse(name, w):
    flat = w.ravel()
    idx = np.flatnonzero(flat).astype(np.int64)
    return helper.make_sparse_tensor(numpy_helper.from_array(flat[idx], name), numpy_helper.from_array(idx, name + "_indices"), list(w.shape))


pruned_graph = helper.make_graph(gemm_nodes(), "pruned", [FLOAT_IN], [SCORES_OUT], [init("fc1.bias", PB1), init("fc2.weight", W2), init("fc2.bias", B2)],
                                 sparse_initializer=[sparse("fc1.weight", P1)])
save(
    "pruned-sparse-initializers.onnx", pruned_graph, "pytorch", [opset(17)],
    accepted("breast-cancer", MLP_PARAMS, nz(P1, PB1, W2, B2), "fp32", correct(mlp_scores(XT, P1, PB1, W2, B2)),
             what="the MLP with 90 % of fc1 pruned by magnitude, fc1 as a sparse_initializer"),
)

# --------------------------------------------------------------------------- onnxconverter_common float16

H = {k: v.astype(np.float16) for k, v in WEIGHTS.items()}
F16_IN = helper.make_tensor_value_info("input", TensorProto.FLOAT16, ["N", 30])
F16_OUT = helper.make_tensor_value_info("scores", TensorProto.FLOAT16, ["N", 2])
save(
    "float16-default.onnx",
    helper.make_graph(gemm_nodes(), "torch_jit", [F16_IN], [F16_OUT], [init(k, v) for k, v in H.items()]),
    "pytorch", [opset(17)],
    refused("breast-cancer", "input-type", ["in 2 places", "`input` is float16", "`scores` is float16", "keep_io_types=True", "(Same fix as 1.)"]),
)


def f16_scores(x):
    r = lambda a: a.astype(np.float16).astype(np.float32)  # noqa: E731 - every tensor is float16 between nodes
    h = r(np.maximum(r(r(x) @ r(H["fc1.weight"]).T + r(H["fc1.bias"])), 0))
    return r(h @ r(H["fc2.weight"]).T + r(H["fc2.bias"]))


keep_io = [helper.make_node("Cast", ["input"], ["input_f16"], to=TensorProto.FLOAT16)] + [
    helper.make_node("Gemm", ["input_f16", "fc1.weight", "fc1.bias"], ["h"], transB=1),
    helper.make_node("Relu", ["h"], ["a"]),
    helper.make_node("Gemm", ["a", "fc2.weight", "fc2.bias"], ["scores_f16"], transB=1),
    helper.make_node("Cast", ["scores_f16"], ["scores"], to=TensorProto.FLOAT),
]
save(
    "float16-keep-io-types.onnx",
    helper.make_graph(keep_io, "torch_jit", [FLOAT_IN], [SCORES_OUT], [init(k, v) for k, v in H.items()]),
    "pytorch", [opset(17)],
    accepted("breast-cancer", MLP_PARAMS, nz(*H.values()), "fp16", correct(f16_scores(XT)), what="convert_float_to_float16(model, keep_io_types=True)"),
)

# --------------------------------------------------------------------------- onnxruntime static int8, QDQ and QOperator

# The quantisers below get the model as exported with its standardisation kept as float32 Sub and Mul in front:
# folded into the first layer, raw features up to ~4,000 would leave small ones no int8 step of their own.
WU1 = mlp.coefs_[0].T.astype(np.float32)  # [out, in] on standardised inputs
BU1 = mlp.intercepts_[0].astype(np.float32)
INV_STD = (1 / STD).astype(np.float32)
STANDARDISE = [helper.make_node("Sub", ["input", "mean"], ["centred"]), helper.make_node("Mul", ["centred", "inv_std"], ["standardised"])]
STANDARDISE_INITS = [init("mean", MEAN.astype(np.float32)), init("inv_std", INV_STD)]
QUANT_PARAMS = MLP_PARAMS + size(MEAN, INV_STD)


def standardise(x):
    return ((x - MEAN.astype(np.float32)) * INV_STD).astype(np.float32)


XS = standardise(X)


X_SCALE = np.float32(np.abs(XS).max() / 127)  # calibration on the training rows, symmetric int8 activations
A_SCALE = np.float32(np.maximum(XS @ WU1.T + BU1, 0).max() / 127)


def q(w, s):
    return np.clip(np.rint(w / s), -127, 127).astype(np.int8)


S1, S2 = np.float32(np.abs(WU1).max() / 127), np.float32(np.abs(W2).max() / 127)
Q1, Q2 = q(WU1.T, S1), q(W2.T, S2)  # MatMul weights are [in, out]
QB1 = np.rint(BU1 / (X_SCALE * S1)).astype(np.int32)
QB2 = np.rint(B2 / (A_SCALE * S2)).astype(np.int32)


def scalar(name, value, dtype):
    return numpy_helper.from_array(np.array(value, dtype=dtype), name)


qdq_inits = [
    scalar("x_scale", X_SCALE, np.float32), scalar("a_scale", A_SCALE, np.float32), scalar("zp", 0, np.int8),
    scalar("w1_scale", S1, np.float32), scalar("w2_scale", S2, np.float32),
    scalar("b1_scale", X_SCALE * S1, np.float32), scalar("b2_scale", A_SCALE * S2, np.float32), scalar("b_zp", 0, np.int32),
    init("w1_q", Q1), init("w2_q", Q2), init("b1_q", QB1), init("b2_q", QB2),
]
qdq = [
    helper.make_node("QuantizeLinear", ["standardised", "x_scale", "zp"], ["x_q"]),
    helper.make_node("DequantizeLinear", ["x_q", "x_scale", "zp"], ["x_dq"]),
    helper.make_node("DequantizeLinear", ["w1_q", "w1_scale", "zp"], ["w1"]),
    helper.make_node("DequantizeLinear", ["b1_q", "b1_scale", "b_zp"], ["b1"]),
    helper.make_node("MatMul", ["x_dq", "w1"], ["h0"]),
    helper.make_node("Add", ["h0", "b1"], ["h"]),
    helper.make_node("Relu", ["h"], ["a"]),
    helper.make_node("QuantizeLinear", ["a", "a_scale", "zp"], ["a_q"]),
    helper.make_node("DequantizeLinear", ["a_q", "a_scale", "zp"], ["a_dq"]),
    helper.make_node("DequantizeLinear", ["w2_q", "w2_scale", "zp"], ["w2"]),
    helper.make_node("DequantizeLinear", ["b2_q", "b2_scale", "b_zp"], ["b2"]),
    helper.make_node("MatMul", ["a_dq", "w2"], ["s0"]),
    helper.make_node("Add", ["s0", "b2"], ["scores"]),
]


def qdq_scores(x):
    xq = np.clip(np.rint(x / X_SCALE), -128, 127) * X_SCALE
    a = np.maximum(xq @ (Q1 * S1) + QB1 * (X_SCALE * S1), 0)
    aq = np.clip(np.rint(a / A_SCALE), -128, 127) * A_SCALE
    return aq @ (Q2 * S2) + QB2 * (A_SCALE * S2)


save(
    "onnxruntime-int8-qdq.onnx",
    helper.make_graph(STANDARDISE + qdq, "qdq", [FLOAT_IN], [SCORES_OUT], STANDARDISE_INITS + qdq_inits),
    "onnx.quantize", [opset(13)],
    accepted("breast-cancer", QUANT_PARAMS, nz(Q1, Q2, QB1, QB2, MEAN, INV_STD), "int8-qdq", correct(qdq_scores(standardise(XT))),
             what="quantize_static(..., quant_format=QuantFormat.QDQ): int8 weights and int32 biases behind DequantizeLinear"),
)

# QOperator: QLinearMatMul on uint8 activations (zero point 128) and int8 weights, float biases added after.
Y1_SCALE = np.float32(np.abs(XS @ WU1.T).max() / 127)
Y2_SCALE = np.float32(np.abs(np.maximum(XS @ WU1.T + BU1, 0) @ W2.T).max() / 127)
qop_inits = [
    scalar("x_scale", X_SCALE, np.float32), scalar("a_scale", A_SCALE, np.float32), scalar("u_zp", 128, np.uint8), scalar("w_zp", 0, np.int8),
    scalar("w1_scale", S1, np.float32), scalar("w2_scale", S2, np.float32),
    scalar("y1_scale", Y1_SCALE, np.float32), scalar("y2_scale", Y2_SCALE, np.float32),
    init("w1_q", Q1), init("w2_q", Q2), init("fc1.bias", BU1), init("fc2.bias", B2),
]
qop = [
    helper.make_node("QuantizeLinear", ["standardised", "x_scale", "u_zp"], ["x_q"]),
    helper.make_node("QLinearMatMul", ["x_q", "x_scale", "u_zp", "w1_q", "w1_scale", "w_zp", "y1_scale", "u_zp"], ["h_q"]),
    helper.make_node("DequantizeLinear", ["h_q", "y1_scale", "u_zp"], ["h0"]),
    helper.make_node("Add", ["h0", "fc1.bias"], ["h"]),
    helper.make_node("Relu", ["h"], ["a"]),
    helper.make_node("QuantizeLinear", ["a", "a_scale", "u_zp"], ["a_q"]),
    helper.make_node("QLinearMatMul", ["a_q", "a_scale", "u_zp", "w2_q", "w2_scale", "w_zp", "y2_scale", "u_zp"], ["s_q"]),
    helper.make_node("DequantizeLinear", ["s_q", "y2_scale", "u_zp"], ["s0"]),
    helper.make_node("Add", ["s0", "fc2.bias"], ["scores"]),
]


def qop_scores(x):
    def qlinear(v, s):
        return np.clip(np.rint(v / s) + 128, 0, 255)

    xq = qlinear(x, X_SCALE) - 128
    h = (np.clip(np.rint((xq @ Q1.astype(np.float64)) * (X_SCALE * S1 / Y1_SCALE)) + 128, 0, 255) - 128) * Y1_SCALE
    a = np.maximum(h + BU1, 0)
    aq = qlinear(a, A_SCALE) - 128
    s = (np.clip(np.rint((aq @ Q2.astype(np.float64)) * (A_SCALE * S2 / Y2_SCALE)) + 128, 0, 255) - 128) * Y2_SCALE
    return s + B2


save(
    "onnxruntime-int8-qoperator.onnx",
    helper.make_graph(STANDARDISE + qop, "qoperator", [FLOAT_IN], [SCORES_OUT], STANDARDISE_INITS + qop_inits),
    "onnx.quantize", [opset(13)],
    accepted("breast-cancer", QUANT_PARAMS, nz(Q1, Q2, BU1, B2, MEAN, INV_STD), "int8-qoperator", correct(qop_scores(standardise(XT))),
             what="quantize_static(..., quant_format=QuantFormat.QOperator): QLinearMatMul with int8 weights"),
)

# quantize_dynamic: int8 weights, activations quantised per call (DynamicQuantizeLinear: scale from the batch's
# own min and max, so a sample's scores depend on the batch it runs in), MatMulInteger, then back to float.
dyn_inits = [init("w1_q", Q1), init("w2_q", Q2), scalar("w1_scale", S1, np.float32), scalar("w2_scale", S2, np.float32),
             scalar("w_zp", 0, np.int8), init("fc1.bias", BU1), init("fc2.bias", B2)]


def dyn_layer(x, w, scale, bias, out):
    return [
        helper.make_node("DynamicQuantizeLinear", [x], [x + "_q", x + "_scale", x + "_zp"]),
        helper.make_node("MatMulInteger", [x + "_q", w, x + "_zp", "w_zp"], [out + "_i32"]),
        helper.make_node("Cast", [out + "_i32"], [out + "_f"], to=TensorProto.FLOAT),
        helper.make_node("Mul", [x + "_scale", scale], [out + "_s"]),
        helper.make_node("Mul", [out + "_f", out + "_s"], [out + "_mm"]),
        helper.make_node("Add", [out + "_mm", bias], [out]),
    ]


dyn = dyn_layer("standardised", "w1_q", "w1_scale", "fc1.bias", "h") + [helper.make_node("Relu", ["h"], ["a"])] + dyn_layer("a", "w2_q", "w2_scale", "fc2.bias", "scores")


def dyn_scores(x):
    def dql(v):  # DynamicQuantizeLinear: uint8, range always holding 0
        lo, hi = min(0.0, float(v.min())), max(0.0, float(v.max()))
        s = np.float32((hi - lo) / 255) or np.float32(1)
        zp = np.clip(np.rint(-lo / s), 0, 255)
        return np.clip(np.rint(v / s) + zp, 0, 255) - zp, s

    xq, xs = dql(x)
    a = np.maximum((xq @ Q1.astype(np.float64)).astype(np.float32) * np.float32(xs * S1) + BU1, 0)
    aq, as_ = dql(a)
    return (aq @ Q2.astype(np.float64)).astype(np.float32) * np.float32(as_ * S2) + B2


save(
    "onnxruntime-int8-dynamic.onnx",
    helper.make_graph(STANDARDISE + dyn, "dynamic", [FLOAT_IN], [SCORES_OUT], STANDARDISE_INITS + dyn_inits),
    "onnx.quantize", [opset(13)],
    accepted("breast-cancer", QUANT_PARAMS, nz(Q1, Q2, BU1, B2, MEAN, INV_STD), "int8-qoperator", correct(dyn_scores(standardise(XT))),
             what="quantize_dynamic(..., weight_type=QuantType.QInt8): DynamicQuantizeLinear + MatMulInteger (scores for the whole test set as one batch)",
             batchDependent=True),
)

# --------------------------------------------------------------------------- onnxruntime 4-bit weights: MatMulNBits


def nbits(w_in_out, block=16):
    """MatMulNBits' B: [N, blocks, block/2] bytes of unsigned 4-bit values (zero point 8), low nibble first; scales [N*blocks]."""
    k, n = w_in_out.shape
    blocks = -(-k // block)
    padded = np.zeros((blocks * block, n), np.float32)
    padded[:k] = w_in_out
    packed = np.zeros((n, blocks, block // 2), np.uint8)
    scales = np.zeros((n, blocks), np.float32)
    deq = np.zeros((k, n), np.float32)
    for col in range(n):
        for b in range(blocks):
            vals = padded[b * block:(b + 1) * block, col]
            s = np.float32(np.abs(vals).max() / 7) or np.float32(1)
            qv = (np.clip(np.rint(vals / s), -8, 7) + 8).astype(np.uint8)
            packed[col, b] = qv[0::2] | (qv[1::2] << 4)
            scales[col, b] = s
            deq[b * block:min((b + 1) * block, k), col] = ((qv.astype(np.float32) - 8) * s)[: min(block, k - b * block)]
    values = np.array([[(packed[c, row // block, (row % block) // 2] >> (4 * (row % 2))) & 15 for c in range(n)] for row in range(k)])
    return packed, scales.ravel(), deq, int(np.count_nonzero(values != 8))


NB1, NS1, D1, NZ1 = nbits(WU1.T)
NB2, NS2, D2, NZ2 = nbits(W2.T)
nbits_nodes = [
    helper.make_node("MatMulNBits", ["standardised", "w1_q", "w1_scales"], ["h0"], domain="com.microsoft", K=30, N=16, bits=4, block_size=16),
    helper.make_node("Add", ["h0", "fc1.bias"], ["h"]),
    helper.make_node("Relu", ["h"], ["a"]),
    helper.make_node("MatMulNBits", ["a", "w2_q", "w2_scales"], ["s0"], domain="com.microsoft", K=16, N=2, bits=4, block_size=16),
    helper.make_node("Add", ["s0", "fc2.bias"], ["scores"]),
]
nbits_inits = [init("w1_q", NB1), init("w1_scales", NS1), init("w2_q", NB2), init("w2_scales", NS2), init("fc1.bias", BU1), init("fc2.bias", B2)]
save(
    "onnxruntime-int4-matmulnbits.onnx",
    helper.make_graph(STANDARDISE + nbits_nodes, "int4", [FLOAT_IN], [SCORES_OUT], STANDARDISE_INITS + nbits_inits),
    "onnx.quantize", [opset(17), MS],
    accepted("breast-cancer", QUANT_PARAMS, NZ1 + NZ2 + nz(BU1, B2, MEAN, INV_STD), "int4", correct(mlp_scores(standardise(XT), D1.T, BU1, D2.T, B2)),
             what="MatMul4BitsQuantizer: 4-bit weights in com.microsoft MatMulNBits (block 16, zero point 8)", onnxruntimeOperators=["MatMulNBits"]),
)

# --------------------------------------------------------------------------- skl2onnx text: CountVectorizer + LogisticRegression

if os.path.exists(SMS):
    with open(SMS, encoding="utf-8") as f:
        lines = [line.rstrip("\n").split("\t", 1) for line in f if line.strip()]
    train = [(text, 1 if label == "spam" else 0) for i, (label, text) in enumerate(lines) if i % 5 != 0]

    def tokens(text):
        return [t for t in text.lower().split(" ") if t]

    counts = {}
    for text, _ in train:
        for t in set(tokens(text)):
            counts[t] = counts.get(t, 0) + 1
    vocab = sorted(sorted(counts, key=lambda t: (-counts[t], t))[:200])
    index = {t: i for i, t in enumerate(vocab)}

    def vectorise(texts):
        out = np.zeros((len(texts), len(vocab)), np.float32)
        for r, text in enumerate(texts):
            for t in tokens(text):
                if t in index:
                    out[r, index[t]] += 1
        return out

    text_lr = LogisticRegression(max_iter=2000).fit(vectorise([t for t, _ in train]), [y for _, y in train])
    tcoef = np.concatenate([-text_lr.coef_, text_lr.coef_]).astype(np.float32)
    tint = np.concatenate([-text_lr.intercept_, text_lr.intercept_]).astype(np.float32)
    text_nodes = [
        helper.make_node("StringNormalizer", ["input"], ["normalized"], case_change_action="LOWER", is_case_sensitive=0),
        helper.make_node("Tokenizer", ["normalized"], ["tokenized"], domain="com.microsoft", mark=0, mincharnum=1, pad_value="#", separators=[" "]),
        helper.make_node("TfIdfVectorizer", ["tokenized"], ["counts"], mode="TF", min_gram_length=1, max_gram_length=1, max_skip_count=0,
                         ngram_counts=[0], ngram_indexes=list(range(len(vocab))), pool_strings=vocab),
        helper.make_node("LinearClassifier", ["counts"], ["output_label", "probability_tensor"], domain="ai.onnx.ml",
                         coefficients=tcoef.ravel().tolist(), intercepts=tint.tolist(), classlabels_ints=[0, 1], post_transform="LOGISTIC"),
        helper.make_node("Normalizer", ["probability_tensor"], ["output_probability"], domain="ai.onnx.ml", norm="L1"),
    ]
    test = [(text, 1 if label == "spam" else 0) for i, (label, text) in enumerate(lines) if i % 5 == 0]
    test_logits = vectorise([t for t, _ in test]) @ tcoef.T + tint
    test_correct = int((np.argmax(test_logits, 1) == np.array([y for _, y in test])).sum())
    probes = ["Free entry in 2 a wkly comp to win FA Cup final tkts", "Ok lar... Joking wif u oni...", "WINNER!! claim your prize now", "see you at home later"]
    logits = vectorise(probes) @ tcoef.T + tint
    p = 1 / (1 + np.exp(-logits))
    save(
        "skl2onnx-text-count-vectorizer.onnx",
        helper.make_graph(text_nodes, "count_vectorizer_logreg", [helper.make_tensor_value_info("input", TensorProto.STRING, ["N"])],
                          [LABEL_OUT, helper.make_tensor_value_info("output_probability", TensorProto.FLOAT, ["N", 2])]),
        "skl2onnx", [opset(13), ML, MS],
        accepted("sms-spam", size(tcoef, tint), nz(tcoef, tint), "fp32", {"probeTexts": probes, "probeScores": (p / p.sum(1, keepdims=True)).round(5).tolist(), "testSamples": len(test), "testCorrect": test_correct},
                 what="CountVectorizer (200 words) + LogisticRegression: StringNormalizer, com.microsoft Tokenizer, TfIdfVectorizer", onnxruntimeOperators=["Tokenizer"]),
    )
else:
    raise SystemExit(f"{SMS} not found: set FRUGAL_DATASET_MIRROR")

with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(CASES, f, indent=2)
    f.write("\n")
for case in CASES:
    print(f"{case['file']:42} {case['bytes']:6} bytes  " + (f"{case['precision']:15} params {case['paramCount']:5} non-zero {case['nonZeroParamCount']:5}" if case["accepted"] else f"refused: {case['rule']}"))
