"""Tests of helpers.deployment on a small model: export, TFLite inference, timing."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers.deployment import TFLiteClassifier, export_tflite, median_latency_us
from helpers.training import seed_everything


@pytest.fixture(scope="module")
def small_model() -> keras.Model:
    seed_everything(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    return model


@pytest.fixture(scope="module")
def exported(small_model, tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    return export_tflite(small_model, folder, name="small"), export_tflite(
        small_model, folder, name="small", quantize_int8=True
    )


def test_tflite_matches_keras(small_model, exported):
    x = np.random.default_rng(0).random((5, 28, 28), dtype=np.float32)
    classifier = TFLiteClassifier(exported[0])
    assert classifier.input_shape == (28, 28)
    np.testing.assert_allclose(classifier.predict(x), small_model.predict(x, verbose=0), atol=1e-5)
    # Single images after a batch: the interpreter is resized back.
    np.testing.assert_allclose(
        classifier.predict(x[:1]), small_model.predict(x[:1], verbose=0), atol=1e-5
    )


def test_tflite_runs_a_large_batch_in_chunks_in_order(small_model, exported):
    x = np.random.default_rng(2).random((23, 28, 28), dtype=np.float32)
    chunked = TFLiteClassifier(exported[0], batch_size=5)  # 5 + 5 + 5 + 5 + 3
    whole = TFLiteClassifier(exported[0], batch_size=100)
    np.testing.assert_allclose(chunked.predict(x), whole.predict(x), atol=1e-6)
    np.testing.assert_allclose(chunked.predict(x), small_model.predict(x, verbose=0), atol=1e-5)
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        TFLiteClassifier(exported[0], batch_size=0)


def test_tflite_file_holds_the_weights_and_int8_is_smaller(small_model, exported):
    float_file, int8_file = exported
    weight_bytes = small_model.count_params() * 4
    assert float_file.stat().st_size > 0.9 * weight_bytes
    assert int8_file.stat().st_size < 0.4 * float_file.stat().st_size


def test_int8_model_stays_close(small_model, exported):
    x = np.random.default_rng(1).random((50, 28, 28), dtype=np.float32)
    quantized = TFLiteClassifier(exported[1]).predict(x)
    assert np.abs(quantized - small_model.predict(x, verbose=0)).max() < 0.05


def test_tflite_classifier_errors(tmp_path, exported):
    with pytest.raises(ValueError, match="no TFLite model"):
        TFLiteClassifier(tmp_path / "missing.tflite")
    with pytest.raises(ValueError, match=r"expected inputs of shape \(n, 28, 28\)"):
        TFLiteClassifier(exported[0]).predict(np.zeros((2, 784), np.float32))


def test_median_latency_counts_calls_and_rejects_zero_repeats():
    calls = []
    assert median_latency_us(lambda: calls.append(1), repeats=7, warmup=2) >= 0
    assert len(calls) == 9
    with pytest.raises(ValueError, match="repeats"):
        median_latency_us(lambda: None, repeats=0)
