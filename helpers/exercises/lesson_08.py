"""Self-checks of lesson 08's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to

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
            "the first step (0 to 429) at which one_cycle(step, 0.003, 430) is below 1 % of its "
            "peak, an int"
        ),
        # ½ (1 + cos(π p)) = (0.01 − 1e-4) / (1 − 1e-4) at progress p = 0.93662, so step
        # 129 + 0.93662 × 301 = 410.9: 411 is the first whole step below 0.00003 (0.0000329 at
        # 410, 0.0000297 at 411). The wrong answers: half the peak (280), the warm-up's end (129),
        # progress counted from the warm-up's end (282), off by one (410, 412), the last step
        is_right=equal_to(411),
        hint=(
            "Loop over the steps 0 to 429 with one_cycle(step, 0.003, 430) and keep the first "
            "step whose rate is below 0.00003 (1 % of the peak 0.003). Start the search at the "
            "peak, step 129, and count steps from the start of the run, not from the peak."
        ),
        reference=411,
        wrong=(280, 129, 282, 410, 412, 429, 0, 369),
    ),
)
