"""Self-checks of lesson 03's exercises (see helpers.exercises)."""

from helpers.exercises import Exercise, close_to

EXERCISES = (
    Exercise(
        key="03-1",
        asks_for="the distance |w − best w| after 500 steps at exactly lr = 2 / c, a float",
        is_right=close_to(2.0033, rel=1e-3),
        hint=(
            "Run descend(2 / curvature, steps=500) and compare its last w with best_w. "
            "Each step multiplies the distance by 1 − lr · c: what is that factor at lr = 2 / c?"
        ),
        reference=2.00333,
        wrong=(0.0, 4.0067, 1e20),
    ),
    Exercise(
        key="03-2",
        asks_for="the gradient of the loss with respect to logit 2 (the true digit's), a float",
        is_right=close_to(-0.9728, abs_=5e-4),
        hint=(
            "The gradient with respect to the logits is softmax(z) − one-hot(label); "
            "for the true digit the one-hot vector holds a 1. Mind the sign."
        ),
        reference=-0.97280,
        wrong=(0.0272, -1.0, 0.9728, -0.5056),
    ),
    Exercise(
        key="03-3",
        asks_for="the largest learning rate that still converges, 2 / c, a float",
        is_right=close_to(1 / 30, rel=1e-2),
        hint=(
            "The curvature is c = 2 · mean(x²): work out how it changes when every x doubles, "
            "then take 2 / c."
        ),
        reference=1 / 30,
        wrong=(2 / 15, 1 / 15, 4 / 15),
    ),
)
