"""Smoke tests of helpers.plots: each figure draws what it should on small known data."""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import plots  # noqa: E402
from tests.fakes import tiny_images  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    plots.use_style()
    yield
    plt.close("all")


def test_use_style_sets_the_series_image_colour_map():
    assert matplotlib.rcParams["image.cmap"] == plots.IMAGE_CMAP


def test_image_grid_has_one_axes_per_cell_and_the_titles():
    images, labels = tiny_images(12)
    fig = plots.plot_image_grid(images, titles=[str(v) for v in labels], ncols=5)
    assert len(fig.axes) == 15  # 3 rows of 5; the last 3 stay empty
    assert [ax.get_title() for ax in fig.axes[:3]] == ["0", "1", "2"]
    assert len(fig.axes[11].images) == 1 and len(fig.axes[12].images) == 0


def test_image_grid_accepts_a_channel_axis():
    images, _ = tiny_images(4)
    fig = plots.plot_image_grid(images[..., None])
    assert len(fig.axes) == 4


@pytest.mark.parametrize(
    "bad, message",
    [
        (np.zeros((3, 784)), r"shape \(n, height, width\)"),
        (np.zeros((0, 28, 28)), "no images"),
    ],
)
def test_image_grid_rejects_bad_input(bad, message):
    with pytest.raises(ValueError, match=message):
        plots.plot_image_grid(bad)


def test_image_grid_rejects_wrong_number_of_titles():
    images, _ = tiny_images(4)
    with pytest.raises(ValueError, match="3 titles for 4 images"):
        plots.plot_image_grid(images, titles=["a", "b", "c"])


def test_examples_per_class_draws_a_row_per_digit():
    images, labels = tiny_images(60)
    fig = plots.plot_examples_per_class(images, labels, per_class=4)
    assert len(fig.axes) == 40
    assert fig.axes[0].get_ylabel() == "0"
    assert fig.axes[36].get_ylabel() == "9"


def test_class_balance_bars_show_shares_in_percent():
    ax = plots.plot_class_balance({"a": np.array([0, 0, 1, 1]), "b": np.array([0, 1, 1, 1])})
    heights = sorted(round(patch.get_height()) for patch in ax.patches if patch.get_height())
    assert heights == [25, 50, 50, 75]


def test_class_balance_needs_a_label_set():
    with pytest.raises(ValueError, match="at least one"):
        plots.plot_class_balance({})


def test_class_images_mean_of_known_images():
    images = np.zeros((4, 28, 28), np.uint8)
    images[0, 0, 0] = 200
    labels = np.array([0, 0, 1, 1])
    fig = plots.plot_class_images(images, labels, statistic="mean")
    drawn = fig.axes[0].images[0].get_array()
    assert drawn[0, 0] == pytest.approx(100.0)
    assert fig.axes[1].images[0].get_array().max() == 0


def test_class_images_rejects_unknown_statistic():
    images, labels = tiny_images(10)
    with pytest.raises(ValueError, match="'mean' or 'std'"):
        plots.plot_class_images(images, labels, statistic="median")


def test_pixel_histogram_counts_every_pixel():
    images, _ = tiny_images(5)
    ax = plots.plot_pixel_histogram(images, bins=16)
    assert sum(patch.get_height() for patch in ax.patches) == images.size


def test_embedding_scatter_and_centre_labels():
    points = np.array([[0.0, 0.0], [1.0, 1.0], [10.0, 10.0], [11.0, 11.0]])
    ax = plots.plot_embedding(points, np.array([3, 3, 7, 7]), title="toy")
    assert len(ax.collections[0].get_offsets()) == 4
    assert sorted(text.get_text() for text in ax.texts) == ["3", "7"]
    assert ax.get_title() == "toy"


def test_embedding_rejects_bad_shapes():
    with pytest.raises(ValueError, match=r"shape \(n, 2\)"):
        plots.plot_embedding(np.zeros((4, 3)), np.zeros(4))
    with pytest.raises(ValueError, match="must match"):
        plots.plot_embedding(np.zeros((4, 2)), np.zeros(3))


