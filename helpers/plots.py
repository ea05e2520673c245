"""One plotting style for the whole series, and the figures the notebooks share.

Call :func:`use_style` once in a notebook's Setup cell. Every function here takes its
data as arguments, draws on the axes it is given (or on a new figure), and returns what
it drew on, so a notebook can add a title or save the figure.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

__all__ = [
    "DIGIT_PALETTE",
    "IMAGE_CMAP",
    "plot_class_balance",
    "plot_confusion_matrix",
    "plot_class_images",
    "plot_embedding",
    "plot_examples_per_class",
    "plot_image_grid",
    "plot_learning_curves",
    "plot_metric_curves",
    "plot_pixel_histogram",
    "plot_predictions",
    "plot_probabilities",
    "plot_race",
    "plot_reliability_diagram",
    "plot_spread",
    "use_style",
]

#: Colour map for digit images across the series: dark ink on a light page.
IMAGE_CMAP = "binary"

#: One colour per digit 0–9, the same in every figure of the series.
DIGIT_PALETTE: list[tuple[float, float, float]] = sns.color_palette("tab10", 10)


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
        The diagonal is left blank so the mistakes stand out; its values are the
        per-class recall (shares) or correct counts.
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

    Returns
    -------
    The figure.
    """
    indices = np.asarray(indices, dtype=int)
    if len(indices) == 0:
        raise ValueError("no examples to draw: indices is empty.")
    probabilities = np.asarray(probabilities)
    predicted = probabilities[indices].argmax(axis=1)
    confidence = probabilities[indices, predicted]
    true = np.asarray(y_true)[indices]
    titles = [
        f"true {t} → {p} ({percent_label(c)})"
        for t, p, c in zip(true, predicted, confidence, strict=True)
    ]
    colors = ["black" if t == p else "crimson" for t, p in zip(true, predicted, strict=True)]
    return plot_image_grid(
        np.asarray(images)[indices], titles=titles, title_colors=colors, ncols=ncols, cell_size=1.35
    )


def plot_reliability_diagram(
    tables: dict[str, object],
    *,
    title: str | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw accuracy against confidence per bin, for one or more models.

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
        sizes = 20 + 200 * np.sqrt(table["count"] / table["count"].sum())
        color = DIGIT_PALETTE[index % 10]
        ax.plot(table["confidence"], table["accuracy"], color=color, marker=None, label=name)
        ax.scatter(table["confidence"], table["accuracy"], s=sizes, color=color, alpha=0.7)
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("confidence (mean predicted probability in the bin)")
    ax.set_ylabel("accuracy in the bin")
    ax.legend(loc="upper left", fontsize=8)
    if title:
        ax.set_title(title)
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
    ceiling: float | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw test error against training time, one line per network (a point per epoch).

    Both axes are logarithmic, so halving the errors is the same step everywhere.

    Parameters
    ----------
    curves
        Network name → (cumulative training seconds, test accuracy), one value per epoch.
        A single point (e.g. an ensemble) is drawn as a star.
    ceiling
        An accuracy to mark with a dashed line, e.g. what label errors leave reachable.
    ax
        Axes to draw on; a new figure is made when omitted.

    Returns
    -------
    The axes drawn on.
    """
    if not curves:
        raise ValueError("plot_race needs at least one network's curve.")
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
    if ax is None:
        _, ax = plt.subplots(figsize=(7.0, 4.2))
    for index, (name, (seconds, accuracy)) in enumerate(curves.items()):
        errors = 100 * (1 - np.asarray(accuracy, dtype=float))
        style = {"marker": "*", "markersize": 14} if len(errors) == 1 else {"marker": "o"}
        ax.plot(seconds, errors, color=DIGIT_PALETTE[index % 10], label=name, **style)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.yaxis.set_major_locator(mpl.ticker.FixedLocator([0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50]))
    ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: f"{v:g} %"))
    ax.yaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    if ceiling is not None:
        ax.axhline(100 * (1 - ceiling), color="0.3", linestyle="--", linewidth=1)
        ax.text(
            0.01,
            100 * (1 - ceiling),
            f" label-error ceiling ≈ {100 * ceiling:.2f} % accuracy",
            transform=ax.get_yaxis_transform(),
            va="bottom",
            fontsize=8,
            color="0.3",
        )
    ax.set_xlabel("training seconds (cumulative, log scale)")
    ax.set_ylabel("test error (log scale)")
    ax.legend(fontsize=8)
    return ax
