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


def test_arrange_in_rows_puts_five_panels_per_row_and_adds_one_colour_bar():
    images, labels = tiny_images(10)
    fig = plots.plot_class_images(images, labels, statistic="mean")
    plots.arrange_in_rows(fig, ncols=5, colorbar_label="mean")
    panels, bar = fig.axes[:10], fig.axes[10]
    assert len(fig.axes) == 11 and bar.get_ylabel() == "mean"
    rows = sorted({round(ax.get_position().y0, 3) for ax in panels})
    columns = sorted({round(ax.get_position().x0, 3) for ax in panels})
    assert len(rows) == 2 and len(columns) == 5


def test_arrange_in_rows_rejects_a_figure_without_images():
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="figure of images"):
        plots.arrange_in_rows(fig)


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


def test_predictions_frame_the_chosen_images():
    images, _ = tiny_images(3)
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    fig = plots.plot_predictions(images, np.zeros(3, int), probabilities, [1, 2], framed=[2])
    assert not fig.axes[0].spines["top"].get_visible()
    assert fig.axes[1].spines["top"].get_visible()
    assert fig.axes[1].spines["left"].get_linewidth() == 2.5


def test_predictions_can_call_the_given_label_a_label():
    images, _ = tiny_images(2)
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8]])
    fig = plots.plot_predictions(images, np.array([0, 0]), probabilities, [1], label_word="label")
    assert fig.axes[0].get_title() == "label 0 → 1 (80.0%)"


def test_reliability_diagram_draws_diagonal_and_each_model():
    import pandas as pd

    table = pd.DataFrame({"confidence": [0.5, 0.9], "accuracy": [0.4, 0.95], "count": [10, 90]})
    ax = plots.plot_reliability_diagram({"m1": table, "m2": table})
    assert ax.lines[0].get_label() == "perfect calibration"
    dots = [c for c in ax.collections if c.get_label() in ("m1", "m2")]
    assert len(dots) == 2  # one set of dots per model, no joining lines
    bars = [c for c in ax.collections if c not in dots]
    low, high = bars[0].get_segments()[0][:, 1]  # the bin at confidence 0.5, 10 predictions
    assert np.isclose(high - 0.5, 2 * np.sqrt(0.25 / 10)) and np.isclose(0.5 - low, high - 0.5)
    assert [text.get_text() for text in ax.get_legend().get_texts()] == [
        "perfect calibration",
        "m1",
        "m2",
        "calibrated: confidence ± 2 standard errors",
    ]
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


def test_member_probabilities_draw_a_row_per_network_and_the_average():
    probabilities = np.full((3, 10), 0.05)
    probabilities[:, 1] = [0.6, 0.1, 0.5]  # the label
    probabilities[:, 7] = [0.2, 0.8, 0.3]  # the rival
    fig = plots.plot_member_probabilities(
        np.zeros((28, 28)), ["a", "b", "c"], probabilities, 1, 7, image_title="image #0"
    )
    image_ax, bar_ax = fig.axes
    assert image_ax.get_title() == "image #0" and len(image_ax.images) == 1
    names = [tick.get_text() for tick in bar_ax.get_yticklabels()]
    assert names == ["a", "b", "c", "average (ensemble)"]  # one row each, then the average
    label_bars, rival_bars = bar_ax.containers
    assert np.allclose([bar.get_width() for bar in label_bars], [0.6, 0.1, 0.5, 0.4])
    assert np.allclose([bar.get_width() for bar in rival_bars], [0.2, 0.8, 0.3, 13 / 30])
    legend = [text.get_text() for text in bar_ax.get_legend().get_texts()]
    assert legend == ["1, the label", "7, the rival"]
    # annotate (the default): each bar's value at its end, label bars first, two decimals
    values = [text.get_text() for text in bar_ax.texts]
    assert values == ["0.60", "0.10", "0.50", "0.40", "0.20", "0.80", "0.30", "0.43"]
    assert bar_ax.get_xlim()[1] > 1  # room for the value of a bar at 1


