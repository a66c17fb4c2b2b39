#!/usr/bin/python3
"""Reproducible baseline models for the frugalboard `breast-cancer` task.

Run from the repository root with Debian's Python (it has torch, onnx, numpy):

    /usr/bin/python3 benchmarks/tasks/breast-cancer/baselines/train.py

Reads the committed copy of scikit-learn's breast_cancer.csv (checked against its
SHA-256) and drops the test rows (data row i with i % 5 == 0) as it parses, before
anything else sees them. Of the 455 training rows, those with i % 5 == 1 (114) are
held out for validation and the other 341 are fitted. Each model is exported next to
this script as ONNX (opset 13) following the task contract:

    input  "input":  float32 [N,30], the raw feature values in file order
    output "scores": float32 [N,2], index 0 = malignant, 1 = benign; prediction = argmax

The contract gives raw values, so each model standardises its input itself, with the
mean and standard deviation of the fitted rows: trained with an explicit standardisation
step, exported with it folded into the first linear layer (the same scores, two fewer
operators per call).

For every model the script prints its parameter count, ONNX file size, validation
accuracy, training time and SHA-256.
"""

import os
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))
import baseline_training as bt  # noqa: E402  (benchmarks/tasks/baseline_training.py)

CSV = os.path.join(HERE, "..", "data", "breast_cancer.csv")
CSV_SHA256 = "fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed"

FEATURES = 30
SEED = 20261129
STEPS = 1500


# --------------------------------------------------------------------------- data


def load_training_rows():
    """(features, targets) of the training rows only: data rows with i % 5 != 0, in file order."""
    if bt.sha256_file(CSV) != CSV_SHA256:
        raise RuntimeError(f"{CSV}: SHA-256 differs from the task manifest's")
    with open(CSV) as f:
        header = f.readline().strip().split(",")
        if header[1:] != [str(FEATURES), "malignant", "benign"]:
            raise ValueError(f"unexpected header {header}")
        rows = []
        for i, line in enumerate(f):
            if i % 5 == 0:
                continue  # the test split: never kept
            fields = line.strip().split(",")
            rows.append((i, [float(v) for v in fields[:FEATURES]], int(fields[FEATURES])))
    if len(rows) != int(header[0]) - (int(header[0]) + 4) // 5:
        raise ValueError(f"expected {int(header[0])} data rows, kept {len(rows)} training rows")
    index = np.array([r[0] for r in rows])
    x = np.array([r[1] for r in rows], dtype=np.float32)
    y = np.array([r[2] for r in rows], dtype=np.int64)
    return index, x, y


def split(index, x, y):
    val = index % 5 == 1
    fit = ~val
    return (torch.from_numpy(x[fit]), torch.from_numpy(y[fit])), (torch.from_numpy(x[val]), torch.from_numpy(y[val]))


# --------------------------------------------------------------------------- models


class Standardise(nn.Module):
    """(x − mean) / std with constants from the fitted rows: the model takes the contract's raw values."""

    def __init__(self, x):
        super().__init__()
        std = x.std(0, unbiased=False)
        self.register_buffer("mean", x.mean(0))
        self.register_buffer("std", torch.where(std > 0, std, torch.ones_like(std)))

    def forward(self, x):
        return (x - self.mean) / self.std


@torch.no_grad()
def fold_standardisation(model):
    """The same function with the standardisation folded into the first linear layer, as the exported graph holds it:
    W((x − mean) / std) + b = (W / std) x + (b − W (mean / std)). Two fewer nodes per call, same scores."""
    standardise, first, rest = model[0], model[1], list(model)[2:]
    folded = nn.Linear(first.in_features, first.out_features)
    folded.weight.copy_(first.weight / standardise.std)
    folded.bias.copy_(first.bias - first.weight @ (standardise.mean / standardise.std))
    return nn.Sequential(folded, *rest).eval()


def make_logreg(x):
    return nn.Sequential(Standardise(x), nn.Linear(FEATURES, 2))


def make_mlp(x):
    return nn.Sequential(Standardise(x), nn.Linear(FEATURES, 16), nn.ReLU(), nn.Linear(16, 2))


def make_deep_mlp(x):
    return nn.Sequential(
        Standardise(x),
        nn.Linear(FEATURES, 64),
        nn.ReLU(),
        nn.Linear(64, 64),
        nn.ReLU(),
        nn.Linear(64, 2),
    )


# slug, display name, constructor, Adam learning rate, weight decay
MODELS = [
    ("breast-cancer-logreg", "Logistic regression", make_logreg, 1e-2, 1e-3),
    ("breast-cancer-mlp", "MLP 30-16-2", make_mlp, 3e-3, 1e-3),
    ("breast-cancer-mlp-deep", "MLP 30-64-64-2", make_deep_mlp, 1e-3, 1e-3),
]


# --------------------------------------------------------------------------- training


def train(model, train_set, lr, weight_decay):
    """Full-batch Adam: 341 rows need no mini-batches."""
    x, y = train_set
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    for step in range(STEPS):
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        if (step + 1) % 500 == 0:
            print(f"    step {step + 1}/{STEPS}: train loss {loss.item():.4f}", flush=True)


def load():
    train_set, val_set = split(*load_training_rows())
    return train_set, val_set, [f"fitted rows: {len(train_set[0])} ({int(train_set[1].sum())} benign), "
                                f"validation rows (i % 5 == 1): {len(val_set[0])} ({int(val_set[1].sum())} benign)"]


def describe(spec):
    slug, name, _, lr, weight_decay = spec
    return f"{slug} ({name}): {STEPS} full-batch steps, Adam lr {lr}, weight decay {weight_decay}"


def fit(spec, train_set, val_set, seed):
    slug, _, make, lr, weight_decay = spec
    model = make(train_set[0])
    _, params, seconds, val_acc = bt.trained(model, lambda: train(model, train_set, lr, weight_decay), val_set)
    folded = fold_standardisation(model)
    if bt.accuracy(folded, *val_set) != val_acc or not torch.allclose(folded(train_set[0]), model(train_set[0]), rtol=1e-4, atol=1e-4):
        raise RuntimeError(f"{slug}: folding the standardisation changed the scores")
    return folded, params, seconds, val_acc


def main():
    return bt.run(here=HERE, seed=SEED, models=MODELS, load=load, describe=describe, fit=fit,
                  contract=((FEATURES,), 2), slug_width=26, only=set(sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())
