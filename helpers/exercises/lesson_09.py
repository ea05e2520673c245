"""Self-checks of lesson 09's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="09-1",
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
    Exercise(
        key="09-2",
        asks_for=(
            "three values (gap, noise, beyond): the CNN's test errors minus the worst BN CNN "
            "seed's, an int; the noise of the difference in images, a float; and True if the gap "
            "is more than twice that noise, else False"
        ),
        # 72 − 55 = 17 errors; √(10,000 × (0.9945 × 0.0055 + 0.9928 × 0.0072)) = √126.18 = 11.23
        # images; 17 < 2 × 11.23, so False. The log fixes both scores. The wrong answers: beyond
        # taken as True, one score's noise only (7.4 or 8.5), the noises added without squares
        # (15.9), the variance instead of its root (126.2), the gap in accuracy, seed 0's numbers
        is_right=sequence_of(close_to(17, abs_=1), close_to(11.23, abs_=0.15), equal_to(False)),
        hint=(
            "The gap is (1 - cnn_accuracy) * 10000 - (1 - min(seed_accuracies)) * 10000, in "
            "images. Each score's noise is np.sqrt(n * acc * (1 - acc)) with n = 10000; the "
            "noise of the difference is the square root of the sum of the two squared noises. "
            "Beyond is gap > 2 * noise."
        ),
        reference=(17, 11.23, False),
        wrong=(
            (17, 11.23, True),
            (17, 7.42, False),
            (17, 8.45, False),
            (17, 15.9, False),
            (17, 126.18, False),
            (0.0017, 11.23, False),
            (36, 10.36, True),
        ),
    ),
)
