"""Tests of helpers.drawing: the drawing pad builds, and a drawing is classified."""

from __future__ import annotations

import numpy as np

from helpers.drawing import classify_drawing, digit_canvas


def fake_classify(batch: np.ndarray) -> np.ndarray:
    """Check what the model would receive, and always answer 3."""
    assert batch.shape == (1, 28, 28) and batch.dtype == np.float32 and batch.max() <= 1
    probabilities = np.zeros((1, 10))
    probabilities[0, 3] = 1.0
    return probabilities


def test_classify_drawing_preprocesses_then_classifies():
    page = np.full((280, 280, 4), 255, np.uint8)
    page[40:240, 130:150, :3] = 0  # a black vertical stroke on white
    image, probabilities = classify_drawing(page, fake_classify)
    assert image.shape == (28, 28) and image.dtype == np.uint8 and image.max() == 255
    assert probabilities.argmax() == 3


def test_digit_canvas_builds_without_a_front_end():
    pad = digit_canvas(fake_classify, size=140)
    canvas = pad.children[0].children[0]
    buttons = pad.children[0].children[1].children
    assert (canvas.width, canvas.height) == (140, 140)
    assert [b.description for b in buttons] == ["Predict", "Clear"]
