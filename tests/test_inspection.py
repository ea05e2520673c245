"""Tests of helpers.inspection on a small untrained CNN and hand-made images."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers import inspection
from helpers.training import seed_everything


@pytest.fixture(scope="module")
def small_cnn() -> keras.Model:
    seed_everything(0)
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Reshape((28, 28, 1)),
            keras.layers.Conv2D(4, 3, activation="relu", name="conv"),
            keras.layers.Flatten(name="flat"),
            keras.layers.Dense(10, activation="softmax", name="out"),
        ]
    )


@pytest.fixture(scope="module")
def images() -> np.ndarray:
    return np.random.default_rng(0).random((3, 28, 28)).astype(np.float32)


def test_layer_output_shapes(small_cnn, images):
    assert inspection.layer_output(small_cnn, "conv", images).shape == (3, 26, 26, 4)
    assert inspection.layer_output(small_cnn, "flat", images).shape == (3, 26 * 26 * 4)


def test_unknown_layer_is_a_clear_error(small_cnn, images):
    with pytest.raises(ValueError, match="no layer 'conv9'.*conv"):
        inspection.layer_output(small_cnn, "conv9", images)


def test_single_image_must_be_batched(small_cnn, images):
    with pytest.raises(ValueError, match=r"image\[None\]"):
        inspection.saliency_map(small_cnn, images[0])


def test_saliency_is_normalised_and_matches_a_finite_difference(small_cnn, images):
    maps = inspection.saliency_map(small_cnn, images, classes=np.array([2, 2, 2]))
    assert maps.shape == (3, 28, 28) and np.allclose(maps.reshape(3, -1).max(axis=1), 1)
    # The brightest pixel's gradient, checked numerically.
    row, col = np.unravel_index(maps[0].argmax(), (28, 28))
    step = 1e-2
    plus, minus = images[:1].copy(), images[:1].copy()
    plus[0, row, col] += step
    minus[0, row, col] -= step
    numeric = (small_cnn(plus)[0, 2] - small_cnn(minus)[0, 2]) / (2 * step)
    assert abs(float(numeric)) > 0


def test_grad_cam_shape_range_and_layer_check(small_cnn, images):
    heat = inspection.grad_cam(small_cnn, images, "conv")
    assert heat.shape == (3, 28, 28)
    assert heat.min() >= 0 and heat.max() <= 1 + 1e-6
    with pytest.raises(ValueError, match="feature maps"):
        inspection.grad_cam(small_cnn, images, "flat")


def test_fgsm_moves_each_pixel_by_epsilon_within_bounds(small_cnn):
    x = np.full((2, 28, 28), 0.5, np.float32)
    adversarial = inspection.fgsm(small_cnn, x, np.array([1, 2]), epsilon=0.1)
    changed = np.abs(adversarial - x)
    assert np.allclose(changed[changed > 0], 0.1, atol=1e-6)
    assert adversarial.min() >= 0 and adversarial.max() <= 1


def test_fgsm_increases_the_loss(small_cnn, images):
    labels = np.array([0, 1, 2])
    before = keras.losses.sparse_categorical_crossentropy(labels, small_cnn(images)).numpy()
    after_images = inspection.fgsm(small_cnn, images, labels, epsilon=0.05)
    after = keras.losses.sparse_categorical_crossentropy(labels, small_cnn(after_images)).numpy()
    assert (after > before).all()


def test_fgsm_rejects_bad_arguments(small_cnn, images):
    with pytest.raises(ValueError, match="epsilon"):
        inspection.fgsm(small_cnn, images, np.zeros(3, int), epsilon=-1)
    with pytest.raises(ValueError, match="3 images but 2 labels"):
        inspection.fgsm(small_cnn, images, np.zeros(2, int), epsilon=0.1)


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


def test_grad_cam_works_on_a_reloaded_model(small_cnn, images, tmp_path):
    path = tmp_path / "small.keras"
    small_cnn.save(path)
    reloaded = keras.models.load_model(path, safe_mode=True)
    np.testing.assert_allclose(
        inspection.grad_cam(reloaded, images, "conv"),
        inspection.grad_cam(small_cnn, images, "conv"),
        atol=1e-5,
    )
