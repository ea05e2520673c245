"""Tests of helpers.luck, the yardsticks notebook 11 writes: one score's noise, the paired test
of two networks on the same images, and the mean cross-entropy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import binomtest

from helpers.luck import gap_text, mean_loss, paired_gap, sampling_noise


def test_sampling_noise_is_the_binomial_standard_deviation():
    assert sampling_noise(10_000, 0.99) == pytest.approx(math.sqrt(10_000 * 0.99 * 0.01))
    assert sampling_noise(100, 1.0) == 0.0


def sure(digits):
    """Probabilities of a network sure of each answer."""
    return np.eye(10)[digits]


def test_paired_gap_counts_only_the_disagreements():
    y = np.array([0, 1, 2, 3, 4, 5])
    first = sure([0, 1, 2, 9, 9, 5])  # wrong on images 3 and 4
    second = sure([0, 1, 9, 3, 9, 9])  # wrong on images 2, 4 and 5
    b, c, p = paired_gap(first, second, y)
    assert (b, c) == (2, 1)  # images 2 and 5 only first; image 3 only second; 4 both wrong
    assert p == pytest.approx(binomtest(2, 3, 0.5).pvalue) and p == 1.0
    assert b - c == np.sum(second.argmax(1) != y) - np.sum(first.argmax(1) != y)


def test_paired_gap_of_identical_networks_is_no_evidence():
    y = np.array([0, 1, 2])
    assert paired_gap(sure([0, 1, 9]), sure([0, 1, 9]), y) == (0, 0, 1.0)


def test_paired_gap_matches_the_hand_count():
    y = np.arange(10) % 10
    first = sure(y)
    second = sure([9, 9, 9, 9, 4, 5, 6, 7, 8, 9])  # 4 images only the first gets right
    b, c, p = paired_gap(first, second, y)
    assert (b, c) == (4, 0) and p == pytest.approx(2 * 0.5**4)


def test_gap_text_reads_the_lead():
    assert gap_text(25, 5, 1e-5) == "+20 images (25 to 5, p < 0.001)"
    assert gap_text(1, 0, 1.0) == "+1 image (1 to 0, p = 1.000)"
    assert gap_text(3, 5, 0.727) == "-2 images (3 to 5, p = 0.727)"


def test_mean_loss_is_the_mean_cross_entropy_and_never_infinite():
    probabilities = np.full((2, 10), 0.01)
    probabilities[0, 3], probabilities[1, 5] = 0.9, 0.5
    expected = -(math.log(0.9) + math.log(0.5)) / 2
    assert mean_loss(np.array([3, 5]), probabilities) == pytest.approx(expected)
    assert math.isfinite(mean_loss(np.array([0]), np.zeros((1, 10))))  # clipped, not log(0)
