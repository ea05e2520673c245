"""Self-checks of lesson 09's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, sequence_of

EXERCISES = (
    Exercise(
        key="09-1",
        asks_for=(
            "a pair of ints (fixed, broken): how many test images TTA with 3 copies turns from "
            "wrong to right for the chosen network, and how many from right to wrong (the check "
            "accepts 4 images either way, which another CPU can move)"
        ),
        # within 4 images of (18, 7): another CPU or TensorFlow version can flip a few
        is_right=sequence_of(close_to(18, abs_=4), close_to(7, abs_=4)),
        hint=(
            "Compare the chosen network's predicted digits without TTA (test_probabilities) and "
            "with the average of its 3 copies (test_copy_probabilities) against y_test: fixed "
            "means wrong before and right after, broken the reverse."
        ),
        reference=(18, 7),
        wrong=((7, 18), (11, 0), (46, 35)),
    ),
    Exercise(
        key="09-2",
        asks_for=(
            "an int: how many of the 45 pairs of networks, averaged, have a lower validation "
            "loss than the chosen network alone (the check allows one either way)"
        ),
        # 22 in the run saved here. The networks are fixed, so only float rounding moves a
        # pair's loss; the two pairs nearest the threshold lie 0.03 % and 0.08 % from it.
        is_right=close_to(22, abs_=1),
        hint=(
            "For each pair from itertools.combinations(members, 2), average the two networks' "
            "validation probabilities and take mean_loss(y_val, ...) of that average (not the "
            "mean of the two networks' own losses); count the pairs below "
            "mean_loss(y_val, val_probabilities[chosen])."
        ),
        reference=22,
        wrong=(45, 0, 8, 14, 16, 30),
    ),
)
