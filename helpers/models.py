"""The series' networks and their training recipes.

Notebooks 02, 04 and 06 build and train their models in plain sight: that is the lesson. The
build functions here make the same networks for the scripts that train the reference copies
in ``pretrained/`` (which later notebooks load, see :mod:`helpers.pretrained`) and for the
benchmarks. The notebooks check that their hand-built models have exactly the architecture of
these recipes, so the two cannot drift.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from helpers.data import scale_pixels, train_validation_split

__all__ = [
    "RECIPES",
    "Recipe",
    "augmented_batches",
    "build_augmentation",
    "build_bn_cnn",
    "build_cnn",
    "build_dense_baseline",
    "build_dropout_cnn",
    "build_fast_cnn",
    "describe_architecture",
    "model_path",
    "seed_everything",
    "train_recipe",
]


def seed_everything(seed: int) -> None:
    """Seed Python, NumPy and TensorFlow, and make TensorFlow's ops deterministic.

    With this, running the same training twice in the same environment gives
    identical weights.
    """
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()


def build_dense_baseline() -> keras.Sequential:
    """The starting network: Flatten → Dense 128 ReLU → Dense 128 ReLU → Dense 10 softmax."""
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dense(128, activation="relu", name="hidden_1"),
            keras.layers.Dense(128, activation="relu", name="hidden_2"),
            keras.layers.Dense(10, activation="softmax", name="output"),
        ],
        name="dense_baseline",
    )


def build_cnn() -> keras.Sequential:
    """The convolutional network of notebook 04 (two conv blocks, dropout, dense head)."""
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Reshape((28, 28, 1), name="add_channel"),
            keras.layers.Conv2D(32, 3, activation="relu", name="conv_1"),
            keras.layers.MaxPooling2D(2, name="pool_1"),
            keras.layers.Conv2D(64, 3, activation="relu", name="conv_2"),
            keras.layers.MaxPooling2D(2, name="pool_2"),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dropout(0.4, name="dropout"),
            keras.layers.Dense(128, activation="relu", name="hidden"),
            keras.layers.Dense(10, activation="softmax", name="output"),
        ],
        name="cnn",
    )


#: Mean and standard deviation of the scaled MNIST training pixels (60,000 images).
MNIST_PIXEL_MEAN, MNIST_PIXEL_STD = 0.1307, 0.3081


def build_fast_cnn() -> keras.Sequential:
    """The series' fastest route to 99 %: notebook 04's CNN with standardised inputs,
    5×5 convolutions and no dropout (notebook 04, exercise 4; ``benchmarks/time_to_accuracy.py``).

    Trained for one epoch (batch 64, Adam with a one-cycle schedule peaking at 0.003) it
    passes 99 % test accuracy; dropout would only slow down such a short training.
    """
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Reshape((28, 28, 1), name="add_channel"),
            keras.layers.Rescaling(
                1 / MNIST_PIXEL_STD, offset=-MNIST_PIXEL_MEAN / MNIST_PIXEL_STD, name="standardise"
            ),
            keras.layers.Conv2D(32, 5, activation="relu", name="conv_1"),
            keras.layers.MaxPooling2D(2, name="pool_1"),
            keras.layers.Conv2D(64, 5, activation="relu", name="conv_2"),
            keras.layers.MaxPooling2D(2, name="pool_2"),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dense(128, activation="relu", name="hidden"),
            # float32 even under mixed precision, so probabilities and loss keep full precision.
            keras.layers.Dense(10, activation="softmax", dtype="float32", name="output"),
        ],
        name="fast_cnn",
    )


def build_augmentation(seed: int = 0) -> keras.Sequential:
    """Random small rotations (±10°), shifts (±10 %) and zooms (±10 %) of 28×28 images.

    The layers change images only when called with ``training=True``; the new pixels at the
    borders are background (0). Takes and returns batches shaped ``(n, 28, 28)``.
    """
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Reshape((28, 28, 1), name="add_channel"),
            keras.layers.RandomRotation(10 / 360, fill_mode="constant", seed=seed, name="rotate"),
            keras.layers.RandomTranslation(
                0.1, 0.1, fill_mode="constant", seed=seed + 1, name="shift"
            ),
            keras.layers.RandomZoom(0.1, fill_mode="constant", seed=seed + 2, name="zoom"),
            keras.layers.Reshape((28, 28), name="drop_channel"),
        ],
        name="augmentation",
    )


def build_bn_cnn() -> keras.Sequential:
    """Notebook 06's network: four 3×3 convolutions with batch normalisation, two poolings,
    a dense head with dropout (198,442 parameters)."""

    def conv_block(filters: int, name: str) -> list[keras.layers.Layer]:
        return [
            keras.layers.Conv2D(filters, 3, use_bias=False, name=f"conv_{name}"),
            keras.layers.BatchNormalization(momentum=0.9, name=f"bn_{name}"),
            keras.layers.ReLU(name=f"relu_{name}"),
        ]

    return keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Reshape((28, 28, 1), name="add_channel"),
            *conv_block(32, "1a"),
            *conv_block(32, "1b"),
            keras.layers.MaxPooling2D(2, name="pool_1"),
            *conv_block(64, "2a"),
            *conv_block(64, "2b"),
            keras.layers.MaxPooling2D(2, name="pool_2"),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dropout(0.4, name="dropout_1"),
            keras.layers.Dense(128, use_bias=False, name="hidden"),
            keras.layers.BatchNormalization(momentum=0.9, name="bn_hidden"),
            keras.layers.ReLU(name="relu_hidden"),
            keras.layers.Dropout(0.4, name="dropout_2"),
            keras.layers.Dense(10, activation="softmax", name="output"),
        ],
        name="bn_cnn",
    )


def augmented_batches(
    images: np.ndarray,
    labels: np.ndarray,
    *,
    batch_size: int,
    seed: int,
    augmentation: keras.Model | None = None,
) -> tf.data.Dataset:
    """Shuffled batches of scaled images, augmented afresh in every epoch.

    Parameters
    ----------
    images, labels
        Scaled training images ``(n, 28, 28)`` (floats in [0, 1]) and their labels.
    batch_size
        Images per batch.
    seed
        Seed of the shuffling (and of the augmentation when it is built here).
    augmentation
        The augmentation model; ``build_augmentation(seed)`` when not given.

    Returns
    -------
    A ``tf.data.Dataset`` of ``(images, labels)`` batches. The augmentation runs in the
    input pipeline, one batch at a time in order (so a seed gives the same images every
    time), while the model trains on the previous batch.
    """
    images = np.asarray(images)
    if images.ndim != 3 or images.shape[1:] != (28, 28):
        raise ValueError(f"images must have shape (n, 28, 28), got {images.shape}.")
    if images.dtype.kind != "f" or images.size and float(images.max()) > 1.0:
        raise ValueError("images must be scaled floats in [0, 1]; use scale_pixels() first.")
    if len(labels) != len(images):
        raise ValueError(f"{len(images)} images but {len(labels)} labels.")
    augment = augmentation if augmentation is not None else build_augmentation(seed)
    dataset = tf.data.Dataset.from_tensor_slices((images.astype("float32"), labels))
    dataset = dataset.shuffle(len(images), seed=seed, reshuffle_each_iteration=True)
    dataset = dataset.batch(batch_size)
    dataset = dataset.map(lambda x, y: (augment(x, training=True), y))
    return dataset.prefetch(2)


@dataclass(frozen=True)
class Recipe:
    """Everything needed to rebuild and retrain one of the series' models.

    Attributes
    ----------
    name
        File stem under ``models/`` (``models/<name>.keras``).
    build
        Function that returns the untrained model.
    epochs, batch_size
        Training length and batch size.
    peak_learning_rate
        Adam's learning rate; with ``cosine_decay`` it decays to zero over training.
    cosine_decay
        Whether the learning rate follows a cosine from the peak down to zero.
    validation_size
        Training images held out for validation (0 trains on all 60,000).
    """

    name: str
    build: Callable[[], keras.Model]
    epochs: int
    batch_size: int
    peak_learning_rate: float = 1e-3
    cosine_decay: bool = False
    validation_size: int = 0


RECIPES: dict[str, Recipe] = {
    "dense_baseline": Recipe("dense_baseline", build_dense_baseline, epochs=3, batch_size=32),
    "cnn": Recipe(
        "cnn",
        build_cnn,
        epochs=6,
        batch_size=128,
        peak_learning_rate=2e-3,
        cosine_decay=True,
        validation_size=5000,
    ),
}


def build_dropout_cnn() -> keras.Sequential:
    """Notebook 06's second network: two 5×5 and two 3×3 convolutions ('same' padding), no
    batch normalisation, dropout after each pooling and in a wide dense head (887,530
    parameters). Its different design makes different mistakes from :func:`build_bn_cnn`,
    which is what an ensemble needs."""
    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            layers.Reshape((28, 28, 1), name="add_channel"),
            layers.Conv2D(32, 5, padding="same", activation="relu", name="conv_1a"),
            layers.Conv2D(32, 5, padding="same", activation="relu", name="conv_1b"),
            layers.MaxPooling2D(2, name="pool_1"),
            layers.Dropout(0.25, name="dropout_1"),
            layers.Conv2D(64, 3, padding="same", activation="relu", name="conv_2a"),
            layers.Conv2D(64, 3, padding="same", activation="relu", name="conv_2b"),
            layers.MaxPooling2D(2, name="pool_2"),
            layers.Dropout(0.25, name="dropout_2"),
            layers.Flatten(name="flatten"),
            layers.Dense(256, activation="relu", name="hidden"),
            layers.Dropout(0.5, name="dropout_3"),
            # float32 even when the rest computes in bfloat16 (the training script's mixed
            # precision), so the probabilities and the loss keep full precision.
            layers.Dense(10, activation="softmax", dtype="float32", name="output"),
        ],
        name="dropout_cnn",
    )


def describe_architecture(model: keras.Model) -> list[tuple]:
    """List each layer's name, type and the settings that define it (not its weights).

    Two models with equal descriptions compute the same kind of function, and show the
    same layer names in summaries and plots.
    """
    keys = (
        "units",
        "filters",
        "kernel_size",
        "strides",
        "padding",
        "pool_size",
        "activation",
        "rate",
        "momentum",
        "target_shape",
    )
    description = []
    for layer in model.layers:
        config = layer.get_config()
        settings = (str(config[k]) for k in keys if k in config)
        description.append((layer.name, type(layer).__name__, *settings))
    return description


def model_path(name: str, models_dir: str | os.PathLike[str]) -> Path:
    """Return where the model ``name`` is saved: ``<models_dir>/<name>.keras``."""
    return Path(models_dir) / f"{name}.keras"


def _recipe(name: str) -> Recipe:
    if name not in RECIPES:
        raise ValueError(f"unknown model {name!r}; choose one of {sorted(RECIPES)}.")
    return RECIPES[name]


def train_recipe(
    name: str,
    x_train: np.ndarray,
    y_train: np.ndarray,
    *,
    seed: int = 0,
    verbose: int = 0,
    callbacks: list[keras.callbacks.Callback] | None = None,
) -> keras.Model:
    """Train one of the series' models from scratch, exactly as its notebook does.

    Parameters
    ----------
    name
        A key of :data:`RECIPES` (``"dense_baseline"`` or ``"cnn"``).
    x_train, y_train
        The uint8 training images (60000, 28, 28) and labels from ``load_mnist()``.
    seed
        Seed for the weights, the shuffling and the validation split.
    verbose
        Keras's ``fit`` verbosity.
    callbacks
        Keras callbacks passed to ``fit`` (to time the epochs, say).

    Returns
    -------
    The trained, compiled model.
    """
    recipe = _recipe(name)
    seed_everything(seed)
    x_fit, y_fit = scale_pixels(x_train), y_train
    validation_data = None
    if recipe.validation_size:
        (x_fit, y_fit), validation_data = train_validation_split(
            x_fit, y_fit, validation_size=recipe.validation_size, seed=seed
        )
    model = recipe.build()
    learning_rate: float | keras.optimizers.schedules.LearningRateSchedule
    learning_rate = recipe.peak_learning_rate
    if recipe.cosine_decay:
        steps = recipe.epochs * int(np.ceil(len(x_fit) / recipe.batch_size))
        learning_rate = keras.optimizers.schedules.CosineDecay(recipe.peak_learning_rate, steps)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    model.fit(
        x_fit,
        y_fit,
        epochs=recipe.epochs,
        batch_size=recipe.batch_size,
        validation_data=validation_data,
        verbose=verbose,
        callbacks=callbacks,
    )
    return model
