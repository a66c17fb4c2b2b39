// "Export a model for this task": code that produces exactly the task's contract (one input with a dynamic
// batch dimension, one float32 output of class scores), shown on each task page.
import type { TaskDefinition } from "../../benchmarks/types";

export interface ExportSnippet {
  language: "python";
  title: string;
  code: string;
}

function dummyInput(task: TaskDefinition): string {
  return `torch.zeros(1, ${task.contract.input.shape.slice(1).join(", ")})`;
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
    opset_version=13,
)`,
  };
}

/** A fitted linear scikit-learn classifier exported through PyTorch, so any preprocessing stays in the graph. */
function scikitLearn(task: TaskDefinition): ExportSnippet {
  const features = task.contract.input.shape.slice(1).reduce<number>((n, d) => n * (d ?? 1), 1);
  const twoClass = task.classes === 2;
  return {
    language: "python",
    title: "scikit-learn (a fitted linear model, exported through PyTorch)",
    code: `import numpy as np, torch
from sklearn.linear_model import LogisticRegression

clf = LogisticRegression(max_iter=1000).fit(X_train.reshape(len(X_train), -1), y_train)  # ${features} features
W = np.${twoClass ? "concatenate([-clf.coef_, clf.coef_])" : "asarray(clf.coef_)"}
b = np.${twoClass ? "concatenate([-clf.intercept_, clf.intercept_])" : "asarray(clf.intercept_)"}
linear = torch.nn.Linear(${features}, ${task.classes})
linear.weight.data = torch.tensor(W, dtype=torch.float32)
linear.bias.data = torch.tensor(b, dtype=torch.float32)
model = torch.nn.Sequential(torch.nn.Flatten(), linear)
torch.onnx.export(model, ${dummyInput(task)}, "model.onnx", input_names=["input"], output_names=["scores"],
                  dynamic_axes={"input": {0: "N"}, "scores": {0: "N"}}, opset_version=13)`,
  };
}

function describeInput(task: TaskDefinition): string {
  return `${task.contract.input.elemType} [N, ${task.contract.input.shape.slice(1).join(", ")}]`;
}

/** Text tasks take raw strings, which torch.onnx.export cannot: the text processing must be ONNX operators. */
function textTask(task: TaskDefinition): ExportSnippet[] {
  return [
    {
      language: "python",
      title: "Raw strings in, scores out (ONNX operators, e.g. with the onnx package)",
      code: `# The input is string [N]: tokenise and vectorise inside the graph with standard ONNX operators —
# StringNormalizer (case_change_action="LOWER", locale="C.UTF-8"), StringSplit (opset 20),
# TfIdfVectorizer (pool_strings = your vocabulary) — then MatMul + Add for the ${task.classes} scores.
# Custom domains (e.g. com.microsoft Tokenizer from skl2onnx) are refused by the validator.
# benchmarks/tasks/${task.id}/baselines/ builds such graphs; copy its approach.`,
    },
  ];
}

export function exportSnippets(task: TaskDefinition): ExportSnippet[] {
  if (task.contract.input.elemType === "string") return textTask(task);
  return [pytorch(task), scikitLearn(task)];
}