def test_member_probabilities_without_values():
    probabilities = np.full((2, 10), 0.1)
    fig = plots.plot_member_probabilities(
        np.zeros((28, 28)), ["a", "b"], probabilities, 1, 7, annotate=False
    )
    bar_ax = fig.axes[1]
    assert len(bar_ax.texts) == 0 and bar_ax.get_xlim() == (0, 1)


def test_member_probabilities_reject_bad_input():
    probabilities = np.full((2, 10), 0.1)
    with pytest.raises(ValueError, match=r"shape \(networks, 10\)"):
        plots.plot_member_probabilities(np.zeros((28, 28)), ["a"], np.ones((2, 3)), 1, 7)
    with pytest.raises(ValueError, match="1 names for 2 networks"):
        plots.plot_member_probabilities(np.zeros((28, 28)), ["a"], probabilities, 1, 7)
    with pytest.raises(ValueError, match="rival must differ"):
        plots.plot_member_probabilities(np.zeros((28, 28)), ["a", "b"], probabilities, 1, 1)


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


def test_race_draws_one_line_per_network_and_the_reference():
    curves = {
        "dense": ([5.0, 10.0, 15.0], [0.95, 0.96, 0.97]),
        "ensemble": ([100.0], [0.997]),
    }
    ax = plots.plot_race(curves, reference=0.9985)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines[:2]] == ["dense", "ensemble"]
    np.testing.assert_allclose(lines[0].get_ydata(), [5.0, 4.0, 3.0])
    assert lines[1].get_marker() == "*" and lines[1].get_color() == "black"
    assert ax.get_yscale() == "log" and ax.get_xscale() == "log"
    np.testing.assert_allclose(lines[2].get_ydata(), [0.15, 0.15])
    assert ax.texts[0].get_text() == " reference ≈ 99.85 % accuracy"


def test_race_options_label_the_reference_the_seconds_and_move_the_legend():
    curves = {"dense": ([5.0, 50.0, 500.0], [0.95, 0.96, 0.97])}
    ax = plots.plot_race(
        curves,
        reference=0.9985,
        reference_label="label-noise reference",
        legend_below=True,
        seconds_ticks=True,
        error_ticks=[1, 2, 3],
    )
    assert ax.texts[0].get_text() == "label-noise reference"
    np.testing.assert_allclose(ax.get_yticks(), [1, 2, 3])
    assert ax.xaxis.get_major_formatter()(100.0, 0) == "100 s"
    legend_top = ax.get_legend().get_bbox_to_anchor().transformed(ax.transAxes.inverted()).y1
    assert legend_top < 0
    assert ax.get_legend().get_texts()[0].get_fontsize() == 10  # the default size


def test_race_legend_font_size_can_be_set():
    ax = plots.plot_race({"dense": ([5.0, 50.0], [0.95, 0.96])}, legend_fontsize=8)
    assert ax.get_legend().get_texts()[0].get_fontsize() == 8


def test_race_lines_are_colour_blind_safe_with_their_own_markers():
    curves = {
        "a": ([5.0, 10.0], [0.95, 0.96]),
        "ensemble": ([100.0], [0.997]),
        "b": ([5.0, 10.0], [0.95, 0.97]),
    }
    lines = plots.plot_race(curves).get_lines()
    assert [line.get_marker() for line in lines] == ["o", "*", "s"]
    colours = [line.get_color() for line in lines]
    assert colours == [plots.COLOUR_BLIND_SAFE[0], "black", plots.COLOUR_BLIND_SAFE[1]]
    assert lines[0].get_linewidth() == 1.2 and lines[0].get_markersize() == 4


