"""Train the networks the series ships in ``pretrained/``, from the recipes of helpers.training.

Two kinds, each a thin loop over :func:`helpers.training.train_recipe`:

- ``reference``: one copy of notebook 02's dense network and one of notebook 06's CNN (seed 0),
  which the later notebooks study, so every reader sees the same network and the same mistakes
  (``<recipe>.weights.h5`` and ``reference_models.json``; about 1 minute on 2 cores);
- ``members RECIPE``: seeded copies of one of the ensemble's designs, ``bn_cnn`` or
  ``dropout_cnn`` (``<recipe>_seed<N>.weights.h5``), with a log of every epoch: training
  seconds (evaluations not timed), validation and test accuracy (``training_log.json`` for
  ``bn_cnn``, ``training_log_dropout_cnn.json``). With ``bn_cnn`` it also trains notebook 02's
  and 05's recipes the same way, to put them in the race the ensembles notebook draws. Every
  member trains on the same 55,000 images and holds out the same 5,000 (the recipes' split),
  so the validation set can judge every network and every ensemble.

The test accuracy after each epoch is recorded only to draw the race; nothing is chosen by it.
The weights are saved as float32 whatever precision the recipe trains in; no optimizer state.
Measured on the 2-core machine (2026-11-24, the logs' ``total_seconds``): ``bn_cnn`` 59 minutes
(about 10-12 minutes per network), ``dropout_cnn`` 40 minutes (7.5 per network, bfloat16 on a
CPU with AMX units). The BN CNN's 20 epochs came from the validation set: a first trial of 12
epochs (seed 0) ended at validation accuracy 0.9948, well below the 0.9965 the series aims for.

Usage: python scripts/train_pretrained.py reference [--out pretrained]
       python scripts/train_pretrained.py members bn_cnn [--seeds 0 1 2 3 4] [--epochs N]
(``make pretrained`` runs all three.)
"""

import helpers.environment  # noqa: F401  (first: quiets TensorFlow before it is imported)

# isort: split
import argparse
import json
import os
import platform
import time
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from helpers.data import load_mnist, scale_pixels
from helpers.training import VALIDATION_SEED, recipe, train_recipe

LOG_NAMES = {"bn_cnn": "training_log.json", "dropout_cnn": "training_log_dropout_cnn.json"}
RACE = {"bn_cnn": ("dense_baseline", "cnn")}  # the earlier recipes raced in a members log


class EpochRecorder(keras.callbacks.Callback):
    """Record each epoch's training seconds, validation and test accuracy.

    Only the training steps are timed: the clock stops at the last batch, before Keras
    evaluates the validation data and before this callback evaluates the test data.
    """

    def __init__(self, name: str, x_test: np.ndarray, y_test: np.ndarray) -> None:
        super().__init__()
        self.name, self.x_test, self.y_test = name, x_test, y_test
        self.epochs: list[dict[str, float | int | None]] = []

    def on_epoch_begin(self, epoch: int, logs: dict | None = None) -> None:
        self._start = time.perf_counter()

    def on_train_batch_end(self, batch: int, logs: dict | None = None) -> None:
        self._stop = time.perf_counter()

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        probabilities = self.model.predict(self.x_test, batch_size=1000, verbose=0)
        val = (logs or {}).get("val_accuracy")
        row = {
            "epoch": epoch + 1,
            "seconds": round(self._stop - self._start, 2),
            "val_accuracy": None if val is None else round(float(val), 4),
            "test_accuracy": round(float(np.mean(probabilities.argmax(1) == self.y_test)), 4),
        }
        self.epochs.append(row)
        print(f"{self.name} epoch {row['epoch']}: {row}", flush=True)


def float32_weights(name: str, model: keras.Model) -> keras.Model:
    """The trained weights in a float32 copy of the network (no optimizer state)."""
    clean = recipe(name).build()
    clean.set_weights(model.get_weights())
    return clean


def header() -> dict:
    return {
        "script": "scripts/train_pretrained.py",
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "versions": {"tensorflow": tf.__version__, "keras": keras.__version__},
        "onednn": os.environ.get("TF_ENABLE_ONEDNN_OPTS", "1") != "0",
    }


def train_reference(out: Path, data: tuple) -> None:
    (x_train, y_train), (x_test, y_test) = data
    models = {}
    for name in ("dense_baseline", "cnn"):
        start = time.perf_counter()
        model = train_recipe(name, x_train, y_train, seed=0)
        seconds = time.perf_counter() - start
        float32_weights(name, model).save_weights(out / f"{name}.weights.h5")
        predicted = model.predict(scale_pixels(x_test), batch_size=1000, verbose=0).argmax(1)
        models[name] = {
            "seed": 0,
            "test_accuracy": round(float(np.mean(predicted == y_test)), 4),
            "seconds": round(seconds, 1),
        }
        print(f"{name}: {models[name]}", flush=True)
    (out / "reference_models.json").write_text(json.dumps(header() | {"models": models}, indent=1))


def train_members(name: str, seeds: list[int], epochs: int | None, out: Path, data: tuple) -> None:
    (x_train, y_train), (x_test, y_test) = data
    chosen = recipe(name)
    started = time.perf_counter()
    runs = []
    for seed in seeds:
        run_name = f"{name}_seed{seed}"
        recorder = EpochRecorder(run_name, scale_pixels(x_test), y_test)
        model = train_recipe(name, x_train, y_train, seed=seed, epochs=epochs, callbacks=[recorder])
        float32_weights(name, model).save_weights(out / f"{run_name}.weights.h5")
        runs.append({"name": run_name, "epochs": recorder.epochs})
    for raced in RACE.get(name, ()):
        recorder = EpochRecorder(raced, scale_pixels(x_test), y_test)
        train_recipe(raced, x_train, y_train, seed=0, callbacks=[recorder])
        runs.append({"name": raced, "epochs": recorder.epochs})
    total = time.perf_counter() - started
    log = header() | {
        "recipe": {
            "family": name,
            "precision": chosen.precision,
            "members": len(seeds),
            "epochs": epochs or chosen.epochs,
            "batch_size": chosen.batch_size,
            "peak_learning_rate": chosen.peak_learning_rate,
            "validation_size": chosen.validation_size,
            "split_seed": VALIDATION_SEED,
        },
        "runs": runs,
        "total_seconds": round(total, 1),
    }
    (out / LOG_NAMES[name]).write_text(json.dumps(log, indent=1) + "\n")
    print(f"trained {len(seeds)} networks and the race in {total / 60:.1f} min", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["reference", "members"])
    parser.add_argument("recipe", nargs="?", choices=sorted(LOG_NAMES), help="with members")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    parser.add_argument("--epochs", type=int, help="override the recipe's epochs (a trial)")
    parser.add_argument("--out", type=Path, default=Path("pretrained"), help="output folder")
    args = parser.parse_args()
    if args.kind == "members" and args.recipe is None:
        parser.error(f"members needs a recipe: one of {sorted(LOG_NAMES)}.")
    if args.epochs is not None and args.epochs < 1:
        parser.error("--epochs must be at least 1.")
    args.out.mkdir(parents=True, exist_ok=True)
    data = load_mnist()
    if args.kind == "reference":
        train_reference(args.out, data)
    else:
        train_members(args.recipe, args.seeds, args.epochs, args.out, data)


if __name__ == "__main__":
    main()
