"""Self-checks of lesson 08's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to, sequence_of

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
        asks_for="conv_2b's multiply-adds for one image, an int",
        is_right=equal_to(2_359_296),
        hint=(
            "conv_2b's output is 8 × 8 positions × 64 filters; each output value sums 3 × 3 "
            "products for each of the 64 input channels. Multiply the number of outputs by the "
            "products per output."
        ),
        reference=2_359_296,
        wrong=(36_864, 4_096, 5_308_416, 2_363_392),
    ),
    Exercise(
        key="08-3",
        asks_for='a pair: one letter, "a", "b" or "c", and the largest of the output channels\' '
        "standard deviations in inference mode, a float",
        # the seeded convolution's features are fixed; float32 rounding moves this by far less
        is_right=sequence_of(equal_to("b"), close_to(0.156, abs_=0.003)),
        hint=(
            "In inference mode the layer does not use this batch's statistics but its moving "
            "averages. Print batch_norm.moving_mean and batch_norm.moving_variance: how far have "
            "they moved from 0 and 1 in one step? The standard deviations: "
            "np.std(outputs, axis=(0, 1, 2)), then the largest."
        ),
        reference=("b", 0.156),
        wrong=(("a", 0.978), ("b", 0.978), ("c", 0.0), "b"),
    ),
)
