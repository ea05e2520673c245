"""Inference latency and throughput of the series' CNN, four ways.

- ``model.predict``: Keras's batch-oriented loop (it sets up a data pipeline on every call);
- direct call ``model(x, training=False)``: one eager forward pass;
- ``tf.function``: the forward pass traced once into a graph;
- TFLite: the model exported as a SavedModel, converted to a ``.tflite`` flat buffer and
  run by the TFLite interpreter (``helpers.deployment``).

For each: the median latency of one image (many repeats), and the time and throughput for
the 10,000 test images in one go. The CNN is the series' reference copy of notebook 06's
network, from ``pretrained/`` (as notebooks 07, 10 and 11 use it).

Usage: python benchmarks/inference.py [--repeats 200]
The last line is ``tflite single-image median: N us``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import tensorflow as tf
from machine import machine_summary

from helpers.data import load_mnist, scale_pixels
from helpers.deployment import TFLiteClassifier, export_tflite, latency_us
from helpers.pretrained import load_reference

ROOT = Path(__file__).resolve().parents[1]


def seconds_once(run) -> float:
    """Wall time of one call, after one warm-up call (tracing, allocation)."""
    run()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    print(machine_summary())

    _, (x_test, _) = load_mnist()
    model = load_reference("cnn", ROOT / "pretrained")
    images = scale_pixels(x_test)
    one = images[:1]

    with tempfile.TemporaryDirectory() as folder:
        tflite = TFLiteClassifier(export_tflite(model, folder, name="cnn"))
        keras_probabilities = model.predict(images, batch_size=1000, verbose=0)
        tflite_probabilities = tflite.predict(images)
        gap = float(np.abs(tflite_probabilities - keras_probabilities).max())
        agree = float((tflite_probabilities.argmax(1) == keras_probabilities.argmax(1)).mean())
        size_kib = tflite.path.stat().st_size / 1024
        print(
            f"tflite file {size_kib:.0f} KiB; largest probability difference from Keras {gap:.1e}; "
            f"same digit for {agree:.2%} of test images"
        )

        graph_call = tf.function(lambda x: model(x, training=False), reduce_retracing=True)
        ways = {
            "model.predict": (
                lambda: model.predict(one, verbose=0),
                lambda: model.predict(images, batch_size=1000, verbose=0),
            ),
            "direct call": (
                lambda: model(one, training=False),
                lambda: model(images, training=False),
            ),
            "tf.function": (lambda: graph_call(one), lambda: graph_call(images)),
            "tflite": (lambda: tflite.predict(one), lambda: tflite.predict(images)),
        }
        latency = {}
        for name, (single, batch) in ways.items():
            latency[name] = latency_us(single, repeats=args.repeats).median_us
            batch_seconds = seconds_once(batch)
            print(
                f"{name:14s} single image median {latency[name]:9.0f} us   10k batch "
                f"{batch_seconds * 1000:7.0f} ms ({len(images) / batch_seconds:7.0f} images/s)",
                flush=True,
            )
    ratio = latency["model.predict"] / latency["tflite"]
    print(f"model.predict / tflite single-image ratio: {ratio:.0f}x")
    print(f"tflite single-image median: {latency['tflite']:.0f} us")


if __name__ == "__main__":
    main()
