"""Test accuracy after ONE epoch of one-cycle training, for a few cheap recipes.

The time-to-accuracy goal (99 % test accuracy in at most 10 s of training on a 2-core CPU)
needs a recipe that gets there within one epoch, since an epoch of the series' CNN alone
takes about 8 s. This script records how close the candidates come:

- ``cnn``: the series' CNN (notebook 04, ``helpers.models.build_cnn``);
- ``cnn_bn``: the same with batch normalisation (momentum 0.9) after each convolution;
- ``fast_cnn``: ``helpers.models.build_fast_cnn`` (standardised inputs, 5×5 convolutions,
  no dropout; notebook 04, exercise 4), in float32 and in bfloat16 mixed precision (fast
  on CPUs with AMX; this script does not check for it);

each trained for one epoch (16 batches per call into TensorFlow, as in
``time_to_accuracy.py``) with a one-cycle schedule (``helpers.schedules.OneCycle``) at
the batch sizes and peak learning rates listed, seeds 0, 1, 2. oneDNN is on, as in
``time_to_accuracy.py``. The last line gives the best median.

Usage: python benchmarks/one_epoch_recipes.py [--seeds 0 1 2]
"""

from __future__ import annotations

import os

os.environ["TF_ENABLE_ONEDNN_OPTS"] = "1"  # before TensorFlow is imported
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import argparse
import statistics
import time
from collections.abc import Callable

import keras
import numpy as np
from machine import machine_summary

from helpers.data import load_mnist, scale_pixels
from helpers.models import build_cnn, build_fast_cnn, seed_everything
from helpers.schedules import OneCycle


def build_cnn_bn() -> keras.Sequential:
    """Notebook 04's CNN with batch normalisation after each convolution."""
    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            layers.Reshape((28, 28, 1)),
            layers.Conv2D(32, 3, use_bias=False),
            layers.BatchNormalization(momentum=0.9),
            layers.ReLU(),
            layers.MaxPooling2D(2),
            layers.Conv2D(64, 3, use_bias=False),
            layers.BatchNormalization(momentum=0.9),
            layers.ReLU(),
            layers.MaxPooling2D(2),
            layers.Flatten(),
            layers.Dropout(0.4),
            layers.Dense(128, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )


# (name, build, batch size, peak learning rate, warm-up fraction, precision)
CANDIDATES: list[tuple[str, Callable[[], keras.Model], int, float, float, str]] = [
    ("cnn", build_cnn, 64, 0.003, 0.3, "float32"),
    ("cnn", build_cnn, 128, 0.004, 0.3, "float32"),
    ("cnn", build_cnn, 256, 0.006, 0.3, "float32"),
    ("cnn_bn", build_cnn_bn, 128, 0.01, 0.3, "float32"),
    ("cnn_bn", build_cnn_bn, 256, 0.01, 0.3, "float32"),
    ("fast_cnn", build_fast_cnn, 64, 0.003, 0.2, "float32"),
    ("fast_cnn", build_fast_cnn, 64, 0.003, 0.2, "mixed_bfloat16"),
]


def one_epoch(
    build: Callable[[], keras.Model],
    batch_size: int,
    peak: float,
    warmup: float,
    precision: str,
    data: tuple,
    seed: int,
) -> tuple[float, float]:
    """Train one epoch from ``seed``; return (training seconds, test accuracy)."""
    (x_train, y_train), (x_test, y_test) = data
    seed_everything(seed)
    keras.mixed_precision.set_global_policy(precision)
    try:
        model = build()
    finally:
        keras.mixed_precision.set_global_policy("float32")
    steps = int(np.ceil(len(x_train) / batch_size))
    model.compile(
        optimizer=keras.optimizers.Adam(OneCycle(peak, total_steps=steps, warmup_fraction=warmup)),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
        steps_per_execution=16,  # as in time_to_accuracy.py: less Python per step
    )
    start = time.perf_counter()
    model.fit(x_train, y_train, batch_size=batch_size, epochs=1, verbose=0)
    seconds = time.perf_counter() - start
    return seconds, model.evaluate(x_test, y_test, batch_size=1000, verbose=0)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    args = parser.parse_args()

    print(machine_summary())
    (x_train, y_train), (x_test, y_test) = load_mnist()
    data = ((scale_pixels(x_train), y_train), (scale_pixels(x_test), y_test))
    # Warm up once so the first timed run does not pay the process's start-up.
    warm = build_cnn()
    warm.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    warm.fit(data[0][0][:1024], data[0][1][:1024], batch_size=256, verbose=0)

    best = (0.0, "")
    for name, build, batch_size, peak, warmup, precision in CANDIDATES:
        runs = [
            one_epoch(build, batch_size, peak, warmup, precision, data, seed) for seed in args.seeds
        ]
        accuracies = [accuracy for _, accuracy in runs]
        label = f"{name} batch {batch_size} peak {peak} {precision}"
        print(
            f"{label:44s} seconds {statistics.median(s for s, _ in runs):5.1f}  "
            f"test accuracy {' '.join(f'{a:.4f}' for a in accuracies)}",
            flush=True,
        )
        best = max(best, (statistics.median(accuracies), label))
    print(f"best median test accuracy after one epoch: {best[0]:.4f} ({best[1]}); target 0.990")


if __name__ == "__main__":
    main()
