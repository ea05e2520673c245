"""Self-checks of lesson 09's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, same_items, sequence_of

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
            "a pair: the names of the best two networks as the table writes them (a list), and "
            "their ensemble's validation loss (a float)"
        ),
        # The networks are fixed: float32 rounding moves this loss by far less than the gap
        # to the second-best pair (0.012369).
        is_right=sequence_of(same_items(["bn_cnn 2", "bn_cnn 4"]), close_to(0.0123097, rel=1e-3)),
        hint=(
            "Average the validation probabilities of every pair (itertools.combinations of the "
            "ten names) and keep the lowest mean_loss on y_val: the mean cross-entropy of the "
            "pair's averaged probabilities, not the mean of the two networks' losses."
        ),
        reference=(["bn_cnn 2", "bn_cnn 4"], 0.0123097),
        wrong=(
            (["bn_cnn 4", "dropout_cnn 4"], 0.0123691),
            (["bn_cnn 2", "bn_cnn 4"], 0.0133267),
            (["bn_cnn 2", "bn_cnn 4"], 0.012208),
            0.0123097,
        ),
    ),
)
