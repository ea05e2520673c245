"""One plotting style for the whole series, and the figures the notebooks share.

Call :func:`use_style` once in a notebook's Setup cell. Every function here takes its
data as arguments, draws on the axes it is given (or on a new figure), and returns what
it drew on, so a notebook can add a title or save the figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

__all__ = [
    "COLOUR_BLIND_SAFE",
    "DIGIT_PALETTE",
    "IMAGE_CMAP",
    "LINE_MARKERS",
    "add_shared_legend",
    "add_zoom_inset",
    "arrange_in_rows",
    "label_bin_counts",
    "plot_class_balance",
    "plot_confusion_matrix",
    "plot_descent_paths",
    "plot_class_images",
    "plot_embedding",
    "plot_error_histogram",
    "plot_examples_per_class",
    "plot_family_curves",
    "plot_feature_maps",
    "plot_heat_maps",
    "plot_image_grid",
    "plot_learning_curves",
    "plot_member_probabilities",
    "plot_metric_curves",
    "plot_metric_panels",
    "plot_pictures",
    "plot_pixel_histogram",
    "plot_pixels",
    "plot_predictions",
    "plot_probabilities",
    "plot_race",
    "plot_reliability_diagram",
    "plot_smoothed_losses",
    "plot_spread",
    "plot_validation_sweep",
    "plot_weight_histograms",
    "use_style",
]

#: Colour map for digit images across the series: dark ink on a light page.
IMAGE_CMAP = "binary"

#: One colour per digit 0–9, the same in every figure of the series.
DIGIT_PALETTE: list[tuple[float, float, float]] = sns.color_palette("tab10", 10)

#: Okabe and Ito's colours, told apart with the common colour-vision deficiencies, and one
#: marker shape per line, so that a figure also reads without colour (``plot_race``).
COLOUR_BLIND_SAFE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000"]
LINE_MARKERS = ["o", "s", "D", "^", "v", "P", "X"]


def use_style() -> None:
    """Apply the series' plotting style (seaborn theme, sizes, resolution)."""
    sns.set_theme(context="notebook", style="whitegrid", palette=DIGIT_PALETTE)
    mpl.rcParams.update(
        {
            "figure.figsize": (8.0, 4.5),
            "figure.dpi": 90,
            "savefig.dpi": 110,
            "savefig.bbox": "tight",
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "image.cmap": IMAGE_CMAP,
            "image.interpolation": "nearest",
        }
    )


def _check_images(images: np.ndarray) -> np.ndarray:
    images = np.asarray(images)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    if images.ndim == 4 and images.shape[-1] in (3, 4):
        return images  # colour images (RGB or RGBA), drawn as they are
    if images.ndim != 3:
        raise ValueError(
            f"expected a stack of 2-D images with shape (n, height, width), got shape "
            f"{images.shape}; reshape flat rows with images.reshape(-1, 28, 28)."
        )
    return images


def plot_image_grid(
    images: np.ndarray,
    *,
    titles: Sequence[str] | None = None,
    ncols: int = 10,
    cell_size: float = 1.1,
    vmin: float | None = None,
    vmax: float | None = None,
    cmap: str = IMAGE_CMAP,
    title_colors: Sequence[str] | None = None,
) -> plt.Figure:
    """Draw images in a grid, with an optional title over each.

    Parameters
    ----------
    images
        Array of shape (n, height, width) or (n, height, width, 1); colour images
        (n, height, width, 3 or 4) are drawn as they are.
    titles
        One short title per image.
    ncols
        Images per row.
    cell_size
        Inches per image.
    vmin, vmax
        Colour limits shared by every image; each image is scaled alone when omitted.
    cmap
        Matplotlib colour map.
    title_colors
        One colour per title (e.g. red for a wrong prediction).

    Returns
    -------
    The figure.
    """
    images = _check_images(images)
    count = len(images)
    if count == 0:
        raise ValueError("plot_image_grid got no images to draw.")
    if titles is not None and len(titles) != count:
        raise ValueError(f"got {len(titles)} titles for {count} images; give one per image.")
    ncols = max(1, min(ncols, count))
    nrows = int(np.ceil(count / ncols))
    title_space = 0.35 if titles is not None else 0.0
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(ncols * cell_size, nrows * (cell_size + title_space)),
        squeeze=False,
    )
    for index, ax in enumerate(axes.flat):
        ax.axis("off")
        if index >= count:
            continue
        ax.imshow(images[index], cmap=cmap, vmin=vmin, vmax=vmax)
        if titles is not None:
            color = title_colors[index] if title_colors is not None else "black"
            ax.set_title(titles[index], fontsize=9, fontweight="normal", color=color)
    fig.tight_layout()
    return fig


def plot_examples_per_class(
    images: np.ndarray,
    labels: np.ndarray,
    *,
    per_class: int = 10,
    seed: int = 0,
) -> plt.Figure:
    """Draw a grid with one row per digit and ``per_class`` random examples of it.

    Parameters
    ----------
    images, labels
        Images (n, 28, 28) and their integer labels 0–9.
    per_class
        Examples in each row.
    seed
        Seed of the random choice, so the same examples come back.

    Returns
    -------
    The figure.
    """
    images = _check_images(images)
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes = np.unique(labels)
    fig, axes = plt.subplots(
        len(classes), per_class, figsize=(per_class * 0.75, len(classes) * 0.75), squeeze=False
    )
    for row, label in enumerate(classes):
        members = np.flatnonzero(labels == label)
        chosen = rng.choice(members, size=min(per_class, len(members)), replace=False)
        for column, ax in enumerate(axes[row]):
            ax.set_xticks([])
            ax.set_yticks([])
            for spine in ax.spines.values():
                spine.set_visible(False)
            if column < len(chosen):
                ax.imshow(images[chosen[column]], cmap=IMAGE_CMAP)
        axes[row, 0].set_ylabel(str(label), rotation=0, labelpad=12, fontsize=12, va="center")
    fig.subplots_adjust(wspace=0.05, hspace=0.05)
    return fig


