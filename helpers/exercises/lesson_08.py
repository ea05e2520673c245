"""Self-checks of lesson 08's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="08-1",
        asks_for=(
            "the standard deviation of channel 3 of features in inference mode, computed by hand "
            "with the moving variance momentum 0.99 would leave after 430 steps, a float"
        ),
        # 0.4176: x / sqrt(v + 0.99 ** 430 × (1 − v) + ε) on channel 3, v = 0.0030, read off the
        # solutions' computation (training mode's is 0.866: about half, as Going further's 2.1
        # predicts). The seeded convolution and the fitting images fix it; the tolerance rejects
        # leaving v out of the moving variance (0.460), momentum 0.9 (0.866), the current moving
        # variance (0.058) and dividing by the variance instead of its square root (3.18)
        is_right=close_to(0.4176, abs_=0.004),
        hint=(
            "Take x = np.asarray(features[..., 3]), v = np.var(x) and "
            "moving = v + 0.99**430 * (1 - v). Divide x by np.sqrt(moving + batch_norm.epsilon) "
            "(γ = 1 and β = 0 change nothing) and take np.std of the result. Use 0.99, not the "
            "layer's 0.9, and the square root of moving + epsilon, not moving itself."
        ),
        reference=0.4176,
        wrong=(0.4596, 0.8662, 0.0578, 3.18, 0.5, 1.0),
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
