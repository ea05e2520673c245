"""Self-checks of lesson 12's exercise (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, in_range

EXERCISES = (
    Exercise(
        key="12-1",
        asks_for=(
            "an int n: the fewest test images for which the 0.0005 between the floor and the goal "
            "exceeds twice one score's noise at the typical accuracy (the check allows 5 % either "
            "way)"
        ),
        # 2 * sqrt(acc * (1 - acc) / n) < 0.0005 at acc = 0.9959 gives n > 65,331.04: 65,332.
        # Forgetting the "twice" gives 16,333; squaring 4 / 0.0005 instead gives 261,325;
        # the ensemble's accuracy (0.9974) gives 41,492 and the goal's (0.9965) 55,804.
        is_right=in_range(62_064, 68_598),
        hint=(
            "Write the condition 2 * sqrt(typical * (1 - typical) / n) < 0.0005 and solve it for "
            "n: square both sides, n > 4 * typical * (1 - typical) / 0.0005**2. Round up to the "
            "next whole image."
        ),
        reference=65_332,
        wrong=(10_000, 16_333, 261_325, 41_492, 55_804, 65, 5_000),
    ),
)
