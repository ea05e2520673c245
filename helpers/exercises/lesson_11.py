"""Self-checks of lesson 11's exercise (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to, sequence_of

EXERCISES = (
    Exercise(
        key="11-1",
        asks_for=(
            "three ints (b, c, smallest_gap): the test images only the BN ensemble gets right, "
            "those only the dropout ensemble gets right, and the smallest gap g (a split of g to "
            "0) whose p is below 0.05 (the check allows one either way for b and c)"
        ),
        # (14, 11, 6): 34 − 23 = 11 and 37 − 23 = 14 in the run saved here, so the gap of 3 is
        # 14 − 11 (p = 0.690); one either way for images within float rounding of a tie. A split
        # g to 0 has p = 2 × 0.5**g, below 0.05 first at g = 6 (0.031; g = 5 gives 0.0625).
        # Wrong answers: b and c swapped, the errors (34, 37), both wrong (23), g = 5 or 3.
        is_right=sequence_of(close_to(14, abs_=1), close_to(11, abs_=1), equal_to(6)),
        hint=(
            "bn_right = candidates['the five BN CNNs'][1].argmax(axis=1) == y_test, and "
            "dropout_right likewise; b = np.sum(bn_right & ~dropout_right), c the other way. A "
            "split g to 0 has p = 2 * 0.5**g (both ways): find the first g with p below 0.05."
        ),
        reference=(14, 11, 6),
        wrong=((11, 14, 6), (34, 37, 6), (23, 11, 6), (14, 11, 5), (14, 11, 3), (14, 11)),
    ),
)
