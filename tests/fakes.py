"""Small hand-made inputs for the unit tests."""

from __future__ import annotations

import numpy as np


def tiny_images(count: int = 20, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Random uint8 'images' of 28×28 and labels cycling through 0–9."""
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(count, 28, 28), dtype=np.uint8)
    labels = np.arange(count) % 10
    return images, labels
