"""Self-checks of lesson 08's exercises (see helpers.exercises)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from helpers.exercises import Exercise, equal_to, sequence_of


def layer_type(expected: str, *also: str) -> Callable[[Any], bool]:
    """A check that accepts a Keras layer type's name, in any case, with or without spaces,
    underscores or hyphens (``"batch_normalization"``), and the other spellings in ``also``."""
    accepted = {re.sub(r"[\s_\-]", "", name.lower()) for name in (expected, *also)}

    def check(answer: Any) -> bool:
        if not isinstance(answer, str):
            raise TypeError("a str")
        return re.sub(r"[\s_\-]", "", answer.strip().lower()) in accepted

    return check


EXERCISES = (
    Exercise(
        key="08-1",
        asks_for=(
            "the two step counts, for momentum 0.9 and for 0.99, as a tuple of two ints "
            "such as (10, 100)"
        ),
        is_right=sequence_of(equal_to(44), equal_to(459)),
        hint=(
            "After k steps a share momentum ** k of the initial value is left. Find the "
            "smallest whole k with momentum ** k < 0.01 (np.log helps, or a loop)."
        ),
        reference=(44, 459),
        wrong=((43, 458), (10, 100), (22, 230), (45, 460)),
    ),
    Exercise(
        key="08-2",
        asks_for='the type of the layers that hold them, a str such as "Dense"',
        is_right=layer_type("BatchNormalization", "BatchNormalisation", "batch norm", "BN"),
        hint=(
            "Loop over model.layers and print each layer's name, its type (type(layer).__name__) "
            "and len(layer.non_trainable_weights)."
        ),
        reference="BatchNormalization",
        wrong=("Dense", "Dropout", "Conv2D", "ReLU"),
    ),
    Exercise(
        key="08-3",
        asks_for='one letter, "a", "b" or "c"',
        is_right=equal_to("b"),
        hint=(
            "In inference mode the layer does not use this batch's statistics but its moving "
            "averages. Print batch_norm.moving_mean and batch_norm.moving_variance: how far have "
            "they moved from 0 and 1 in one step?"
        ),
        reference="b",
        wrong=("a", "c"),
    ),
)
