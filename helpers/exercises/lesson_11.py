"""Self-checks of lesson 11's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="11-1",
        asks_for=(
            "four values (b, c, p, beyond): the test images only the five BN CNNs' ensemble gets "
            "right, those only the five dropout CNNs' ensemble gets right, the p-value from "
            "binomtest, and True if p < 0.05 (yardstick 2's bar), else False "
            "(the check allows one either way for b and c, and 0.01 for p)"
        ),
        # (14, 11, 0.690, False) in the run saved here. The networks are fixed, so only a top
        # digit within float rounding of a tie could move b or c; 1 leaves room for that. The
        # order matters: (11, 14, ...) is the dropout ensemble first. p = 0.690 is far above
        # 0.05, so the gap is within luck: beyond is False.
        is_right=sequence_of(
            close_to(14, abs_=1), close_to(11, abs_=1), close_to(0.690, abs_=0.01), equal_to(False)
        ),
        hint=(
            "Make bn_right = candidates['the five BN CNNs'][1].argmax(axis=1) == y_test, and "
            "dropout_right likewise; b = np.sum(bn_right & ~dropout_right), c the other way round. "
            "b and c count images where the two ensembles disagree on being right, not each "
            "ensemble's errors (34 and 37). p = binomtest(b, b + c, 0.5).pvalue; beyond: p < 0.05."
        ),
        reference=(14, 11, 0.690, False),
        wrong=(
            (11, 14, 0.690, False),
            (34, 37, 0.690, False),
            (14, 11, 0.345, False),
            (14, 11, 0.690, True),
            (37, 34, 0.72, False),
            (3, 0, 0.25, False),
            (14, 11, 0.690),
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
