"""Tests of helpers.pretrained: loading notebook 10's networks and the training log safely."""

from __future__ import annotations

import json
from pathlib import Path

import keras
import numpy as np
import pytest

from helpers import pretrained
from helpers.architectures import build_bn_cnn, build_cnn, build_dropout_cnn


def _log(runs: list[dict]) -> dict:
    return {"runs": runs, "total_seconds": 1.0}


def test_members_load_in_seed_order_with_their_weights(tmp_path):
    saved = {}
    for seed in (2, 0, 10):
        keras.utils.set_random_seed(seed)
        model = build_bn_cnn()
        model.save_weights(tmp_path / f"bn_cnn_seed{seed}.weights.h5")
        saved[seed] = model
    (tmp_path / "notes.weights.h5.txt").write_text("ignored")
    members = pretrained.load_members(tmp_path)
    assert list(members) == [0, 2, 10]
    for seed, model in members.items():
        np.testing.assert_array_equal(model.get_weights()[0], saved[seed].get_weights()[0])


def test_each_family_loads_only_its_own_files(tmp_path):
    build_bn_cnn().save_weights(tmp_path / "bn_cnn_seed0.weights.h5")
    build_dropout_cnn().save_weights(tmp_path / "dropout_cnn_seed3.weights.h5")
    assert list(pretrained.load_members(tmp_path, "dropout_cnn")) == [3]
    assert list(pretrained.load_members(tmp_path, "bn_cnn")) == [0]
    with pytest.raises(ValueError, match="unknown recipe .vgg."):
        pretrained.load_members(tmp_path, "vgg")


def test_a_member_of_the_other_family_under_its_name_is_refused(tmp_path):
    build_bn_cnn().save_weights(tmp_path / "dropout_cnn_seed0.weights.h5")
    with pytest.raises(ValueError, match="build_dropout_cnn"):
        pretrained.load_members(tmp_path, "dropout_cnn")


def test_missing_members_say_how_to_make_them(tmp_path):
    with pytest.raises(FileNotFoundError, match="make pretrained"):
        pretrained.load_members(tmp_path)
    with pytest.raises(FileNotFoundError, match="make pretrained"):
        pretrained.load_members(tmp_path / "absent")


def test_a_different_network_is_refused(tmp_path):
    build_cnn().save_weights(tmp_path / "bn_cnn_seed0.weights.h5")
    with pytest.raises(ValueError, match="different network"):
        pretrained.load_members(tmp_path)


def test_a_damaged_file_is_a_clear_error(tmp_path):
    (tmp_path / "bn_cnn_seed0.weights.h5").write_bytes(b"not an HDF5 file")
    with pytest.raises(ValueError, match="could not be read"):
        pretrained.load_members(tmp_path)


def test_reference_models_load_compiled_with_their_weights(tmp_path):
    keras.utils.set_random_seed(3)
    saved = build_cnn()
    saved.save_weights(tmp_path / "cnn.weights.h5")
    model = pretrained.load_reference("cnn", tmp_path)
    np.testing.assert_array_equal(model.get_weights()[2], saved.get_weights()[2])
    assert model.compiled


def test_reference_model_errors_say_what_to_do(tmp_path):
    with pytest.raises(ValueError, match="unknown recipe .resnet."):
        pretrained.load_reference("resnet", tmp_path)
    with pytest.raises(FileNotFoundError, match="make pretrained"):
        pretrained.load_reference("cnn", tmp_path)
    build_bn_cnn().save_weights(tmp_path / "cnn.weights.h5")
    with pytest.raises(ValueError, match="could not be read into helpers.architectures.build_cnn"):
        pretrained.load_reference("cnn", tmp_path)


def test_shipped_reference_models_pass_their_floors():
    from helpers.data import load_mnist, scale_pixels

    _, (x_test, y_test) = load_mnist()
    folder = Path(__file__).resolve().parents[1] / "pretrained"
    for name, floor in [("dense_baseline", 0.970), ("cnn", 0.990)]:
        model = pretrained.load_reference(name, folder)
        probabilities = model.predict(scale_pixels(x_test), batch_size=1000, verbose=0)
        assert np.mean(probabilities.argmax(1) == y_test) >= floor, name
        # Notebooks 07, 10 and 11 compare integers these networks decide (error counts, which
        # images are wrong). They hold on every machine because no test image is a near-tie:
        # the two likeliest digits are more than 1e-4 apart, some 800 float32 steps near 1
        # (np.finfo(np.float32).eps), far above what other CPUs and thread counts change.
        top_two = np.sort(probabilities, axis=1)[:, -2:]
        assert (top_two[:, 1] - top_two[:, 0]).min() > 1e-4, name


def test_training_log_round_trip_and_race_curves(tmp_path):
    epochs = [
        {"epoch": 1, "seconds": 10.0, "val_accuracy": 0.98, "test_accuracy": 0.981},
        {"epoch": 2, "seconds": 12.0, "val_accuracy": 0.99, "test_accuracy": 0.992},
    ]
    (tmp_path / "training_log.json").write_text(json.dumps(_log([{"name": "a", "epochs": epochs}])))
    log = pretrained.read_training_log(tmp_path)
    assert pretrained.read_training_log(tmp_path, "training_log.json") == log
    seconds, accuracy = pretrained.race_curves(log)["a"]
    np.testing.assert_allclose(seconds, [10.0, 22.0])
    np.testing.assert_allclose(accuracy, [0.981, 0.992])


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        (None, FileNotFoundError, "no training log"),
        ("{not json", ValueError, "not valid JSON"),
        (json.dumps({"runs": [{"name": "a", "epochs": []}]}), ValueError, "no list of runs"),
        (json.dumps([1, 2]), ValueError, "no list of runs"),
    ],
)
def test_bad_training_logs_are_clear_errors(tmp_path, text, error, message):
    if text is not None:
        (tmp_path / "training_log.json").write_text(text)
    with pytest.raises(error, match=message):
        pretrained.read_training_log(tmp_path)


