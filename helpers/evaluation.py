"""Measure a classifier honestly: confusion matrices, per-class scores, calibration.

Every function takes integer labels and/or predicted probabilities (one row per example,
one column per class, rows summing to 1) and returns numbers or tables; nothing here
trains or plots.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import precision_recall_fscore_support

__all__ = [
    "accuracy",
    "average_probabilities",
    "confusion_matrix",
    "expected_calibration_error",
    "highest_loss_indices",
    "most_confident_mistakes",
    "per_class_report",
    "per_example_loss",
    "reliability_table",
    "top_confusions",
    "top_k_accuracy",
]


def _check_labels(y_true: np.ndarray, n_classes: int, name: str = "y_true") -> np.ndarray:
    labels = np.asarray(y_true)
    if labels.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of integer labels, got shape {labels.shape}.")
    if labels.size and not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(
            f"{name} must hold integer class labels, got dtype {labels.dtype}; "
            "for probabilities use probabilities.argmax(axis=1)."
        )
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(
            f"{name} holds labels from {labels.min()} to {labels.max()}, outside 0…{n_classes - 1}."
        )
    return labels


def _check_probabilities(y_true: np.ndarray, probabilities: np.ndarray) -> tuple[np.ndarray, ...]:
    probabilities = np.asarray(probabilities, dtype=np.float64)
    if probabilities.ndim != 2:
        raise ValueError(
            "probabilities must have shape (examples, classes), e.g. model.predict(x); "
            f"got shape {probabilities.shape}."
        )
    if np.isnan(probabilities).any():
        raise ValueError("probabilities contain NaN; check the model's output.")
    labels = _check_labels(y_true, probabilities.shape[1])
    if len(labels) != len(probabilities):
        raise ValueError(
            f"got {len(labels)} labels but {len(probabilities)} rows of probabilities; "
            "they must match."
        )
    return labels, probabilities


def average_probabilities(probabilities: list[np.ndarray]) -> np.ndarray:
    """Average several models' predicted probabilities (a soft-voting ensemble).

    Parameters
    ----------
    probabilities
        One array of shape (examples, classes) per model, all for the same examples.

    Returns
    -------
    Their mean, of the same shape; its rows still sum to 1.

    Raises
    ------
    ValueError
        When the list is empty, the shapes differ, or an array holds NaN.
    """
    if len(probabilities) == 0:
        raise ValueError("average_probabilities needs at least one model's probabilities.")
    arrays = [np.asarray(p, dtype=np.float64) for p in probabilities]
    shapes = {a.shape for a in arrays}
    if len(shapes) != 1 or arrays[0].ndim != 2:
        raise ValueError(
            "every model's probabilities must have the same shape (examples, classes); "
            f"got {sorted(shapes)}."
        )
    if any(np.isnan(a).any() for a in arrays):
        raise ValueError("probabilities contain NaN; check the models' outputs.")
    return np.mean(arrays, axis=0)


def confusion_matrix(
    y_true: np.ndarray,
    y_pred: np.ndarray,
    *,
    n_classes: int = 10,
    normalize: bool = False,
) -> np.ndarray:
    """Count how often each true class (row) was predicted as each class (column).

    Parameters
    ----------
    y_true, y_pred
        Integer labels of the same length.
    n_classes
        Number of classes (rows and columns).
    normalize
        Divide each row by its total, so the diagonal holds each class's recall.
        Rows of classes that never occur stay 0.

    Returns
    -------
    An ``(n_classes, n_classes)`` array: int counts, or float shares when normalised.
    """
    true = _check_labels(y_true, n_classes)
    pred = _check_labels(y_pred, n_classes, name="y_pred")
    if len(true) != len(pred):
        raise ValueError(f"y_true has {len(true)} labels but y_pred has {len(pred)}.")
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(counts, (true, pred), 1)
    if not normalize:
        return counts
    totals = counts.sum(axis=1, keepdims=True)
    return np.divide(counts, totals, out=np.zeros(counts.shape), where=totals > 0)


def per_class_report(
    y_true: np.ndarray, y_pred: np.ndarray, *, n_classes: int = 10
) -> pd.DataFrame:
    """Precision, recall, F1 and support of each class, as a table.

    Parameters
    ----------
    y_true, y_pred
        Integer labels of the same length.
    n_classes
        Number of classes.

    Returns
    -------
    A DataFrame indexed by class with the columns precision, recall, f1 and support.
    """
    true = _check_labels(y_true, n_classes)
    pred = _check_labels(y_pred, n_classes, name="y_pred")
    if len(true) != len(pred):
        raise ValueError(f"y_true has {len(true)} labels but y_pred has {len(pred)}.")
    precision, recall, f1, support = precision_recall_fscore_support(
        true, pred, labels=np.arange(n_classes), zero_division=0
    )
    return pd.DataFrame(
        {"precision": precision, "recall": recall, "f1": f1, "support": support},
        index=pd.Index(np.arange(n_classes), name="digit"),
    )


def accuracy(y_true: np.ndarray, probabilities: np.ndarray) -> float:
    """Share of examples whose most probable class is the true label."""
    labels, probabilities = _check_probabilities(y_true, probabilities)
    return float(np.mean(probabilities.argmax(axis=1) == labels))


def top_confusions(y_true: np.ndarray, y_pred: np.ndarray, *, count: int = 5) -> pd.DataFrame:
    """The most frequent mistakes, as (true → predicted) pairs with their number of images.

    Parameters
    ----------
    y_true, y_pred
        Integer labels and predictions of the same length.
    count
        How many pairs to list.

    Returns
    -------
    A table with the columns ``true → predicted`` (e.g. ``"4 → 9"``) and ``images``, most
    frequent first; pairs with equal counts in the order of their true, then predicted
    digit, so the table is the same on every machine.
    """
    matrix = confusion_matrix(y_true, y_pred)
    np.fill_diagonal(matrix, 0)
    true, predicted = np.indices(matrix.shape)
    order = np.lexsort((predicted.ravel(), true.ravel(), -matrix.ravel()))[:count]
    rows, cols = true.ravel()[order], predicted.ravel()[order]
    return pd.DataFrame(
        {
            "true → predicted": [f"{r} → {c}" for r, c in zip(rows, cols, strict=True)],
            "images": matrix[rows, cols],
        }
    )


def top_k_accuracy(y_true: np.ndarray, probabilities: np.ndarray, *, k: int = 2) -> float:
    """Share of examples whose true class is among the ``k`` most probable ones."""
    labels, probabilities = _check_probabilities(y_true, probabilities)
    if not 1 <= k <= probabilities.shape[1]:
        raise ValueError(f"k must be between 1 and {probabilities.shape[1]}, got {k}.")
    true_probability = probabilities[np.arange(len(labels)), labels]
    # Rank of the true class = number of classes with a strictly higher probability.
    rank = (probabilities > true_probability[:, None]).sum(axis=1)
    return float((rank < k).mean())


def per_example_loss(y_true: np.ndarray, probabilities: np.ndarray) -> np.ndarray:
    """Cross-entropy ``-log p[true class]`` of each example (probabilities clipped at 1e-12)."""
    labels, probabilities = _check_probabilities(y_true, probabilities)
    return -np.log(np.clip(probabilities[np.arange(len(labels)), labels], 1e-12, 1.0))


def most_confident_mistakes(
    y_true: np.ndarray, probabilities: np.ndarray, *, count: int | None = None
) -> np.ndarray:
    """Indices of the misclassified examples, the most confident mistake first.

    Parameters
    ----------
    y_true
        Integer labels.
    probabilities
        Predicted probabilities, shape (examples, classes).
    count
        Return at most this many; all mistakes when omitted.
    """
    labels, probabilities = _check_probabilities(y_true, probabilities)
    predicted = probabilities.argmax(axis=1)
    wrong = np.flatnonzero(predicted != labels)
    confidence = probabilities[wrong, predicted[wrong]]
    ordered = wrong[np.argsort(-confidence, kind="stable")]
    return ordered if count is None else ordered[:count]


def highest_loss_indices(
    y_true: np.ndarray, probabilities: np.ndarray, *, count: int = 20
) -> np.ndarray:
    """Indices of the ``count`` examples with the highest loss, highest first.

    On training data these are often mislabelled or ambiguous images.
    """
    losses = per_example_loss(y_true, probabilities)
    return np.argsort(-losses, kind="stable")[:count]


def reliability_table(
    y_true: np.ndarray, probabilities: np.ndarray, *, n_bins: int = 10
) -> pd.DataFrame:
    """Group predictions by confidence and compare confidence with accuracy in each group.

    The confidence of a prediction is the probability of the predicted class. Bins are
    equal-width intervals of confidence in [0, 1]; empty bins are left out.

    Returns
    -------
    A DataFrame with one row per non-empty bin: ``bin_lower``, ``bin_upper``, ``count``,
    ``confidence`` (mean) and ``accuracy``.
    """
    labels, probabilities = _check_probabilities(y_true, probabilities)
    if n_bins < 1:
        raise ValueError(f"n_bins must be at least 1, got {n_bins}.")
    predicted = probabilities.argmax(axis=1)
    confidence = probabilities.max(axis=1)
    correct = predicted == labels
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    # Bin i holds confidences in (edges[i], edges[i+1]]; a confidence of 0 goes to bin 0.
    which = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, n_bins - 1)
    rows = []
    for b in range(n_bins):
        members = which == b
        if members.any():
            rows.append(
                {
                    "bin_lower": edges[b],
                    "bin_upper": edges[b + 1],
                    "count": int(members.sum()),
                    "confidence": float(confidence[members].mean()),
                    "accuracy": float(correct[members].mean()),
                }
            )
    return pd.DataFrame(rows)


def expected_calibration_error(
    y_true: np.ndarray, probabilities: np.ndarray, *, n_bins: int = 10
) -> float:
    """Expected calibration error: the count-weighted mean gap between confidence and accuracy.

    0 means that whenever the model says "90 % sure" it is right 90 % of the time.
    """
    table = reliability_table(y_true, probabilities, n_bins=n_bins)
    weights = table["count"] / table["count"].sum()
    return float((weights * (table["confidence"] - table["accuracy"]).abs()).sum())
