"""Tests of helpers.architectures, the networks and pipeline the notebooks save (# @save)."""

from __future__ import annotations

import keras
import numpy as np

from helpers import architectures, data
from helpers.training import dtype_policy


def test_networks_have_the_documented_sizes():
    assert architectures.build_dense_baseline().count_params() == 118_282
    assert architectures.build_cnn().count_params() == 225_034
    assert architectures.build_bn_cnn().count_params() == 198_442
    assert architectures.build_dropout_cnn().count_params() == 887_530


def test_bn_cnn_uses_momentum_0_9_everywhere():
    model = architectures.build_bn_cnn()
    momenta = [
        layer.momentum for layer in model.layers if "BatchNormalization" in type(layer).__name__
    ]
    assert momenta == [0.9] * 5


def test_dropout_cnn_has_no_batch_norm_and_a_float32_output():
    model = architectures.build_dropout_cnn()
    assert not any("BatchNormalization" in type(layer).__name__ for layer in model.layers)
    assert model.get_layer("output").dtype_policy.compute_dtype == "float32"


def test_fast_cnn_standardises_with_the_training_pixels_statistics(mnist):
    (x_train, _), _ = mnist
    pixels = data.scale_pixels(x_train)
    assert abs(float(pixels.mean()) - architectures.MNIST_PIXEL_MEAN) < 5e-4
    assert abs(float(pixels.std()) - architectures.MNIST_PIXEL_STD) < 5e-4
    standardise = architectures.build_fast_cnn().get_layer("standardise")
    out = keras.ops.convert_to_numpy(standardise(pixels[:1000, :, :, None]))
    assert abs(float(out.mean())) < 0.05 and abs(float(out.std()) - 1) < 0.05


def test_fast_cnn_keeps_a_float32_output_under_mixed_precision():
    with dtype_policy("mixed_bfloat16"):
        model = architectures.build_fast_cnn()
    assert model.get_layer("conv_1").dtype_policy.compute_dtype == "bfloat16"
    probabilities = model(np.zeros((2, 28, 28), np.float32))
    assert keras.ops.convert_to_numpy(probabilities).dtype == np.float32
    assert model.count_params() == 152_170


def test_augmentation_changes_images_only_in_training():
    images = np.zeros((4, 28, 28), dtype=np.float32)
    images[:, 8:20, 12:16] = 1.0  # a vertical bar
    augment = architectures.build_augmentation(seed=0)
    np.testing.assert_array_equal(augment(images, training=False), images)
    changed = np.asarray(augment(images, training=True))
    assert changed.shape == images.shape
    assert not np.allclose(changed, images)
    assert changed.min() >= 0.0 and changed.max() <= 1.0 + 1e-6


def test_augmented_batches_keep_labels_with_their_images_and_shuffle():
    images = np.zeros((10, 28, 28), dtype=np.float32)
    for label in range(10):
        images[label] = label / 10  # a uniform image: its centre survives any small transform
    labels = np.arange(10)
    batches = list(architectures.augmented_batches(images, labels, batch_size=4, seed=0))
    assert [len(y) for _, y in batches] == [4, 4, 2]
    for x, y in batches:
        np.testing.assert_allclose(np.asarray(x)[:, 14, 14], np.asarray(y) / 10, atol=1e-5)
    order = np.concatenate([np.asarray(y) for _, y in batches])
    assert sorted(order) == list(range(10)) and list(order) != list(range(10))


def test_fast_cnn_space_to_depth_only_rearranges_pixels():
    model = architectures.build_fast_cnn()
    images = np.arange(2 * 28 * 28, dtype=np.float32).reshape(2, 28, 28)
    rearrange = keras.Sequential([keras.Input(shape=(28, 28)), *model.layers[1:4]])
    blocks = keras.ops.convert_to_numpy(rearrange(images))
    assert blocks.shape == (2, 14, 14, 4)
    np.testing.assert_array_equal(blocks[..., 0], images[:, ::2, ::2])
    np.testing.assert_array_equal(blocks[..., 1], images[:, ::2, 1::2])
    np.testing.assert_array_equal(blocks[..., 2], images[:, 1::2, ::2])
    np.testing.assert_array_equal(blocks[..., 3], images[:, 1::2, 1::2])


def test_multiply_adds_count_convolutions_and_dense_layers():
    assert architectures.multiply_adds_per_image(architectures.build_dense_baseline()) == (
        784 * 128 + 128 * 128 + 128 * 10
    )
    cnn_adds = 26 * 26 * 32 * 9 + 11 * 11 * 64 * 9 * 32 + 1600 * 128 + 128 * 10
    assert architectures.multiply_adds_per_image(architectures.build_cnn()) == cnn_adds