def test_race_takes_colours_line_width_and_marker_size():
    curves = {"a": ([5.0, 10.0], [0.95, 0.96]), "ensemble": ([100.0], [0.997])}
    lines = plots.plot_race(
        curves, colours=["#111111", "#222222"], line_width=1.0, marker_size=6
    ).get_lines()
    assert [line.get_color() for line in lines] == ["#111111", "#222222"]
    assert lines[0].get_linewidth() == 1.0 and lines[0].get_markersize() == 6
    assert lines[1].get_markersize() == 15  # the star, scaled with the markers
    with pytest.raises(ValueError, match="colours has 1"):
        plots.plot_race(curves, colours=["#111111"])


def test_race_line_styles_and_end_labels_name_the_lines_beside_their_last_points():
    curves = {"a": ([5.0, 10.0], [0.95, 0.96]), "b": ([5.0, 20.0], [0.95, 0.97])}
    ax = plots.plot_race(
        curves,
        line_styles=["-", ":"],
        end_labels=[None, "b (09)"],
        end_label_offsets=[None, (6, -10)],
    )
    assert [line.get_linestyle() for line in ax.get_lines()[:2]] == ["-", ":"]
    (label,) = [text for text in ax.texts if text.get_text() == "b (09)"]
    np.testing.assert_allclose(label.xy, (20.0, 3.0))  # b's last point: 20 s, 3 % error
    assert label.xyann == (6, -10) and label.get_color() == "black"
    ax = plots.plot_race(curves, end_labels=["a", None])
    (label,) = [text for text in ax.texts if text.get_text() == "a"]
    assert label.xyann == (6, 0)  # the default: just right of the last point
    for option in ["line_styles", "end_labels", "end_label_offsets"]:
        with pytest.raises(ValueError, match=f"{option} has 1"):
            plots.plot_race(curves, **{option: [None]})


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


def test_descent_paths_one_panel_per_path_with_numbered_steps():
    def loss(w):
        return (w - 2.0) ** 2

    paths = {"slow": [0.0, 0.5, 0.9, 1.2], "jumpy": [0.0, 4.0, 0.0, 4.0]}
    fig = plots.plot_descent_paths(loss, paths, best=2.0, steps=3)
    assert [ax.get_title() for ax in fig.axes] == ["slow", "jumpy"]
    labels = [t.get_text() for t in fig.axes[1].texts]
    assert labels[0] == " best w" and labels[1:] == ["0", "1", "2", "3"]
    assert len(fig.axes[0].lines[1].get_xdata()) == 4  # the start and three steps


def test_descent_paths_share_a_label_between_close_dots():
    fig = plots.plot_descent_paths(lambda w: w**2, {"p": [-3.0, 0.0, 0.001, 0.002]}, best=0.0)
    assert [t.get_text() for t in fig.axes[0].texts][1:] == ["0", "1–3"]


def test_descent_paths_reject_an_empty_path():
    with pytest.raises(ValueError, match="starting weight"):
        plots.plot_descent_paths(lambda w: w**2, {"p": []}, best=0.0)


def test_smoothed_losses_draw_the_moving_average_of_each_run():
    ax = plots.plot_smoothed_losses({"a": [1.0, 3.0, 1.0, 3.0], "b": [2.0] * 4}, window=2)
    assert len(ax.lines) == 2
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [2.0, 2.0, 2.0])
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [2, 3, 4])
    assert ax.get_yscale() == "log" and "mean of 2 steps" in ax.get_ylabel()


def test_smoothed_losses_reject_a_run_shorter_than_the_window():
    with pytest.raises(ValueError, match="fewer than window=5"):
        plots.plot_smoothed_losses({"a": [1.0, 2.0]}, window=5)


def test_weight_histograms_have_a_bin_centred_on_zero():
    weights = {"zeros": np.zeros(10), "spread": np.array([-0.1, 0.0, 0.1])}
    ax = plots.plot_weight_histograms(weights, bin_width=0.01, limit=0.2)
    assert len(ax.patches) == 2 and ax.get_yscale() == "log"
    outline = ax.patches[0].get_xy()  # the step outline of the all-zero weights
    tallest = outline[outline[:, 1] == 10, 0]
    np.testing.assert_allclose(sorted(tallest), [-0.005, 0.005])  # one bin, centred on zero


