"""Test accuracy after ONE epoch of one-cycle training, for a few cheap recipes.

The time-to-accuracy goal (99 % test accuracy in at most 10 s of training on a 2-core CPU)
needs a recipe that gets there within one epoch, since an epoch of the series' CNN alone
takes about 8 s. This script records how close the candidates come:

- ``cnn``: the series' CNN (notebook 04, ``helpers.architectures.build_cnn``);
- ``cnn_bn``: the same with batch normalisation (momentum 0.9) after each convolution;
- ``fast_cnn``: ``helpers.architectures.build_fast_cnn`` (standardised inputs, 5×5 convolutions,
  no dropout; notebook 04, exercise 4), in float32 and in bfloat16 mixed precision (fast
  on CPUs with AMX; this script does not check for it);

each trained for one epoch (16 batches per call into TensorFlow, as in
``time_to_accuracy.py``) with a one-cycle schedule (``helpers.schedules.OneCycle``) at
the batch sizes and peak learning rates listed, seeds 0, 1, 2. oneDNN is on, as in
``time_to_accuracy.py``. The last line gives the best median.

Usage: python benchmarks/one_epoch_recipes.py [--seeds 0 1 2]
"""

import helpers.environment  # noqa: F401  (first: quiets TensorFlow before it is imported)

# isort: split
import argparse
import statistics
import time

import keras
from machine import machine_summary

from helpers.architectures import build_cnn, build_fast_cnn
from helpers.data import load_mnist, scale_pixels
from helpers.training import Recipe, compile_recipe, dtype_policy, seed_everything


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


def one_epoch_recipe(
    name: str, build, batch_size: int, peak: float, warmup: float, precision: str = "float32"
) -> Recipe:
    """A candidate: one epoch of one-cycle Adam, 16 batches per call into TensorFlow."""
    return Recipe(
        name,
        build,
        epochs=1,
        batch_size=batch_size,
        peak_learning_rate=peak,
        schedule="one_cycle",
        warmup_fraction=warmup,
        precision=precision,
        steps_per_execution=16,
    )


CANDIDATES: list[Recipe] = [
    one_epoch_recipe("cnn", build_cnn, 64, 0.003, 0.3),
    one_epoch_recipe("cnn", build_cnn, 128, 0.004, 0.3),
    one_epoch_recipe("cnn", build_cnn, 256, 0.006, 0.3),
    one_epoch_recipe("cnn_bn", build_cnn_bn, 128, 0.01, 0.3),
    one_epoch_recipe("cnn_bn", build_cnn_bn, 256, 0.01, 0.3),
    one_epoch_recipe("fast_cnn", build_fast_cnn, 64, 0.003, 0.2),
    one_epoch_recipe("fast_cnn", build_fast_cnn, 64, 0.003, 0.2, "mixed_bfloat16"),
]


def one_epoch(recipe: Recipe, data: tuple, seed: int) -> tuple[float, float]:
    """Train one epoch from ``seed``; return (training seconds, test accuracy)."""
    (x_train, y_train), (x_test, y_test) = data
    seed_everything(seed)
    with dtype_policy(recipe.precision):
        model = recipe.build()
    compile_recipe(model, recipe, recipe.steps_per_epoch(len(x_train)))
    start = time.perf_counter()
    model.fit(x_train, y_train, batch_size=recipe.batch_size, epochs=1, verbose=0)
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
    for recipe in CANDIDATES:
        runs = [one_epoch(recipe, data, seed) for seed in args.seeds]
        accuracies = [accuracy for _, accuracy in runs]
        label = (
            f"{recipe.name} batch {recipe.batch_size} peak {recipe.peak_learning_rate} "
            f"{recipe.precision}"
        )
        print(
            f"{label:44s} seconds {statistics.median(s for s, _ in runs):5.1f}  "
            f"test accuracy {' '.join(f'{a:.4f}' for a in accuracies)}",
            flush=True,
        )
        best = max(best, (statistics.median(accuracies), label))
    print(f"best median test accuracy after one epoch: {best[0]:.4f} ({best[1]}); target 0.990")


if __name__ == "__main__":
    main()
