"""Export a trained Keras model for deployment and run it outside Keras.

- :func:`export_tflite` goes Keras → SavedModel (``model.export``) → TFLite flat buffer, in
  float32, with dynamic-range quantisation (int8 weights, float input and output) or with
  full-integer quantisation (int8 weights and activations, int8 input and output);
- :class:`TFLiteClassifier` runs a ``.tflite`` file with LiteRT's interpreter
  (``ai-edge-litert``, the successor of the deprecated ``tf.lite.Interpreter``), turning float
  images into the int8 numbers a full-integer model reads and its int8 output back into
  probabilities;
- :func:`latency_us` times a single-input call the same way for every runtime.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import keras
import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter

__all__ = [
    "QUANTIZATIONS",
    "Latency",
    "TFLiteClassifier",
    "export_tflite",
    "latency_us",
    "silence_stderr",
]

#: The conversions :func:`export_tflite` makes, and the file name each adds to ``name``.
QUANTIZATIONS = {"float32": "", "dynamic_range": "_dynamic_range", "full_integer": "_full_integer"}


def export_tflite(
    model: keras.Model,
    folder: str | os.PathLike[str],
    *,
    name: str = "model",
    quantization: Literal["float32", "dynamic_range", "full_integer"] = "float32",
    representative_images: np.ndarray | None = None,
) -> Path:
    """Convert a Keras model to a ``.tflite`` file, through a SavedModel export.

    Parameters
    ----------
    model
        A trained Keras model.
    folder
        Where to write ``<name>_saved_model/`` and the ``.tflite`` file: ``<name>.tflite``,
        ``<name>_dynamic_range.tflite`` or ``<name>_full_integer.tflite``.
    name
        Stem of the files.
    quantization
        ``"float32"``: no quantisation. ``"dynamic_range"``: the weights stored as 8-bit
        integers, about four times smaller; input and output stay float32 and the
        interpreter quantises activations on the fly where it can. ``"full_integer"``: weights
        and activations in 8-bit integers, with int8 input and output, as integer-only
        hardware needs; the activations' ranges are measured on ``representative_images``.
    representative_images
        For ``"full_integer"`` only: a few hundred training images, shaped and scaled as the
        model's input, from which the converter measures each layer's range.

    Returns
    -------
    The path of the ``.tflite`` file.
    """
    if quantization not in QUANTIZATIONS:
        raise ValueError(
            f"quantization={quantization!r} is not one of {', '.join(map(repr, QUANTIZATIONS))}."
        )
    if (quantization == "full_integer") != (representative_images is not None):
        raise ValueError(
            "full-integer quantisation needs representative_images (a few hundred training "
            "images, shaped and scaled as the model's input) and the other conversions take "
            f"none; got quantization={quantization!r} with "
            f"{'no' if representative_images is None else 'some'} representative_images."
        )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    saved_model = folder / f"{name}_saved_model"
    if not saved_model.exists():
        with _quiet_tensorflow_logger():  # "Assets written to: <path>" is noise here
            model.export(saved_model, verbose=False)
    converter = tf.lite.TFLiteConverter.from_saved_model(str(saved_model))
    if quantization != "float32":
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    if quantization == "full_integer":
        images = np.asarray(representative_images, dtype=np.float32)
        expected = tuple(model.input_shape[1:])
        if images.ndim < 2 or images.shape[1:] != expected or len(images) == 0:
            raise ValueError(
                f"representative_images must have shape (n, {', '.join(map(str, expected))}) "
                f"with n ≥ 1, as the model's input; got {images.shape}."
            )
        # one image per call, as the converter runs the float model on each to record ranges
        converter.representative_dataset = lambda: ([image[None]] for image in images)
        converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        converter.inference_input_type = tf.int8
        converter.inference_output_type = tf.int8
    path = folder / f"{name}{QUANTIZATIONS[quantization]}.tflite"
    with silence_stderr():  # the converter's C++ progress lines say nothing about results
        path.write_bytes(converter.convert())
    return path


@contextlib.contextmanager
def _quiet_tensorflow_logger() -> Iterator[None]:
    logger = tf.get_logger()
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@contextlib.contextmanager
def silence_stderr() -> Iterator[None]:
    """Silence C++ messages written straight to file descriptor 2 (no Python logging), such as
    the TFLite converter's progress line: ``with silence_stderr(): ...``."""
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class TFLiteClassifier:
    """Run a ``.tflite`` classifier on batches or single images.

    Float images go in and probabilities come out, whatever the file's input and output types:
    for a full-integer model the images are quantised with the input's scale and zero-point
    (``q = round(x / scale) + zero_point``, clipped to int8) and the int8 output turned back
    into probabilities (``(q - zero_point) * scale``).

    Parameters
    ----------
    path
        The ``.tflite`` file.
    num_threads
        CPU threads for the interpreter; its default when omitted.
    batch_size
        Most images per call of the interpreter. The interpreter plans memory for every layer's
        output at the batch size it is given: all 10,000 test images at once took about 3.7 GiB,
        while 500 at a time take tens of MiB and run as fast.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        num_threads: int | None = None,
        batch_size: int = 500,
    ) -> None:
        path = Path(path)
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}.")
        if not path.is_file():
            raise ValueError(f"no TFLite model at {path}; create one with export_tflite().")
        self._interpreter = Interpreter(model_path=str(path), num_threads=num_threads)
        self._input = self._interpreter.get_input_details()[0]
        self._output = self._interpreter.get_output_details()[0]
        self._shape: tuple[int, ...] | None = None
        self.batch_size = batch_size
        self.num_threads = num_threads
        self.path = path

    @property
    def input_shape(self) -> tuple[int, ...]:
        """Shape of one example, e.g. (28, 28)."""
        return tuple(int(d) for d in self._input["shape_signature"][1:])

    @property
    def input_type(self) -> np.dtype:
        """The number type the file's input tensor holds: float32, or int8 when full-integer."""
        return np.dtype(self._input["dtype"])

    @property
    def output_type(self) -> np.dtype:
        """The number type of the file's output tensor."""
        return np.dtype(self._output["dtype"])

    @property
    def input_quantization(self) -> tuple[float, int]:
        """The input's (scale, zero_point); (0.0, 0) for a float input."""
        scale, zero_point = self._input["quantization"]
        return float(scale), int(zero_point)

    @property
    def output_quantization(self) -> tuple[float, int]:
        """The output's (scale, zero_point); (0.0, 0) for a float output."""
        scale, zero_point = self._output["quantization"]
        return float(scale), int(zero_point)

    def quantize_input(self, x: np.ndarray) -> np.ndarray:
        """``x`` as the input tensor holds it: unchanged float32, or int8 from its scale and
        zero-point for a full-integer model."""
        x = np.asarray(x, dtype=np.float32)
        if not np.issubdtype(self.input_type, np.integer):
            return x
        scale, zero_point = self.input_quantization
        limits = np.iinfo(self.input_type)
        quantized = np.round(x / scale) + zero_point
        return np.clip(quantized, limits.min, limits.max).astype(self.input_type)

    def dequantize_output(self, q: np.ndarray) -> np.ndarray:
        """The output tensor's values as float32 probabilities."""
        if not np.issubdtype(self.output_type, np.integer):
            return np.asarray(q, dtype=np.float32)
        scale, zero_point = self.output_quantization
        return ((q.astype(np.float32) - zero_point) * scale).astype(np.float32)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities for a batch ``x`` of float images, shape (n, *input_shape).

        The batch is run ``batch_size`` images at a time (see the class), in order.
        """
        x = np.asarray(x)
        if x.ndim < 2 or x.shape[1:] != self.input_shape:
            raise ValueError(
                f"expected inputs of shape (n, {', '.join(map(str, self.input_shape))}), "
                f"got {x.shape}."
            )
        x = self.quantize_input(x)
        if len(x) <= self.batch_size:
            return self.dequantize_output(self._invoke(x))
        chunks = range(0, len(x), self.batch_size)
        outputs = [self._invoke(x[i : i + self.batch_size]) for i in chunks]
        return self.dequantize_output(np.concatenate(outputs))

    def _invoke(self, x: np.ndarray) -> np.ndarray:
        """Run the interpreter once on the whole of ``x``, as the input tensor holds it."""
        if x.shape != self._shape:  # resizing re-plans memory: only when the shape changes
            self._interpreter.resize_tensor_input(self._input["index"], x.shape)
            # The runtime announces "Created TensorFlow Lite XNNPACK delegate for CPU" on
            # stderr the first time; the message says nothing about the results.
            with silence_stderr():
                self._interpreter.allocate_tensors()
            self._shape = x.shape
        self._interpreter.set_tensor(self._input["index"], x)
        self._interpreter.invoke()
        return self._interpreter.get_tensor(self._output["index"]).copy()


@dataclass(frozen=True)
class Latency:
    """Wall times of repeated calls, in microseconds: the median and the 10th and 90th
    percentiles (80 % of the calls took between ``p10_us`` and ``p90_us``)."""

    median_us: float
    p10_us: float
    p90_us: float
    repeats: int


def latency_us(run: Callable[[], object], *, repeats: int = 100, warmup: int = 5) -> Latency:
    """Time ``repeats`` calls of ``run()``, after ``warmup`` untimed calls (the first call of a
    ``tf.function`` traces it), and summarise them in microseconds."""
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1, got {repeats}.")
    for _ in range(warmup):
        run()
    times = np.empty(repeats)
    for i in range(repeats):
        start = time.perf_counter()
        run()
        times[i] = time.perf_counter() - start
    p10, median, p90 = np.percentile(times * 1e6, [10, 50, 90])
    return Latency(float(median), float(p10), float(p90), repeats)
