"""Look inside a trained Keras model: intermediate outputs, saliency, Grad-CAM, adversarial
examples and simple image perturbations for robustness curves.

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
    "fgsm",
    "grad_cam",
    "layer_output",
    "rotate_images",
    "saliency_map",
    "shift_images",
]


def _check_batch(images: np.ndarray) -> np.ndarray:
    images = np.asarray(images, dtype=np.float32)
    if images.ndim != 3:
        raise ValueError(
            f"expected a batch of images with shape (n, height, width), got {images.shape}; "
            "for one image use image[None]."
        )
    return images


def _layer(model: keras.Model, name: str) -> keras.layers.Layer:
    try:
        return model.get_layer(name)
    except ValueError:
        names = [layer.name for layer in model.layers]
        raise ValueError(f"the model has no layer {name!r}; its layers are {names}.") from None


def _run_layers(model: keras.Model, x: tf.Tensor, target: keras.layers.Layer | None = None):
    """Run a Sequential model layer by layer (eagerly); return (target's output, final output).

    Layer by layer, rather than through a functional probe model, so that it works the same
    for freshly built and for reloaded models.
    """
    captured = None
    for layer in model.layers:
        x = layer(x, training=False)
        if layer is target:
            captured = x
    return captured, x


def _class_score(probabilities: tf.Tensor, classes: np.ndarray | None) -> tf.Tensor:
    """Each row's probability of its chosen class (the predicted one when ``classes`` is None)."""
    chosen = (
        tf.argmax(probabilities, axis=1)
        if classes is None
        else tf.convert_to_tensor(np.asarray(classes), dtype=tf.int64)
    )
    return tf.gather(probabilities, chosen, axis=1, batch_dims=1)


def _scale_each_to_one(maps: np.ndarray) -> np.ndarray:
    """Divide each map by its own maximum (maps that are all zero stay zero)."""
    peak = maps.reshape(len(maps), -1).max(axis=1).reshape(-1, 1, 1)
    return maps / np.maximum(peak, 1e-12)


def layer_output(model: keras.Model, layer_name: str, images: np.ndarray) -> np.ndarray:
    """What the layer ``layer_name`` of a Sequential model outputs for ``images``.

    Returns
    -------
    The layer's output as a NumPy array (e.g. feature maps), first axis the images.
    """
    images = _check_batch(images)
    captured, _ = _run_layers(model, tf.convert_to_tensor(images), _layer(model, layer_name))
    return np.asarray(captured)


def saliency_map(model: keras.Model, images: np.ndarray, *, classes: np.ndarray | None = None):
    """Absolute gradient of each image's class probability with respect to its pixels.

    Bright pixels are those whose small change would change the probability most.

    Parameters
    ----------
    model
        A classifier with softmax outputs.
    images
        Batch (n, 28, 28) in [0, 1].
    classes
        Class to explain per image; the predicted class when omitted.

    Returns
    -------
    Array (n, 28, 28), each map scaled to a maximum of 1.
    """
    x = tf.convert_to_tensor(_check_batch(images))
    with tf.GradientTape() as tape:
        tape.watch(x)
        probabilities = model(x, training=False)
        score = _class_score(probabilities, classes)
    return _scale_each_to_one(np.abs(tape.gradient(score, x).numpy()))


def grad_cam(
    model: keras.Model,
    images: np.ndarray,
    layer_name: str,
    *,
    classes: np.ndarray | None = None,
) -> np.ndarray:
    """Grad-CAM heatmaps: where in the image the chosen convolution layer saw evidence.

    The layer's feature maps are weighted by the mean gradient of the class score with
    respect to each map, summed, passed through ReLU, and resized to the image size.

    Parameters
    ----------
    model
        A classifier containing the convolution layer ``layer_name``.
    images
        Batch (n, 28, 28) in [0, 1].
    layer_name
        Name of a layer with output (n, h, w, channels), usually the last convolution.
    classes
        Class to explain per image; the predicted class when omitted.

    Returns
    -------
    Array (n, 28, 28) in [0, 1].
    """
    images = _check_batch(images)
    layer = _layer(model, layer_name)

    x = tf.convert_to_tensor(images)
    with tf.GradientTape() as tape:
        feature_maps, probabilities = _run_layers(model, x, layer)
        score = _class_score(probabilities, classes)
    if len(feature_maps.shape) != 4:
        raise ValueError(
            f"Grad-CAM needs a layer with feature maps (n, h, w, channels); {layer_name!r} "
            f"outputs shape {tuple(feature_maps.shape)}."
        )
    gradients = tape.gradient(score, feature_maps)
    weights = tf.reduce_mean(gradients, axis=(1, 2), keepdims=True)
    heat = tf.nn.relu(tf.reduce_sum(weights * feature_maps, axis=-1)).numpy()
    height, width = images.shape[1:]
    resized = np.stack(
        [ndimage.zoom(h, (height / h.shape[0], width / h.shape[1]), order=1) for h in heat]
    )
    return _scale_each_to_one(np.clip(resized, 0.0, None))


def fgsm(model: keras.Model, images: np.ndarray, labels: np.ndarray, epsilon: float) -> np.ndarray:
    """Fast gradient sign method: nudge every pixel by ±epsilon to increase the loss.

    Parameters
    ----------
    model
        A classifier with softmax outputs.
    images
        Batch (n, 28, 28) in [0, 1].
    labels
        The true labels (n,).
    epsilon
        Size of the nudge per pixel, in the pixel scale [0, 1].

    Returns
    -------
    The adversarial images, clipped to [0, 1].
    """
    if epsilon < 0:
        raise ValueError(f"epsilon must be at least 0, got {epsilon}.")
    x = tf.convert_to_tensor(_check_batch(images))
    y = tf.convert_to_tensor(np.asarray(labels))
    if len(y) != len(x):
        raise ValueError(f"got {len(x)} images but {len(y)} labels; they must match.")
    with tf.GradientTape() as tape:
        tape.watch(x)
        loss = keras.losses.sparse_categorical_crossentropy(y, model(x, training=False))
    signs = tf.sign(tape.gradient(loss, x)).numpy()
    return np.clip(x.numpy() + epsilon * signs, 0.0, 1.0)


def rotate_images(images: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate each image about its centre by ``degrees`` (counter-clockwise), filling with 0."""
    images = _check_batch(images)
    return np.clip(
        ndimage.rotate(images, degrees, axes=(2, 1), reshape=False, order=1, mode="constant"),
        0.0,
        1.0,
    )


def shift_images(images: np.ndarray, pixels: int, *, axis: str = "x") -> np.ndarray:
    """Shift each image by whole ``pixels`` right (``axis="x"``) or down (``"y"``).

    Pixels shifted in from outside are 0 (background).
    """
    images = _check_batch(images)
    if axis not in ("x", "y"):
        raise ValueError(f"axis must be 'x' or 'y', got {axis!r}.")
    offset = (0, 0, pixels) if axis == "x" else (0, pixels, 0)
    return ndimage.shift(images, offset, order=0, mode="constant", cval=0.0)


def add_noise(images: np.ndarray, std: float, *, seed: int = 0) -> np.ndarray:
    """Add Gaussian noise of standard deviation ``std`` to every pixel, clipped to [0, 1]."""
    if std < 0:
        raise ValueError(f"std must be at least 0, got {std}.")
    images = _check_batch(images)
    noise = np.random.default_rng(seed).normal(0.0, std, images.shape).astype(np.float32)
    return np.clip(images + noise, 0.0, 1.0)