def plot_class_balance(
    label_sets: dict[str, np.ndarray],
    *,
    normalize: bool = True,
    title: str | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw how often each digit occurs in one or more label sets, side by side.

    Parameters
    ----------
    label_sets
        Name → integer labels, e.g. ``{"train": y_train, "test": y_test}``.
    normalize
        Show the share of each digit (percent) instead of counts, so sets of
        different sizes compare directly.
    title
        Title of the axes.
    ax
        Axes to draw on; a new figure is made when omitted.

    Returns
    -------
    The axes drawn on.
    """
    if not label_sets:
        raise ValueError("plot_class_balance needs at least one named set of labels.")
    rows = []
    for name, labels in label_sets.items():
        labels = np.asarray(labels)
        digits, counts = np.unique(labels, return_counts=True)
        values = 100 * counts / counts.sum() if normalize else counts
        rows += [
            {"digit": int(d), "set": name, "value": v} for d, v in zip(digits, values, strict=True)
        ]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.5))
    sns.barplot(data=pd.DataFrame(rows), x="digit", y="value", hue="set", ax=ax, palette="Set2")
    ax.set_ylabel("share of images (%)" if normalize else "number of images")
    ax.set_xlabel("digit")
    if normalize:
        ax.axhline(10, color="0.3", linestyle="--", linewidth=1)
    ax.legend(title=None, loc="lower right", frameon=True)
    if title:
        ax.set_title(title)
    return ax


def plot_class_images(
    images: np.ndarray,
    labels: np.ndarray,
    *,
    statistic: str = "mean",
    cmap: str | None = None,
) -> plt.Figure:
    """Draw one summary image per digit: the mean or the standard deviation of its pixels.

    Parameters
    ----------
    images, labels
        Images (n, 28, 28) and their integer labels.
    statistic
        ``"mean"`` (the average digit) or ``"std"`` (where writers disagree).
    cmap
        Colour map; ``IMAGE_CMAP`` for the mean, ``"magma"`` for the spread by default.

    Returns
    -------
    The figure.
    """
    reducers = {"mean": np.mean, "std": np.std}
    if statistic not in reducers:
        raise ValueError(f"statistic must be 'mean' or 'std', got {statistic!r}.")
    images = _check_images(images).astype(np.float32)
    labels = np.asarray(labels)
    classes = np.unique(labels)
    summaries = np.stack([reducers[statistic](images[labels == c], axis=0) for c in classes])
    fig = plot_image_grid(
        summaries,
        titles=[str(c) for c in classes],
        ncols=len(classes),
        cmap=cmap or (IMAGE_CMAP if statistic == "mean" else "magma"),
        vmin=0,
        vmax=float(summaries.max()),
    )
    fig.suptitle(f"{statistic} image of each digit", y=1.02, fontweight="bold")
    return fig


def arrange_in_rows(
    fig: plt.Figure, *, ncols: int = 5, colorbar_label: str | None = None
) -> plt.Figure:
    """Lay the image panels of a figure out in rows, with one colour bar for all of them.

    Meant for :func:`plot_class_images`, whose ten panels sit in one long row: five per row
    reads better, and the bar says what the shared colour scale means.

    Parameters
    ----------
    fig
        A figure whose axes each show one image, all on the same colour scale.
    ncols
        Panels per row.
    colorbar_label
        Label of the colour bar drawn at the right; no bar when omitted.

    Returns
    -------
    The same figure, laid out again.
    """
    panels = [ax for ax in fig.axes if ax.images]
    if not panels or ncols < 1:
        raise ValueError("arrange_in_rows needs a figure of images and at least one column.")
    nrows = int(np.ceil(len(panels) / ncols))
    fig.set_size_inches(1.6 * ncols, 1.95 * nrows)
    for index, ax in enumerate(panels):
        row, column = divmod(index, ncols)
        left, bottom = 0.01 + 0.875 * column / ncols, 1 - (row + 1) / nrows
        ax.set_position([left, bottom, 0.8 / ncols, 0.8 / nrows])
    if colorbar_label is not None:
        colorbar_axes = fig.add_axes([0.9, 0.05, 0.02, 0.85])
        fig.colorbar(panels[0].images[0], cax=colorbar_axes, label=colorbar_label)
    return fig


def plot_pixel_histogram(
    images: np.ndarray,
    *,
    title: str | None = None,
    ax: plt.Axes | None = None,
    bins: int = 64,
) -> plt.Axes:
    """Draw the distribution of pixel intensities, with a log-scaled count axis.

    Parameters
    ----------
    images
        Pixel values of any shape (uint8 0–255 or floats).
    title
        Title of the axes.
    ax
        Axes to draw on; a new figure is made when omitted.
    bins
        Number of histogram bins.

    Returns
    -------
    The axes drawn on.
    """
    values = np.asarray(images).ravel()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.5))
    ax.hist(values, bins=bins, color=DIGIT_PALETTE[0], edgecolor="white", linewidth=0.3)
    ax.set_yscale("log")
    ax.set_xlabel("pixel value")
    ax.set_ylabel("number of pixels (log scale)")
    if title:
        ax.set_title(title)
    return ax


def plot_embedding(
    points: np.ndarray,
    labels: np.ndarray,
    *,
    ax: plt.Axes | None = None,
    title: str | None = None,
    point_size: float = 3.0,
    annotate_centres: bool = True,
    axis_labels: tuple[str, str] | None = None,
) -> plt.Axes:
    """Scatter a 2-D embedding coloured by digit, with each digit's label at its centre.

    Parameters
    ----------
    points
        Array of shape (n, 2), e.g. from PCA or t-SNE.
    labels
        Integer labels 0–9 of the same length.
    ax
        Axes to draw on; a new figure is made when omitted.
    title
        Title of the axes.
    point_size
        Marker area.
    annotate_centres
        Write each digit at the median of its points. Labels that would overlap are moved
        apart, with a thin line back to their centre.
    axis_labels
        Names of the two axes, e.g. ``("first principal component", "second ...")``; for
        t-SNE, whose axes mean nothing in themselves, leave them out.

    Returns
    -------
    The axes drawn on.
    """
    points = np.asarray(points)
    labels = np.asarray(labels)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(f"points must have shape (n, 2), got {points.shape}.")
    if len(points) != len(labels):
        raise ValueError(f"got {len(points)} points but {len(labels)} labels; they must match.")
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 6))
    colors = [DIGIT_PALETTE[int(label) % 10] for label in labels]
    ax.scatter(points[:, 0], points[:, 1], c=colors, s=point_size, alpha=0.6, linewidths=0)
    if annotate_centres:
        digits = np.unique(labels)
        centres = np.array([np.median(points[labels == d], axis=0) for d in digits])
        spans = np.ptp(points, axis=0) + 1e-12
        placed = _spread_apart(centres / spans, min_distance=0.07) * spans
        for digit, centre, place in zip(digits, centres, placed, strict=True):
            color = DIGIT_PALETTE[int(digit) % 10]
            if not np.allclose(centre, place):
                ax.plot(*zip(centre, place, strict=True), color=color, linewidth=0.8)
            ax.text(
                place[0],
                place[1],
                str(digit),
                fontsize=15,
                fontweight="bold",
                ha="center",
                va="center",
                color=color,
                bbox={"boxstyle": "circle,pad=0.2", "fc": "white", "ec": color, "alpha": 0.9},
            )
    ax.set_xticks([])
    ax.set_yticks([])
    if axis_labels:
        ax.set_xlabel(axis_labels[0])
        ax.set_ylabel(axis_labels[1])
    if title:
        ax.set_title(title)
    return ax


def _spread_apart(positions: np.ndarray, *, min_distance: float) -> np.ndarray:
    """Push points (in units where the plot spans about 1) apart until no two are closer
    than ``min_distance``; deterministic, a few hundred small steps at most."""
    moved = positions.astype(float).copy()
    for _ in range(300):
        shifted = False
        for i in range(len(moved)):
            for j in range(i + 1, len(moved)):
                gap = moved[j] - moved[i]
                distance = float(np.hypot(*gap))
                if distance < min_distance:
                    direction = gap / distance if distance > 1e-9 else np.array([1.0, 0.0])
                    push = (min_distance - distance) / 2 + 1e-4
                    moved[i] -= direction * push
                    moved[j] += direction * push
                    shifted = True
        if not shifted:
            break
    return moved


def _history_dict(history: object) -> dict[str, list[float]]:
    """Accept a Keras ``History`` or its ``.history`` dict."""
    values = getattr(history, "history", history)
    if not isinstance(values, dict) or not values:
        raise ValueError(
            "expected a Keras History (the return value of model.fit) or its .history dict, "
            f"got {type(history).__name__}."
        )
    return values


def plot_learning_curves(
    histories: object,
    *,
    metrics: Sequence[str] = ("loss", "accuracy"),
    validation_only: bool = False,
) -> plt.Figure:
    """Draw training (solid) and validation (dashed) curves per epoch, one panel per metric.

    Parameters
    ----------
    histories
        A Keras ``History`` (or its ``.history`` dict), or a dict mapping run names to
        histories to compare several runs, each in its own colour.
    metrics
        Metric names to draw, e.g. ``("loss", "accuracy")``; the validation curve is
        ``val_<metric>`` and is drawn when present.
    validation_only
        Draw only the validation curves (clearer when comparing many runs).

    Returns
    -------
    The figure.

    Raises
    ------
    ValueError
        When a history lacks a requested metric.
    """
    if (
        isinstance(histories, dict)
        and histories
        and all(not isinstance(v, list | tuple) for v in histories.values())
    ):
        runs = {name: _history_dict(h) for name, h in histories.items()}
    else:
        runs = {"": _history_dict(histories)}
    fig, axes = plt.subplots(1, len(metrics), figsize=(5.2 * len(metrics), 3.6), squeeze=False)
    for ax, metric in zip(axes[0], metrics, strict=True):
        for index, (name, history) in enumerate(runs.items()):
            if metric not in history and f"val_{metric}" not in history:
                raise ValueError(
                    f"history {name!r} has no {metric!r}; it has {sorted(history)}. "
                    "Pass metrics= with names it has."
                )
            color = DIGIT_PALETTE[index % 10]
            if not validation_only and metric in history:
                epochs = np.arange(1, len(history[metric]) + 1)
                label = f"{name} train".strip()
                ax.plot(epochs, history[metric], color=color, label=label)
            if f"val_{metric}" in history:
                epochs = np.arange(1, len(history[f"val_{metric}"]) + 1)
                label = f"{name} validation".strip()
                ax.plot(epochs, history[f"val_{metric}"], color=color, linestyle="--", label=label)
        ax.set_xlabel("epoch")
        ax.set_ylabel(metric)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def plot_spread(
    values: dict[str, Sequence[float]],
    *,
    ylabel: str,
    title: str | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw each group's values as dots, with the group mean ± one standard deviation.

    Parameters
    ----------
    values
        Group name → the values measured in that group (e.g. one accuracy per seed).
    ylabel
        Label of the value axis.
    title
        Title of the axes.
    ax
        Axes to draw on; a new figure is made when omitted.

    Returns
    -------
    The axes drawn on.
    """
    if not values or any(len(v) == 0 for v in values.values()):
        raise ValueError("plot_spread needs at least one group, each with at least one value.")
    if ax is None:
        _, ax = plt.subplots(figsize=(1.8 + 1.6 * len(values), 3.6))
    for position, group in enumerate(values.values()):
        group = np.asarray(group, dtype=float)
        jitter = np.linspace(-0.12, 0.12, len(group)) if len(group) > 1 else np.zeros(1)
        ax.scatter(position + jitter, group, color=DIGIT_PALETTE[position % 10], zorder=3)
        mean, std = group.mean(), group.std(ddof=1) if len(group) > 1 else 0.0
        ax.errorbar(position + 0.3, mean, yerr=std, fmt="o", color="black", capsize=4)
    ax.set_xticks(range(len(values)), list(values))
    ax.set_xlim(-0.5, len(values) - 0.3)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return ax


def add_zoom_inset(
    ax: plt.Axes,
    values: Sequence[float],
    *,
    bounds: Sequence[float] = (0.55, 0.42, 0.42, 0.3),
    label: str = "val. loss, zoomed\ndotted: lowest",
) -> plt.Axes:
    """Add an inset that zooms in on one curve around its lowest value.

    Meant for a loss panel on a logarithmic axis, where a validation loss that rises a little
    after its minimum looks flat: the inset draws it per epoch on a linear axis, from just
    below its lowest value to 1.45 times it, with a dotted line at the lowest value.

    Parameters
    ----------
    ax
        The axes to put the inset in.
    values
        One value per epoch, epoch 1 first (e.g. ``history.history["val_loss"]``).
    bounds
        Where the inset sits: (left, bottom, width, height) as fractions of ``ax``.
    label
        Text written in the inset's top right corner.

    Returns
    -------
    The inset axes.

    Raises
    ------
    ValueError
        When ``values`` is empty or holds a value that is not positive.
    """
    values = np.asarray(values, dtype=float)
    if values.ndim != 1 or len(values) == 0 or not (values > 0).all():
        raise ValueError("add_zoom_inset needs one positive value per epoch, at least one.")
    lowest = values.min()
    inset = ax.inset_axes(list(bounds))
    inset.plot(np.arange(1, len(values) + 1), values, color=DIGIT_PALETTE[0], linestyle="--")
    inset.axhline(lowest, color="grey", linestyle=":", linewidth=1)
    inset.set_ylim(0.95 * lowest, 1.45 * lowest)
    inset.text(0.97, 0.93, label, transform=inset.transAxes, ha="right", va="top", fontsize=7)
    inset.tick_params(labelsize=7)
    return inset


def plot_validation_sweep(
    histories: dict[str, object],
    *,
    loss_ticks: Sequence[float] = (0.2, 0.3, 0.5, 1),
    accuracy_range: tuple[float, float] | None = None,
) -> plt.Figure:
    """Draw the validation loss (log scale) and accuracy of several runs, one colour per run.

    Parameters
    ----------
    histories
        Run name → Keras ``History`` (or its ``.history`` dict) with ``val_loss`` and
        ``val_accuracy``.
    loss_ticks
        Values labelled on the logarithmic loss axis, written as plain numbers.
    accuracy_range
        (low, high) limits of the accuracy axis, to zoom in on the runs that matter. A run
        whose validation accuracy stays below ``low`` is named at the bottom of the panel,
        with its highest value, in its colour.

    Returns
    -------
    The figure: the loss panel first, then the accuracy panel.

    Raises
    ------
    ValueError
        When ``accuracy_range`` is not (low, high) with low below high.
    """
    if accuracy_range is not None and not accuracy_range[0] < accuracy_range[1]:
        raise ValueError(
            f"accuracy_range must be (low, high) with low < high, got {accuracy_range}."
        )
    fig = plot_learning_curves(histories, validation_only=True)
    loss_ax, accuracy_ax = fig.axes
    loss_ax.set_yscale("log")
    loss_ax.set_yticks(list(loss_ticks), [f"{tick:g}" for tick in loss_ticks])
    loss_ax.minorticks_off()
    if accuracy_range is not None:
        accuracy_ax.set_ylim(*accuracy_range)
        below = 0
        for index, (name, history) in enumerate(histories.items()):
            best = max(_history_dict(history)["val_accuracy"])
            if best < accuracy_range[0]:
                accuracy_ax.text(
                    0.98,
                    0.04 + 0.08 * below,
                    f"{name}: at most {best:.2f}, below this range",
                    transform=accuracy_ax.transAxes,
                    ha="right",
                    fontsize=8,
                    color=DIGIT_PALETTE[index % 10],
                )
                below += 1
    return fig


def plot_confusion_matrix(
    matrix: np.ndarray,
    *,
    normalize: bool = False,
    title: str | None = None,
    ax: plt.Axes | None = None,
    vmax: float | None = None,
    colorbar: bool = True,
) -> plt.Axes:
    """Draw a confusion matrix (rows: true digit, columns: predicted digit) as a heatmap.

    Parameters
    ----------
    matrix
        Square matrix from :func:`helpers.evaluation.confusion_matrix`: counts, or row
        shares when ``normalize`` was used there.
    normalize
        Whether ``matrix`` holds row shares (drawn as percentages) rather than counts.
        The diagonal is drawn grey, outside the colour scale, so the mistakes stand out; its
        values (written in grey) are the per-class recall (shares) or correct counts.
    title
        Title of the axes.
    ax
        Axes to draw on; a new figure is made when omitted.
    vmax
        The value drawn in the darkest red (counts, or percent when normalised). Give
        matrices drawn side by side the same ``vmax``, so equal colours mean equal numbers;
        by default the largest mistake of this matrix.
    colorbar
        Draw a colour bar that says what the colours mean.

    Returns
    -------
    The axes drawn on.
    """
    matrix = np.asarray(matrix)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"a confusion matrix must be square, got shape {matrix.shape}.")
    if ax is None:
        _, ax = plt.subplots(figsize=(6.8, 5.2))
    shown = matrix * 100 if normalize else matrix
    off_diagonal = ~np.eye(len(matrix), dtype=bool)
    if vmax is None:
        vmax = float(shown[off_diagonal].max()) or 1.0
    # Label the mistakes only; empty cells stay blank so the pattern stands out.
    labels = np.where(shown > 0, np.vectorize(lambda v: _cell_text(v, normalize))(shown), "")
    sns.heatmap(
        shown,
        mask=~off_diagonal,
        annot=labels,
        fmt="",
        cmap="Reds",
        vmin=0,
        vmax=vmax,
        cbar=colorbar,
        cbar_kws={
            "label": "% of the true digit's images" if normalize else "images",
            "shrink": 0.8,
        },
        square=True,
        linewidths=0.5,
        linecolor="0.9",
        annot_kws={"fontsize": 8},
        ax=ax,
    )
    for i in range(len(matrix)):
        text = _cell_text(shown[i, i], normalize)
        ax.text(i + 0.5, i + 0.5, text, ha="center", va="center", fontsize=8, color="0.35")
    # The masked diagonal shows the axes' background: grey, so that it cannot read as "none".
    ax.set_facecolor("0.88")
    if colorbar and not normalize:  # counts of images: whole numbers on the colour bar
        ax.collections[0].colorbar.locator = mpl.ticker.MaxNLocator(integer=True)
        ax.collections[0].colorbar.update_ticks()
    ax.grid(False)
    ax.set_xlabel("predicted digit")
    ax.set_ylabel("true digit")
    ax.tick_params(axis="y", rotation=0)
    if title:
        ax.set_title(title)
    return ax


