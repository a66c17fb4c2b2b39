#!/usr/bin/python3
"""The MNIST CNN baseline's twin: the same architecture, trained the same way with another seed.

Run from the repository root with Debian's Python (torch, onnx, numpy):

    /usr/bin/python3 benchmarks/harness/testing/train-cnn-twin.py

Writes benchmarks/harness/testing/mnist-cnn-twin.onnx. Two files with the same architecture and different
weights must measure alike and share a rank (issue 12); `npm run bench:repeat -- --twins` compares them.
"""
import importlib.util
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
spec = importlib.util.spec_from_file_location("mnist_train", os.path.join(REPO, "benchmarks", "tasks", "mnist", "baselines", "train.py"))
base = importlib.util.module_from_spec(spec)
spec.loader.exec_module(base)
bt = base.bt  # benchmarks/tasks/baseline_training.py, as the MNIST trainer imported it

TWIN_SEED = base.SEED + 1000


def main():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    train_set, val_set = base.load_data()
    slug, name, make, epochs, lr = next(m for m in base.MODELS if m[0] == "mnist-cnn")
    bt.seed_everything(TWIN_SEED)
    model = make()
    base.train(model, train_set, epochs, lr, TWIN_SEED)
    path = os.path.join(HERE, "mnist-cnn-twin.onnx")
    base.export(model, path)
    print(f"{slug} twin (seed {TWIN_SEED}): validation accuracy {bt.accuracy(model, *val_set, chunk=1000) * 100:.2f}%, sha256 {bt.sha256_file(path)}")


if __name__ == "__main__":
    main()