def test_weight_histograms_reject_a_bad_bin_width():
    with pytest.raises(ValueError, match="must be positive"):
        plots.plot_weight_histograms({"w": np.ones(3)}, bin_width=0.0)


def test_shared_legend_replaces_the_panels_legends_with_plain_lines():
    fig, (left, right) = plt.subplots(1, 2)
    plots.plot_weight_histograms({"a": np.ones(3), "b": np.zeros(3)}, ax=left)
    plots.plot_metric_curves([1, 2], {"a": [0.1, 0.2], "b": [0.3, 0.4]}, xlabel="x", ax=right)
    legend = plots.add_shared_legend(fig, ["a", "b"], extra={"range": {"linestyle": ":"}})
    assert left.get_legend() is None and right.get_legend() is None
    assert [text.get_text() for text in legend.get_texts()] == ["a", "b", "range"]
    lines = legend.get_lines()
    assert [line.get_marker() for line in lines] == ["None"] * 3
    assert lines[1].get_color() == plots.DIGIT_PALETTE[1] and lines[2].get_linestyle() == ":"


def test_shared_legend_needs_an_entry():
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="at least one entry"):
        plots.add_shared_legend(fig, [])


def test_feature_maps_share_one_scale_and_line_up_with_the_image():
    image = np.arange(36.0).reshape(6, 6)
    maps = [np.full((4, 4), 2.0), np.full((4, 4), -1.0)]
    fig = plots.plot_feature_maps(image, maps, ["a", "b"])
    image_ax, *map_axes = fig.axes[:3]
    assert image_ax.images[0].get_array().shape == (4, 4)  # the 1-pixel border is left out
    assert [ax.get_title() for ax in map_axes] == ["a", "b"]
    assert all(ax.images[0].get_clim() == (-2.0, 2.0) for ax in map_axes)
    assert len(fig.axes) == 4  # three panels and one shared colour bar


def test_feature_maps_reject_maps_of_another_size():
    with pytest.raises(ValueError, match="all of the same shape"):
        plots.plot_feature_maps(np.zeros((6, 6)), [np.zeros((4, 4)), np.zeros((3, 3))], ["a", "b"])
    with pytest.raises(ValueError, match="1 titles for 2 maps"):
        plots.plot_feature_maps(np.zeros((6, 6)), [np.zeros((4, 4))] * 2, ["a"])


def test_zoom_inset_draws_the_curve_and_a_line_at_its_lowest_value():
    fig, ax = plt.subplots()
    inset = plots.add_zoom_inset(ax, [0.3, 0.2, 0.25])
    assert inset in ax.child_axes
    assert list(inset.lines[0].get_ydata()) == [0.3, 0.2, 0.25]
    assert list(inset.lines[1].get_ydata()) == [0.2, 0.2]  # the dotted line at the lowest value
    assert inset.get_ylim() == pytest.approx((0.19, 0.29))
    with pytest.raises(ValueError, match="positive"):
        plots.add_zoom_inset(ax, [])


def test_validation_sweep_zooms_and_names_the_run_below_the_range():
    runs = {
        "lr=0.001": {"val_loss": [0.4, 0.3], "val_accuracy": [0.88, 0.92]},
        "lr=0.1": {"val_loss": [2.0, 1.8], "val_accuracy": [0.3, 0.4]},
    }
    fig = plots.plot_validation_sweep(runs, loss_ticks=(0.3, 1), accuracy_range=(0.8, 0.95))
    loss_ax, accuracy_ax = fig.axes
    assert loss_ax.get_yscale() == "log"
    assert [t.get_text() for t in loss_ax.get_yticklabels()] == ["0.3", "1"]
    assert accuracy_ax.get_ylim() == (0.8, 0.95)
    assert [t.get_text() for t in accuracy_ax.texts] == ["lr=0.1: at most 0.40, below this range"]
    with pytest.raises(ValueError, match="low < high"):
        plots.plot_validation_sweep(runs, accuracy_range=(0.9, 0.8))


