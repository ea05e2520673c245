"""Self-checks of lesson 03's exercises (see helpers.exercises)."""

from helpers.exercises import Exercise, close_to, equal_to

EXERCISES = (
    Exercise(
        key="03-1",
        asks_for="the number of steps lr = 0.13 needs to come within 0.01 of the best w, an int",
        is_right=equal_to(104),
        hint=(
            "Run descend(0.13, steps=500) and find the first step whose |w − best_w| is below "
            "0.01, with np.flatnonzero as in the lesson's table. Step 0 is the start."
        ),
        reference=104,
        wrong=(4, 68, 105, 500),
    ),
    Exercise(
        key="03-2",
        asks_for=(
            "the gradient of the loss with respect to logit 2 (the true digit's) for 2 * scores, "
            "a float"
        ),
        is_right=close_to(-0.99752, abs_=2e-4),
        hint=(
            "The gradient with respect to the logits is softmax(z) − one-hot(label), here with "
            "z = 2 * scores; for the true digit the one-hot vector holds a 1. Mind the sign."
        ),
        reference=-0.99752,
        wrong=(0.00248, -1.0, -0.9728, 0.99752),
    ),
    Exercise(
        key="03-3",
        asks_for="the learning-rate limit 2 / c for the scaled points, a float",
        is_right=close_to(1 / 30, rel=1e-2),
        hint=(
            "The curvature is c = 2 · mean(x²): work out how it changes when every x doubles, "
            "then take 2 / c."
        ),
        reference=1 / 30,
        wrong=(2 / 15, 1 / 15, 4 / 15),
    ),
)
