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
import re
import sys
import wave

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))
import baseline_training as bt  # noqa: E402  (benchmarks/tasks/baseline_training.py)

CLIP = 8192
RATE = 8000
SEED = 20261129
BATCH = 32
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


def load():
    train_set, val_set, data_digest = load_data()
    return train_set, val_set, [
        f"training clips (index 10-49): {len(train_set[0])}, validation clips (index 5-9): {len(val_set[0])}",
        f"training files sha256 {data_digest}",
    ]


def describe(spec):
    slug, name, _, epochs, lr, use_augment = spec
    return f"{slug} ({name}): {epochs} epochs, Adam one-cycle lr {lr}, batch {BATCH}, augment {use_augment}"


def fit(spec, train_set, val_set, seed):
    _, _, make, epochs, lr, use_augment = spec
    model = make()
    train = lambda: bt.train_minibatches(model, train_set, epochs=epochs, lr=lr, seed=seed, batch=BATCH,
                                         schedule=bt.one_cycle(lr), augment=augment if use_augment else None, log_every=5)
    return bt.trained(model, train, val_set)


def main():
    return bt.run(here=HERE, seed=SEED, models=MODELS, load=load, describe=describe, fit=fit,
                  contract=((1, CLIP), 10), slug_width=28, only=set(sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())
