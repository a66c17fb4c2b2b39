#!/usr/bin/python3
"""Reproducible baseline models for the frugalboard `fashion-mnist` task.

Run from the repository root with Debian's Python (it has torch, onnx, numpy):

    /usr/bin/python3 benchmarks/tasks/fashion-mnist/baselines/train.py

Trains three models on the official Fashion-MNIST *training* files only, as
Debian's dataset-fashion-mnist installs them (the t10k test files are never
opened): the first 55,000 training images are used for training and the last
5,000 are held out as a validation split. Each model is
exported next to this script as ONNX (opset 13) following the task contract:

    input  "input":  float32 [N,1,28,28], pixel/255 (no other normalisation)
    output "scores": float32 [N,10], prediction = argmax

For every model the script prints its parameter count, ONNX file size,
validation accuracy, training time and SHA-256.
"""

import gzip
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))
import baseline_training as bt  # noqa: E402  (benchmarks/tasks/baseline_training.py)

# `apt-get install dataset-fashion-mnist` puts the four official .gz files here.
DATA_DIR = os.environ.get("FASHION_MNIST_TRAIN_DIR", "/usr/share/datasets/fashion-mnist")
TRAIN_IMAGES = os.path.join(DATA_DIR, "train-images-idx3-ubyte.gz")
TRAIN_LABELS = os.path.join(DATA_DIR, "train-labels-idx1-ubyte.gz")
# SHA-256 of the decompressed training files, so a different copy is noticed before it trains anything.
TRAIN_SHA256 = {
    TRAIN_IMAGES: "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
    TRAIN_LABELS: "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
}

SEED = 20261129

# slug, display name, constructor, epochs, learning rate
MODELS = [
    ("fashion-mnist-logreg", "Logistic regression", bt.make_image_logreg, 5, 1e-3),
    ("fashion-mnist-mlp", "MLP 784-64-10", bt.make_image_mlp, 12, 3e-3),
    ("fashion-mnist-cnn", "Small CNN", bt.make_image_cnn, 6, 3e-3),
]


def read_gz(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != TRAIN_SHA256[path]:
        raise RuntimeError(f"{path}: decompressed SHA-256 {digest}, expected {TRAIN_SHA256[path]}")
    return raw


if __name__ == "__main__":
    load_data = lambda: bt.load_idx_training(TRAIN_IMAGES, TRAIN_LABELS, read_gz, bt.IMAGE_VAL_SIZE)
    sys.exit(bt.run_image_task(here=HERE, seed=SEED, models=MODELS, load_data=load_data, slug_width=22))
