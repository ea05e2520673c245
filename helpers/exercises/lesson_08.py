"""Self-checks of lesson 08's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, equal_to, in_range, sequence_of

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
            "the number of validation 6s turned upside down that `loaded` reads as 9, and the "
            "number of validation 0s turned upside down that it still reads as 0, as a pair of "
            "ints such as (100, 200)"
        ),
        # 463 of the 493 validation 6s and 477 of the 494 0s (seed 0's saved network, read off
        # the solutions' computation); 3 either way allows for images near a tie on other CPUs
        is_right=sequence_of(in_range(460, 466), in_range(474, 480)),
        hint=(
            "Turn the images with np.rot90(images, 2, axes=(1, 2)), predict them with "
            "loaded.predict(..., verbose=0), take .argmax(axis=1) for each image's digit, then "
            "count with np.sum(digits == 9) for the 6s and np.sum(digits == 0) for the 0s. Count "
            "images, not shares, and use the validation images (x_val, y_val), not the test set."
        ),
        reference=(463, 477),
        wrong=((493, 494), (30, 17), (0, 477), (463, 0), (0, 0), (0.939, 0.966), (477, 463)),
    ),
)
