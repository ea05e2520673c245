"""Train the series' reference copies of notebook 02's and notebook 04's networks.

Notebooks 02 and 04 train these networks in plain sight; that is their lesson. Notebooks 05,
07 and 08 then study a trained network, and they load these copies instead of the reader's
own: the same weights for every reader, so every reader sees the same mistakes, and no
notebook waits for a network another notebook already trained. Each network is trained with
its recipe (``helpers.models.RECIPES``) and seed 0, exactly as its notebook does, and saved
as ``pretrained/<name>.weights.h5`` (float32 weights only), with
``pretrained/reference_models.json`` (test accuracy, training seconds, machine, versions).

Usage: python scripts/train_reference_models.py [--out pretrained]   (about 2 minutes)
"""

from __future__ import annotations

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
from helpers.models import train_recipe

NAMES = ("dense_baseline", "cnn")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("pretrained"), help="output folder")
    args = parser.parse_args()
    (x_train_raw, y_train), (x_test_raw, y_test) = load_mnist()
    x_test = scale_pixels(x_test_raw)
    args.out.mkdir(parents=True, exist_ok=True)
    models = {}
    for name in NAMES:
        start = time.perf_counter()
        model = train_recipe(name, x_train_raw, y_train, seed=0)
        seconds = time.perf_counter() - start
        model.save_weights(args.out / f"{name}.weights.h5")
        predicted = model.predict(x_test, batch_size=1000, verbose=0).argmax(axis=1)
        models[name] = {
            "seed": 0,
            "test_accuracy": round(float(np.mean(predicted == y_test)), 4),
            "seconds": round(seconds, 1),
        }
        print(f"{name}: {models[name]}", flush=True)
    log = {
        "script": "scripts/train_reference_models.py",
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "versions": {"tensorflow": tf.__version__, "keras": keras.__version__},
        "models": models,
    }
    (args.out / "reference_models.json").write_text(json.dumps(log, indent=1) + "\n")


if __name__ == "__main__":
    main()
