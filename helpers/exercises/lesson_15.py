"""Self-checks of lesson 15's exercise (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to, sequence_of

EXERCISES = (
    Exercise(
        key="15-1",
        asks_for=(
            "a pair (q_pixel, probability): the int8 value the full-integer copy's input gives a "
            "pixel of 0.25, an int, and the probability its output q = 100 means, a float"
        ),
        # input: scale 1/255 (in float32, a hair above), zero-point -128: round(0.25 * 255) - 128
        # = round(63.75) - 128 = -64. Output: scale 1/256, zero-point -128: (100 + 128) / 256 =
        # 0.890625. The wrong answers: truncating instead of rounding (-65), forgetting the
        # zero-point (64; 100 / 256 = 0.390625), the signs turned ((100 - 128) / 256 = -0.109375).
        is_right=sequence_of(equal_to(-64), close_to(0.890625, abs_=0.001)),
        hint=(
            "Input: q = round(x / scale) + zero_point with the input's (scale, zero_point), "
            "about (1/255, -128): round(0.25 * 255) is 64. Output: probability = (q - "
            "zero_point) * scale with the output's (1/256, -128)."
        ),
        reference=(-64, 0.890625),
        wrong=((-65, 0.890625), (64, 0.890625), (-64, 0.390625), (-64, -0.109375), (-64,)),
    ),
)
