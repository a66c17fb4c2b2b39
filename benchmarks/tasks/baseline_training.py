"""What the tasks' baseline trainers (benchmarks/tasks/<task>/baselines/train.py) share.

Each trainer keeps its data, its models and their hyper-parameters; this module holds the rest: fixed seeds, the
mini-batch loop, the export with the task contract's checks, and the run that trains, exports and prints every
model. A trainer imports it with

    sys.path.insert(0, os.path.join(HERE, "..", ".."))
    import baseline_training as bt

Every run is single-threaded and deterministic (torch.use_deterministic_algorithms), so one machine writes the
same bytes each time; another CPU may round differently (see the README beside each trainer).
"""

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

OPSET = 13
MAX_BYTES = 1_000_000


# --------------------------------------------------------------------------- helpers


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@torch.no_grad()
def accuracy(model, x, y, chunk=None):
    """Share of argmax(scores) == y; `chunk`: rows per forward pass (all at once by default)."""
    model.eval()
    if chunk is None:
        return (model(x).argmax(1) == y).float().mean().item()
    correct = 0
    for i in range(0, len(x), chunk):
        correct += (model(x[i : i + chunk]).argmax(1) == y[i : i + chunk]).sum().item()
    return correct / len(x)


def train_minibatches(model, train_set, *, epochs, lr, seed, batch, schedule, augment=None, log_every=1):
    """Adam over shuffled mini-batches (the shuffle from its own generator seeded with `seed`), the learning rate
    stepped by `schedule(optimizer, total_steps)` after every batch; `augment(xb, generator)` alters a batch."""
    x, y = train_set
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    steps_per_epoch = (len(x) + batch - 1) // batch
    sched = schedule(opt, epochs * steps_per_epoch)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(len(x), generator=gen)
        total = 0.0
        for i in range(0, len(x), batch):
            idx = perm[i : i + batch]
            xb = augment(x[idx], gen) if augment else x[idx]
            opt.zero_grad()
            loss = loss_fn(model(xb), y[idx])
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        if (epoch + 1) % log_every == 0 or epoch + 1 == epochs:
            print(f"    epoch {epoch + 1}/{epochs}: train loss {total / len(x):.4f}", flush=True)


def cosine(opt, total_steps):
    """Cosine decay to 0 over the whole run: a little extra accuracy for free."""
    return torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=total_steps)


def one_cycle(lr):
    return lambda opt, total_steps: torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=total_steps)


# --------------------------------------------------------------------------- export


