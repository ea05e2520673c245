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
    "plot_class_images",
    "plot_embedding",
    "plot_examples_per_class",
    "plot_image_grid",
    "plot_pixel_histogram",
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
        Array of shape (n, height, width) or (n, height, width, 1).
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
        Write each digit at the median of its points.

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
        for label in np.unique(labels):
            centre = np.median(points[labels == label], axis=0)
            ax.text(
                centre[0],
                centre[1],
                str(label),
                fontsize=15,
                fontweight="bold",
                ha="center",
                va="center",
                color=DIGIT_PALETTE[int(label) % 10],
                bbox={"boxstyle": "circle,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8},
            )
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title)
    return ax
