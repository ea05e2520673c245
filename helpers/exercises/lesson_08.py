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
            "channel 3's standard deviation in inference mode divided by its standard deviation "
            "in training mode (from `normalised`), a float"
        ),
        # 0.541 (0.4686 / 0.8662, read off the solutions' computation), as the formula predicts:
        # sqrt((v + ε) / (v + 0.9 ** 44 × (1 − v) + ε)) with v = 0.0030. The seeded convolution
        # and the fitting images fix it; float32 rounding moves it by far less than the
        # tolerance, which rejects one step fewer or more (0.521, 0.561) and the mean over all
        # 32 channels (0.593)
        is_right=close_to(0.541, abs_=0.006),
        hint=(
            "This uses exercise 1's step count for momentum 0.9. Call the fresh layer in "
            "training mode once per batch, for k = 0, 1, … up to that count minus one (the "
            "first batch is `features`), then once in inference mode on `features`. Take "
            "np.std(outputs[..., 3]), channel 3 only, and divide it by np.std(normalised[..., 3]). "
            "If you are off by a few hundredths, count the training-mode calls again (exercise "
            "1's count, not one more or one fewer) and make sure you use channel 3 only, not "
            "all 32 channels."
        ),
        reference=0.541,
        wrong=(0.5207, 0.5605, 0.593, 0.487, 0.293, 0.0667, 1.0, 1.848),
    ),
)
