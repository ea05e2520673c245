"""Tests of helpers.inspection (notebook 13's plumbing) on a small untrained CNN and hand-made
images; the methods built on it are tested in test_attribution.py."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers import inspection


def test_layer_output_shapes(small_cnn, images):
    assert inspection.layer_output(small_cnn, "conv", images).shape == (3, 26, 26, 4)
    assert inspection.layer_output(small_cnn, "flat", images).shape == (3, 26 * 26 * 4)


def test_unknown_layer_is_a_clear_error(small_cnn, images):
    with pytest.raises(ValueError, match="no layer 'conv9'.*conv"):
        inspection.layer_output(small_cnn, "conv9", images)


def test_image_batch_asks_for_a_batch():
    assert inspection.image_batch(np.zeros((2, 28, 28), np.uint8)).dtype == np.float32
    with pytest.raises(ValueError, match=r"image\[None\]"):
        inspection.image_batch(np.zeros((28, 28)))


def test_scale_each_to_one_keeps_empty_maps_at_zero():
    maps = np.stack([np.full((2, 2), 4.0), np.zeros((2, 2))])
    np.testing.assert_array_equal(inspection.scale_each_to_one(maps), [np.ones((2, 2)), maps[1]])


def test_layer_and_logits_gives_the_layer_and_the_scores_before_the_softmax(small_cnn, images):
    feature_maps, logits = inspection.layer_and_logits(small_cnn, images, "conv")
    assert feature_maps.shape == (3, 26, 26, 4) and logits.shape == (3, 10)
    np.testing.assert_allclose(
        keras.activations.softmax(logits), small_cnn(images), rtol=1e-5, atol=1e-6
    )
    with pytest.raises(ValueError, match="output layer"):
        inspection.layer_and_logits(small_cnn, images, "out")
    with pytest.raises(ValueError, match="no layer 'conv9'"):
        inspection.layer_and_logits(small_cnn, images, "conv9")


def test_layer_and_logits_needs_a_dense_classifier_head(images):
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Flatten(name="flat"),
            keras.layers.Activation("relu"),
        ]
    )
    with pytest.raises(ValueError, match="Dense"):
        inspection.layer_and_logits(model, images, "flat")


def test_shift_moves_a_pixel_and_fills_with_zero():
    x = np.zeros((1, 28, 28), np.float32)
    x[0, 10, 10] = 1
    assert inspection.shift_images(x, 3)[0, 10, 13] == 1
    assert inspection.shift_images(x, 2, axis="y")[0, 12, 10] == 1
    with pytest.raises(ValueError, match="axis"):
        inspection.shift_images(x, 1, axis="z")


def test_rotate_by_90_degrees_turns_a_bar():
    x = np.zeros((1, 28, 28), np.float32)
    x[0, 13:15, 4:24] = 1  # horizontal bar through the centre
    turned = inspection.rotate_images(x, 90)
    assert turned[0, 4:24, 13:15].mean() > 0.9 and turned[0, 13:15, 4:8].max() < 0.1


def test_noise_is_seeded_and_clipped():
    x = np.full((2, 28, 28), 0.5, np.float32)
    a, b = inspection.add_noise(x, 0.3, seed=1), inspection.add_noise(x, 0.3, seed=1)
    np.testing.assert_array_equal(a, b)
    assert a.min() >= 0 and a.max() <= 1 and a.std() > 0.1
    with pytest.raises(ValueError, match="std"):
        inspection.add_noise(x, -0.1)
