"""Self-checks of lesson 11's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="11-1",
        asks_for=(
            "four values (b, c, both_wrong, p): the test images only the five BN CNNs' ensemble "
            "gets right, those only the five dropout CNNs' ensemble gets right, those both get "
            "wrong, and the two-sided p-value of the split b to c (the check allows one either "
            "way for the counts, and 0.01 for p)"
        ),
        # (14, 11, 23, 0.690) in the run saved here: 34 − 11 = 37 − 14 = 23 images both wrong.
        # The networks are fixed, so only a top digit within float rounding of a tie could move a
        # count; 1 leaves room for that. The order matters: (11, 14, ...) is the dropout
        # ensemble first; 0.345 is the one-sided p; 57 and 71 add the two ensembles' errors.
        is_right=sequence_of(
            close_to(14, abs_=1),
            close_to(11, abs_=1),
            close_to(23, abs_=1),
            close_to(0.690, abs_=0.01),
        ),
        hint=(
            "Make bn_right = candidates['the five BN CNNs'][1].argmax(axis=1) == y_test, and "
            "dropout_right likewise; b = np.sum(bn_right & ~dropout_right), c the other way round, "
            "both_wrong = np.sum(~bn_right & ~dropout_right). p counts the splits at least as "
            "uneven as b to c, both ways: 2 * sum(math.comb(b + c, k) for k in range(c + 1)) / "
            "2 ** (b + c) when c < b."
        ),
        reference=(14, 11, 23, 0.690),
        wrong=(
            (11, 14, 23, 0.690),
            (34, 37, 23, 0.690),
            (14, 11, 23, 0.345),
            (14, 11, 57, 0.690),
            (14, 11, 0, 0.690),
            (14, 11, 23, 0.31),
            (3, 0, 23, 0.25),
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
