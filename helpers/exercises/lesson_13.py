"""Self-checks of lesson 13's exercise (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, equal_to, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="13-1",
        asks_for=(
            "a pair (class, cells): the class whose map has the fewest cells above a quarter of "
            "its peak, and how many it has, two ints"
        ),
        # a cell just above or below 0.25 can flip on another CPU: one cell either way
        is_right=sequence_of(equal_to(9), in_range(3, 5)),
        hint=(
            "Pass ten copies of the image and classes=np.arange(10) to grad_cam (each map "
            "comes scaled to a peak of 1); then count, for each of the ten maps, the cells above "
            "0.25 ((maps > 0.25).sum(axis=(1, 2))), and take the class with the fewest and its "
            "count."
        ),
        reference=(9, 4),
        wrong=((9, 49), (7, 41), (7, 49), (0, 9), 9),
    ),
)
