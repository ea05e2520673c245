"""Test accuracy after ONE epoch of one-cycle training, for a few cheap recipes.

The time-to-accuracy goal (99 % test accuracy in at most 10 s of training on a 2-core CPU)
needs a recipe that gets there within one epoch, since an epoch of the series' CNN alone
takes about 8 s. This script records how close the candidates tried so far come:

- ``cnn``: the series' CNN (notebook 04, ``helpers.models.build_cnn``);
- ``cnn_bn``: the same with batch normalisation (momentum 0.9) after each convolution;

each trained for one epoch with a one-cycle schedule (``helpers.schedules.OneCycle``) at
several batch sizes and peak learning rates, seeds 0, 1, 2. oneDNN is on, as in
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
from helpers.models import build_cnn, seed_everything
from helpers.schedules import OneCycle


def cnn_layers() -> list[keras.layers.Layer]:
    """Notebook 04's CNN without its Reshape (the data here has a channel axis)."""
    return build_cnn().layers[1:]


def cnn_bn_layers() -> list[keras.layers.Layer]:
    """Notebook 04's CNN with batch normalisation after each convolution."""
    layers = keras.layers
    return [
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


CANDIDATES: list[tuple[str, Callable[[], list], int, float]] = [
    ("cnn", cnn_layers, 64, 0.003),
    ("cnn", cnn_layers, 128, 0.004),
    ("cnn", cnn_layers, 256, 0.006),
    ("cnn_bn", cnn_bn_layers, 128, 0.01),
    ("cnn_bn", cnn_bn_layers, 256, 0.01),
]


def one_epoch(layers: Callable[[], list], batch_size: int, peak: float, data: tuple, seed: int):
    """Train one epoch from ``seed``; return (training seconds, test accuracy)."""
    (x_train, y_train), (x_test, y_test) = data
    seed_everything(seed)
    model = keras.Sequential([keras.Input(shape=(28, 28, 1)), *layers()])
    steps = int(np.ceil(len(x_train) / batch_size))
    model.compile(
        optimizer=keras.optimizers.Adam(OneCycle(peak, total_steps=steps)),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
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
    data = (
        (scale_pixels(x_train)[..., None], y_train),
        (scale_pixels(x_test)[..., None], y_test),
    )
    # Warm up once so the first timed run does not pay the process's start-up.
    warm = keras.Sequential([keras.Input(shape=(28, 28, 1)), *cnn_layers()])
    warm.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    warm.fit(data[0][0][:1024], data[0][1][:1024], batch_size=256, verbose=0)

    best = (0.0, "")
    for name, layers, batch_size, peak in CANDIDATES:
        runs = [one_epoch(layers, batch_size, peak, data, seed) for seed in args.seeds]
        accuracies = [accuracy for _, accuracy in runs]
        label = f"{name} batch {batch_size} peak {peak}"
        print(
            f"{label:28s} seconds {statistics.median(s for s, _ in runs):5.1f}  "
            f"test accuracy {' '.join(f'{a:.4f}' for a in accuracies)}",
            flush=True,
        )
        best = max(best, (statistics.median(accuracies), label))
    print(f"best median test accuracy after one epoch: {best[0]:.4f} ({best[1]}); target 0.990")


if __name__ == "__main__":
    main()