def _fake_members(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    for name in ["bn_cnn_seed0", "bn_cnn_seed1", "dropout_cnn_seed0"]:
        (folder / f"{name}.weights.h5").write_bytes(name.encode())
    (folder / "cnn.weights.h5").write_bytes(b"not a member")


def test_member_probabilities_round_trip(tmp_path):
    _fake_members(tmp_path / "pretrained")
    images = {"validation": np.zeros((3, 28, 28), np.float32), "test": np.ones((2, 28, 28))}
    path = pretrained.member_probabilities_path(tmp_path / "pretrained", images, tmp_path)
    assert path.parent == tmp_path and not path.exists()
    assert pretrained.load_member_probabilities(path) is None  # nothing saved yet
    rng = np.random.default_rng(0)
    saved = {
        "validation": {"bn_cnn 0": rng.random((3, 10), np.float32), "dropout_cnn 0": np.eye(3, 10)},
        "test": {"bn_cnn 0": rng.random((2, 10), np.float32)},
    }
    assert pretrained.save_member_probabilities(path, saved) == path
    loaded = pretrained.load_member_probabilities(path)
    assert list(loaded) == ["validation", "test"]
    assert list(loaded["validation"]) == ["bn_cnn 0", "dropout_cnn 0"]
    np.testing.assert_array_equal(loaded["validation"]["bn_cnn 0"], saved["validation"]["bn_cnn 0"])
    assert loaded["validation"]["dropout_cnn 0"].dtype == np.float32
    assert not list(tmp_path.glob("*.tmp"))  # written atomically, nothing left behind


def test_member_probabilities_path_changes_with_weights_and_images(tmp_path):
    folder = tmp_path / "pretrained"
    _fake_members(folder)
    images = {"validation": np.zeros((3, 28, 28), np.float32)}
    first = pretrained.member_probabilities_path(folder, images, tmp_path)
    assert pretrained.member_probabilities_path(folder, dict(images), tmp_path) == first
    other_images = {"validation": np.ones((3, 28, 28), np.float32)}
    assert pretrained.member_probabilities_path(folder, other_images, tmp_path) != first
    renamed = {"test": images["validation"]}
    assert pretrained.member_probabilities_path(folder, renamed, tmp_path) != first
    (folder / "cnn.weights.h5").write_bytes(b"changed")  # not a member: no effect
    assert pretrained.member_probabilities_path(folder, images, tmp_path) == first
    (folder / "bn_cnn_seed1.weights.h5").write_bytes(b"retrained")
    assert pretrained.member_probabilities_path(folder, images, tmp_path) != first


def test_member_probabilities_without_members_or_with_a_damaged_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="make pretrained"):
        pretrained.member_probabilities_path(tmp_path, {"test": np.zeros(3)}, tmp_path)
    damaged = tmp_path / "member-probabilities-x.npz"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    assert pretrained.load_member_probabilities(damaged) is None  # predict again instead
    with pytest.raises(ValueError, match="'/'"):
        pretrained.save_member_probabilities(damaged, {"test": {"a/b": np.zeros((1, 10))}})


class _ConstantNetwork:
    """Stands in for a trained network: predicts one fixed row of probabilities per image."""

    def __init__(self, digit: int) -> None:
        self.digit = digit
        self.calls = 0

    def predict(self, x, batch_size, verbose):
        self.calls += 1
        return np.tile(np.eye(10, dtype=np.float32)[self.digit], (len(x), 1))


def test_member_probabilities_predicts_once_then_loads(tmp_path, monkeypatch):
    folder = tmp_path / "pretrained"
    _fake_members(folder)
    networks = {"bn_cnn": {0: _ConstantNetwork(1), 1: _ConstantNetwork(2)}}
    networks["dropout_cnn"] = {0: _ConstantNetwork(3)}
    monkeypatch.setattr(pretrained, "load_members", lambda _folder, family: networks[family])
    images = {"validation": np.zeros((3, 28, 28), np.float32), "test": np.ones((2, 28, 28))}
    first, loaded = pretrained.member_probabilities(folder, images, cache_dir=tmp_path)
    assert not loaded  # nothing kept yet: predicted
    assert list(first["test"]) == ["bn_cnn 0", "bn_cnn 1", "dropout_cnn 0"]
    assert first["validation"]["dropout_cnn 0"].shape == (3, 10)
    assert first["test"]["bn_cnn 1"].argmax(axis=1).tolist() == [2, 2]
    again, loaded = pretrained.member_probabilities(folder, images, cache_dir=tmp_path)
    assert loaded  # kept by the first call
    assert all(network.calls == 2 for family in networks.values() for network in family.values())
    np.testing.assert_array_equal(again["test"]["bn_cnn 0"], first["test"]["bn_cnn 0"])
