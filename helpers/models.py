"""The series' trained models, so that a notebook can reuse an earlier notebook's model.

Notebooks 02 and 04 build and train their models in plain sight: that is the lesson. They
also save them to ``models/``. A later notebook calls :func:`load_or_train`, which loads
the saved file when it is there and matches the recipe, and otherwise trains the same
recipe itself, deterministically, from the recipes below. The notebooks check that their
hand-built models have exactly the architecture of these recipes, so the two cannot drift.
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
    "build_cnn",
    "build_dense_baseline",
    "describe_architecture",
    "load_or_train",
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


def describe_architecture(model: keras.Model) -> list[tuple]:
    """List each layer's name, type and the settings that define it (not its weights).

    Two models with equal descriptions compute the same kind of function, and show the
    same layer names in summaries and plots.
    """
    keys = ("units", "filters", "kernel_size", "pool_size", "activation", "rate", "target_shape")
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
    )
    return model


def load_or_train(
    name: str,
    x_train: np.ndarray,
    y_train: np.ndarray,
    *,
    models_dir: str | os.PathLike[str],
    seed: int = 0,
) -> tuple[keras.Model, str]:
    """Load a model an earlier notebook saved, or train it here when it is missing.

    A saved file whose architecture differs from the recipe (an older version of the
    series, say) is not trusted: the model is retrained and the file replaced.

    Parameters
    ----------
    name
        A key of :data:`RECIPES`.
    x_train, y_train
        The uint8 training data from ``load_mnist()``, used only when training.
    models_dir
        Folder of the saved models (the repository's ``models/``).
    seed
        Seed used when training.

    Returns
    -------
    The model and a sentence saying where it came from.
    """
    recipe = _recipe(name)
    path = model_path(name, models_dir)
    if path.is_file():
        try:
            model = keras.models.load_model(path, safe_mode=True)
        except (OSError, ValueError) as exc:
            reason = f"could not be read ({type(exc).__name__})"
        else:
            if describe_architecture(model) == describe_architecture(recipe.build()):
                return model, f"loaded {path.name} saved by an earlier notebook"
            reason = "has a different architecture"
        message = f"{path.name} {reason}; trained {name} here instead"
    else:
        message = f"no saved {path.name}; trained {name} here with its recipe"
    model = train_recipe(name, x_train, y_train, seed=seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path)
    return model, message
