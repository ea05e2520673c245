"""How the series trains its networks: one registry of recipes, and the plumbing around it.

A :class:`Recipe` names a network (a build function from :mod:`helpers.architectures`, where
the notebooks' own code lands) and every setting its training needs. :data:`RECIPES` is the
one place those settings live: the notebooks read them when they train a network in plain
sight, ``scripts/train_pretrained.py`` trains the shipped copies in ``pretrained/`` from them,
:mod:`helpers.pretrained` builds the networks it loads from them, and the benchmarks race
them. Change a recipe here and all of those follow.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

import keras
import numpy as np
import tensorflow as tf

from helpers.architectures import (
    augmented_batches,
    build_bn_cnn,
    build_cnn,
    build_dense_baseline,
    build_dropout_cnn,
    build_fast_cnn,
)
from helpers.data import scale_pixels, train_validation_split
from helpers.schedules import OneCycle

__all__ = [
    "RECIPES",
    "VALIDATION_SEED",
    "Recipe",
    "compile_recipe",
    "dtype_policy",
    "learning_rate_for",
    "recipe",
    "seed_everything",
    "train_recipe",
]

#: Seed of the validation split every recipe with a validation set holds out (notebooks too).
VALIDATION_SEED = 0


@dataclass(frozen=True)
class Recipe:
    """Everything needed to build and train one of the series' networks.

    Attributes
    ----------
    name
        The key in :data:`RECIPES`; also the stem of its files in ``pretrained/``.
    build
        Function that returns the untrained network.
    epochs, batch_size
        Training length and batch size.
    peak_learning_rate
        Adam's learning rate, at its highest for the schedules.
    schedule
        ``"constant"``; ``"cosine"`` (from the peak down to zero along a cosine); or
        ``"one_cycle"`` (:class:`helpers.schedules.OneCycle`: warm up, then cosine decay).
    warmup_fraction
        With ``"one_cycle"``: the share of the steps spent warming up.
    validation_size
        Training images held out for validation (split with :data:`VALIDATION_SEED`);
        0 trains on all 60,000.
    augment
        Train on batches augmented afresh every epoch (:func:`augmented_batches`).
    precision
        The Keras dtype policy while training (``"float32"`` or ``"mixed_bfloat16"``); the
        saved weights are float32 either way.
    steps_per_execution
        Batches per call into TensorFlow: the same updates, less Python between them.
    """

    name: str
    build: Callable[[], keras.Model]
    epochs: int
    batch_size: int
    peak_learning_rate: float = 1e-3
    schedule: Literal["constant", "cosine", "one_cycle"] = "constant"
    warmup_fraction: float = 0.3
    validation_size: int = 0
    augment: bool = False
    precision: str = "float32"
    steps_per_execution: int = 1

    def steps_per_epoch(self, n_images: int) -> int:
        """Optimizer steps in one epoch over ``n_images`` images."""
        return int(np.ceil(n_images / self.batch_size))


RECIPES: dict[str, Recipe] = {
    recipe.name: recipe
    for recipe in [
        # Notebook 02: the starting network, as first trained.
        Recipe("dense_baseline", build_dense_baseline, epochs=3, batch_size=32),
        # Notebook 06: two convolution blocks, cosine decay, chosen on the validation set.
        Recipe(
            "cnn",
            build_cnn,
            epochs=6,
            batch_size=128,
            peak_learning_rate=2e-3,
            schedule="cosine",
            validation_size=5000,
        ),
        # The race to 99 % (benchmarks/time_to_accuracy.py; notebook 09 builds the network),
        # chosen on the validation set among the candidates of benchmarks/one_epoch_recipes.py.
        Recipe(
            "fast_cnn",
            build_fast_cnn,
            epochs=2,
            batch_size=128,
            peak_learning_rate=5e-3,
            schedule="one_cycle",
            warmup_fraction=0.2,
            steps_per_execution=16,
        ),
        # Notebooks 09-10: the ensemble's two designs, trained by scripts/train_pretrained.py.
        Recipe(
            "bn_cnn",
            build_bn_cnn,
            epochs=20,
            batch_size=128,
            peak_learning_rate=3e-3,
            schedule="one_cycle",
            validation_size=5000,
            augment=True,
        ),
        Recipe(
            "dropout_cnn",
            build_dropout_cnn,
            epochs=30,
            batch_size=128,
            peak_learning_rate=2e-3,
            schedule="one_cycle",
            validation_size=5000,
            augment=True,
            precision="mixed_bfloat16",
        ),
    ]
}


def recipe(name: str) -> Recipe:
    """The recipe called ``name``, with a clear error for an unknown one."""
    if name not in RECIPES:
        raise ValueError(f"unknown recipe {name!r}; choose one of {sorted(RECIPES)}.")
    return RECIPES[name]


def seed_everything(seed: int) -> None:
    """Seed Python, NumPy and TensorFlow, and make TensorFlow's ops deterministic.

    With this, running the same training twice on the same machine gives identical weights.
    """
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()


@contextlib.contextmanager
def dtype_policy(name: str) -> Iterator[None]:
    """Build networks under the Keras dtype policy ``name`` (e.g. ``"mixed_bfloat16"``),
    and return to float32 afterwards, even when building fails."""
    keras.mixed_precision.set_global_policy(name)
    try:
        yield
    finally:
        keras.mixed_precision.set_global_policy("float32")


def learning_rate_for(
    recipe: Recipe, total_steps: int
) -> float | keras.optimizers.schedules.LearningRateSchedule:
    """Adam's learning rate for ``recipe`` over ``total_steps`` optimizer steps."""
    if recipe.schedule == "cosine":
        return keras.optimizers.schedules.CosineDecay(recipe.peak_learning_rate, total_steps)
    if recipe.schedule == "one_cycle":
        return OneCycle(
            recipe.peak_learning_rate, total_steps, warmup_fraction=recipe.warmup_fraction
        )
    return recipe.peak_learning_rate


