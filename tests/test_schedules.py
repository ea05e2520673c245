"""Tests of helpers.schedules.OneCycle."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers.schedules import OneCycle


def values(schedule: OneCycle, steps) -> np.ndarray:
    return np.array([float(schedule(s)) for s in steps])


def test_one_cycle_rises_to_the_peak_then_falls_to_almost_zero():
    schedule = OneCycle(0.01, total_steps=100, warmup_fraction=0.3)
    lr = values(schedule, range(0, 101))
    assert lr[0] == pytest.approx(0.01 * 0.04)
    assert lr[30] == pytest.approx(0.01)
    assert lr[100] == pytest.approx(0.01 * 1e-4, rel=1e-3)
    assert np.all(np.diff(lr[:31]) > 0) and np.all(np.diff(lr[30:]) < 0)


def test_one_cycle_stays_at_the_end_value_after_the_last_step():
    schedule = OneCycle(0.01, total_steps=10)
    assert float(schedule(50)) == pytest.approx(float(schedule(10)))


def test_one_cycle_survives_saving_with_a_model(tmp_path):
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(OneCycle(0.02, total_steps=7)), loss="mse")
    model.fit(np.zeros((4, 2)), np.zeros((4, 1)), verbose=0)
    path = tmp_path / "m.keras"
    model.save(path)
    reloaded = keras.models.load_model(path, safe_mode=True)
    saved = reloaded.optimizer.get_config()["learning_rate"]
    assert saved["registered_name"] == "helpers>OneCycle"
    assert saved["config"]["total_steps"] == 7


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"peak_learning_rate": 0, "total_steps": 10}, "peak_learning_rate must be positive"),
        ({"peak_learning_rate": 0.1, "total_steps": 0}, "total_steps must be at least 1"),
        ({"peak_learning_rate": 0.1, "total_steps": 5, "warmup_fraction": 1.0}, "warmup_fraction"),
    ],
)
def test_one_cycle_rejects_bad_settings(kwargs, message):
    with pytest.raises(ValueError, match=message):
        OneCycle(**kwargs)
