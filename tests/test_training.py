"""Tests of helpers.training: the recipe registry, seeding, dtype policies, compiling, training."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers import training
from helpers.schedules import OneCycle


def _small_training(seed: int) -> keras.Model:
    """A short, seeded training run of the dense baseline on 2,000 random images."""
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, (2000, 28, 28), dtype=np.uint8)
    y = rng.integers(0, 10, 2000)
    return training.train_recipe("dense_baseline", x, y, seed=seed, epochs=1)


def test_same_seed_gives_identical_weights():
    first, second = _small_training(seed=3), _small_training(seed=3)
    for a, b in zip(first.get_weights(), second.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_different_seeds_give_different_weights():
    first, second = _small_training(seed=3), _small_training(seed=4)
    assert not np.array_equal(first.get_weights()[0], second.get_weights()[0])


def test_every_recipe_builds_its_network_under_its_precision():
    for name, recipe in training.RECIPES.items():
        assert recipe.name == name
        with training.dtype_policy(recipe.precision):
            model = recipe.build()
        assert model.name == name
    assert keras.mixed_precision.global_policy().name == "float32"


def test_unknown_recipe_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown recipe 'resnet'.*dense_baseline"):
        training.recipe("resnet")


def test_dtype_policy_returns_to_float32_after_an_error():
    with pytest.raises(RuntimeError), training.dtype_policy("mixed_bfloat16"):
        assert keras.mixed_precision.global_policy().name == "mixed_bfloat16"
        raise RuntimeError("building failed")
    assert keras.mixed_precision.global_policy().name == "float32"


def test_learning_rates_follow_the_schedule_named_in_the_recipe():
    assert training.learning_rate_for(training.RECIPES["dense_baseline"], 100) == 1e-3
    cosine = training.learning_rate_for(training.RECIPES["cnn"], 100)
    assert isinstance(cosine, keras.optimizers.schedules.CosineDecay)
    one_cycle = training.learning_rate_for(training.RECIPES["fast_cnn"], 100)
    assert isinstance(one_cycle, OneCycle)
    assert one_cycle.peak_learning_rate == training.RECIPES["fast_cnn"].peak_learning_rate
    assert one_cycle.warmup_fraction == training.RECIPES["fast_cnn"].warmup_fraction


def test_compile_recipe_uses_the_recipes_batches_per_call():
    recipe = training.RECIPES["fast_cnn"]
    model = training.compile_recipe(recipe.build(), recipe, total_steps=10)
    assert model.steps_per_execution == recipe.steps_per_execution


def test_recipe_with_a_validation_set_needs_enough_images():
    x = np.zeros((100, 28, 28), np.uint8)
    with pytest.raises(ValueError, match="validation_size must be between"):
        training.train_recipe("cnn", x, np.zeros(100, int), epochs=1)