def compile_recipe(model: keras.Model, recipe: Recipe, total_steps: int) -> keras.Model:
    """Compile ``model`` with the recipe's optimizer and schedule, the series' loss and an
    accuracy metric; returns the model."""
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate_for(recipe, total_steps)),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
        steps_per_execution=recipe.steps_per_execution,
    )
    return model


def train_recipe(
    name: str,
    x_train: np.ndarray,
    y_train: np.ndarray,
    *,
    seed: int = 0,
    epochs: int | None = None,
    verbose: int = 0,
    callbacks: list[keras.callbacks.Callback] | None = None,
) -> keras.Model:
    """Train one of the series' networks from scratch with its recipe.

    Parameters
    ----------
    name
        A key of :data:`RECIPES`.
    x_train, y_train
        The uint8 training images (60000, 28, 28) and labels from ``load_mnist()``.
    seed
        Seed of the weights, the shuffling and the augmentation (the validation split always
        uses :data:`VALIDATION_SEED`, so every network is judged on the same images).
    epochs
        Override the recipe's length (a quick trial); the schedule spans these epochs.
    verbose
        Keras's ``fit`` verbosity.
    callbacks
        Keras callbacks passed to ``fit`` (to time the epochs, say).

    Returns
    -------
    The trained, compiled model (its weights float32 even when it trained in bfloat16).
    """
    chosen = recipe(name)
    epochs = chosen.epochs if epochs is None else epochs
    x_fit, y_fit = scale_pixels(x_train), y_train
    validation_data = None
    if chosen.validation_size:
        (x_fit, y_fit), validation_data = train_validation_split(
            x_fit, y_fit, validation_size=chosen.validation_size, seed=VALIDATION_SEED
        )
    seed_everything(seed)
    if chosen.augment:
        batches = augmented_batches(x_fit, y_fit, batch_size=chosen.batch_size, seed=seed)
    with dtype_policy(chosen.precision):
        model = chosen.build()
    compile_recipe(model, chosen, epochs * chosen.steps_per_epoch(len(x_fit)))
    if chosen.augment:
        model.fit(
            batches,
            epochs=epochs,
            validation_data=validation_data,
            shuffle=False,  # the pipeline shuffles
            verbose=verbose,
            callbacks=callbacks,
        )
    else:
        model.fit(
            x_fit,
            y_fit,
            epochs=epochs,
            batch_size=chosen.batch_size,
            validation_data=validation_data,
            verbose=verbose,
            callbacks=callbacks,
        )
    return model
