"""Tests of helpers.attribution (generated from notebooks 13 and 14's cells) on small networks."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers import attribution
from helpers.training import seed_everything


def test_class_score_picks_the_given_or_the_highest_class():
    scores = np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]], np.float32)
    np.testing.assert_allclose(attribution.class_score(scores), [0.7, 0.5])
    np.testing.assert_allclose(attribution.class_score(scores, np.array([2, 1])), [0.2, 0.2])


def test_single_image_must_be_batched(small_cnn, images):
    for method in (attribution.saliency_map, lambda m, x: attribution.grad_cam(m, x, "conv")):
        with pytest.raises(ValueError, match=r"image\[None\]"):
            method(small_cnn, images[0])
    with pytest.raises(ValueError, match=r"image\[None\]"):
        attribution.fgsm(small_cnn, images[0][None, None], np.zeros(1, int), epsilon=0.1)


def test_saliency_is_normalised_and_matches_a_finite_difference(small_cnn, images):
    maps = attribution.saliency_map(small_cnn, images, classes=np.array([2, 2, 2]))
    assert maps.shape == (3, 28, 28) and np.allclose(maps.reshape(3, -1).max(axis=1), 1)
    # The brightest pixel's gradient of the logit, checked numerically.
    row, col = np.unravel_index(maps[0].argmax(), (28, 28))
    step = 1e-2
    plus, minus = images[:1].copy(), images[:1].copy()
    plus[0, row, col] += step
    minus[0, row, col] -= step
    logit = lambda x: float(attribution.layer_and_logits(small_cnn, x)[1][0, 2])  # noqa: E731
    numeric = (logit(plus) - logit(minus)) / (2 * step)
    assert abs(numeric) > 0


def test_saliency_of_a_linear_softmax_model_matches_its_formula(images):
    """For logits z = W x + b, ∂z_c/∂x = W_c: the same map for every image."""
    seed_everything(1)
    model = keras.Sequential(
        [keras.Input(shape=(28, 28)), keras.layers.Flatten(), keras.layers.Dense(10, "softmax")]
    )
    kernel = model.layers[-1].get_weights()[0]  # (784, 10)
    expected = np.abs(kernel[:, 4]).reshape(28, 28) / np.abs(kernel[:, 4]).max()
    got = attribution.saliency_map(model, images, classes=np.array([4, 4, 4]))
    np.testing.assert_allclose(got, np.stack([expected] * 3), atol=1e-5)


def test_layer_and_logits_gives_the_layer_and_the_logits(small_cnn, images):
    feature_maps, logits = attribution.layer_and_logits(small_cnn, images, "conv")
    assert feature_maps.shape == (3, 26, 26, 4)
    np.testing.assert_allclose(
        keras.activations.softmax(logits), small_cnn(images), rtol=1e-5, atol=1e-6
    )
    assert attribution.layer_and_logits(small_cnn, images)[0] is None  # no layer asked for
    with pytest.raises(ValueError, match="no layer 'conv9'"):
        attribution.layer_and_logits(small_cnn, images, "conv9")


def test_grad_cam_matches_its_formula_on_a_conv_flatten_dense_model(small_cnn, images):
    """Here the logit is flatten(A) @ W + b, so ∂logit_c/∂A is W's column c as maps."""
    maps = np.asarray(small_cnn.get_layer("conv")(small_cnn.layers[0](images)))  # (3, 26, 26, 4)
    kernel = small_cnn.get_layer("out").get_weights()[0]  # (2704, 10)
    classes = np.array([0, 3, 7])
    expected = []
    for i, c in enumerate(classes):
        weights = kernel[:, c].reshape(26, 26, 4).mean(axis=(0, 1))
        heat = np.maximum((maps[i] * weights).sum(axis=-1), 0)
        expected.append(heat / max(heat.max(), 1e-12))
    got = attribution.grad_cam(small_cnn, images, "conv", classes=classes)
    np.testing.assert_allclose(got, np.stack(expected), atol=1e-5)


