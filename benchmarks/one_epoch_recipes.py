"""Candidates for the series' race to 99 %: arithmetic, seconds and validation accuracy.

The series races the Keras example convnet to 99 % test accuracy (``time_to_accuracy.py``)
with its ``fast_cnn`` recipe. On a 2-core CPU in float32 the time is set by arithmetic: the
multiply-adds of one image's forward pass, about three times that per image for training
(forward, and the two products of the backward pass), times the images seen. This script
records, for each candidate network and short recipe (one or two epochs of one-cycle Adam, 16
batches per call into TensorFlow):

- multiply-adds per image (forward pass) and parameters;
- the median training seconds over the seeds (all 55,000 fitting images, float32);
- the validation accuracy per seed (the 5,000 held-out images of the series' split), which is
  what the choice is made on; the test set is not touched here.

The candidates: the series' earlier fast CNN (32 5×5 filters, then 64 5×5 over 32 channels:
3.9 M multiply-adds, 85 % of them in the second convolution), the public anchor
tuomaso/train_mnist_fast (24c5-pool-32c3-pool-Dense256, 1.2 M), narrower networks, and
networks that start with *space to depth*: each image's 2×2 blocks become four channels
(28×28×1 → 14×14×4), so the first 3×3 convolution sees a 6×6 patch and works at a quarter of
the positions. The choice rule, printed last: the fastest candidate whose lowest validation
accuracy over the seeds is at least 0.990.

Usage: python benchmarks/one_epoch_recipes.py [--seeds 0 1 2] [--only NAME ...]
"""

import helpers.environment  # noqa: F401  (first: quiets TensorFlow before it is imported)

# isort: split
import argparse
import dataclasses
import statistics
import time
from collections.abc import Callable

import keras
from machine import machine_summary

from helpers.architectures import MNIST_PIXEL_MEAN, MNIST_PIXEL_STD, multiply_adds_per_image
from helpers.data import load_mnist, scale_pixels, train_validation_split
from helpers.training import (
    RECIPES,
    VALIDATION_SEED,
    Recipe,
    compile_recipe,
    dtype_policy,
    seed_everything,
)

LAYERS = keras.layers
MEAN, STD = MNIST_PIXEL_MEAN, MNIST_PIXEL_STD  # of the scaled training pixels (notebook 09)


def network(name: str, body: list[keras.layers.Layer], *, space_to_depth: bool) -> keras.Model:
    """Standardised input, optional space to depth, the body, a softmax over ten digits."""
    start = [
        keras.Input(shape=(28, 28)),
        LAYERS.Rescaling(1 / STD, offset=-MEAN / STD),
    ]
    if space_to_depth:
        start += [
            LAYERS.Reshape((14, 2, 14, 2)),
            LAYERS.Permute((1, 3, 2, 4)),
            LAYERS.Reshape((14, 14, 4)),
        ]
    else:
        start.append(LAYERS.Reshape((28, 28, 1)))
    head = [LAYERS.Dense(10, activation="softmax", dtype="float32")]
    return keras.Sequential([*start, *body, *head], name=name)


def conv(filters: int, kernel: int) -> keras.layers.Layer:
    return LAYERS.Conv2D(filters, kernel, activation="relu")


def pooled_dense(units: int) -> list[keras.layers.Layer]:
    return [LAYERS.Flatten(), LAYERS.Dense(units, activation="relu")]


BUILDS: dict[str, Callable[[], keras.Model]] = {
    "32c5-p-64c5-p-d128": lambda: network(
        "earlier_fast_cnn",
        [conv(32, 5), LAYERS.MaxPooling2D(2), conv(64, 5), LAYERS.MaxPooling2D(2)]
        + pooled_dense(128),
        space_to_depth=False,
    ),
    "anchor 24c5-p-32c3-p-d256": lambda: network(
        "anchor",
        [conv(24, 5), LAYERS.MaxPooling2D(2), conv(32, 3), LAYERS.MaxPooling2D(2)]
        + pooled_dense(256),
        space_to_depth=False,
    ),
    "16c5-p-32c3-p-d128": lambda: network(
        "narrow",
        [conv(16, 5), LAYERS.MaxPooling2D(2), conv(32, 3), LAYERS.MaxPooling2D(2)]
        + pooled_dense(128),
        space_to_depth=False,
    ),
    "16c5-p-64c5-p-d128": lambda: network(
        "narrow_first",
        [conv(16, 5), LAYERS.MaxPooling2D(2), conv(64, 5), LAYERS.MaxPooling2D(2)]
        + pooled_dense(128),
        space_to_depth=False,
    ),
    "s2d 32c3-p-64c3-d128": lambda: network(
        "s2d_32_64",
        [conv(32, 3), LAYERS.MaxPooling2D(2), conv(64, 3)] + pooled_dense(128),
        space_to_depth=True,
    ),
    "s2d 64c3-p-128c3-d128": lambda: network(
        "s2d_64_128",
        [conv(64, 3), LAYERS.MaxPooling2D(2), conv(128, 3)] + pooled_dense(128),
        space_to_depth=True,
    ),
    "s2d 64c3-p-64c3-d128": lambda: network(
        "s2d_64_64",
        [conv(64, 3), LAYERS.MaxPooling2D(2), conv(64, 3)] + pooled_dense(128),
        space_to_depth=True,
    ),
}