def _cell_text(value: float, normalize: bool) -> str:
    return f"{value:.1f}" if normalize else f"{int(value):d}"


def percent_label(probability: float) -> str:
    """A probability as a percentage with one decimal that never rounds to 0 % or 100 %.

    Parameters
    ----------
    probability
        A number from 0 to 1.

    Returns
    -------
    ``"97.3%"``; ``">99.9%"`` above 0.999 and ``"<0.1%"`` below 0.001, so a sure-looking mistake
    is not printed as a certain one.
    """
    if not 0 <= probability <= 1:
        raise ValueError(f"probability must be between 0 and 1, got {probability!r}.")
    if probability > 0.999:
        return ">99.9%"
    if probability < 0.001:
        return "<0.1%"
    return f"{probability:.1%}"


def plot_predictions(
    images: np.ndarray,
    y_true: np.ndarray,
    probabilities: np.ndarray,
    indices: Sequence[int],
    *,
    ncols: int = 8,
    label_word: str = "true",
    framed: Sequence[int] = (),
    show_index: bool = False,
    notes: Sequence[str] | None = None,
) -> plt.Figure:
    """Draw chosen images with their true label, predicted label and confidence.

    Titles read ``true 4 → 9 (97.3%)`` (see :func:`percent_label`); red marks a wrong
    prediction.

    Parameters
    ----------
    images
        All images, shape (n, 28, 28).
    y_true
        All true labels.
    probabilities
        All predicted probabilities, shape (n, classes).
    indices
        Which examples to draw, in order (e.g. from
        :func:`helpers.evaluation.most_confident_mistakes`).
    ncols
        Images per row.
    label_word
        The word before the given label in each title, e.g. ``"label"`` where the given label
        itself may be wrong (``label 4 → 9 (97.3%)``).
    framed
        Indices (among ``indices``) of the images to draw in a thick black frame, e.g. the
        errors that every network of an ensemble makes.
    show_index
        Put the image's index over each title, on a line of its own (``#12``), so that the
        text can name an image.
    notes
        A line of text under each image, in the order of ``indices`` (for example what
        reviewers said about its label); the cells are widened to fit it.

    Returns
    -------
    The figure.
    """
    indices = np.asarray(indices, dtype=int)
    if len(indices) == 0:
        raise ValueError("no examples to draw: indices is empty.")
    if notes is not None and len(notes) != len(indices):
        raise ValueError(f"{len(notes)} notes for {len(indices)} images: give one per image.")
    probabilities = np.asarray(probabilities)
    predicted = probabilities[indices].argmax(axis=1)
    confidence = probabilities[indices, predicted]
    true = np.asarray(y_true)[indices]
    titles = [
        f"{label_word} {t} → {p} ({percent_label(c)})"
        for t, p, c in zip(true, predicted, confidence, strict=True)
    ]
    if show_index:  # the index on a line of its own, so that narrow cells stay apart
        titles = [f"#{i}\n{title}" for i, title in zip(indices, titles, strict=True)]
    colors = ["black" if t == p else "crimson" for t, p in zip(true, predicted, strict=True)]
    fig = plot_image_grid(
        np.asarray(images)[indices], titles=titles, title_colors=colors, ncols=ncols, cell_size=1.35
    )
    if show_index:  # room for the second line of each title
        width, height = fig.get_size_inches()
        rows = int(np.ceil(len(indices) / max(1, min(ncols, len(indices)))))
        fig.set_size_inches(width, height + 0.18 * rows)
        fig.tight_layout()
    if notes is not None:  # a line under each image, in cells wide enough for it
        rows = int(np.ceil(len(indices) / max(1, min(ncols, len(indices)))))
        columns = min(ncols, len(indices))
        longest = max(len(note) for note in notes)
        cell_width = max(1.35, 0.065 * longest)  # about 0.065 inch per character at size 8
        fig.set_size_inches(cell_width * columns, fig.get_size_inches()[1] + 0.45 * rows)
        for ax, note in zip(fig.axes, notes, strict=False):
            # transform=ax.transAxes: positions in fractions of the image's axes
            ax.text(0.5, -0.04, note, transform=ax.transAxes, ha="center", va="top", size=8)
        fig.tight_layout()
    to_frame = {int(i) for i in framed}
    for ax, index in zip(fig.axes, indices, strict=False):
        if int(index) in to_frame:
            ax.set_axis_on()  # the frame is the axes' border, which plot_image_grid hides
            ax.set(xticks=[], yticks=[])
            ax.spines[:].set(visible=True, color="black", linewidth=2.5)
    return fig


