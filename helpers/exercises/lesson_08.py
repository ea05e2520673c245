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
        asks_for=(
            "the convolution's name and its multiply-adds for one image, as a tuple such as "
            '("conv_1a", 1000)'
        ),
        is_right=sequence_of(equal_to("conv_1b"), equal_to(5_308_416)),
        hint=(
            "A convolution computes height × width × filters output values (its output shape in "
            "the summary), each a sum of 3 × 3 × (input channels) products; its input channels "
            "are the filters of the convolution before it (1 for conv_1a). Count all four: the "
            "layer with the most weights is not the one that does the most work."
        ),
        reference=("conv_1b", 5_308_416),
        wrong=(
            ("conv_2b", 2_359_296),
            ("conv_2a", 1_843_200),
            ("conv_1b", 9_216),
            ("conv_1b", 5_308_415),
            ("conv_1a", 194_688),
        ),
    ),
    Exercise(
        key="08-3",
        asks_for=(
            "the mean, over the 32 channels, of the inference-mode outputs' standard "
            "deviations, a float"
        ),
        # the seeded convolution and the fitting images fix it; float32 rounding moves it by
        # far less than the tolerance, which rejects one step more or fewer (0.533, 0.501)
        is_right=close_to(0.517, abs_=0.005),
        hint=(
            "Call the fresh layer in training mode once per batch, for k = 0, 1, … up to "
            "exercise 1's count for momentum 0.9 minus one (the first batch is `features`), then "
            "once in inference mode on `features`. np.std(outputs, axis=(0, 1, 2)) gives one "
            "standard deviation per channel; answer their mean. About 0.50 or 0.53 means one "
            "step too many or too few: check your step count with exercise 1's check."
        ),
        reference=0.517,
        wrong=(0.5005, 0.5334, 0.8724, 0.0707, 0.8194, 1.0),
    ),
)
