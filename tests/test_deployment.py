"""Tests of helpers.deployment on a small model: export, TFLite inference, timing."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers.deployment import Latency, TFLiteClassifier, export_tflite, latency_us
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
    """The float32, dynamic-range and full-integer files of the small model."""
    folder = tmp_path_factory.mktemp("export")
    images = np.random.default_rng(3).random((64, 28, 28), dtype=np.float32)
    return (
        export_tflite(small_model, folder, name="small"),
        export_tflite(small_model, folder, name="small", quantization="dynamic_range"),
        export_tflite(
            small_model,
            folder,
            name="small",
            quantization="full_integer",
            representative_images=images,
        ),
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


def test_tflite_file_holds_the_weights_and_quantised_files_are_smaller(small_model, exported):
    float_file, dynamic_file, integer_file = exported
    assert [f.name for f in exported] == [
        "small.tflite",
        "small_dynamic_range.tflite",
        "small_full_integer.tflite",
    ]
    weight_bytes = small_model.count_params() * 4
    assert float_file.stat().st_size > 0.9 * weight_bytes
    assert dynamic_file.stat().st_size < 0.4 * float_file.stat().st_size
    assert integer_file.stat().st_size < 0.4 * float_file.stat().st_size


def test_quantised_models_stay_close(small_model, exported):
    x = np.random.default_rng(1).random((50, 28, 28), dtype=np.float32)
    expected = small_model.predict(x, verbose=0)
    # an untrained model on random images: loose bounds; notebook 16 holds the trained CNN to
    # its stated tolerances on the 10,000 test images
    for path, tolerance in [(exported[1], 0.05), (exported[2], 0.1)]:
        gap = np.abs(TFLiteClassifier(path).predict(x) - expected).max()
        assert gap < tolerance, (path.name, gap)


def test_full_integer_model_reads_and_writes_int8(exported):
    classifier = TFLiteClassifier(exported[2])
    assert classifier.input_type == np.int8 and classifier.output_type == np.int8
    scale, zero_point = classifier.input_quantization
    assert 0 < scale and -128 <= zero_point <= 127
    # images in [0, 1]: 0 maps to the zero-point and 1 to the top of int8, within one step
    q = classifier.quantize_input(np.array([[0.0, 1.0]], dtype=np.float32))
    assert q.dtype == np.int8 and q[0, 0] == zero_point and q[0, 1] >= 126
    # probabilities come back as float32 in [0, 1]
    x = np.random.default_rng(4).random((3, 28, 28), dtype=np.float32)
    probabilities = classifier.predict(x)
    assert probabilities.dtype == np.float32 and probabilities.min() >= 0
    assert probabilities.max() <= 1 + classifier.output_quantization[0]
    float_classifier = TFLiteClassifier(exported[0])
    assert float_classifier.input_type == np.float32 and float_classifier.input_quantization == (
        0.0,
        0,
    )


def test_export_tflite_rejects_what_it_cannot_convert(small_model, tmp_path):
    with pytest.raises(ValueError, match="is not one of 'float32', 'dynamic_range'"):
        export_tflite(small_model, tmp_path, quantization="int4")
    with pytest.raises(ValueError, match="needs representative_images"):
        export_tflite(small_model, tmp_path, quantization="full_integer")
    with pytest.raises(ValueError, match="needs representative_images"):
        export_tflite(small_model, tmp_path, representative_images=np.zeros((2, 28, 28)))
    with pytest.raises(ValueError, match=r"must have shape \(n, 28, 28\)"):
        export_tflite(
            small_model,
            tmp_path,
            quantization="full_integer",
            representative_images=np.zeros((2, 784)),
        )


def test_tflite_classifier_errors(tmp_path, exported):
    with pytest.raises(ValueError, match="no TFLite model"):
        TFLiteClassifier(tmp_path / "missing.tflite")
    with pytest.raises(ValueError, match=r"expected inputs of shape \(n, 28, 28\)"):
        TFLiteClassifier(exported[0]).predict(np.zeros((2, 784), np.float32))


def test_latency_counts_calls_orders_its_percentiles_and_rejects_zero_repeats():
    calls = []
    latency = latency_us(lambda: calls.append(1), repeats=7, warmup=2)
    assert isinstance(latency, Latency) and latency.repeats == 7
    assert 0 <= latency.p10_us <= latency.median_us <= latency.p90_us
    assert len(calls) == 9
    with pytest.raises(ValueError, match="repeats"):
        latency_us(lambda: None, repeats=0)
