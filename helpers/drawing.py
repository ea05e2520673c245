"""A drawing pad for JupyterLab: draw a digit with the mouse and see what a model predicts.

The pad is an ``ipycanvas`` canvas with Predict and Clear buttons. It needs a front end
that displays widgets (JupyterLab does); elsewhere the notebook explains what to do.

Predict does not read the canvas's pixels back from the browser: the browser sends them
asynchronously, and a late copy could show a digit with its last stroke missing. The pad keeps
the pen's segments in Python instead and draws them again with Pillow
(:func:`render_segments`), so the model sees every stroke the kernel has received.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.images import to_mnist_format

__all__ = ["classify_drawing", "digit_canvas", "prediction_sentence", "render_segments"]

Segment = tuple[float, float, float, float]


def render_segments(segments: list[Segment], *, size: int, width: float) -> np.ndarray:
    """Draw pen segments as round-capped black lines on a white square page.

    Parameters
    ----------
    segments
        Line segments ``(x0, y0, x1, y1)`` in pixels, y growing downwards.
    size
        Width and height of the page in pixels.
    width
        The pen's width in pixels.

    Returns
    -------
    A (size, size) uint8 array: 255 for paper, 0 for ink.

    Raises
    ------
    ValueError
        If ``size`` or ``width`` is not positive.
    """
    from PIL import Image, ImageDraw

    if size < 1 or width <= 0:
        raise ValueError(f"size and width must be positive, got size={size}, width={width}.")
    page = Image.new("L", (size, size), 255)
    pen = ImageDraw.Draw(page)
    radius = width / 2
    for x0, y0, x1, y1 in segments:
        pen.line([(x0, y0), (x1, y1)], fill=0, width=max(1, round(width)))
        for x, y in ((x0, y0), (x1, y1)):  # round caps, as the canvas draws them
            pen.ellipse([x - radius, y - radius, x + radius, y + radius], fill=0)
    return np.asarray(page)


def classify_drawing(
    page: np.ndarray, classify: Callable[[np.ndarray], np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Preprocess a drawing the MNIST way and classify it.

    Parameters
    ----------
    page
        The drawing's pixels, shape (H, W), (H, W, 3) or (H, W, 4), dark ink on light paper.
    classify
        Function from a batch of scaled images (n, 28, 28) to probabilities (n, 10),
        e.g. ``lambda x: model.predict(x, verbose=0)``.

    Returns
    -------
    The 28 × 28 uint8 image the model saw, and its ten probabilities.
    """
    image = to_mnist_format(page)
    probabilities = np.asarray(classify(image[None].astype(np.float32) / 255.0))[0]
    return image, probabilities


def prediction_sentence(probabilities: np.ndarray) -> str:
    """Say which digit is most probable, and how probable, in one line.

    Parameters
    ----------
    probabilities
        Ten probabilities, one per digit.

    Returns
    -------
    A line such as ``"Predicted digit: 7 (98.1 %)"``.

    Raises
    ------
    ValueError
        If there are not exactly ten probabilities.
    """
    probabilities = np.asarray(probabilities, dtype=float).ravel()
    if probabilities.shape != (10,):
        raise ValueError(f"expected 10 probabilities, got {probabilities.size}.")
    digit = int(probabilities.argmax())
    return f"Predicted digit: {digit} ({probabilities[digit] * 100:.1f} %)"


def digit_canvas(classify: Callable[[np.ndarray], np.ndarray], *, size: int = 280):
    """Build the drawing pad widget.

    Parameters
    ----------
    classify
        Function from a batch of scaled images (n, 28, 28) to probabilities (n, 10).
    size
        Width and height of the canvas in screen pixels.

    Returns
    -------
    An ``ipywidgets`` box holding the canvas, the buttons and the prediction: after
    Predict, one line of text (see :func:`prediction_sentence`) above the probability chart.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from ipycanvas import Canvas

    from helpers.plots import plot_probabilities

    canvas = Canvas(width=size, height=size)
    canvas.layout.border = "1px solid #999"
    pen_width = size / 14
    pen = {"last": None}
    segments: list[Segment] = []  # what Predict draws again (see the module's docstring)

    def clear(*_: object) -> None:
        canvas.fill_style = "white"
        canvas.fill_rect(0, 0, size, size)
        canvas.stroke_style = "black"
        canvas.line_width = pen_width
        canvas.line_cap = "round"
        segments.clear()
        output.clear_output()

    def pen_down(x: float, y: float) -> None:
        pen["last"] = (x, y)

    def pen_move(x: float, y: float) -> None:
        if pen["last"] is not None:
            canvas.stroke_line(*pen["last"], x, y)
            segments.append((*pen["last"], x, y))
            pen["last"] = (x, y)

    def pen_up(x: float, y: float) -> None:
        pen["last"] = None

    def predict(*_: object) -> None:
        output.clear_output(wait=True)
        with output:
            try:
                page = render_segments(segments, size=size, width=pen_width)
                image, probabilities = classify_drawing(page, classify)
            except ValueError as error:
                print(f"Nothing to predict yet: {error}")
                return
            print(prediction_sentence(probabilities))
            plot_probabilities(image, probabilities)
            plt.show()

    output = widgets.Output()
    predict_button = widgets.Button(description="Predict", button_style="primary")
    clear_button = widgets.Button(description="Clear")
    predict_button.on_click(predict)
    clear_button.on_click(clear)
    canvas.on_mouse_down(pen_down)
    canvas.on_mouse_move(pen_move)
    canvas.on_mouse_up(pen_up)
    canvas.on_mouse_out(pen_up)
    clear()
    return widgets.HBox(
        [widgets.VBox([canvas, widgets.HBox([predict_button, clear_button])]), output]
    )
