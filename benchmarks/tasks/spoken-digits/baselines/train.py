#!/usr/bin/python3
"""Reproducible baseline models for the frugalboard `spoken-digits` task.

Run from the repository root with Debian's Python (it has torch, onnx, numpy):

    FRUGAL_DATASET_MIRROR=../shared/datasets /usr/bin/python3 benchmarks/tasks/spoken-digits/baselines/train.py

Reads the Free Spoken Digit Dataset recordings from
$FRUGAL_DATASET_MIRROR/free-spoken-digit-dataset/recordings/ and uses only the training recordings (index 5-49):
the test recordings (index 0-4) are never opened. Index 10-49 (2,400 clips) train the models, index 5-9 (300
clips) are the validation split. Each model is exported next to this script as ONNX (opset 13) following the
task contract:

    input  "input":  float32 [N,1,8192], int16/32768 at 8 kHz; a longer clip is centre-cropped (from
                     floor((n-8192)/2)), a shorter one zero-padded at the end
    output "scores": float32 [N,10], prediction = argmax

For every model the script prints its parameter count, ONNX file size, validation accuracy, training time and
SHA-256, and the SHA-256 over all training files it read.
"""

import hashlib
import os
import random
import re
import sys
import time
import wave

import numpy as np
import onnx
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
CLIP = 8192
RATE = 8000
SEED = 20261129
BATCH = 32
OPSET = 13
MAX_BYTES = 1_000_000
NAME = re.compile(r"^(\d)_([a-z]+)_(\d+)\.wav$")


# --------------------------------------------------------------------------- data


def recordings_dir():
    mirror = os.environ.get("FRUGAL_DATASET_MIRROR")
    if not mirror:
        sys.exit("Set FRUGAL_DATASET_MIRROR to the folder that holds free-spoken-digit-dataset/ (e.g. ../shared/datasets).")
    path = os.path.join(mirror, "free-spoken-digit-dataset", "recordings")
    if not os.path.isdir(path):
        sys.exit(f"{path} is missing; get recordings/ from https://github.com/Jakobovski/free-spoken-digit-dataset")
    return path


def fit_clip(samples):
    """The task contract: int16/32768, centre-crop from floor((n-8192)/2) or zero-pad at the end."""
    out = np.zeros(CLIP, dtype=np.float32)
    n = len(samples)
    start = (n - CLIP) // 2 if n > CLIP else 0
    part = samples[start : start + CLIP]
    out[: len(part)] = part.astype(np.float32) / np.float32(32768.0)
    return out


def read_clip(path):
    with wave.open(path, "rb") as w:
        if w.getnchannels() != 1 or w.getsampwidth() != 2 or w.getframerate() != RATE or w.getcomptype() != "NONE":
            raise ValueError(f"{path}: not 16-bit mono PCM at {RATE} Hz")
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")


def load_data():
    folder = recordings_dir()
    train, val = ([], []), ([], [])
    digest = hashlib.sha256()
    for name in sorted(os.listdir(folder)):
        match = NAME.match(name)
        if not match:
            continue
        digit, index = int(match.group(1)), int(match.group(3))
        if index < 5:
            continue  # the test split: never opened
        path = os.path.join(folder, name)
        with open(path, "rb") as f:
            digest.update(name.encode() + b"\0" + hashlib.sha256(f.read()).digest())
        target = val if index < 10 else train
        target[0].append(fit_clip(read_clip(path)))
        target[1].append(digit)
    as_tensors = lambda xs, ys: (torch.from_numpy(np.stack(xs)[:, None, :]), torch.tensor(ys, dtype=torch.int64))
    return as_tensors(*train), as_tensors(*val), digest.hexdigest()


def augment(x, gen):
    """Random shift of up to ±50 ms (zeros shifted in) and gain 0.7-1.4: the clips vary in onset and loudness."""
    shift = int(torch.randint(-400, 401, (1,), generator=gen))
    gain = 0.7 + 0.7 * float(torch.rand(1, generator=gen))
    out = torch.zeros_like(x)
    if shift >= 0:
        out[..., shift:] = x[..., : CLIP - shift]
    else:
        out[..., :shift] = x[..., -shift:]
    return out * gain


# --------------------------------------------------------------------------- models


class LogEnergy(nn.Module):
    """log(x^2 averaged over time segments + eps): the log band energies of a filterbank's outputs."""

    def __init__(self, segment):
        super().__init__()
        self.pool = nn.AvgPool1d(segment)

    def forward(self, x):
        return torch.log(self.pool(x * x) + 1e-6)


def make_fbank_linear():
    # 16 learned FIR filters (16 ms) every 8 ms -> 127 frames; band energies over 7 segments of 128 ms -> linear.
    return nn.Sequential(
        nn.Conv1d(1, 16, kernel_size=128, stride=64, bias=False),
        LogEnergy(16),
        nn.BatchNorm1d(16),
        nn.Flatten(),
        nn.Linear(16 * 7, 10),
    )


