"""Learning-rate schedules used by the series."""

from __future__ import annotations

import math

import keras
from keras import ops

__all__ = ["OneCycle"]


@keras.saving.register_keras_serializable(package="helpers")
class OneCycle(keras.optimizers.schedules.LearningRateSchedule):
    """Warm up linearly to a peak learning rate, then decay along a cosine to almost zero.

    Large steps in the middle of training explore; small steps at the end settle. Training
    with this schedule for a fixed, short budget often beats a constant learning rate.

    Parameters
    ----------
    peak_learning_rate
        The highest learning rate, reached after ``warmup_fraction`` of the steps.
    total_steps
        Length of the schedule in optimizer steps (epochs × batches per epoch).
    warmup_fraction
        Share of the steps spent warming up.
    start_factor, end_factor
        The first and last learning rates, as fractions of the peak.
    """

    def __init__(
        self,
        peak_learning_rate: float,
        total_steps: int,
        warmup_fraction: float = 0.3,
        start_factor: float = 0.04,
        end_factor: float = 1e-4,
    ) -> None:
        if peak_learning_rate <= 0:
            raise ValueError(f"peak_learning_rate must be positive, got {peak_learning_rate}.")
        if total_steps < 1:
            raise ValueError(f"total_steps must be at least 1, got {total_steps}.")
        if not 0 <= warmup_fraction < 1:
            raise ValueError(f"warmup_fraction must be in [0, 1), got {warmup_fraction}.")
        self.peak_learning_rate = float(peak_learning_rate)
        self.total_steps = int(total_steps)
        self.warmup_fraction = float(warmup_fraction)
        self.start_factor = float(start_factor)
        self.end_factor = float(end_factor)

    def __call__(self, step):
        step = ops.cast(step, "float32")
        peak = self.peak_learning_rate
        start, end = peak * self.start_factor, peak * self.end_factor
        warmup = max(1.0, self.total_steps * self.warmup_fraction)
        rising = start + (peak - start) * step / warmup
        progress = ops.clip((step - warmup) / max(1.0, self.total_steps - warmup), 0.0, 1.0)
        falling = end + 0.5 * (peak - end) * (1.0 + ops.cos(math.pi * progress))
        return ops.where(step < warmup, rising, falling)

    def get_config(self) -> dict:
        return {
            "peak_learning_rate": self.peak_learning_rate,
            "total_steps": self.total_steps,
            "warmup_fraction": self.warmup_fraction,
            "start_factor": self.start_factor,
            "end_factor": self.end_factor,
        }
