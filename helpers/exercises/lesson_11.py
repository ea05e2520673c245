"""Self-checks of lesson 11's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to, in_range, sequence_of

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
    Exercise(
        key="11-2",
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
