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
import random
import struct
import sys
import time

import numpy as np
import onnx
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
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
VAL_SIZE = 5000
BATCH = 128
OPSET = 13
MAX_BYTES = 1_000_000


# --------------------------------------------------------------------------- data


def read_gz(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != TRAIN_SHA256[path]:
        raise RuntimeError(f"{path}: decompressed SHA-256 {digest}, expected {TRAIN_SHA256[path]}")
    return raw


def read_idx_images(path):
    raw = read_gz(path)
    magic, count, rows, cols = struct.unpack(">IIII", raw[:16])
    if magic != 2051:
        raise ValueError(f"{path}: bad magic {magic} (expected 2051)")
    pixels = np.frombuffer(raw, dtype=np.uint8, offset=16)
    if pixels.size != count * rows * cols:
        raise ValueError(f"{path}: expected {count * rows * cols} pixels, got {pixels.size}")
    return pixels.reshape(count, 1, rows, cols)


def read_idx_labels(path):
    raw = read_gz(path)
    magic, count = struct.unpack(">II", raw[:8])
    if magic != 2049:
        raise ValueError(f"{path}: bad magic {magic} (expected 2049)")
    labels = np.frombuffer(raw, dtype=np.uint8, offset=8)
    if labels.size != count:
        raise ValueError(f"{path}: expected {count} labels, got {labels.size}")
    return labels


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_data():
    for p in (TRAIN_IMAGES, TRAIN_LABELS):
        if "t10k" in os.path.basename(p):
            raise RuntimeError("refusing to train on the test split")
    images = read_idx_images(TRAIN_IMAGES)
    labels = read_idx_labels(TRAIN_LABELS)
    if images.shape != (60000, 1, 28, 28) or labels.shape != (60000,):
        raise ValueError(f"unexpected training data shapes {images.shape} {labels.shape}")
    # Task contract: float32 pixel/255, nothing else.
    x = torch.from_numpy(images.astype(np.float32) / np.float32(255.0))
    y = torch.from_numpy(labels.astype(np.int64))
    n_train = len(x) - VAL_SIZE
    return (x[:n_train], y[:n_train]), (x[n_train:], y[n_train:])


# --------------------------------------------------------------------------- models


def make_logreg():
    return nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 10))


def make_mlp():
    return nn.Sequential(
        nn.Flatten(),
        nn.Linear(28 * 28, 64),
        nn.ReLU(),
        nn.Linear(64, 10),
    )


def make_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 8, kernel_size=3, padding=1),  # 8x28x28
        nn.ReLU(),
        nn.MaxPool2d(2),  # 8x14x14
        nn.Conv2d(8, 16, kernel_size=3, padding=1),  # 16x14x14
        nn.ReLU(),
        nn.MaxPool2d(2),  # 16x7x7
        nn.Flatten(),
        nn.Linear(16 * 7 * 7, 10),
    )


# slug, display name, constructor, epochs, learning rate
MODELS = [
    ("fashion-mnist-logreg", "Logistic regression", make_logreg, 5, 1e-3),
    ("fashion-mnist-mlp", "MLP 784-64-10", make_mlp, 12, 3e-3),
    ("fashion-mnist-cnn", "Small CNN", make_cnn, 6, 3e-3),
]


# --------------------------------------------------------------------------- training


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@torch.no_grad()
def accuracy(model, x, y):
    model.eval()
    correct = 0
    for i in range(0, len(x), 1000):
        correct += (model(x[i : i + 1000]).argmax(1) == y[i : i + 1000]).sum().item()
    return correct / len(x)


def train(model, train_set, epochs, lr, seed):
    x, y = train_set
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    steps_per_epoch = (len(x) + BATCH - 1) // BATCH
    # Cosine decay to 0 over the whole run: a little extra accuracy for free.
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs * steps_per_epoch)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(len(x), generator=gen)
        total = 0.0
        for i in range(0, len(x), BATCH):
            idx = perm[i : i + BATCH]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        print(f"    epoch {epoch + 1}/{epochs}: train loss {total / len(x):.4f}", flush=True)


def export(model, path):
    model.eval()
    dummy = torch.zeros(1, 1, 28, 28, dtype=torch.float32)
    torch.onnx.export(
        model,
        dummy,
        path,
        export_params=True,
        opset_version=OPSET,
        do_constant_folding=True,
        input_names=["input"],
        output_names=["scores"],
        dynamic_axes={"input": {0: "N"}, "scores": {0: "N"}},
    )
    m = onnx.load(path)
    onnx.checker.check_model(m, full_check=True)
    # Contract checks.
    domains = {op.domain for op in m.opset_import}
    if not domains <= {"", "ai.onnx"}:
        raise RuntimeError(f"{path}: non-standard opset domains {domains}")
    for node in m.graph.node:
        if node.domain not in ("", "ai.onnx"):
            raise RuntimeError(f"{path}: custom-domain node {node.op_type} ({node.domain})")
    if [i.name for i in m.graph.input] != ["input"] or [o.name for o in m.graph.output] != ["scores"]:
        raise RuntimeError(f"{path}: unexpected input/output names")
    in_dims = m.graph.input[0].type.tensor_type.shape.dim
    out_dims = m.graph.output[0].type.tensor_type.shape.dim
    if [d.dim_param or d.dim_value for d in in_dims] != ["N", 1, 28, 28]:
        raise RuntimeError(f"{path}: unexpected input shape")
    if [d.dim_param or d.dim_value for d in out_dims] != ["N", 10]:
        raise RuntimeError(f"{path}: unexpected output shape")
    return sorted({n.op_type for n in m.graph.node})


def main():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    t_all = time.time()
    train_set, val_set = load_data()
    print(f"torch {torch.__version__}, onnx {onnx.__version__}, numpy {np.__version__}")
    print(f"training images: {len(train_set[0])}, validation images (last {VAL_SIZE} of train): {len(val_set[0])}")
    results = []
    for k, (slug, name, make, epochs, lr) in enumerate(MODELS):
        print(f"\n== {slug} ({name}): {epochs} epochs, Adam lr {lr}, batch {BATCH}", flush=True)
        seed_everything(SEED + k)
        model = make()
        params = sum(p.numel() for p in model.parameters())
        t0 = time.time()
        train(model, train_set, epochs, lr, SEED + k)
        seconds = time.time() - t0
        val_acc = accuracy(model, *val_set)
        path = os.path.join(HERE, slug + ".onnx")
        ops = export(model, path)
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise RuntimeError(f"{path}: {size} bytes exceeds {MAX_BYTES}")
        digest = sha256_file(path)
        results.append((slug, params, size, val_acc, seconds, digest, ops))
        print(f"   params {params}, file {size} bytes, validation accuracy {val_acc * 100:.2f}%, "
              f"train time {seconds:.1f}s, ops {','.join(ops)}")
        print(f"   sha256 {digest}")

    print("\nsummary")
    print(f"{'model':<22} {'params':>7} {'bytes':>7} {'val acc':>8} {'train s':>8}  sha256")
    for slug, params, size, val_acc, seconds, digest, _ in results:
        print(f"{slug:<22} {params:>7} {size:>7} {val_acc * 100:>7.2f}% {seconds:>8.1f}  {digest}")
    print(f"total time {time.time() - t_all:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