def test_bin_counts_label_every_dot_of_each_model():
    import pandas as pd

    table = pd.DataFrame({"confidence": [0.5, 0.9], "accuracy": [0.4, 0.95], "count": [10, 90]})
    ax = plots.plot_reliability_diagram({"m1": table, "m2": table})
    plots.label_bin_counts(ax, {"m1": table, "m2": table})
    assert sorted(t.get_text() for t in ax.texts) == ["10", "10", "90", "90"]
    with pytest.raises(ValueError, match="one or two models"):
        plots.label_bin_counts(ax, {})


def test_family_curves_one_style_and_one_legend_entry_per_family():
    families = {"a": [[0.1, 0.2, 0.3], [0.2, 0.3, 0.4]], "b": [[0.5, 0.4, 0.3]]}
    ax = plots.plot_family_curves(families, ylabel="accuracy", ylim=(0, 1))
    lines = ax.get_lines()
    assert len(lines) == 3
    assert lines[0].get_color() == lines[1].get_color() != lines[2].get_color()
    assert lines[0].get_linestyle() != lines[2].get_linestyle()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]
    assert ax.get_ylim() == (0, 1) and ax.get_ylabel() == "accuracy"
    with pytest.raises(ValueError, match="at least one run"):
        plots.plot_family_curves({"a": []}, ylabel="y")


def test_heat_maps_rows_colour_bars_and_placed_extent():
    images, _ = tiny_images(3)
    images = images / 255.0
    heat = np.random.default_rng(0).random((3, 11, 11))
    fig = plots.plot_heat_maps(
        images,
        {"saliency": np.random.default_rng(1).random((3, 28, 28)), "cam": heat},
        extents={"cam": (2.5, 24.5, 24.5, 2.5)},
        titles=["a", "b", "c"],
    )
    assert len(fig.axes) == 3 * 3 + 2  # three rows of three, a colour bar per heat row
    assert fig.axes[0].get_title() == "a"
    cam_image = fig.axes[6].images[0]
    assert cam_image.get_extent() == [2.5, 24.5, 24.5, 2.5]
    assert cam_image.get_clim() == (0, 1)
    assert len(fig.axes[6].patches) == 1  # the dashed frame of the placed map
    with pytest.raises(ValueError, match="2 maps for 3 images"):
        plots.plot_heat_maps(images, {"cam": heat[:2]})


def test_metric_panels_share_the_axis_and_one_legend():
    panels = {
        "rotation": ([0, 10, 20], {"dense": [0.9, 0.8, 0.5], "CNN": [0.99, 0.95, 0.8]}),
        "noise": ([0.0, 0.1], {"dense": [0.9, 0.7], "CNN": [0.99, 0.9]}),
    }
    fig = plots.plot_metric_panels(panels)
    assert len(fig.axes) == 2 and len(fig.legends) == 1
    assert [ax.get_xlabel() for ax in fig.axes] == ["rotation", "noise"]
    assert fig.axes[0].get_ylim() == (0, 1.02)
    assert all(ax.get_legend() is None for ax in fig.axes)
    with pytest.raises(ValueError, match="at least one panel"):
        plots.plot_metric_panels({})


def test_pixels_draws_one_image_with_a_colour_bar_and_the_cross():
    fig = plots.plot_pixels(np.zeros((20, 15)), "step", vmax=255, cross=(14, 14))
    ax = fig.axes[0]
    assert len(fig.axes) == 2 and ax.get_title() == "step"
    assert ax.images[0].get_clim() == (0, 255)
    assert ax.get_lines()[0].get_label() == "target: row 14, column 14"
    with pytest.raises(ValueError, match="one 2-D image"):
        plots.plot_pixels(np.zeros((2, 5, 5)), "x")