def plot_reliability_diagram(
    tables: dict[str, object],
    *,
    title: str | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw accuracy against confidence per bin for one or more models, with each bin's noise.

    Each bin is a dot at (mean confidence, accuracy), sized by its count. Its vertical bar spans
    the confidence ± 2 standard errors, √(c (1 − c) / n): where a perfectly calibrated model's
    accuracy would fall about 95 % of the time in a bin of n predictions at confidence c. A dot
    outside its bar is more than luck away from the diagonal.

    Parameters
    ----------
    tables
        Model name → table from :func:`helpers.evaluation.reliability_table`.
        A perfectly calibrated model lies on the diagonal; points below it are
        over-confident.
    title
        Title of the axes.
    ax
        Axes to draw on; a new figure is made when omitted.

    Returns
    -------
    The axes drawn on.
    """
    if not tables:
        raise ValueError("plot_reliability_diagram needs at least one reliability table.")
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], color="0.5", linestyle="--", linewidth=1, label="perfect calibration")
    for index, (name, table) in enumerate(tables.items()):
        confidence = np.asarray(table["confidence"], dtype=float)
        count = np.asarray(table["count"], dtype=float)
        sizes = 20 + 200 * np.sqrt(count / count.sum())
        color = DIGIT_PALETTE[index % 10]
        noise = 2 * np.sqrt(confidence * (1 - confidence) / count)
        shift = (index - (len(tables) - 1) / 2) * 0.008  # models side by side, not on top
        x = confidence + shift
        ax.vlines(x, confidence - noise, confidence + noise, color=color, alpha=0.5)
        ax.scatter(x, table["accuracy"], s=sizes, color=color, alpha=0.7, label=name)
    ax.plot([], [], color="0.4", alpha=0.5, label="calibrated: confidence ± 2 standard errors")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("confidence (mean predicted probability in the bin)")
    ax.set_ylabel("accuracy in the bin")
    ax.legend(loc="upper left", fontsize=8)
    if title:
        ax.set_title(title)
    return ax


def label_bin_counts(ax: plt.Axes, tables: dict[str, object]) -> plt.Axes:
    """Write each bin's number of predictions beside its dot in a reliability diagram.

    Meant for the axes of :func:`plot_reliability_diagram`, with the same tables: the first
    model's counts go above left of its dots, the second's below right, each in its model's
    colour, so that the two sets of labels do not cover each other.

    Parameters
    ----------
    ax
        The axes of the reliability diagram.
    tables
        Model name → table with ``confidence``, ``accuracy`` and ``count`` columns (from
        :func:`helpers.evaluation.reliability_table`), at most two models.

    Returns
    -------
    The same axes.

    Raises
    ------
    ValueError
        When there are no tables or more than two.
    """
    if not 1 <= len(tables) <= 2:
        raise ValueError(f"label_bin_counts labels one or two models, got {len(tables)}.")
    placements = [((-5, 5), "right"), ((5, -12), "left")][: len(tables)]
    for index, (table, (offset, align)) in enumerate(zip(tables.values(), placements, strict=True)):
        for confidence, accuracy, count in zip(
            table["confidence"], table["accuracy"], table["count"], strict=True
        ):
            ax.annotate(
                f"{count:.0f}",
                (confidence, accuracy),
                xytext=offset,
                textcoords="offset points",
                ha=align,
                fontsize=8,
                color=DIGIT_PALETTE[index],
            )
    return ax


def plot_probabilities(
    image: np.ndarray,
    probabilities: np.ndarray,
    *,
    title: str | None = None,
) -> plt.Figure:
    """Draw an image next to a bar chart of the ten predicted probabilities.

    Parameters
    ----------
    image
        The 28 × 28 image the model saw.
    probabilities
        Ten probabilities, one per digit.
    title
        Title over the image; the predicted digit and its confidence by default.

    Returns
    -------
    The figure.
    """
    probabilities = np.asarray(probabilities, dtype=float).ravel()
    if probabilities.shape != (10,):
        raise ValueError(f"expected 10 probabilities, got {probabilities.size}.")
    predicted = int(probabilities.argmax())
    fig, (image_ax, bar_ax) = plt.subplots(
        1, 2, figsize=(5.6, 2.2), gridspec_kw={"width_ratios": [1, 1.9]}
    )
    image_ax.imshow(np.asarray(image), cmap=IMAGE_CMAP)  # the series' one polarity
    image_ax.axis("off")
    image_ax.set_title(title or f"{predicted} ({probabilities[predicted]:.0%})", fontsize=10)
    colors = [DIGIT_PALETTE[0] if d == predicted else "0.75" for d in range(10)]
    bar_ax.bar(range(10), probabilities, color=colors)
    bar_ax.set_xticks(range(10))
    bar_ax.set_ylim(0, 1)
    bar_ax.set_ylabel("probability")
    bar_ax.grid(axis="x", visible=False)
    fig.tight_layout()
    return fig


def plot_member_probabilities(
    image: np.ndarray,
    names: Sequence[str],
    probabilities: np.ndarray,
    label: int,
    rival: int,
    *,
    title: str = "each network's probabilities, and their average",
    image_title: str | None = None,
    annotate: bool = True,
) -> plt.Figure:
    """Draw an image beside each network's probabilities for two digits, and their average.

    One row per network, first network on top, then a last row for the average of the rows
    (the soft-voting ensemble). Each row holds two bars: the probability of ``label`` (blue)
    and of ``rival`` (orange), so the figure shows how averaging weighs sure and hesitant
    networks.

    Parameters
    ----------
    image
        The 28 × 28 image the networks saw.
    names
        One name per network, in the order of the rows of ``probabilities``.
    probabilities
        Shape (networks, 10): each network's ten probabilities for the image.
    label
        The image's label.
    rival
        A wrong digit to set against it, e.g. the one the networks pick most often.
    title
        Title over the bar chart.
    image_title
        Title over the image; ``"label 1"`` (with the label) by default.
    annotate
        Write each bar's probability at its end, with two decimals, so that close values
        (0.48 against 0.49, say) can be read.

    Returns
    -------
    The figure.
    """
    probabilities = np.asarray(probabilities, dtype=float)
    if probabilities.ndim != 2 or probabilities.shape[1] != 10:
        raise ValueError(
            f"expected probabilities of shape (networks, 10), got {probabilities.shape}."
        )
    if len(names) != len(probabilities):
        raise ValueError(f"got {len(names)} names for {len(probabilities)} networks.")
    if label == rival:
        raise ValueError(f"the rival must differ from the label, got {rival} for both.")
    rows = np.vstack([probabilities, probabilities.mean(axis=0)])  # the networks, the average
    fig, (image_ax, ax) = plt.subplots(
        1, 2, figsize=(9, 0.3 * len(rows) + 0.3), gridspec_kw={"width_ratios": [1, 3]}
    )
    image_ax.imshow(np.asarray(image), cmap=IMAGE_CMAP)
    image_ax.set(xticks=[], yticks=[], frame_on=False)
    image_ax.set_title(image_title or f"label {label}")
    at_y = np.arange(len(rows))  # one row of two bars per network, then the average
    label_bars = ax.barh(
        at_y - 0.2, rows[:, label], height=0.4, color="tab:blue", label=f"{label}, the label"
    )
    rival_bars = ax.barh(
        at_y + 0.2, rows[:, rival], height=0.4, color="tab:orange", label=f"{rival}, the rival"
    )
    if annotate:  # each bar's value at its end; the axis runs past 1 to leave them room
        for bars in (label_bars, rival_bars):
            ax.bar_label(bars, fmt="%.2f", padding=2, fontsize=7)
    # ylim reversed: the first network on top, the average at the bottom
    xlim = (0, 1.1) if annotate else (0, 1)
    ax.set(yticks=at_y, yticklabels=[*names, "average (ensemble)"], xlim=xlim)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1])
    ax.set(ylim=(len(rows) - 0.5, -0.5), xlabel="probability", title=title)
    ax.legend(title="digit", fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    return fig


def plot_error_histogram(
    draws: np.ndarray,
    mean_errors: float,
    noise: float,
    marks: dict[str, float],
    *,
    title: str | None = None,
    xlabel: str = "test errors of one network",
    marks_label: str = "marks",
    band: tuple[float, float] | None = None,
    band_label: str | None = None,
    noise_lines: bool = True,
) -> plt.Figure:
    """Histogram of simulated error counts, with its average, its noise and marks under it.

    The histogram (one bar per count) gets a solid line at the average, labelled with its
    value, dashed lines one noise either side and dotted lines two noises either side,
    named in a legend outside the axes. Under it, on the same x axis, a strip draws one
    coloured triangle per mark, labelled with its name and value, so the marks do not
    crowd the noise lines.

    Parameters
    ----------
    draws
        The simulated error counts, one per simulated test set (ints).
    mean_errors
        The average error count.
    noise
        One standard deviation of the error count.
    marks
        Name → error count, e.g. ``{"goal": 35, "floor": 40}``; drawn in the strip, in
        order.
    title
        Title over the histogram.
    xlabel
        Label of the shared x axis.
    marks_label
        Label of the strip of marks, left of it.
    band
        ``(low, high)`` error counts of a span to shade across the histogram and the strip,
        e.g. two noises either side of a mark; none when None.
    band_label
        The band's name in the legend.
    noise_lines
        Whether to draw the lines one and two noises either side of the average; without
        them (False) the band, if any, is the only span drawn.

    Returns
    -------
    The figure: the histogram's axes first, then the strip's.
    """
    draws = np.asarray(draws)
    if draws.ndim != 1 or len(draws) == 0:
        raise ValueError(f"expected a 1-D array of draws, got shape {draws.shape}.")
    if not noise > 0:
        raise ValueError(f"the noise must be positive, got {noise!r}.")
    if band is not None and not band[0] < band[1]:
        raise ValueError(f"a band runs from low to high, got {band!r}.")
    fig, (ax, strip) = plt.subplots(2, 1, figsize=(8.5, 3.8), sharex=True, height_ratios=[4, 1])
    if band is not None:  # shaded under everything else, in the histogram and in the strip
        for axes, label in [(ax, band_label), (strip, None)]:
            axes.axvspan(*band, color=COLOUR_BLIND_SAFE[2], alpha=0.15, lw=0, label=label)
    ax.hist(draws, bins=np.arange(draws.min(), draws.max() + 2) - 0.5, color="silver")
    ax.axvline(mean_errors, color="black", label="average")
    ax.annotate(  # the average's value, just above the axes
        f"average {mean_errors:.0f}",
        (mean_errors, 1),
        xycoords=("data", "axes fraction"),
        xytext=(0, 3),
        textcoords="offset points",
        ha="center",
        va="bottom",
        size=9,
    )
    for k, style in [(1, "--"), (2, ":")] if noise_lines else []:
        for side in (-1, 1):
            low, high = mean_errors - k * noise, mean_errors + k * noise
            label = f"{k} × noise either side ({low:.0f} and {high:.0f})" if side == 1 else None
            ax.axvline(mean_errors + side * k * noise, color="black", linestyle=style, label=label)
    ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1))  # outside, off the lines
    ax.set_ylabel("simulated test sets")
    if title:
        ax.set_title(title, pad=16)  # room for the average's value
    colours = [COLOUR_BLIND_SAFE[i % len(COLOUR_BLIND_SAFE)] for i in (2, 0, 4, 3, 1, 5, 6)]
    for (name, errors), colour in zip(marks.items(), colours, strict=False):
        strip.plot(errors, 1, marker="^", markersize=9, color=colour)
        strip.text(errors, 0.5, f"{name}\n{errors:g}", ha="center", va="top", size=9, color=colour)
    strip.set(ylim=(-1.6, 1.6), yticks=[], xlabel=xlabel, frame_on=False)
    strip.grid(False)  # no grid lines through the marks
    strip.set_ylabel(marks_label, rotation=0, ha="right", va="center", size=9)
    fig.tight_layout()
    return fig


def plot_metric_curves(
    x_values: Sequence[float],
    results: dict[str, Sequence[float]],
    *,
    xlabel: str,
    ylabel: str = "accuracy",
    title: str | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw one line per model of a metric against a setting (e.g. accuracy against noise).

    Parameters
    ----------
    x_values
        The settings tried, e.g. rotation angles.
    results
        Model name → the metric at each setting (same length as ``x_values``).
    xlabel, ylabel
        Axis labels.
    title
        Title of the axes.
    ax
        Axes to draw on; a new figure is made when omitted.

    Returns
    -------
    The axes drawn on.
    """
    if not results:
        raise ValueError("plot_metric_curves needs at least one named result.")
    for name, values in results.items():
        if len(values) != len(x_values):
            raise ValueError(
                f"{name!r} has {len(values)} values for {len(x_values)} settings; they must match."
            )
    if ax is None:
        _, ax = plt.subplots(figsize=(4.6, 3.4))
    for index, (name, values) in enumerate(results.items()):
        ax.plot(x_values, values, marker="o", color=DIGIT_PALETTE[index % 10], label=name)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8)
    if title:
        ax.set_title(title)
    return ax


