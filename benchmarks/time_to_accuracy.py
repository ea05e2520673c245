"""Training seconds to reach 99 % test accuracy: the series' fastest recipe against the
Keras reference convnet, in one process and one run, over a few seeds.

- reference: the Keras example convnet (Conv 32 3×3 → MaxPool → Conv 64 3×3 → MaxPool →
  Flatten → Dropout 0.5 → Dense 10 softmax; 34,826 parameters), Adam, batch 128,
  10 % validation split, float32, exactly as the example is written;
- ours: the series' ``fast_cnn`` recipe (``helpers.training.RECIPES``, the one place its
  network, batch size, schedule and epochs are written; notebook 09 builds it and counts its
  arithmetic), in float32
  by default (``--precision``: ``float32``, ``mixed_bfloat16``, or ``auto``, which times a
  short stretch of training in both on this CPU and keeps the faster: bfloat16 pays off only
  where the CPU multiplies it in hardware fast enough, e.g. Intel's AMX units).

TensorFlow's oneDNN optimisations are on, as everywhere in the series (TensorFlow's default):
on a 2-core CPU they make both networks two to three times faster.

Each model trains epoch by epoch until its test accuracy, measured at the end of each
epoch, first reaches 0.990, or until a cap. Only the training is timed, not the
evaluations; both recipes are warmed up once before timing. The median over seeds is
reported (a run that never reaches 0.990 counts with its full training time).

Usage: python benchmarks/time_to_accuracy.py [--seeds 0 1 2] [--cap 15]
[--precision float32|mixed_bfloat16|auto]
The last line is ``speedup reference/ours: X.XX``.
"""

import helpers.environment  # noqa: F401  (first: quiets TensorFlow before it is imported)

# isort: split
import argparse
import dataclasses
import statistics
import time
from collections.abc import Callable

import keras
import numpy as np
from machine import machine_summary

from helpers.data import load_mnist, scale_pixels
from helpers.training import RECIPES, Recipe, compile_recipe, dtype_policy, seed_everything

TARGET = 0.990


def faster_precision(recipe: Recipe, x: np.ndarray, y: np.ndarray) -> tuple[str, dict]:
    """Time the same 64 training steps of ``recipe`` in float32 and in bfloat16 mixed
    precision (after a warm-up of each) and return the faster one and both timings."""
    seconds = {}
    for precision in ("float32", "mixed_bfloat16"):
        candidate = dataclasses.replace(recipe, precision=precision)
        model = build_fast(candidate, steps_per_epoch=1000)
        images, labels = x[: 64 * candidate.batch_size], y[: 64 * candidate.batch_size]
        model.fit(images[:1024], labels[:1024], batch_size=candidate.batch_size, verbose=0)
        start = time.perf_counter()
        model.fit(images, labels, batch_size=candidate.batch_size, verbose=0)
        seconds[precision] = time.perf_counter() - start
    # bfloat16 must win clearly: a few percent is within the machine's noise.
    best = "mixed_bfloat16" if seconds["mixed_bfloat16"] < 0.9 * seconds["float32"] else "float32"
    return best, seconds