def make_cnn_small():
    return nn.Sequential(
        nn.Conv1d(1, 16, kernel_size=64, stride=16),  # 509 frames
        nn.BatchNorm1d(16),
        nn.ReLU(),
        nn.MaxPool1d(4),  # 127
        nn.Conv1d(16, 32, kernel_size=5, padding=2),
        nn.BatchNorm1d(32),
        nn.ReLU(),
        nn.MaxPool1d(4),  # 31
        nn.Conv1d(32, 32, kernel_size=3, padding=1),
        nn.BatchNorm1d(32),
        nn.ReLU(),
        nn.AvgPool1d(4),  # 7
        nn.Flatten(),
        nn.Linear(32 * 7, 10),
    )


def make_cnn():
    # After M5 (Dai et al., "Very deep convolutional neural networks for raw waveforms", ICASSP 2017).
    def block(c_in, c_out):
        return [nn.Conv1d(c_in, c_out, kernel_size=3, padding=1), nn.BatchNorm1d(c_out), nn.ReLU(), nn.MaxPool1d(4)]

    return nn.Sequential(
        nn.Conv1d(1, 32, kernel_size=80, stride=4),  # 2029 frames
        nn.BatchNorm1d(32),
        nn.ReLU(),
        nn.MaxPool1d(4),  # 507
        *block(32, 32),  # 126
        *block(32, 64),  # 31
        *block(64, 64),  # 7
        nn.AdaptiveAvgPool1d(1),
        nn.Flatten(),
        nn.Linear(64, 10),
    )


# slug, display name, constructor, epochs, learning rate, augment
MODELS = [
    ("spoken-digits-fbank-linear", "Learned filterbank + linear", make_fbank_linear, 40, 1e-2, False),
    ("spoken-digits-cnn-small", "Small 1-D CNN", make_cnn_small, 30, 3e-3, True),
    ("spoken-digits-cnn", "1-D CNN (M5-style)", make_cnn, 30, 3e-3, True),
]


# --------------------------------------------------------------------------- training


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@torch.no_grad()
def accuracy(model, x, y):
    model.eval()
    return (model(x).argmax(1) == y).float().mean().item()


def train(model, train_set, epochs, lr, seed, use_augment):
    x, y = train_set
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    steps_per_epoch = (len(x) + BATCH - 1) // BATCH
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=epochs * steps_per_epoch)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(len(x), generator=gen)
        total = 0.0
        for i in range(0, len(x), BATCH):
            idx = perm[i : i + BATCH]
            xb = augment(x[idx], gen) if use_augment else x[idx]
            opt.zero_grad()
            loss = loss_fn(model(xb), y[idx])
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        if (epoch + 1) % 5 == 0 or epoch + 1 == epochs:
            print(f"    epoch {epoch + 1}/{epochs}: train loss {total / len(x):.4f}", flush=True)


def export(model, path):
    model.eval()
    torch.onnx.export(
        model,
        torch.zeros(1, 1, CLIP, dtype=torch.float32),
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
    for node in m.graph.node:
        if node.domain not in ("", "ai.onnx"):
            raise RuntimeError(f"{path}: custom-domain node {node.op_type} ({node.domain})")
    if [i.name for i in m.graph.input] != ["input"] or [o.name for o in m.graph.output] != ["scores"]:
        raise RuntimeError(f"{path}: unexpected input/output names")
    dims = lambda v: [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
    if dims(m.graph.input[0]) != ["N", 1, CLIP] or dims(m.graph.output[0]) != ["N", 10]:
        raise RuntimeError(f"{path}: unexpected input/output shapes")
    return sorted({n.op_type for n in m.graph.node})


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    t_all = time.time()
    train_set, val_set, data_digest = load_data()
    print(f"torch {torch.__version__}, onnx {onnx.__version__}, numpy {np.__version__}")
    print(f"training clips (index 10-49): {len(train_set[0])}, validation clips (index 5-9): {len(val_set[0])}")
    print(f"training files sha256 {data_digest}")
    only = set(sys.argv[1:])
    results = []
    for k, (slug, name, make, epochs, lr, use_augment) in enumerate(MODELS):
        if only and slug not in only:
            continue
        print(f"\n== {slug} ({name}): {epochs} epochs, Adam one-cycle lr {lr}, batch {BATCH}, augment {use_augment}", flush=True)
        seed_everything(SEED + k)
        model = make()
        params = sum(p.numel() for p in model.parameters())
        t0 = time.time()
        train(model, train_set, epochs, lr, SEED + k, use_augment)
        seconds = time.time() - t0
        val_acc = accuracy(model, *val_set)
        path = os.path.join(HERE, slug + ".onnx")
        ops = export(model, path)
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise RuntimeError(f"{path}: {size} bytes exceeds {MAX_BYTES}")
        digest = sha256_file(path)
        results.append((slug, params, size, val_acc, seconds, digest))
        print(f"   params {params}, file {size} bytes, validation accuracy {val_acc * 100:.2f}%, "
              f"train time {seconds:.1f}s, ops {','.join(ops)}")
        print(f"   sha256 {digest}")

    print("\nsummary")
    print(f"{'model':<28} {'params':>7} {'bytes':>7} {'val acc':>8} {'train s':>8}  sha256")
    for slug, params, size, val_acc, seconds, digest in results:
        print(f"{slug:<28} {params:>7} {size:>7} {val_acc * 100:>7.2f}% {seconds:>8.1f}  {digest}")
    print(f"total time {time.time() - t_all:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