def test_pictures_fit_any_size_and_mode_in_one_square():
    from PIL import Image

    pictures = [Image.new("RGB", (30, 60), "red"), Image.new("L", (90, 20), 0)]
    pictures.append(Image.new("RGBA", (40, 40), (0, 0, 0, 0)))  # transparent: drawn white
    fig = plots.plot_pictures(pictures, titles=["a", "b", "c"], side=50)
    shown = [ax.images[0].get_array() for ax in fig.axes]
    assert all(image.shape == (50, 50, 3) for image in shown)
    assert (np.asarray(shown[2])[10:40, 10:40] == 255).all()
    two_rows = plots.plot_pictures(pictures, side=50, ncols=2)
    rows = {round(ax.get_position().y0, 3) for ax in two_rows.axes if ax.images}
    assert len(rows) == 2
    with pytest.raises(ValueError, match="PIL images"):
        plots.plot_pictures([np.zeros((5, 5))])


def test_heat_maps_name_a_rows_colour_bar():
    images, _ = tiny_images(2)
    heat = {"a": np.ones((2, 28, 28)) / 2, "b": np.zeros((2, 28, 28))}
    fig = plots.plot_heat_maps(images, heat, colour_bar_labels={"a": "√(share of peak)"})
    bars = [
        ax.get_ylabel()
        for ax in fig.axes
        if ax.get_ylabel() in {"√(share of peak)", "share of peak"}
    ]
    assert bars == ["√(share of peak)", "share of peak"]


def test_predictions_can_put_the_index_over_each_title():
    images, _ = tiny_images(3)
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    fig = plots.plot_predictions(images, np.zeros(3, int), probabilities, [2, 1], show_index=True)
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["#2\ntrue 0 → 0 (60.0%)", "#1\ntrue 0 → 1 (80.0%)"]
    plain = plots.plot_predictions(images, np.zeros(3, int), probabilities, [2, 1])
    assert fig.get_size_inches()[1] > plain.get_size_inches()[1]  # room for the second line


def test_error_histogram_draws_the_average_the_noise_lines_and_each_mark():
    draws = np.array([38, 40, 41, 41, 42, 44])
    fig = plots.plot_error_histogram(draws, 41.0, 2.0, {"goal": 35, "floor": 40, "pick": 46})
    ax, strip = fig.axes
    lines = sorted(line.get_xdata()[0] for line in ax.lines)
    assert lines == [37.0, 39.0, 41.0, 43.0, 45.0]  # the average, ± 1 and ± 2 noises
    assert "average 41" in [text.get_text() for text in ax.texts]
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == [
        "average",
        "1 × noise either side (39 and 43)",
        "2 × noise either side (37 and 45)",
    ]
    assert sum(patch.get_height() for patch in ax.patches) == len(draws)  # every draw counted
    assert [line.get_xdata()[0] for line in strip.lines] == [35, 40, 46]  # one mark each
    assert [text.get_text() for text in strip.texts] == ["goal\n35", "floor\n40", "pick\n46"]
    with pytest.raises(ValueError, match="noise must be positive"):
        plots.plot_error_histogram(draws, 41.0, 0.0, {})
    assert not any(p.get_alpha() == 0.15 for p in ax.patches + strip.patches)  # no band unasked


def test_error_histogram_shades_a_band_across_the_histogram_and_the_strip():
    draws = np.array([38, 40, 41, 41, 42, 44])
    marks = {"goal": 35, "pick": 46}
    fig = plots.plot_error_histogram(draws, 41.0, 2.0, marks, band=(31, 39), band_label="35 ± 4")
    ax, strip = fig.axes
    for axes in (ax, strip):
        shaded = [p for p in axes.patches if p.get_alpha() == 0.15]
        assert len(shaded) == 1
        xs = shaded[0].get_path().transformed(shaded[0].get_patch_transform()).vertices[:, 0]
        assert (xs.min(), xs.max()) == (31, 39)
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert "35 ± 4" in legend and len(legend) == 4  # the band named once
    assert sum(p.get_height() for p in ax.patches if p.get_alpha() != 0.15) == len(draws)
    with pytest.raises(ValueError, match="from low to high"):
        plots.plot_error_histogram(draws, 41.0, 2.0, marks, band=(39, 31))
    with pytest.raises(ValueError, match="1-D array"):
        plots.plot_error_histogram(np.array([]), 41.0, 2.0, {})


