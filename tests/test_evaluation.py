"""Tests of helpers.evaluation on small hand-made arrays whose right answers are known."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import evaluation as ev

# Four examples, three classes. Predictions: 0 (right), 1 (wrong, true 2), 2 (right), 0 (wrong).
Y_TRUE = np.array([0, 2, 2, 1])
PROBS = np.array(
    [
        [0.8, 0.1, 0.1],  # true 0, predicted 0 with 0.8
        [0.1, 0.6, 0.3],  # true 2, predicted 1 with 0.6; true class ranked 2nd
        [0.2, 0.1, 0.7],  # true 2, predicted 2 with 0.7
        [0.9, 0.05, 0.05],  # true 1, predicted 0 with 0.9; true class ranked 2nd (tie)
    ]
)
Y_PRED = PROBS.argmax(axis=1)


def test_confusion_matrix_counts():
    expected = np.array([[1, 0, 0], [1, 0, 0], [0, 1, 1]])
    np.testing.assert_array_equal(ev.confusion_matrix(Y_TRUE, Y_PRED, n_classes=3), expected)


def test_confusion_matrix_normalised_rows_are_recalls():
    shares = ev.confusion_matrix(Y_TRUE, Y_PRED, n_classes=3, normalize=True)
    np.testing.assert_allclose(shares, [[1, 0, 0], [1, 0, 0], [0, 0.5, 0.5]])


def test_confusion_matrix_leaves_absent_classes_at_zero():
    shares = ev.confusion_matrix(np.array([0, 0]), np.array([0, 1]), n_classes=3, normalize=True)
    np.testing.assert_allclose(shares[2], 0)


@pytest.mark.parametrize(
    "y_true, y_pred, message",
    [
        (np.array([0, 1]), np.array([0]), "2 labels but y_pred has 1"),
        (np.array([0, 3]), np.array([0, 1]), r"outside 0…2"),
        (np.array([0.0, 1.0]), np.array([0, 1]), "integer class labels"),
        (np.zeros((2, 2), int), np.array([0, 1]), "1-D array"),
    ],
)
def test_confusion_matrix_rejects_bad_labels(y_true, y_pred, message):
    with pytest.raises(ValueError, match=message):
        ev.confusion_matrix(y_true, y_pred, n_classes=3)


def test_per_class_report_known_values():
    report = ev.per_class_report(Y_TRUE, Y_PRED, n_classes=3)
    # class 0: predicted twice, right once -> precision 0.5; recall 1/1; f1 2/3
    assert report.loc[0, "precision"] == pytest.approx(0.5)
    assert report.loc[0, "recall"] == pytest.approx(1.0)
    assert report.loc[0, "f1"] == pytest.approx(2 / 3)
    # class 1: never right -> all zero, support 1
    assert report.loc[1, ["precision", "recall", "f1"]].tolist() == [0, 0, 0]
    # class 2: predicted once, right -> precision 1, recall 1/2
    assert report.loc[2, "precision"] == pytest.approx(1.0)
    assert report.loc[2, "recall"] == pytest.approx(0.5)
    assert report["support"].tolist() == [1, 1, 2]


def test_top_k_accuracy():
    assert ev.top_k_accuracy(Y_TRUE, PROBS, k=1) == pytest.approx(0.5)
    assert ev.top_k_accuracy(Y_TRUE, PROBS, k=2) == pytest.approx(1.0)
    assert ev.top_k_accuracy(Y_TRUE, PROBS, k=3) == pytest.approx(1.0)


def test_top_k_accuracy_rejects_impossible_k():
    with pytest.raises(ValueError, match="k must be between 1 and 3"):
        ev.top_k_accuracy(Y_TRUE, PROBS, k=4)


def test_probabilities_must_match_labels_and_be_2d():
    with pytest.raises(ValueError, match="4 labels but 3 rows"):
        ev.top_k_accuracy(Y_TRUE, PROBS[:3])
    with pytest.raises(ValueError, match=r"shape \(examples, classes\)"):
        ev.per_example_loss(Y_TRUE, PROBS[:, 0])
    with pytest.raises(ValueError, match="NaN"):
        ev.per_example_loss(Y_TRUE, np.full((4, 3), np.nan))


def test_per_example_loss_is_minus_log_of_true_probability():
    np.testing.assert_allclose(ev.per_example_loss(Y_TRUE, PROBS), -np.log([0.8, 0.3, 0.7, 0.05]))


def test_per_example_loss_is_finite_for_zero_probability():
    loss = ev.per_example_loss(np.array([1]), np.array([[1.0, 0.0]]))
    assert np.isfinite(loss).all() and loss[0] == pytest.approx(-np.log(1e-12))


def test_most_confident_mistakes_order():
    np.testing.assert_array_equal(ev.most_confident_mistakes(Y_TRUE, PROBS), [3, 1])
    np.testing.assert_array_equal(ev.most_confident_mistakes(Y_TRUE, PROBS, count=1), [3])


def test_highest_loss_indices_order():
    np.testing.assert_array_equal(ev.highest_loss_indices(Y_TRUE, PROBS, count=3), [3, 1, 2])


def test_reliability_table_bins():
    table = ev.reliability_table(Y_TRUE, PROBS, n_bins=5)
    # confidences 0.8, 0.6, 0.7, 0.9 -> bins (0.4, 0.6], (0.6, 0.8] twice, (0.8, 1.0]
    assert table["count"].tolist() == [1, 2, 1]
    np.testing.assert_allclose(table["confidence"], [0.6, 0.75, 0.9])
    np.testing.assert_allclose(table["accuracy"], [0.0, 1.0, 0.0])


def test_expected_calibration_error_known_value():
    # |0.6-0| * 1/4 + |0.75-1| * 2/4 + |0.9-0| * 1/4 = 0.15 + 0.125 + 0.225
    assert ev.expected_calibration_error(Y_TRUE, PROBS, n_bins=5) == pytest.approx(0.5)


def test_perfectly_calibrated_model_has_zero_error():
    # Always 100 % sure and always right.
    labels = np.array([0, 1, 2])
    assert ev.expected_calibration_error(labels, np.eye(3)) == pytest.approx(0.0)


def test_reliability_table_rejects_zero_bins():
    with pytest.raises(ValueError, match="n_bins"):
        ev.reliability_table(Y_TRUE, PROBS, n_bins=0)


def test_average_probabilities_is_the_mean_and_rows_sum_to_one():
    a = np.array([[0.9, 0.1], [0.2, 0.8]])
    b = np.array([[0.5, 0.5], [0.6, 0.4]])
    mean = ev.average_probabilities([a, b])
    np.testing.assert_allclose(mean, [[0.7, 0.3], [0.4, 0.6]])
    np.testing.assert_allclose(mean.sum(axis=1), 1.0)


@pytest.mark.parametrize(
    ("arrays", "message"),
    [
        ([], "at least one"),
        ([np.ones((2, 3)) / 3, np.ones((3, 3)) / 3], "same shape"),
        ([np.ones(3) / 3], "same shape"),
        ([np.array([[np.nan, 1.0]])], "NaN"),
    ],
)
def test_average_probabilities_rejects_bad_input(arrays, message):
    with pytest.raises(ValueError, match=message):
        ev.average_probabilities(arrays)


def test_accuracy_counts_the_most_probable_class():
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    assert ev.accuracy(np.array([0, 1, 1]), probabilities) == pytest.approx(2 / 3)


def test_top_confusions_orders_by_count_then_digits_the_same_everywhere():
    y_true = np.array([4, 4, 4, 7, 7, 7, 2, 2, 5, 1])
    y_pred = np.array([9, 9, 4, 2, 2, 7, 7, 7, 3, 1])
    table = ev.top_confusions(y_true, y_pred, count=3)
    assert table["true → predicted"].tolist() == ["2 → 7", "4 → 9", "7 → 2"]
    assert table["images"].tolist() == [2, 2, 2]
