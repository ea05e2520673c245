"""Self-checks of lesson 06's exercises (see helpers.exercises)."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.signal import correlate2d

from helpers.exercises import Exercise, equal_to

#: Test strokes, one pixel wide, across a blank 7 × 7 image.
_SIZE = 7
_STROKES = {
    "bottom-left to top-right": np.fliplr(np.eye(_SIZE)),
    "top-left to bottom-right": np.eye(_SIZE),
    "horizontal": np.zeros((_SIZE, _SIZE)),
    "vertical": np.zeros((_SIZE, _SIZE)),
}
_STROKES["horizontal"][_SIZE // 2, :] = 1.0
_STROKES["vertical"][:, _SIZE // 2] = 1.0


def strongest_responses(kernel: Any) -> dict[str, float]:
    """The largest response of a 3 × 3 filter to each test stroke (as ``correlate2d`` and
    ``Conv2D`` compute it), by the stroke's direction.

    Raises
    ------
    ValueError
        When ``kernel`` is not a 3 × 3 array of finite numbers.
    """
    kernel = np.asarray(kernel, dtype=float)
    if kernel.shape != (3, 3) or not np.isfinite(kernel).all():
        raise ValueError("a 3 × 3 array of numbers")
    return {
        name: float(correlate2d(stroke, kernel, mode="valid").max())
        for name, stroke in _STROKES.items()
    }


def detects_rising_diagonals(kernel: Any) -> bool:
    """True when the filter responds more strongly to a stroke from bottom-left to top-right
    than to a stroke in any other of the test directions."""
    responses = strongest_responses(kernel)
    rising = responses.pop("bottom-left to top-right")
    return rising > 0 and all(rising > other + 1e-9 for other in responses.values())


EXERCISES = (
    Exercise(
        key="06-1",
        asks_for="your 3 × 3 filter, a NumPy array of shape (3, 3)",
        is_right=detects_rising_diagonals,
        hint=(
            "Put large positive weights where a stroke from bottom-left to top-right crosses "
            "the 3 × 3 patch, and negative weights elsewhere, so that other strokes cancel out."
        ),
        reference=np.array([[-1.0, -1.0, 2.0], [-1.0, 2.0, -1.0], [2.0, -1.0, -1.0]]),
        wrong=(
            np.array([[2.0, -1.0, -1.0], [-1.0, 2.0, -1.0], [-1.0, -1.0, 2.0]]),
            np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]),
            np.ones((3, 3)),
            np.array([[0.0, 1.0, 2.0], [-1.0, 0.0, 1.0], [-2.0, -1.0, 0.0]]),
        ),
    ),
    Exercise(
        key="06-2",
        asks_for="the number of parameters of the network with the new head, an int",
        is_right=equal_to(19_466),
        hint=(
            "Count layer by layer: the two convolutions keep theirs; global average pooling has "
            "none; the output layer has one weight per feature it reads and per digit, plus one "
            "bias per digit."
        ),
        reference=19_466,
        wrong=(225_034, 18_816, 19_456, 20_106),
    ),
)