def test_learning_curves_one_run_draws_train_and_validation():
    history = {"loss": [1.0, 0.5], "val_loss": [1.1, 0.7], "accuracy": [0.5, 0.8]}
    fig = plots.plot_learning_curves(history, metrics=("loss", "accuracy"))
    loss_ax, accuracy_ax = fig.axes
    assert [line.get_label() for line in loss_ax.lines] == ["train", "validation"]
    assert list(loss_ax.lines[1].get_ydata()) == [1.1, 0.7]
    assert len(accuracy_ax.lines) == 1


def test_learning_curves_compare_runs_validation_only():
    runs = {"a": {"val_loss": [1.0, 0.9]}, "b": {"val_loss": [0.8, 0.7]}}
    fig = plots.plot_learning_curves(runs, metrics=("loss",), validation_only=True)
    assert [line.get_label() for line in fig.axes[0].lines] == ["a validation", "b validation"]


def test_learning_curves_reject_missing_metric_and_non_history():
    with pytest.raises(ValueError, match="has no 'accuracy'"):
        plots.plot_learning_curves({"loss": [1.0]}, metrics=("accuracy",))
    with pytest.raises(ValueError, match="Keras History"):
        plots.plot_learning_curves(42)


def test_spread_draws_each_value_and_mean():
    ax = plots.plot_spread({"a": [0.9, 0.92, 0.94]}, ylabel="acc")
    assert len(ax.collections[0].get_offsets()) == 3
    with pytest.raises(ValueError, match="at least one value"):
        plots.plot_spread({"a": []}, ylabel="acc")


def test_confusion_matrix_heatmap_labels_every_cell():
    matrix = np.array([[5, 1, 0], [2, 7, 0], [0, 0, 3]])
    ax = plots.plot_confusion_matrix(matrix, title="toy")
    texts = sorted(t.get_text() for t in ax.texts if t.get_text())
    assert texts == ["1", "2", "3", "5", "7"]  # zero cells stay blank
    assert ax.get_xlabel() == "predicted digit" and ax.get_title() == "toy"


def test_confusion_matrix_heatmap_shows_percentages_when_normalised():
    ax = plots.plot_confusion_matrix(np.array([[0.75, 0.25], [0.0, 1.0]]), normalize=True)
    assert sorted(t.get_text() for t in ax.texts if t.get_text()) == ["100.0", "25.0", "75.0"]


def test_confusion_matrix_heatmap_rejects_non_square():
    with pytest.raises(ValueError, match="square"):
        plots.plot_confusion_matrix(np.zeros((2, 3)))


def test_predictions_titles_and_colours():
    images, _ = tiny_images(3)
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    fig = plots.plot_predictions(images, np.array([0, 0, 0]), probabilities, [1, 0])
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["true 0 → 1 (80.0%)", "true 0 → 0 (90.0%)"]
    assert fig.axes[0].title.get_color() == "crimson"
    with pytest.raises(ValueError, match="indices is empty"):
        plots.plot_predictions(images, np.zeros(3, int), probabilities, [])


def test_reliability_diagram_draws_diagonal_and_each_model():
    import pandas as pd

    table = pd.DataFrame({"confidence": [0.5, 0.9], "accuracy": [0.4, 0.95], "count": [10, 90]})
    ax = plots.plot_reliability_diagram({"m1": table, "m2": table})
    assert [line.get_label() for line in ax.lines] == ["perfect calibration", "m1", "m2"]
    with pytest.raises(ValueError, match="at least one"):
        plots.plot_reliability_diagram({})


def test_probabilities_bars_highlight_the_prediction():
    probabilities = np.full(10, 0.02)
    probabilities[7] = 0.82
    fig = plots.plot_probabilities(np.zeros((28, 28)), probabilities)
    image_ax, bar_ax = fig.axes
    assert image_ax.get_title() == "7 (82%)"
    assert [round(p.get_height(), 2) for p in bar_ax.patches][7] == 0.82
    with pytest.raises(ValueError, match="expected 10 probabilities"):
        plots.plot_probabilities(np.zeros((28, 28)), np.ones(3) / 3)


