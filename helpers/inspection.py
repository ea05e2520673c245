"""Look inside a trained Keras model: the packaged copies notebook 13 (Inside the model) uses.

Intermediate outputs of a Sequential model (``layer_output``) and its class scores before the
softmax (``layer_and_logits``): notebook 13 writes both out and checks that these copies, which
add clear errors, compute the same. Also the simple image perturbations of notebook 14's
robustness curves. The lessons' own methods (saliency maps and Grad-CAM in notebook 13, FGSM and
PGD in notebook 14) are generated into :mod:`helpers.attribution`, which uses the functions here.

Every function takes the model and the images as arguments; images are float arrays of
shape (n, 28, 28) with values in [0, 1], as the notebooks feed them to the models.
"""

from __future__ import annotations

import keras
import numpy as np
import tensorflow as tf
from scipy import ndimage

__all__ = [
    "add_noise",
    "image_batch",
    "layer_and_logits",
    "layer_output",
    "rotate_images",
    "scale_each_to_one",
    "shift_images",
]


def image_batch(images: np.ndarray) -> np.ndarray:
    """``images`` as a float32 array (n, height, width), or a ``ValueError`` that says why not."""
    images = np.asarray(images, dtype=np.float32)
    if images.ndim != 3:
        raise ValueError(
            f"expected a batch of images with shape (n, height, width), got {images.shape}; "
            "for one image use image[None]."
        )
    return images


def scale_each_to_one(maps: np.ndarray) -> np.ndarray:
    """Divide each map (n, height, width) by its own maximum; maps that are all 0 stay 0."""
    maps = np.asarray(maps)
    peak = maps.max(axis=(1, 2), keepdims=True)
    return maps / np.maximum(peak, 1e-12)


def _layer(model: keras.Model, name: str) -> keras.layers.Layer:
    try:
        return model.get_layer(name)
    except ValueError:
        names = [layer.name for layer in model.layers]
        raise ValueError(f"the model has no layer {name!r}; its layers are {names}.") from None


def _logits(layer: keras.layers.Layer, inputs: tf.Tensor) -> tf.Tensor:
    """The output of a classifier's last layer before its softmax."""
    activation = getattr(layer, "activation", None)
    if not isinstance(layer, keras.layers.Dense) or activation not in (
        keras.activations.softmax,
        keras.activations.linear,
    ):
        raise ValueError(
            "expected a classifier whose last layer is Dense with a softmax (or no) activation, "
            f"got {type(layer).__name__} {layer.name!r}."
        )
    logits = tf.matmul(inputs, layer.kernel)
    return logits + layer.bias if layer.use_bias else logits


def layer_and_logits(
    model: keras.Model, images: np.ndarray | tf.Tensor, layer_name: str
) -> tuple[tf.Tensor, tf.Tensor]:
    """Run a Sequential classifier on ``images``; return the output of ``layer_name`` and the
    class scores before the softmax (the logits).

    It runs the model layer by layer (eagerly, so that a ``tf.GradientTape`` around the call
    records both), rather than through a functional probe model, so that it works the same for
    freshly built and for reloaded models.

    Returns
    -------
    (the layer's output, logits of shape (n, classes)), as tensors.
    """
    target = _layer(model, layer_name)
    x = tf.convert_to_tensor(images, dtype=tf.float32)
    captured = None
    for layer in model.layers[:-1]:
        x = layer(x, training=False)
        if layer is target:
            captured = x
    if captured is None:
        raise ValueError(f"{layer_name!r} is the output layer; name a layer before it.")
    return captured, _logits(model.layers[-1], x)


def layer_output(model: keras.Model, layer_name: str, images: np.ndarray) -> np.ndarray:
    """What the layer ``layer_name`` of a Sequential model outputs for ``images``.

    Returns
    -------
    The layer's output as a NumPy array (e.g. feature maps), first axis the images.
    """
    target = _layer(model, layer_name)
    x = tf.convert_to_tensor(image_batch(images))
    for layer in model.layers:
        x = layer(x, training=False)
        if layer is target:
            return np.asarray(x)
    raise AssertionError("unreachable: get_layer found the layer")  # pragma: no cover


def rotate_images(images: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate each image about its centre by ``degrees`` (counter-clockwise), filling with 0."""
    images = image_batch(images)
    return np.clip(
        ndimage.rotate(images, degrees, axes=(2, 1), reshape=False, order=1, mode="constant"),
        0.0,
        1.0,
    )


def shift_images(images: np.ndarray, pixels: int, *, axis: str = "x") -> np.ndarray:
    """Shift each image by whole ``pixels`` right (``axis="x"``) or down (``"y"``).

    Pixels shifted in from outside are 0 (background).
    """
    images = image_batch(images)
    if axis not in ("x", "y"):
        raise ValueError(f"axis must be 'x' or 'y', got {axis!r}.")
    offset = (0, 0, pixels) if axis == "x" else (0, pixels, 0)
    return ndimage.shift(images, offset, order=0, mode="constant", cval=0.0)


def add_noise(images: np.ndarray, std: float, *, seed: int = 0) -> np.ndarray:
    """Add Gaussian noise of standard deviation ``std`` to every pixel, clipped to [0, 1]."""
    if std < 0:
        raise ValueError(f"std must be at least 0, got {std}.")
    images = image_batch(images)
    noise = np.random.default_rng(seed).normal(0.0, std, images.shape).astype(np.float32)
    return np.clip(images + noise, 0.0, 1.0)
