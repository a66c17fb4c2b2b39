// "Export a model for this task": code that produces exactly the task's contract (one input with a dynamic
// batch dimension, float32 class scores), shown on each task page. Each guide names the committed files
// (benchmarks/onnx/testing/exported/) laid out as its tool writes them; export-snippets.test.ts checks that the
// validator accepts them with the precision the guide announces.
import type { TaskDefinition } from "../../benchmarks/types";
import { quantisationSnippets } from "./quantisation-snippets";
import { checkLine, type ExportSnippet } from "./snippet";

export type { ExportSnippet } from "./snippet";

function dummyInput(task: TaskDefinition): string {
  return `torch.zeros(1, ${task.contract.input.shape.slice(1).join(", ")})`;
}

function features(task: TaskDefinition): number {
  return task.contract.input.shape.slice(1).reduce<number>((n, d) => n * (d ?? 1), 1);
}

function pytorch(task: TaskDefinition): ExportSnippet {
  return {
    language: "python",
    title: "PyTorch",
    code: `import torch

model.eval()  # a torch.nn.Module: input ${describeInput(task)} -> scores [N, ${task.classes}]
torch.onnx.export(
    model, ${dummyInput(task)}, "model.onnx",
    input_names=["input"], output_names=["scores"],
    dynamic_axes={"input": {0: "N"}, "scores": {0: "N"}},
    opset_version=17,
)
${checkLine(task)}`,
    backedBy: [{ file: "pytorch-mlp.onnx", precision: "fp32" }],
  };
}

/** Image and audio inputs are not 2-D, which skl2onnx's classifiers need: a linear model goes through PyTorch. */
function scikitLearnThroughTorch(task: TaskDefinition): ExportSnippet {
  const twoClass = task.classes === 2;
  return {
    language: "python",
    title: "scikit-learn (a fitted linear model, exported through PyTorch)",
    code: `import numpy as np, torch
from sklearn.linear_model import LogisticRegression

clf = LogisticRegression(max_iter=1000).fit(X_train.reshape(len(X_train), -1), y_train)  # ${features(task)} features
W = np.${twoClass ? "concatenate([-clf.coef_, clf.coef_])" : "asarray(clf.coef_)"}
b = np.${twoClass ? "concatenate([-clf.intercept_, clf.intercept_])" : "asarray(clf.intercept_)"}
linear = torch.nn.Linear(${features(task)}, ${task.classes})
linear.weight.data = torch.tensor(W, dtype=torch.float32)
linear.bias.data = torch.tensor(b, dtype=torch.float32)
model = torch.nn.Sequential(torch.nn.Flatten(), linear)
torch.onnx.export(model, ${dummyInput(task)}, "model.onnx", input_names=["input"], output_names=["scores"],
                  dynamic_axes={"input": {0: "N"}, "scores": {0: "N"}}, opset_version=17)
${checkLine(task)}`,
    backedBy: [{ file: "pytorch-mlp.onnx", precision: "fp32" }],
  };
}

/** A [N, features] task: skl2onnx converts pipelines and tree ensembles as they are. */
function skl2onnx(task: TaskDefinition): ExportSnippet {
  return {
    language: "python",
    title: "scikit-learn with skl2onnx (pipelines with scalers, tree ensembles)",
    code: `from skl2onnx import to_onnx
from skl2onnx.common.data_types import FloatTensorType
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression  # or RandomForestClassifier, GradientBoostingClassifier, ...

clf = LogisticRegression(max_iter=1000)
pipe = make_pipeline(StandardScaler(), clf).fit(X_train.astype("float32"), y_train)
onx = to_onnx(pipe, initial_types=[("input", FloatTensorType([None, ${features(task)}]))],
              options={id(clf): {"zipmap": False}})  # probabilities as a float32 [N, ${task.classes}] tensor, not ZipMap
open("model.onnx", "wb").write(onx.SerializeToString())
# The int64 label output skl2onnx adds beside the probabilities is accepted and ignored: boards score the probabilities.
${checkLine(task)}`,
    backedBy: [
      { file: "skl2onnx-logreg.onnx", precision: "fp32" },
      { file: "skl2onnx-random-forest.onnx", precision: "trees" },
    ],
  };
}

function describeInput(task: TaskDefinition): string {
  return `${task.contract.input.elemType} [N, ${task.contract.input.shape.slice(1).join(", ")}]`;
}

/** Text tasks take raw strings: skl2onnx's vectorisers keep tokenising inside the graph. */
function textTask(task: TaskDefinition): ExportSnippet[] {
  return [
    {
      language: "python",
      title: "scikit-learn text pipeline with skl2onnx (CountVectorizer / TfidfVectorizer)",
      code: `from skl2onnx import to_onnx
from skl2onnx.common.data_types import StringTensorType
from sklearn.feature_extraction.text import CountVectorizer  # or TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

clf = LogisticRegression(max_iter=1000)
pipe = make_pipeline(CountVectorizer(), clf).fit(texts_train, y_train)
onx = to_onnx(pipe, initial_types=[("input", StringTensorType([None]))],  # string [N], raw text
              options={id(clf): {"zipmap": False}})
open("model.onnx", "wb").write(onx.SerializeToString())
# skl2onnx writes StringNormalizer, onnxruntime's built-in com.microsoft Tokenizer and TfIdfVectorizer:
# accepted, and marked "onnxruntime operators" on the board (no other runtime has Tokenizer).
${checkLine(task)}`,
      backedBy: [{ file: "skl2onnx-text-count-vectorizer.onnx", precision: "fp32" }],
    },
  ];
}

export function exportSnippets(task: TaskDefinition): ExportSnippet[] {
  if (task.contract.input.elemType === "string") return textTask(task);
  const tabular = task.contract.input.shape.length === 2;
  return [pytorch(task), tabular ? skl2onnx(task) : scikitLearnThroughTorch(task), ...quantisationSnippets(task)];
}
