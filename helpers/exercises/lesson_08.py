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
            "the first step (0 to 429), after the warm-up, at which one_cycle(step, 0.003, 430) "
            "is below half its peak, an int"
        ),
        # warm-up 0.3 × 430 = 129 steps (peak at step 129); the cosine crosses half its height at
        # progress 0.5, step 129 + 301 / 2 = 279.5, so 280 is the first whole step below 0.0015
        is_right=equal_to(280),
        hint=(
            "Loop over the steps 0 to 429 with one_cycle(step, 0.003, 430) and keep the first "
            "step whose rate is below 0.0015 (half the peak 0.003). Skip the warm-up: its first "
            "steps are below half the peak too, on the way up, and the peak comes at step 129."
        ),
        reference=280,
        wrong=(129, 151, 279, 281, 215, 61, 62, 0, 301),
    ),
    Exercise(
        key="08-3",
        asks_for=(
            "the inference-mode mean channel standard deviation divided by training mode's "
            "(about 0.872), a float"
        ),
        # 0.517 / 0.872; the seeded convolution and the fitting images fix it; float32 rounding
        # moves it by far less than the tolerance, which rejects one step more or fewer
        # (0.574, 0.612)
        is_right=close_to(0.593, abs_=0.006),
        hint=(
            "This uses exercise 1's step count for momentum 0.9. Call the fresh layer in "
            "training mode once per batch, for k = 0, 1, … up to that count minus one (the "
            "first batch is `features`), then once in inference mode on `features`. "
            "np.std(outputs, axis=(0, 1, 2)) gives one standard deviation per channel; take "
            "their mean and divide it by spreads[0]. About "
            "0.57 or 0.61 means one step too many or too few."
        ),
        reference=0.593,
        wrong=(0.517, 0.5739, 0.6117, 0.0811, 1.0, 1.686),
    ),
)