def test_error_histogram_can_leave_out_the_noise_lines():
    draws = np.array([38, 40, 41, 41, 42, 44])
    marks = {"goal": 35, "pick": 46}
    fig = plots.plot_error_histogram(
        draws, 41.0, 2.0, marks, band=(31, 39), band_label="35 ± 4", noise_lines=False
    )
    ax, strip = fig.axes
    assert [line.get_xdata()[0] for line in ax.lines] == [41.0]  # the average's line only
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["35 ± 4", "average"]
    assert all(text.get_fontsize() >= 9 for text in strip.texts)  # readable mark labels
    assert strip.yaxis.label.get_fontsize() >= 9  # and the strip's label


def test_predictions_write_a_note_under_each_image():
    images, _ = tiny_images(3)
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    notes = ["reviewers chose 1 (5 of 5)", "reviewers split: 2 for 0, 3 for 1"]
    fig = plots.plot_predictions(images, np.zeros(3, int), probabilities, [1, 2], notes=notes)
    assert [ax.texts[0].get_text() for ax in fig.axes] == notes
    plain = plots.plot_predictions(images, np.zeros(3, int), probabilities, [1, 2])
    assert fig.get_size_inches()[0] > plain.get_size_inches()[0]  # wide enough for the notes
    with pytest.raises(ValueError, match="1 notes for 2 images"):
        plots.plot_predictions(images, np.zeros(3, int), probabilities, [1, 2], notes=["one"])


def test_race_can_thin_its_markers_and_keeps_the_last():
    seconds = np.arange(1, 31, dtype=float)
    accuracy = np.linspace(0.9, 0.99, 30)
    ax = plots.plot_race({"long run": (seconds, accuracy)}, max_markers=6)
    marked = ax.lines[0].get_markevery()
    assert len(marked) == 6 and marked[0] == 0 and marked[-1] == 29
    ax = plots.plot_race({"long run": (seconds, accuracy)})
    assert ax.lines[0].get_markevery() is None  # one marker per epoch
    with pytest.raises(ValueError, match="max_markers must be at least 2"):
        plots.plot_race({"long run": (seconds, accuracy)}, max_markers=1)


def test_margins_draw_each_row_with_its_bar_and_a_zero_line():
    margins = {"pick vs goal": -11.0, "ensemble vs floor": 4.0}
    ax = plots.plot_margins(margins, {"pick vs goal": 13.0, "ensemble vs floor": 13.0})
    at = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    assert at["pick vs goal"] > at["ensemble vs floor"]  # the first row on top
    assert ax.lines[0].get_xdata()[0] == 0  # the zero line
    with pytest.raises(ValueError, match="no bar for"):
        plots.plot_margins(margins, {"pick vs goal": 13.0})
    with pytest.raises(ValueError, match="at least one margin"):
        plots.plot_margins({}, {})


def test_value_against_group_labels_each_part_and_draws_the_bar():
    ax = plots.plot_value_against_group(
        [36, 55, 40, 33], 46, bar=35.0, group_label="siblings", value_label="pick", ylabel="errors"
    )
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "siblings",
        "their mean\n± one spread",
        "pick",
    ]
    levels = sorted(line.get_ydata()[0] for line in ax.lines if line.get_linestyle() == "--")
    assert levels == [6.0, 76.0]  # 41 ± 35
    with pytest.raises(ValueError, match="at least two values"):
        plots.plot_value_against_group([1], 2, bar=1, group_label="", value_label="", ylabel="")
    with pytest.raises(ValueError, match="bar must be positive"):
        plots.plot_value_against_group([1, 2], 2, bar=0, group_label="", value_label="", ylabel="")