def export(model, path, input_shape, classes):
    """ONNX at opset 13, batch axis `N`, names input/scores; checked against the contract [N, *input_shape] ->
    [N, classes], default domain only. Returns the graph's operators."""
    model.eval()
    torch.onnx.export(
        model,
        torch.zeros(1, *input_shape, dtype=torch.float32),
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
    domains = {op.domain for op in m.opset_import}
    if not domains <= {"", "ai.onnx"}:
        raise RuntimeError(f"{path}: non-standard opset domains {domains}")
    for node in m.graph.node:
        if node.domain not in ("", "ai.onnx"):
            raise RuntimeError(f"{path}: custom-domain node {node.op_type} ({node.domain})")
    if [i.name for i in m.graph.input] != ["input"] or [o.name for o in m.graph.output] != ["scores"]:
        raise RuntimeError(f"{path}: unexpected input/output names")
    dims = lambda v: [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
    if dims(m.graph.input[0]) != ["N", *input_shape]:
        raise RuntimeError(f"{path}: unexpected input shape")
    if dims(m.graph.output[0]) != ["N", classes]:
        raise RuntimeError(f"{path}: unexpected output shape")
    return sorted({n.op_type for n in m.graph.node})


# --------------------------------------------------------------------------- the run


def run(*, here, seed, models, load, describe, fit, contract, slug_width, only=()):
    """Trains and exports every model of `models` (tuples starting with the slug) next to `here`, model k with
    the seeds seed + k.

    load() -> (train_set, val_set, lines to print about the data); describe(spec) -> the model's header line;
    fit(spec, train_set, val_set, seed) -> (model to export, params, training seconds, validation accuracy);
    contract: (input shape without the batch dimension, classes)."""
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    t_all = time.time()
    train_set, val_set, lines = load()
    print(f"torch {torch.__version__}, onnx {onnx.__version__}, numpy {np.__version__}")
    for line in lines:
        print(line)
    results = []
    for k, spec in enumerate(models):
        slug = spec[0]
        if only and slug not in only:
            continue
        print(f"\n== {describe(spec)}", flush=True)
        seed_everything(seed + k)
        model, params, seconds, val_acc = fit(spec, train_set, val_set, seed + k)
        path = os.path.join(here, slug + ".onnx")
        ops = export(model, path, *contract)
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise RuntimeError(f"{path}: {size} bytes exceeds {MAX_BYTES}")
        digest = sha256_file(path)
        results.append((slug, params, size, val_acc, seconds, digest))
        print(f"   params {params}, file {size} bytes, validation accuracy {val_acc * 100:.2f}%, "
              f"train time {seconds:.1f}s, ops {','.join(ops)}")
        print(f"   sha256 {digest}")

    print("\nsummary")
    print(f"{'model':<{slug_width}} {'params':>7} {'bytes':>7} {'val acc':>8} {'train s':>8}  sha256")
    for slug, params, size, val_acc, seconds, digest in results:
        print(f"{slug:<{slug_width}} {params:>7} {size:>7} {val_acc * 100:>7.2f}% {seconds:>8.1f}  {digest}")
    print(f"total time {time.time() - t_all:.1f}s")
    return 0


def trained(model, train, val_set, chunk=None):
    """Counts `model`'s parameters, runs `train()` timed, and measures it on `val_set`: fit()'s usual result."""
    params = sum(p.numel() for p in model.parameters())
    t0 = time.time()
    train()
    seconds = time.time() - t0
    return model, params, seconds, accuracy(model, *val_set, chunk)


# --------------------------------------------------------------------------- the 28x28 image tasks

IMAGE_BATCH = 128
IMAGE_VAL_SIZE = 5000
IMAGE_CONTRACT = ((1, 28, 28), 10)


def train_image_model(model, train_set, epochs, lr, seed):
    train_minibatches(model, train_set, epochs=epochs, lr=lr, seed=seed, batch=IMAGE_BATCH, schedule=cosine)


def run_image_task(*, here, seed, models, load_data, slug_width):
    """run() for a 28x28 image task: `models` rows are (slug, display name, constructor, epochs, learning rate),
    load_data() -> (train_set, val_set) (load_idx_training)."""

    def load():
        train_set, val_set = load_data()
        return train_set, val_set, [f"training images: {len(train_set[0])}, validation images (last {IMAGE_VAL_SIZE} of train): {len(val_set[0])}"]

    def describe(spec):
        slug, name, _, epochs, lr = spec
        return f"{slug} ({name}): {epochs} epochs, Adam lr {lr}, batch {IMAGE_BATCH}"

    def fit(spec, train_set, val_set, seed):
        _, _, make, epochs, lr = spec
        model = make()
        return trained(model, lambda: train_image_model(model, train_set, epochs, lr, seed), val_set, chunk=1000)

    return run(here=here, seed=seed, models=models, load=load, describe=describe, fit=fit, contract=IMAGE_CONTRACT,
               slug_width=slug_width, only=set(sys.argv[1:]))



def parse_idx_images(raw, path):
    magic, count, rows, cols = struct.unpack(">IIII", raw[:16])
    if magic != 2051:
        raise ValueError(f"{path}: bad magic {magic} (expected 2051)")
    pixels = np.frombuffer(raw, dtype=np.uint8, offset=16)
    if pixels.size != count * rows * cols:
        raise ValueError(f"{path}: expected {count * rows * cols} pixels, got {pixels.size}")
    return pixels.reshape(count, 1, rows, cols)


def parse_idx_labels(raw, path):
    magic, count = struct.unpack(">II", raw[:8])
    if magic != 2049:
        raise ValueError(f"{path}: bad magic {magic} (expected 2049)")
    labels = np.frombuffer(raw, dtype=np.uint8, offset=8)
    if labels.size != count:
        raise ValueError(f"{path}: expected {count} labels, got {labels.size}")
    return labels


def load_idx_training(images_path, labels_path, read, val_size):
    """The 60,000 training images (read(path) gives a file's bytes): all but the last `val_size` train, those
    validate. A test file is refused before anything is read."""
    for p in (images_path, labels_path):
        if "t10k" in os.path.basename(p):
            raise RuntimeError("refusing to train on the test split")
    images = parse_idx_images(read(images_path), images_path)
    labels = parse_idx_labels(read(labels_path), labels_path)
    if images.shape != (60000, 1, 28, 28) or labels.shape != (60000,):
        raise ValueError(f"unexpected training data shapes {images.shape} {labels.shape}")
    # Task contract: float32 pixel/255, nothing else.
    x = torch.from_numpy(images.astype(np.float32) / np.float32(255.0))
    y = torch.from_numpy(labels.astype(np.int64))
    n_train = len(x) - val_size
    return (x[:n_train], y[:n_train]), (x[n_train:], y[n_train:])


def make_image_logreg():
    return nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 10))


def make_image_mlp():
    return nn.Sequential(
        nn.Flatten(),
        nn.Linear(28 * 28, 64),
        nn.ReLU(),
        nn.Linear(64, 10),
    )


def make_image_cnn():
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