def candidate(
    name: str, build, epochs: int, batch_size: int, peak: float, warmup: float = 0.2
) -> Recipe:
    return Recipe(
        name,
        build,
        epochs=epochs,
        batch_size=batch_size,
        peak_learning_rate=peak,
        schedule="one_cycle",
        warmup_fraction=warmup,
        steps_per_execution=16,
    )


CANDIDATES: list[Recipe] = [
    candidate("earlier fast CNN 32c5-p-64c5-p-d128", BUILDS["32c5-p-64c5-p-d128"], 1, 64, 0.003),
    candidate("anchor 24c5-p-32c3-p-d256", BUILDS["anchor 24c5-p-32c3-p-d256"], 1, 256, 0.008),
    candidate("anchor 24c5-p-32c3-p-d256", BUILDS["anchor 24c5-p-32c3-p-d256"], 2, 128, 0.005),
    candidate("16c5-p-32c3-p-d128", BUILDS["16c5-p-32c3-p-d128"], 2, 128, 0.005),
    candidate("16c5-p-64c5-p-d128", BUILDS["16c5-p-64c5-p-d128"], 1, 64, 0.003),
    candidate("s2d 32c3-p-64c3-d128", BUILDS["s2d 32c3-p-64c3-d128"], 1, 64, 0.003),
    candidate("s2d 64c3-p-128c3-d128", BUILDS["s2d 64c3-p-128c3-d128"], 1, 64, 0.004),
    # The chosen one is the series' recipe itself, so a change to RECIPES["fast_cnn"] shows here.
    dataclasses.replace(RECIPES["fast_cnn"], name="fast_cnn: s2d 32c3-p-64c3-d128"),
    candidate("s2d 32c3-p-64c3-d128", BUILDS["s2d 32c3-p-64c3-d128"], 2, 256, 0.01),
    candidate("s2d 64c3-p-64c3-d128", BUILDS["s2d 64c3-p-64c3-d128"], 2, 256, 0.008),
]
TARGET = 0.990


def train(recipe: Recipe, data: tuple, seed: int) -> tuple[float, float]:
    """Train from ``seed`` on the fitting images; (training seconds, validation accuracy)."""
    (x_fit, y_fit), (x_val, y_val) = data
    seed_everything(seed)
    with dtype_policy(recipe.precision):
        model = recipe.build()
    compile_recipe(model, recipe, recipe.epochs * recipe.steps_per_epoch(len(x_fit)))
    start = time.perf_counter()
    model.fit(x_fit, y_fit, batch_size=recipe.batch_size, epochs=recipe.epochs, verbose=0)
    seconds = time.perf_counter() - start
    return seconds, model.evaluate(x_val, y_val, batch_size=1000, verbose=0)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--only", nargs="+", help="candidates whose name contains one of these")
    args = parser.parse_args()

    print(machine_summary())
    (x_train, y_train), _ = load_mnist()
    data = train_validation_split(
        scale_pixels(x_train), y_train, validation_size=5000, seed=VALIDATION_SEED
    )
    # Warm up once so the first timed run does not pay the process's start-up.
    train(candidate("warm-up", BUILDS["s2d 32c3-p-64c3-d128"], 1, 256, 0.01), data, 0)

    print(f"series recipe now: fast_cnn = {RECIPES['fast_cnn']}")
    print(
        f"{'candidate':38s} {'M mult-adds':>11s} {'params':>8s} ep batch  peak "
        f"{'seconds':>7s}  validation accuracy per seed"
    )
    results = []
    for recipe in CANDIDATES:
        if args.only and not any(word in recipe.name for word in args.only):
            continue
        runs = [train(recipe, data, seed) for seed in args.seeds]
        seconds = statistics.median(s for s, _ in runs)
        accuracies = [accuracy for _, accuracy in runs]
        model = recipe.build()
        print(
            f"{recipe.name:38s} {multiply_adds_per_image(model) / 1e6:11.2f} "
            f"{model.count_params():8,d} {recipe.epochs:2d} {recipe.batch_size:5d} "
            f"{recipe.peak_learning_rate:5.3f} {seconds:7.1f}  "
            + " ".join(f"{a:.4f}" for a in accuracies),
            flush=True,
        )
        results.append((seconds, min(accuracies), recipe))
    eligible = [r for r in results if r[1] >= TARGET]
    if eligible:
        seconds, lowest, recipe = min(eligible, key=lambda r: r[0])
        print(
            f"choice: {recipe.name}, {recipe.epochs} epoch(s), batch {recipe.batch_size}, "
            f"peak {recipe.peak_learning_rate}: {seconds:.1f} s, lowest validation accuracy "
            f"{lowest:.4f} (fastest with every seed at {TARGET} or above)"
        )
    else:
        print(f"choice: none reached {TARGET} on validation with every seed")


if __name__ == "__main__":
    main()
