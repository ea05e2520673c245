"""Tests of helpers.models: recipes, determinism, and loading or training saved models."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers import data, models


def _small_training(seed: int) -> keras.Model:
    """A short, seeded training run of the dense baseline on 2,000 random images."""
    models.seed_everything(seed)
    rng = np.random.default_rng(0)
    x = rng.random((2000, 28, 28), dtype=np.float32)
    y = rng.integers(0, 10, 2000)
    model = models.build_dense_baseline()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=1, batch_size=64, verbose=0)
    return model


def test_same_seed_gives_identical_weights():
    first, second = _small_training(seed=3), _small_training(seed=3)
    for a, b in zip(first.get_weights(), second.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_different_seeds_give_different_weights():
    first, second = _small_training(seed=3), _small_training(seed=4)
    assert not np.array_equal(first.get_weights()[0], second.get_weights()[0])


def test_recipes_have_the_documented_sizes():
    assert models.build_dense_baseline().count_params() == 118_282
    assert models.build_cnn().count_params() == 225_034


def test_describe_architecture_compares_names_types_and_settings():
    a, b = models.build_dense_baseline(), models.build_dense_baseline()
    assert describe(a) == describe(b)
    wider = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(256, activation="relu"),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    assert describe(wider) != describe(a)


def describe(model: keras.Model) -> list[tuple]:
    return models.describe_architecture(model)


def test_bn_cnn_has_the_documented_size_and_momentum():
    model = models.build_bn_cnn()
    assert model.count_params() == 198_442
    momenta = [
        layer.momentum for layer in model.layers if "BatchNormalization" in type(layer).__name__
    ]
    assert momenta == [0.9] * 5


def test_dropout_cnn_has_the_documented_size_and_a_float32_output():
    model = models.build_dropout_cnn()
    assert model.count_params() == 887_530
    assert not any("BatchNormalization" in type(layer).__name__ for layer in model.layers)
    assert model.get_layer("output").dtype_policy.compute_dtype == "float32"


def test_fast_cnn_standardises_with_the_training_pixels_statistics(mnist):
    (x_train, _), _ = mnist
    pixels = data.scale_pixels(x_train)
    assert abs(float(pixels.mean()) - models.MNIST_PIXEL_MEAN) < 5e-4
    assert abs(float(pixels.std()) - models.MNIST_PIXEL_STD) < 5e-4
    standardise = models.build_fast_cnn().get_layer("standardise")
    out = keras.ops.convert_to_numpy(standardise(pixels[:1000, :, :, None]))
    assert abs(float(out.mean())) < 0.05 and abs(float(out.std()) - 1) < 0.05


def test_fast_cnn_keeps_a_float32_output_under_mixed_precision():
    keras.mixed_precision.set_global_policy("mixed_bfloat16")
    try:
        model = models.build_fast_cnn()
    finally:
        keras.mixed_precision.set_global_policy("float32")
    assert model.get_layer("conv_1").dtype_policy.compute_dtype == "bfloat16"
    probabilities = model(np.zeros((2, 28, 28), np.float32))
    assert keras.ops.convert_to_numpy(probabilities).dtype == np.float32
    assert model.count_params() == 184_586


def test_describe_architecture_sees_batch_norm_momentum():
    model = models.build_bn_cnn()
    changed = models.build_bn_cnn()
    changed.get_layer("bn_1a").momentum = 0.99
    assert describe(model) != describe(changed)


def test_augmentation_changes_images_only_in_training():
    images = np.zeros((4, 28, 28), dtype=np.float32)
    images[:, 8:20, 12:16] = 1.0  # a vertical bar
    augment = models.build_augmentation(seed=0)
    np.testing.assert_array_equal(augment(images, training=False), images)
    changed = np.asarray(augment(images, training=True))
    assert changed.shape == images.shape
    assert not np.allclose(changed, images)
    assert changed.min() >= 0.0 and changed.max() <= 1.0 + 1e-6


def test_augmented_batches_keep_labels_with_their_images():
    images = np.zeros((10, 28, 28), dtype=np.float32)
    for label in range(10):
        images[label, :, :] = label / 10  # a uniform image whose value encodes its label
    labels = np.arange(10)
    identity = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Identity()])
    batches = list(
        models.augmented_batches(images, labels, batch_size=4, seed=0, augmentation=identity)
    )
    assert [len(y) for _, y in batches] == [4, 4, 2]
    for x, y in batches:
        np.testing.assert_allclose(np.asarray(x)[:, 0, 0], np.asarray(y) / 10, atol=1e-6)
    order = np.concatenate([np.asarray(y) for _, y in batches])
    assert sorted(order) == list(range(10)) and list(order) != list(range(10))


@pytest.mark.parametrize(
    ("images", "message"),
    [
        (np.zeros((3, 28, 28), dtype=np.uint8), "scaled floats"),
        (np.full((3, 28, 28), 255.0), "scaled floats"),
        (np.zeros((3, 784), dtype=np.float32), r"shape \(n, 28, 28\)"),
    ],
)
def test_augmented_batches_reject_unscaled_or_flat_images(images, message):
    with pytest.raises(ValueError, match=message):
        models.augmented_batches(images, np.zeros(3, int), batch_size=2, seed=0)


def test_augmented_batches_reject_mismatched_labels():
    with pytest.raises(ValueError, match="3 images but 2 labels"):
        models.augmented_batches(
            np.zeros((3, 28, 28), np.float32), np.zeros(2, int), batch_size=2, seed=0
        )