def test_grad_cam_shape_range_and_layer_check(small_cnn, images):
    heat = attribution.grad_cam(small_cnn, images, "conv")
    assert heat.shape == (3, 26, 26)  # the layer's own grid, not the image's
    assert heat.min() >= 0 and heat.max() <= 1 + 1e-6
    with pytest.raises(ValueError, match="feature maps"):
        attribution.grad_cam(small_cnn, images, "flat")
    with pytest.raises(ValueError, match="no layer 'conv9'"):
        attribution.grad_cam(small_cnn, images, "conv9")


def test_grad_cam_works_on_a_reloaded_model(small_cnn, images, tmp_path):
    path = tmp_path / "small.keras"
    small_cnn.save(path)
    reloaded = keras.models.load_model(path, safe_mode=True)
    np.testing.assert_allclose(
        attribution.grad_cam(reloaded, images, "conv"),
        attribution.grad_cam(small_cnn, images, "conv"),
        atol=1e-5,
    )


def test_fgsm_moves_each_pixel_by_epsilon_within_bounds(small_cnn):
    x = np.full((2, 28, 28), 0.5, np.float32)
    adversarial = attribution.fgsm(small_cnn, x, np.array([1, 2]), epsilon=0.1)
    changed = np.abs(adversarial - x)
    assert np.allclose(changed[changed > 0], 0.1, atol=1e-6)
    assert adversarial.min() >= 0 and adversarial.max() <= 1


def test_fgsm_clips_to_the_pixel_range(small_cnn, images):
    adversarial = attribution.fgsm(small_cnn, images, np.array([0, 1, 2]), epsilon=0.8)
    assert adversarial.min() == 0 and adversarial.max() == 1


def test_fgsm_increases_the_loss(small_cnn, images):
    labels = np.array([0, 1, 2])
    before = keras.losses.sparse_categorical_crossentropy(labels, small_cnn(images)).numpy()
    after_images = attribution.fgsm(small_cnn, images, labels, epsilon=0.05)
    after = keras.losses.sparse_categorical_crossentropy(labels, small_cnn(after_images)).numpy()
    assert (after > before).all()


def test_fgsm_rejects_bad_arguments(small_cnn, images):
    with pytest.raises(ValueError, match="epsilon"):
        attribution.fgsm(small_cnn, images, np.zeros(3, int), epsilon=-1)
    with pytest.raises(ValueError, match="3 images but 2 labels"):
        attribution.fgsm(small_cnn, images, np.zeros(2, int), epsilon=0.1)


def test_pgd_stays_within_epsilon_and_the_pixel_range(small_cnn, images):
    adversarial = attribution.pgd(small_cnn, images, np.array([0, 1, 2]), epsilon=0.1, steps=4)
    assert np.abs(adversarial - images).max() <= 0.1 + 1e-6
    assert adversarial.min() >= 0 and adversarial.max() <= 1
    assert not np.allclose(adversarial, images)  # it moved


def test_pgd_increases_the_loss_and_is_repeatable(small_cnn, images):
    labels = np.array([0, 1, 2])
    before = keras.losses.sparse_categorical_crossentropy(labels, small_cnn(images)).numpy()
    first = attribution.pgd(small_cnn, images, labels, epsilon=0.05, seed=3)
    after = keras.losses.sparse_categorical_crossentropy(labels, small_cnn(first)).numpy()
    assert (after > before).all()
    np.testing.assert_array_equal(first, attribution.pgd(small_cnn, images, labels, 0.05, seed=3))


def test_pgd_rejects_bad_arguments(small_cnn, images):
    with pytest.raises(ValueError, match="epsilon >= 0 and steps >= 1"):
        attribution.pgd(small_cnn, images, np.zeros(3, int), epsilon=-1)
    with pytest.raises(ValueError, match="epsilon >= 0 and steps >= 1"):
        attribution.pgd(small_cnn, images, np.zeros(3, int), epsilon=0.1, steps=0)
    with pytest.raises(ValueError, match="3 images but 2 labels"):
        attribution.pgd(small_cnn, images, np.zeros(2, int), epsilon=0.1)