def test_metric_curves_one_line_per_model():
    ax = plots.plot_metric_curves(
        [0, 10, 20], {"a": [1, 0.9, 0.5], "b": [1, 0.95, 0.8]}, xlabel="deg"
    )
    assert [line.get_label() for line in ax.lines] == ["a", "b"]
    assert list(ax.lines[1].get_ydata()) == [1, 0.95, 0.8]
    with pytest.raises(ValueError, match="2 values for 3 settings"):
        plots.plot_metric_curves([0, 1, 2], {"a": [1, 2]}, xlabel="x")


def test_image_grid_draws_colour_images():
    colour = np.zeros((2, 10, 12, 3), np.uint8)
    fig = plots.plot_image_grid(colour)
    assert fig.axes[0].images[0].get_array().shape == (10, 12, 3)


def test_race_draws_one_line_per_network_and_the_ceiling():
    curves = {
        "dense": ([5.0, 10.0, 15.0], [0.95, 0.96, 0.97]),
        "ensemble": ([100.0], [0.997]),
    }
    ax = plots.plot_race(curves, ceiling=0.9985)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines[:2]] == ["dense", "ensemble"]
    np.testing.assert_allclose(lines[0].get_ydata(), [5.0, 4.0, 3.0])
    assert lines[1].get_marker() == "*"
    assert ax.get_yscale() == "log" and ax.get_xscale() == "log"
    np.testing.assert_allclose(lines[2].get_ydata(), [0.15, 0.15])


@pytest.mark.parametrize(
    ("curves", "message"),
    [
        ({}, "at least one"),
        ({"a": ([1.0, 2.0], [0.9])}, "must match"),
        ({"a": ([0.0], [0.9])}, "positive seconds"),
        ({"a": ([1.0], [1.5])}, "accuracies in"),
    ],
)
def test_race_rejects_bad_curves(curves, message):
    with pytest.raises(ValueError, match=message):
        plots.plot_race(curves)


def test_confusion_matrices_side_by_side_share_one_colour_scale():
    small = np.array([[50, 5], [1, 40]])
    large = np.array([[30, 26], [2, 40]])
    fig, axes = plt.subplots(1, 2)
    for ax, matrix in zip(axes, [small, large], strict=True):
        plots.plot_confusion_matrix(matrix, ax=ax, vmax=26)
    limits = [ax.collections[0].get_clim() for ax in axes]
    assert limits == [(0, 26), (0, 26)]
    assert len(fig.axes) == 4  # each panel has its colour bar
    assert fig.axes[2].get_ylabel() == "images"
    plt.close(fig)


def test_embedding_moves_overlapping_centre_labels_apart():
    rng = np.random.default_rng(0)
    points = np.concatenate([rng.normal(0, 0.01, (50, 2)), rng.normal(0, 0.01, (50, 2))])
    points = np.concatenate([points, [[1.0, 1.0], [-1.0, -1.0]]])
    labels = np.array([4] * 50 + [9] * 50 + [1, 1])
    ax = plots.plot_embedding(points, labels, axis_labels=("PC 1", "PC 2"))
    positions = {t.get_text(): np.array(t.get_position()) for t in ax.texts}
    assert np.hypot(*(positions["4"] - positions["9"])) >= 0.07 * 2 * 0.99
    assert ax.get_xlabel() == "PC 1" and ax.get_ylabel() == "PC 2"
    plt.close(ax.figure)


@pytest.mark.parametrize(
    ("probability", "label"),
    [(0.973, "97.3%"), (0.9996, ">99.9%"), (0.0004, "<0.1%"), (1.0, ">99.9%"), (0.5, "50.0%")],
)
def test_percent_label_never_rounds_to_certainty(probability, label):
    assert plots.percent_label(probability) == label


def test_percent_label_rejects_a_number_that_is_not_a_probability():
    with pytest.raises(ValueError, match="between 0 and 1"):
        plots.percent_label(1.5)