def plot_race(
    curves: dict[str, tuple[Sequence[float], Sequence[float]]],
    *,
    reference: float | None = None,
    ax: plt.Axes | None = None,
    reference_label: str | None = None,
    legend_below: bool = False,
    seconds_ticks: bool = False,
    error_ticks: Sequence[float] | None = None,
    legend_fontsize: float = 10,
    colours: Sequence[str] | None = None,
    line_width: float = 1.2,
    marker_size: float = 4,
    line_styles: Sequence[str] | None = None,
    end_labels: Sequence[str | None] | None = None,
    end_label_offsets: Sequence[tuple[float, float] | None] | None = None,
    max_markers: int | None = None,
) -> plt.Axes:
    """Draw test error against training time, one line per network (a point per epoch).

    Both axes are logarithmic, so halving the errors is the same step everywhere. The lines
    are drawn thin, in ``COLOUR_BLIND_SAFE`` colours (told apart with colour blindness), each
    with its own marker from ``LINE_MARKERS``, so that lines that cross stay apart.

    Parameters
    ----------
    curves
        Network name → (cumulative training seconds, test accuracy), one value per epoch.
        A single point (e.g. an ensemble) is drawn as a black star.
    reference
        An accuracy to mark with a dashed line, e.g. a label-noise reference.
    ax
        Axes to draw on; a new figure is made when omitted.
    reference_label
        Text beside the dashed line of ``reference``; ``reference ≈ … % accuracy`` when
        omitted.
    legend_below
        Put the legend under the axes, in two columns, instead of inside them.
    seconds_ticks
        Label the time axis at 10, 100, 1000 … seconds as ``10 s``, ``100 s``, ``1000 s``.
    error_ticks
        Where to mark the error axis, in percent; 0.1, 0.2, 0.5, 1, 2, 5 … when omitted.
    legend_fontsize
        Font size of the legend's entries.
    colours
        One colour per curve, in the order of ``curves``, in place of the default colours.
    line_width, marker_size
        Width of the lines and size of the epoch markers (a single point's star is 2.5 times
        the marker size).
    line_styles
        One Matplotlib line style per curve (``"-"``, ``"--"``, ``":"`` …), in the order of
        ``curves``, so that lines that run close together stay apart; solid when omitted.
    end_labels
        One short label per curve, written in black just right of its last point (``None``:
        none for that curve), so that a line can be named without the legend.
    end_label_offsets
        One (right, up) offset in points per curve, from its last point to its end label,
        to move a label clear of the data (``None``: the default, 6 points right).
    max_markers
        At most this many markers per line, evenly spread over its epochs, the first and last
        always marked, so that long runs that cross stay readable (``None``: one per epoch).

    Returns
    -------
    The axes drawn on.
    """
    if not curves:
        raise ValueError("plot_race needs at least one network's curve.")
    if max_markers is not None and max_markers < 2:
        raise ValueError(
            f"max_markers must be at least 2 (the first and last epoch), got {max_markers}."
        )
    for name, (seconds, accuracy) in curves.items():
        if len(seconds) != len(accuracy) or len(seconds) == 0:
            raise ValueError(
                f"{name!r} has {len(seconds)} times and {len(accuracy)} accuracies; "
                "they must match and not be empty."
            )
        if np.any(np.asarray(seconds) <= 0) or np.any(
            (np.asarray(accuracy) < 0) | (np.asarray(accuracy) >= 1)
        ):
            raise ValueError(f"{name!r} needs positive seconds and accuracies in [0, 1).")
    for option, values in [
        ("colours", colours),
        ("line_styles", line_styles),
        ("end_labels", end_labels),
        ("end_label_offsets", end_label_offsets),
    ]:
        if values is not None and len(values) != len(curves):
            raise ValueError(f"{option} has {len(values)} entries for {len(curves)} curves.")
    if ax is None:
        _, ax = plt.subplots(figsize=(7.0, 4.2))
    line_index, drawn = 0, []
    for index, (name, (seconds, accuracy)) in enumerate(curves.items()):
        errors = 100 * (1 - np.asarray(accuracy, dtype=float))
        if len(errors) == 1:
            color, style = "black", {"marker": "*", "markersize": 2.5 * marker_size}
        else:
            color = COLOUR_BLIND_SAFE[line_index % len(COLOUR_BLIND_SAFE)]
            style = {"marker": LINE_MARKERS[line_index % len(LINE_MARKERS)]}
            style["markersize"] = marker_size
            if max_markers is not None and len(errors) > max_markers:
                spread = np.linspace(0, len(errors) - 1, max_markers)
                style["markevery"] = sorted({int(i) for i in np.round(spread)})
            line_index += 1
        if colours is not None:
            color = colours[index]
        if line_styles is not None:
            style["linestyle"] = line_styles[index]
        drawn += ax.plot(seconds, errors, color=color, label=name, linewidth=line_width, **style)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ticks = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50] if error_ticks is None else list(error_ticks)
    ax.yaxis.set_major_locator(mpl.ticker.FixedLocator(ticks))
    ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: f"{v:g} %"))
    ax.yaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    if seconds_ticks:
        ax.xaxis.set_major_locator(mpl.ticker.LogLocator(base=10))
        ax.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: f"{v:g} s"))
        ax.xaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    if reference is not None:
        ax.axhline(100 * (1 - reference), color="0.3", linestyle="--", linewidth=1)
        ax.text(
            0.01,
            100 * (1 - reference),
            reference_label or f" reference ≈ {100 * reference:.2f} % accuracy",
            transform=ax.get_yaxis_transform(),
            va="bottom",
            fontsize=10,
            color="0.2",
        )
    for index, line in enumerate(drawn):
        if end_labels is not None and end_labels[index]:
            offset = end_label_offsets[index] if end_label_offsets is not None else None
            ax.annotate(
                end_labels[index],
                (line.get_xdata()[-1], line.get_ydata()[-1]),
                xytext=offset or (6, 0),  # points right of (and above) the last point
                textcoords="offset points",
                va="center",
                fontsize=9,
                color="black",  # dark, readable over any line's colour
            )
    ax.set_xlabel("training seconds (cumulative, log scale)")
    ax.set_ylabel("test error (1 − accuracy, log scale)")
    if legend_below:
        ax.legend(
            fontsize=legend_fontsize, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=2
        )
    else:
        ax.legend(fontsize=legend_fontsize)
    return ax


