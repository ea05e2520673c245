"""Tests of helpers.drawing: the drawing pad builds, and a drawing is classified."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from ipycanvas.utils import binary_image

from helpers.drawing import classify_drawing, digit_canvas, prediction_sentence

matplotlib.use("agg")


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


def test_prediction_sentence_names_the_most_probable_digit():
    probabilities = np.full(10, 0.019 / 9)
    probabilities[7] = 0.981
    assert prediction_sentence(probabilities) == "Predicted digit: 7 (98.1 %)"
    assert prediction_sentence(np.eye(10)[0]) == "Predicted digit: 0 (100.0 %)"
    with pytest.raises(ValueError, match="expected 10 probabilities"):
        prediction_sentence(np.ones(9) / 9)


def test_predict_prints_the_sentence(capsys):
    pad = digit_canvas(fake_classify, size=140)
    canvas = pad.children[0].children[0]
    predict_button = pad.children[0].children[1].children[0]
    page = np.full((140, 140, 4), 255, np.uint8)
    page[20:120, 60:75, :3] = 0
    canvas.set_trait("image_data", binary_image(page))  # what the front end would send
    predict_button.click()  # without a kernel, the output widget lets the text through
    assert "Predicted digit: 3 (100.0 %)" in capsys.readouterr().out
