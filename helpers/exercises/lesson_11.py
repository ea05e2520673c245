"""Self-checks of lesson 11's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to, sequence_of

EXERCISES = (
    Exercise(
        key="11-1",
        asks_for=(
            "three values (both_wrong, smallest_p, smallest_gap): the test images both families' "
            "ensembles get wrong, an int; the smallest p (a split at least as uneven, either way, "
            "as paired_gap counts it) any split with a gap of 3 can reach, a float; and the "
            "smallest gap g (a split of g to 0) that could be beyond luck, an int (the check "
            "allows one either way for both_wrong and 0.01 for smallest_p)"
        ),
        # (23, 0.25, 6): 34 − 11 = 37 − 14 = 23 images both wrong in the run saved here (the
        # networks are fixed; 1 either way leaves room for a top digit within float rounding of
        # a tie). 3 to 0 is the most uneven split with a gap of 3: p = 2 × 0.5³ = 0.25. A split
        # g to 0 has p = 2 × 0.5**g, below 0.05 first at g = 6 (0.031; g = 5 gives 0.0625). The
        # wrong answers: the errors added (57), the one-sided 0.125, 14 to 11's 0.690, g = 5 or 4.
        is_right=sequence_of(close_to(23, abs_=1), close_to(0.25, abs_=0.01), equal_to(6)),
        hint=(
            "both_wrong = np.sum(~bn_right & ~dropout_right), where bn_right = "
            "candidates['the five BN CNNs'][1].argmax(axis=1) == y_test and dropout_right "
            "likewise. A split g to 0 has p = 2 * 0.5**g (both ways); with a gap of 3 the most "
            "uneven split is 3 to 0. For smallest_gap, find the first g with 2 * 0.5**g < 0.05."
        ),
        reference=(23, 0.25, 6),
        wrong=(
            (57, 0.25, 6),
            (23, 0.125, 6),
            (23, 0.690, 6),
            (23, 0.25, 5),
            (23, 0.25, 4),
            (0, 0.25, 6),
            (23, 0.25),
        ),
    ),
)
