"""Tests of helpers.drawing: the drawing pad builds, and a drawing is classified."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from helpers.drawing import classify_drawing, digit_canvas, prediction_sentence, render_segments

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


def stroke(canvas, points) -> None:
    """Send the mouse events the front end sends for one pen stroke."""
    canvas._handle_frontend_event(
        None, {"event": "mouse_down", "x": points[0][0], "y": points[0][1]}, []
    )
    for x, y in points[1:]:
        canvas._handle_frontend_event(None, {"event": "mouse_move", "x": x, "y": y}, [])
    canvas._handle_frontend_event(None, {"event": "mouse_up", "x": x, "y": y}, [])


def test_render_segments_draws_round_capped_lines():
    page = render_segments([(20, 10, 20, 90)], size=100, width=10)
    assert page.shape == (100, 100) and page.dtype == np.uint8
    assert page[50, 20] == 0 and page[50, 14] == 255  # ink on the line, paper beside it
    assert page[7, 20] == 0  # the round cap reaches past the end point
    assert (render_segments([], size=100, width=10) == 255).all()
    with pytest.raises(ValueError, match="must be positive"):
        render_segments([], size=100, width=0)


def test_predict_reads_the_strokes_the_kernel_received(capsys):
    seen = []

    def remember(batch: np.ndarray) -> np.ndarray:
        seen.append(batch[0])
        return fake_classify(batch)

    pad = digit_canvas(remember, size=140)
    canvas = pad.children[0].children[0]
    predict_button, clear_button = pad.children[0].children[1].children
    predict_button.click()  # nothing drawn yet: a clear message, not a traceback
    assert "Nothing to predict yet" in capsys.readouterr().out
    stroke(canvas, [(70, 20), (70, 70), (70, 120)])  # a vertical bar: a 1
    predict_button.click()  # without a kernel, the output widget lets the text through
    assert "Predicted digit: 3 (100.0 %)" in capsys.readouterr().out
    ink_rows, ink_columns = np.nonzero(seen[-1] > 0.5)
    assert np.ptp(ink_rows) >= 18 and np.ptp(ink_columns) <= 8  # tall and narrow, as drawn
    clear_button.click()
    predict_button.click()
    assert "Nothing to predict yet" in capsys.readouterr().out
