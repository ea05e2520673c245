"""Self-checks of lesson 15's exercise (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="15-1",
        asks_for=(
            "a pair: the time model.predict takes divided by the time the TFLite float32 model "
            "takes, for all 10,000 test images, and TFLite's time per image in µs"
        ),
        # machines differ a lot: the ranges tell a batch timing from a single-image one
        is_right=sequence_of(in_range(0.2, 5.0), in_range(3.0, 500.0)),
        hint=(
            "Time both on x_test, not on one image: latency_us(lambda: "
            "model.predict(x_test, batch_size=500, verbose=0), repeats=3, warmup=1).median_us, "
            "and the "
            "same for float_tflite.predict(x_test); then divide the first by the second. Per "
            "image: TFLite's time divided by 10,000."
        ),
        reference=(0.89, 41.0),
        wrong=((1349.0, 37.0), (0.89, 0.041), (0.89, 410_000.0), 0.89),
    ),
)
