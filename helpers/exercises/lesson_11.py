"""Self-checks of lesson 11's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="11-1",
        asks_for=(
            "five values (b, c, both_wrong, p, smallest_p): the test images only the five BN CNNs' "
            "ensemble gets right, those only the five dropout CNNs' ensemble gets right, those "
            "both get wrong, the two-sided p-value of the split b to c, and the smallest p any "
            "split with a gap of 3 can reach (the check allows one either way for the counts, "
            "and 0.01 for the p-values)"
        ),
        # (14, 11, 23, 0.690, 0.25) in the run saved here: 34 − 11 = 37 − 14 = 23 images both
        # wrong; 3 to 0 is the most uneven split with a gap of 3, p = 2 × 0.5³ = 0.25 > 0.05, so
        # no 3-image gap can be beyond luck. The networks are fixed, so only a top digit within
        # float rounding of a tie could move a count; 1 leaves room for that. The wrong answers:
        # the dropout ensemble first, the errors for b and c, the one-sided p, the errors added
        # for both_wrong, the 14-to-11 split's p taken as the smallest, the one-sided 0.125.
        is_right=sequence_of(
            close_to(14, abs_=1),
            close_to(11, abs_=1),
            close_to(23, abs_=1),
            close_to(0.690, abs_=0.01),
            close_to(0.25, abs_=0.01),
        ),
        hint=(
            "Make bn_right = candidates['the five BN CNNs'][1].argmax(axis=1) == y_test, and "
            "dropout_right likewise; b = np.sum(bn_right & ~dropout_right), c the other way round, "
            "both_wrong = np.sum(~bn_right & ~dropout_right). p counts the splits at least as "
            "uneven as b to c, both ways: 2 * sum(math.comb(b + c, k) for k in range(c + 1)) / "
            "2 ** (b + c) when c < b. For smallest_p, try the splits 3 to 0, 4 to 1, 5 to 2: "
            "which is the most uneven?"
        ),
        reference=(14, 11, 23, 0.690, 0.25),
        wrong=(
            (11, 14, 23, 0.690, 0.25),
            (34, 37, 23, 0.690, 0.25),
            (14, 11, 23, 0.345, 0.25),
            (14, 11, 57, 0.690, 0.25),
            (14, 11, 23, 0.690, 0.690),
            (14, 11, 23, 0.690, 0.125),
            (14, 11, 23, 0.690),
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
