"""Self-checks of lesson 08's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, equal_to, same_items, sequence_of

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
        asks_for="the names of the non-trainable variables, as Keras gives them, a list of str",
        is_right=same_items(["moving_mean", "moving_variance"]),
        hint=(
            "Loop over model.layers and print each layer's name, its type (type(layer).__name__) "
            "and [weight.name for weight in layer.non_trainable_weights]; each name appears in "
            "several layers, but the answer lists each name once."
        ),
        reference=["moving_mean", "moving_variance"],
        wrong=(["gamma", "beta"], ["moving_mean"], ["BatchNormalization"], "moving_mean"),
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