def plot_family_curves(
    families: dict[str, Sequence[Sequence[float]]],
    *,
    ylabel: str,
    title: str | None = None,
    ylim: tuple[float, float] | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw one curve per run against the epoch, one colour and line style per family of runs.

    Parameters
    ----------
    families
        Family name (the legend's entry) → one sequence of values per run, one value per epoch.
    ylabel
        Label of the vertical axis, e.g. ``"validation accuracy"``.
    title
        Title of the axes.
    ylim
        Limits of the vertical axis; matplotlib's choice when omitted.
    ax
        Axes to draw on; a new figure is made when omitted.

    Returns
    -------
    The axes drawn on, with one legend entry per family (outside, on the right).
    """
    if not families or any(len(runs) == 0 for runs in families.values()):
        raise ValueError("plot_family_curves needs at least one family with at least one run.")
    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 3.6))
    styles = ["-", "--", ":", "-."]
    handles = []
    for index, runs in enumerate(families.values()):
        for run in runs:
            (line,) = ax.plot(
                np.arange(1, len(run) + 1),
                run,
                color=DIGIT_PALETTE[index % 10],
                linestyle=styles[index % len(styles)],
                linewidth=1.2,
                alpha=0.8,
            )
        handles.append(line)
    ax.legend(handles, list(families), loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8)
    ax.set_xlabel("epoch")
    ax.set_ylabel(ylabel)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if ylim is not None:
        ax.set_ylim(*ylim)
    if title:
        ax.set_title(title)
    ax.figure.tight_layout()
    return ax


def plot_heat_maps(
    images: np.ndarray,
    heat_rows: dict[str, np.ndarray],
    *,
    extents: dict[str, tuple[float, float, float, float]] | None = None,
    titles: Sequence[str] | None = None,
    title_colors: Sequence[str] | None = None,
    show_images: bool = True,
    colour_bar_labels: dict[str, str] | None = None,
) -> plt.Figure:
    """Draw images and, under each, heat maps in [0, 1] with the digit's outline on top.

    Every heat map is drawn on one colour scale, from 0 (white) to 1 (dark red), with a colour
    bar per row; the outline is the contour where the image reaches half its full ink.

    Parameters
    ----------
    images
        The images the maps explain, shape (n, 28, 28), values in [0, 1].
    heat_rows
        Row label → heat maps of shape (n, h, w), one per image, values in [0, 1].
    extents
        Row label → (left, right, bottom, top) in pixel coordinates, where that row's maps are
        placed (``imshow``'s ``extent``), with a dashed frame; rows not named here are drawn
        one value per pixel.
    titles, title_colors
        One title (and its colour) per column.
    show_images
        Draw the images themselves in a first row.
    colour_bar_labels
        Row label → the label of that row's colour bar, e.g. for maps drawn as a square root;
        ``"share of peak"`` for rows not named here.

    Returns
    -------
    The figure.
    """
    images = _check_images(images)
    count = len(images)
    for label, maps in heat_rows.items():
        if len(maps) != count:
            raise ValueError(
                f"row {label!r} has {len(maps)} maps for {count} images; give one each."
            )
    if titles is not None and len(titles) != count:
        raise ValueError(f"got {len(titles)} titles for {count} images; give one per image.")
    extents = extents or {}
    labels = (["image"] if show_images else []) + list(heat_rows)
    fig, axes = plt.subplots(
        len(labels),
        count,
        figsize=(1.6 * count + 1, 1.8 * len(labels) + 0.3),
        squeeze=False,
        layout="constrained",
    )
    for row, label in enumerate(labels):
        for column in range(count):
            ax = axes[row, column]
            if label == "image":
                ax.imshow(images[column], cmap=IMAGE_CMAP, vmin=0, vmax=1)
            else:
                extent = extents.get(label)
                shown = ax.imshow(
                    heat_rows[label][column], cmap="Reds", vmin=0, vmax=1, extent=extent
                )
                ax.contour(images[column], levels=[0.5], colors="tab:blue", linewidths=1)
                if extent is not None:
                    left, right, bottom, top = extent
                    frame = plt.Rectangle(
                        (left, top), right - left, bottom - top, fill=False, ls="--", color="grey"
                    )
                    ax.add_patch(frame)
            ax.set(xlim=(-0.5, 27.5), ylim=(27.5, -0.5), xticks=[], yticks=[])
            ax.grid(False)
            ax.spines[:].set_visible(True)
        axes[row, 0].set_ylabel(label)
        if label != "image":
            bar_label = (colour_bar_labels or {}).get(label, "share of peak")
            fig.colorbar(shown, ax=axes[row, :], shrink=0.9).set_label(bar_label)
    if titles is not None:
        for column, title in enumerate(titles):
            color = title_colors[column] if title_colors is not None else "black"
            axes[0, column].set_title(title, fontsize=10, fontweight="normal", color=color)
    return fig


def plot_metric_panels(
    panels: dict[str, tuple[Sequence[float], dict[str, Sequence[float]]]],
    *,
    ylabel: str = "accuracy",
    ylim: tuple[float, float] | None = (0, 1.02),
) -> plt.Figure:
    """Draw :func:`plot_metric_curves` side by side, one panel per setting, one legend on top.

    Parameters
    ----------
    panels
        Horizontal-axis label → (the settings tried, model name → the metric at each).
    ylabel
        Label of the first panel's vertical axis (the panels share it).
    ylim
        Limits of the shared vertical axis.

    Returns
    -------
    The figure.
    """
    if not panels:
        raise ValueError("plot_metric_panels needs at least one panel.")
    fig, axes = plt.subplots(
        1, len(panels), figsize=(4.3 * len(panels), 4.2), sharey=True, squeeze=False
    )
    for ax, (xlabel, (x_values, results)) in zip(axes[0], panels.items(), strict=True):
        plot_metric_curves(x_values, results, xlabel=xlabel, ylabel="", ax=ax)
        ax.get_legend().remove()
    axes[0, 0].set_ylabel(ylabel)
    if ylim is not None:
        axes[0, 0].set_ylim(*ylim)
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper center", ncol=len(labels), fontsize=11)
    fig.tight_layout(rect=(0, 0, 1, 0.9))
    return fig


def plot_pixels(
    image: np.ndarray,
    title: str,
    *,
    cmap: str = IMAGE_CMAP,
    vmax: float = 1.0,
    cross: tuple[int, int] | None = None,
) -> plt.Figure:
    """Draw one image at its size in pixels, framed, with pixel axes and a colour bar.

    Parameters
    ----------
    image
        A 2-D array (height, width).
    title
        Title of the axes.
    cmap
        Colour map; the series' dark-ink-on-light-page map by default.
    vmax
        The value drawn darkest (with ``IMAGE_CMAP``); 0 is drawn lightest.
    cross
        (row, column) of a red cross, with a legend entry, e.g. the frame's centre.

    Returns
    -------
    The figure.
    """
    image = np.asarray(image)
    if image.ndim != 2:
        raise ValueError(f"expected one 2-D image (height, width), got shape {image.shape}.")
    fig, ax = plt.subplots(figsize=(3.4, 2.8))
    shown = ax.imshow(image, cmap=cmap, vmin=0, vmax=vmax)
    fig.colorbar(shown, ax=ax, shrink=0.8, label="value")
    if cross is not None:
        ax.plot(
            cross[1],
            cross[0],
            "+",
            color="crimson",
            ms=14,
            mew=2,
            label=f"target: row {cross[0]}, column {cross[1]}",
        )
    ax.set(title=title, xlabel="column (pixel)", ylabel="row (pixel)")
    ax.spines[:].set_visible(True)  # the page's edges
    ax.grid(False)
    return fig


def plot_pictures(
    pictures: Sequence[object],
    *,
    titles: Sequence[str] | None = None,
    side: int = 90,
    ncols: int | None = None,
    cell_size: float = 1.2,
) -> plt.Figure:
    """Draw PIL pictures of any size and mode side by side, each scaled to fit one square.

    Each picture keeps its aspect ratio, is drawn over white paper (so transparent parts show
    white) and framed by a thin grey line.

    Parameters
    ----------
    pictures
        PIL images (``PIL.Image.Image``), in any mode: RGB, RGBA, L, ...
    titles
        One short title per picture.
    side
        The square's side in pixels.
    ncols
        Pictures per row; all in one row by default.
    cell_size
        Width of one picture in the figure, in inches.

    Returns
    -------
    The figure.
    """
    from PIL import Image, ImageOps

    squares = []
    for picture in pictures:
        if not isinstance(picture, Image.Image):
            raise ValueError(f"expected PIL images, got {type(picture).__name__}.")
        image = picture.convert("RGBA")
        paper = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(paper, image).convert("RGB")
        image.thumbnail((side - 2, side - 2))  # keeps the aspect ratio
        framed = ImageOps.expand(image, border=1, fill=(150, 150, 150))
        square = Image.new("RGB", (side, side), (255, 255, 255))
        square.paste(framed, ((side - framed.width) // 2, (side - framed.height) // 2))
        squares.append(np.asarray(square))
    if not squares:
        raise ValueError("plot_pictures got no pictures to draw.")
    return plot_image_grid(
        np.stack(squares),
        titles=titles,
        ncols=ncols or len(squares),
        cell_size=cell_size,
        cmap=None,
    )


def _group_close_points(
    points: np.ndarray, *, x_span: float, y_span: float, share: float = 0.06
) -> list[tuple[int, int]]:
    """Group consecutive points that lie too close to label apart; return (first, last) pairs."""
    groups = [[0, 0]]
    for index in range(1, len(points)):
        first = points[groups[-1][0]]
        if (
            abs(points[index, 0] - first[0]) < share * x_span
            and abs(points[index, 1] - first[1]) < share * y_span
        ):
            groups[-1][1] = index
        else:
            groups.append([index, index])
    return [(first, last) for first, last in groups]


def plot_descent_paths(
    loss: Callable[[float], float],
    paths: dict[str, Sequence[float]],
    *,
    best: float,
    steps: int = 6,
) -> plt.Figure:
    """Draw gradient-descent paths on the curve of a one-weight loss, one panel per path.

    Each panel shows the loss curve (grey), the weight before the first step and after each of
    the next ``steps`` steps as numbered dots joined in order (red), and the best weight (dotted).
    Dots closer together than a label's width share one label, such as ``2–6``.

    Parameters
    ----------
    loss
        The loss as a function of the one weight ``w``.
    paths
        Panel title → the weights visited, starting weight first (e.g. ``"lr = 0.05"``).
    best
        The weight where the loss is lowest.
    steps
        How many steps of each path to draw.

    Returns
    -------
    The figure.

    Raises
    ------
    ValueError
        When there is no path, or a path is empty.
    """
    if not paths or any(len(path) == 0 for path in paths.values()):
        raise ValueError("plot_descent_paths needs at least one path, each with a starting weight.")
    fig, axes = plt.subplots(1, len(paths), figsize=(4 * len(paths), 3.8), squeeze=False)
    for ax, (title, path) in zip(axes[0], paths.items(), strict=True):
        path = np.asarray(path, dtype=float)[: steps + 1]
        low, high = min(path.min(), best - 1), max(path.max(), best + 1)
        grid = np.linspace(low - 0.3, high + 0.3, 200)
        curve = np.array([loss(w) for w in grid])
        points = np.column_stack([path, [loss(w) for w in path]])
        ax.plot(grid, curve, color="0.6")
        ax.plot(points[:, 0], points[:, 1], "o-", color="C3", markersize=4, linewidth=1)
        ax.axvline(best, color="0.3", linestyle=":", linewidth=1)
        ax.text(best, curve.max(), " best w", color="0.3", va="top", fontsize=9)
        groups = _group_close_points(points, x_span=grid[-1] - grid[0], y_span=curve.max())
        for first, last in groups:
            # Below the curve, on the outer side of the bowl: clear of the curve and the path.
            outward = -1 if points[first, 0] < best else 1
            ax.annotate(
                str(first) if first == last else f"{first}–{last}",
                points[first],
                textcoords="offset points",
                xytext=(6 * outward, -6),
                ha="right" if outward < 0 else "left",
                va="top",
                fontsize=9,
                color="C3",
                fontweight="bold",
            )
        ax.set_ylim(-0.08 * curve.max(), 1.05 * curve.max())
        ax.set(title=title, xlabel="w", ylabel="loss L(w)")
    fig.tight_layout()
    return fig


def plot_smoothed_losses(
    step_losses: dict[str, Sequence[float]],
    *,
    window: int = 50,
    title: str | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw each run's training loss per step as a moving average, on a log scale.

    Parameters
    ----------
    step_losses
        Run name → the loss of every training step, in order.
    window
        How many consecutive steps each plotted value averages.
    title
        Title of the axes.
    ax
        Axes to draw on; a new figure is made when omitted.

    Returns
    -------
    The axes drawn on.

    Raises
    ------
    ValueError
        When there is no run, or a run has fewer steps than ``window``.
    """
    if not step_losses:
        raise ValueError("plot_smoothed_losses needs at least one run's losses.")
    for name, losses in step_losses.items():
        if len(losses) < window:
            raise ValueError(f"{name!r} has {len(losses)} steps, fewer than window={window}.")
    if ax is None:
        _, ax = plt.subplots()
    for index, (name, losses) in enumerate(step_losses.items()):
        smoothed = np.convolve(np.asarray(losses, dtype=float), np.ones(window) / window, "valid")
        steps = np.arange(window, len(losses) + 1)
        ax.plot(steps, smoothed, color=DIGIT_PALETTE[index % 10], label=name)
    ax.set_yscale("log")
    ax.yaxis.set_major_locator(mpl.ticker.LogLocator(subs=(1.0, 2.0, 3.0, 5.0)))
    ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
    ax.yaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    ax.set_xlabel("step (one batch)")
    ax.set_ylabel(f"training loss (mean of {window} steps)")
    ax.legend(fontsize=8)
    if title:
        ax.set_title(title)
    return ax


def plot_weight_histograms(
    weights: dict[str, np.ndarray],
    *,
    bin_width: float = 0.005,
    limit: float = 0.25,
    title: str | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw the values of several networks' weights as outlined histograms on a log scale.

    One bin is centred on zero, so the weights that sit at zero show as one spike.

    Parameters
    ----------
    weights
        Network name → its weights (any shape; every value is counted).
    bin_width
        Width of each bin.
    limit
        The bins cover about ``-limit`` to ``limit``; values outside are not drawn.
    title
        Title of the axes.
    ax
        Axes to draw on; a new figure is made when omitted.

    Returns
    -------
    The axes drawn on.

    Raises
    ------
    ValueError
        When there are no weights, or ``bin_width`` or ``limit`` is not positive.
    """
    if not weights or any(np.size(values) == 0 for values in weights.values()):
        raise ValueError("plot_weight_histograms needs at least one non-empty set of weights.")
    if bin_width <= 0 or limit <= 0:
        raise ValueError(f"bin_width and limit must be positive, got {bin_width} and {limit}.")
    half_bins = int(np.ceil(limit / bin_width - 0.5))
    edges = bin_width * (np.arange(-half_bins, half_bins + 2) - 0.5)
    if ax is None:
        _, ax = plt.subplots()
    for index, (name, values) in enumerate(weights.items()):
        ax.hist(
            np.ravel(values),
            bins=edges,
            histtype="step",
            linewidth=1.5,
            color=DIGIT_PALETTE[index % 10],
            label=name,
        )
    ax.set_yscale("log")
    ax.set_xlabel("weight value")
    ax.set_ylabel("number of weights (log scale)")
    ax.legend(loc="upper left", fontsize=8)
    if title:
        ax.set_title(title)
    return ax


def add_shared_legend(
    fig: plt.Figure,
    names: Sequence[str],
    *,
    extra: dict[str, dict[str, object]] | None = None,
    ncols: int | None = None,
) -> mpl.legend.Legend:
    """Replace the panels' own legends with one legend above them, a plain line per entry.

    The lines take the series' colours in order (``DIGIT_PALETTE``, as the plotting functions
    here draw them), without markers, so the legend suits histograms and curves alike.

    Parameters
    ----------
    fig
        The figure; every legend of its axes is removed.
    names
        The entries in the order they were drawn: entry ``i`` gets ``DIGIT_PALETTE[i]``.
    extra
        Further entries after them: label → line style (``Line2D`` keywords, e.g.
        ``{"color": "0.3", "linestyle": ":"}``).
    ncols
        Columns of the legend; all entries in one row when omitted.

    Returns
    -------
    The legend.
    """
    handles = [
        mpl.lines.Line2D([], [], color=DIGIT_PALETTE[index % 10], linewidth=2, label=name)
        for index, name in enumerate(names)
    ]
    handles += [
        mpl.lines.Line2D([], [], label=label, **style) for label, style in (extra or {}).items()
    ]
    if not handles:
        raise ValueError("add_shared_legend needs at least one entry.")
    for ax in fig.axes:
        if ax.get_legend() is not None:
            ax.get_legend().remove()
    legend = fig.legend(
        handles=handles, loc="upper center", ncols=ncols or len(handles), fontsize=11
    )
    fig.tight_layout(rect=(0, 0, 1, 0.9))
    return legend


def plot_feature_maps(
    image: np.ndarray,
    feature_maps: Sequence[np.ndarray],
    titles: Sequence[str],
    *,
    image_title: str = "digit",
    cell_size: float = 3.3,
) -> plt.Figure:
    """Draw an image beside feature maps computed from it, the maps on one colour scale.

    The maps of an unpadded ("valid") filter are smaller than the image, so the image is drawn
    without the border they lost, to line up with them pixel for pixel. Red marks positive
    responses, blue negative, white zero; the colour bar is shared by every map.

    Parameters
    ----------
    image
        The (height, width) image the maps were computed from.
    feature_maps
        One or more (height − 2b, width − 2b) maps of the same shape, for a border ``b ≥ 0``.
    titles
        One title per map.
    image_title
        Title over the image; the size it is drawn at is added to it.
    cell_size
        Inches per panel.

    Returns
    -------
    The figure.

    Raises
    ------
    ValueError
        When there is no map, the maps differ in shape or are larger than the image, or the
        number of titles differs from the number of maps.
    """
    maps = [np.asarray(feature_map, dtype=float) for feature_map in feature_maps]
    if not maps:
        raise ValueError("plot_feature_maps needs at least one feature map.")
    if len(titles) != len(maps):
        raise ValueError(f"got {len(titles)} titles for {len(maps)} maps; give one per map.")
    shape = maps[0].shape
    if any(feature_map.shape != shape for feature_map in maps) or len(shape) != 2:
        raise ValueError("the feature maps must be 2-D and all of the same shape.")
    border = (image.shape[0] - shape[0]) // 2
    if border < 0 or image.shape[1] - 2 * border != shape[1]:
        raise ValueError(f"maps of shape {shape} do not fit an image of shape {image.shape}.")
    fig, axes = plt.subplots(1, len(maps) + 1, figsize=((len(maps) + 1) * cell_size, cell_size))
    axes[0].imshow(image[border : image.shape[0] - border, border : image.shape[1] - border])
    axes[0].set_title(f"{image_title} ({shape[0]} × {shape[1]} centre)")
    limit = max(np.abs(feature_map).max() for feature_map in maps) or 1.0
    for ax, feature_map, title in zip(axes[1:], maps, titles, strict=True):
        shown = ax.imshow(feature_map, cmap="RdBu_r", vmin=-limit, vmax=limit)
        ax.set_title(title)
    for ax in axes:
        ax.axis("off")
    fig.colorbar(shown, ax=axes[1:].tolist(), shrink=0.8).set_label("filter response")
    return fig


def plot_margins(
    margins: dict[str, float],
    bars: dict[str, float],
    *,
    title: str | None = None,
    xlabel: str = "margin (images): above (+) or below (−) the mark",
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw each margin as a dot with its bar either side, against a line at zero.

    A margin whose bar crosses the zero line is within luck: the dot could sit on either side
    of the mark. Rows are drawn top to bottom in the order of ``margins``.

    Parameters
    ----------
    margins
        Row name → margin, e.g. ``{"ensemble vs goal": -1.0}``.
    bars
        Row name → half-width of its bar (twice its noise), for every row of ``margins``.
    title
        Title of the axes.
    xlabel
        Label of the margin axis.
    ax
        Axes to draw on; a new figure is made when omitted.

    Returns
    -------
    The axes drawn on.
    """
    if not margins:
        raise ValueError("plot_margins needs at least one margin.")
    missing = [name for name in margins if name not in bars]
    if missing:
        raise ValueError(f"no bar for {missing}: give bars for every row of margins.")
    if ax is None:
        _, ax = plt.subplots(figsize=(7.0, 0.5 + 0.45 * len(margins)))
    rows = list(margins)
    positions = np.arange(len(rows))[::-1]  # the first row on top
    ax.axvline(0, color="black", linewidth=1)
    ax.errorbar(
        [margins[r] for r in rows],
        positions,
        xerr=[bars[r] for r in rows],
        fmt="o",
        color=COLOUR_BLIND_SAFE[0],
        capsize=4,
    )
    ax.set_yticks(positions, rows)
    ax.set_xlabel(xlabel)
    if title:
        ax.set_title(title)
    return ax


def plot_value_against_group(
    group: Sequence[float],
    value: float,
    *,
    bar: float,
    group_label: str,
    value_label: str,
    ylabel: str,
    title: str | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw a group's values as dots, their mean ± one spread, one more value, and a bar.

    The bar is two dashed lines at the group's mean ± ``bar``: a value beyond them lies
    beyond the group's luck. Each of the three things drawn has its own tick label.

    Parameters
    ----------
    group
        The group's values (e.g. four seeds' test errors); at least two.
    value
        The value set against them (e.g. the fifth seed's).
    bar
        Half the bar's width, in the values' unit (e.g. 3.6 spreads).
    group_label, value_label
        Tick labels for the group's dots and for the value.
    ylabel
        Label of the value axis.
    title
        Title of the axes.
    ax
        Axes to draw on; a new figure is made when omitted.

    Returns
    -------
    The axes drawn on.
    """
    group = np.asarray(group, dtype=float)
    if group.ndim != 1 or len(group) < 2:
        raise ValueError(f"a group needs at least two values, got {group.tolist()}.")
    if not bar > 0:
        raise ValueError(f"the bar must be positive, got {bar!r}.")
    if ax is None:
        _, ax = plt.subplots(figsize=(5.0, 3.8))
    mean, spread = group.mean(), group.std(ddof=1)
    ax.scatter(np.linspace(-0.1, 0.1, len(group)), group, color=COLOUR_BLIND_SAFE[0], zorder=3)
    ax.errorbar([1], [mean], yerr=[spread], fmt="o", color="black", capsize=4, zorder=3)
    ax.scatter([2], [value], marker="^", s=80, color="black", zorder=4)
    for level in (mean - bar, mean + bar):
        ax.axhline(level, color="grey", linestyle="--")
    ax.text(2.4, mean + bar, f"bar: {mean - bar:.0f} to {mean + bar:.0f}", ha="right", va="bottom")
    ax.set_xticks([0, 1, 2], [group_label, "their mean\n± one spread", value_label])
    ax.set_xlim(-0.5, 2.5)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return ax