def build_reference() -> keras.Model:
    """The Keras 'simple MNIST convnet' example."""
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(32, 3, activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Conv2D(64, 3, activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Flatten(),
            keras.layers.Dropout(0.5),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def build_fast(recipe: Recipe, steps_per_epoch: int) -> keras.Model:
    """The recipe's network, compiled with its schedule over its epochs."""
    with dtype_policy(recipe.precision):
        model = recipe.build()
    return compile_recipe(model, recipe, recipe.epochs * steps_per_epoch)


class StopAtTestAccuracy(keras.callbacks.Callback):
    """Time each epoch's training, then measure test accuracy and stop at the target."""

    def __init__(self, x_test: np.ndarray, y_test: np.ndarray, target: float) -> None:
        super().__init__()
        self.x_test, self.y_test, self.target = x_test, y_test, target
        self.training_seconds = 0.0
        self.accuracies: list[float] = []
        self.reached_at: int | None = None

    def on_epoch_begin(self, epoch: int, logs: dict | None = None) -> None:
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        self.training_seconds += time.perf_counter() - self._start
        accuracy = self.model.evaluate(self.x_test, self.y_test, batch_size=1000, verbose=0)[1]
        self.accuracies.append(accuracy)
        if accuracy >= self.target:
            self.reached_at = epoch + 1
            self.model.stop_training = True


def warm_up(build: Callable[[], keras.Model], x: np.ndarray, y: np.ndarray) -> None:
    """Train a throw-away copy on 1,024 images, so that neither recipe's timed run pays for
    the process's one-time start-up (thread pools, memory, kernel selection)."""
    model = build()
    model.fit(x[:1024], y[:1024], batch_size=256, epochs=1, verbose=0)
    model.evaluate(x[:1000], y[:1000], verbose=0)


def run(
    name: str,
    build: Callable[[], keras.Model],
    fit_kwargs: dict,
    data: tuple,
    seed: int,
    cap: int,
) -> tuple[float, int | None, list[float]]:
    (x_train, y_train), (x_test, y_test) = data
    seed_everything(seed)
    model = build()
    stopper = StopAtTestAccuracy(x_test, y_test, TARGET)
    model.fit(x_train, y_train, epochs=cap, callbacks=[stopper], verbose=0, **fit_kwargs)
    reached = f"epoch {stopper.reached_at}" if stopper.reached_at else f"not within {cap} epochs"
    print(
        f"{name:9s} seed {seed}: {stopper.training_seconds:6.1f} s of training, 0.990 {reached}; "
        f"test accuracy per epoch: {' '.join(f'{a:.4f}' for a in stopper.accuracies)}",
        flush=True,
    )
    return stopper.training_seconds, stopper.reached_at, stopper.accuracies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--cap", type=int, default=15, help="most epochs per run")
    parser.add_argument(
        "--precision",
        choices=["auto", "float32", "mixed_bfloat16"],
        default="float32",
        help="ours only; auto = time both on this CPU and keep the faster",
    )
    args = parser.parse_args()
    precision = args.precision

    print(machine_summary())
    (x_train, y_train), (x_test, y_test) = load_mnist()
    # The reference takes a channel axis; the fast CNN adds its own.
    data = (
        (scale_pixels(x_train)[..., None], y_train),
        (scale_pixels(x_test)[..., None], y_test),
    )
    fast_data = ((scale_pixels(x_train), y_train), (scale_pixels(x_test), y_test))
    if precision == "auto":
        precision, timed = faster_precision(RECIPES["fast_cnn"], *fast_data[0])
        print(
            "precision by measurement (64 steps): "
            + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timed.items())
            + f" -> {precision}"
        )
    ours = dataclasses.replace(RECIPES["fast_cnn"], precision=precision)
    steps_per_epoch = ours.steps_per_epoch(len(x_train))
    fast = lambda: build_fast(ours, steps_per_epoch)  # noqa: E731
    print(
        f"reference parameters: {build_reference().count_params():,}; "
        f"ours: {fast().count_params():,}, precision {precision}"
    )
    warm_up(build_reference, *data[0])
    warm_up(fast, *fast_data[0])

    results: dict[str, list[float]] = {"reference": [], "ours": []}
    misses = {"reference": 0, "ours": 0}
    for seed in args.seeds:
        seconds, reached, _ = run(
            "reference",
            build_reference,
            {"batch_size": 128, "validation_split": 0.1},
            data,
            seed,
            args.cap,
        )
        results["reference"].append(seconds)
        misses["reference"] += reached is None
        seconds, reached, _ = run(
            "ours",
            fast,
            {"batch_size": ours.batch_size},
            fast_data,
            seed,
            ours.epochs,  # the schedule ends there: more epochs would not learn
        )
        results["ours"].append(seconds)
        misses["ours"] += reached is None

    medians = {name: statistics.median(values) for name, values in results.items()}
    for name, median in medians.items():
        print(
            f"{name:9s} median training seconds to 0.990: {median:.1f} "
            f"(runs that never reached it: {misses[name]} of {len(args.seeds)})"
        )
    print(f"speedup reference/ours: {medians['reference'] / medians['ours']:.2f}")


if __name__ == "__main__":
    main()
