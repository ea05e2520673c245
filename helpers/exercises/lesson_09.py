"""Self-checks of lesson 09's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, sequence_of

EXERCISES = (
    Exercise(
        key="09-1",
        asks_for=(
            "a pair of ints (fixed, broken): how many test images TTA with 3 copies turns from "
            "wrong to right for the chosen network, and how many from right to wrong (the check "
            "accepts 1 image either way, which another CPU or TensorFlow version can move)"
        ),
        # within 1 image of (16, 6). The 22 images that TTA changes all lie at least 0.006
        # from a tie between their two likeliest digits, far beyond the float differences
        # between CPUs; 1 image leaves room for a TensorFlow version that shifts one. Not 3:
        # fixed − broken = 10 can be read off the scoreboard, and with 3 either way a guess
        # such as (13, 3) would pass.
        is_right=sequence_of(close_to(16, abs_=1), close_to(6, abs_=1)),
        hint=(
            "Compare each test image's predicted digit (argmax) without TTA and with the average "
            "of the chosen network's 3 copies against y_test: fixed means wrong without TTA and "
            "right with it, broken the reverse; a boolean mask for each, then count. If your "
            "counts are far off, check that you averaged the chosen network's copies only."
        ),
        reference=(16, 6),
        wrong=((6, 16), (10, 0), (13, 3), (46, 36)),
    ),
    Exercise(
        key="09-2",
        asks_for=(
            "a pair of ints (pairs, pairs_without_chosen): how many of the 45 pairs of "
            "networks, averaged, have a lower validation loss than the chosen network alone, "
            "and how many of those do not include the chosen network (the check allows one "
            "either way for each)"
        ),
        # (22, 14) in the run saved here. The networks are fixed, so only float rounding moves
        # a pair's loss; the two pairs nearest the threshold lie 0.03 % and 0.08 % from it.
        is_right=sequence_of(close_to(22, abs_=1), close_to(14, abs_=1)),
        hint=(
            "For each pair from itertools.combinations(members, 2), average the two networks' "
            "validation probabilities and take mean_loss(y_val, ...) of that average (not the "
            "mean of the two networks' own losses); count the pairs below val_loss[chosen], "
            "then those of them that do not include chosen."
        ),
        reference=(22, 14),
        wrong=((22, 8), (14, 22), (22, 22), (45, 36), (0, 0), (8, 14), (16, 14), (22, 30)),
    ),
)
