"""Self-checks of lesson 04's exercises (see helpers.exercises)."""

from helpers.exercises import Exercise, close_to, in_range

EXERCISES = (
    Exercise(
        key="04-1",
        asks_for=(
            "the largest absolute difference between the weights of unit 0 and of any other "
            "unit of hidden_1 after the epoch, a float"
        ),
        is_right=in_range(0.0, 1e-3),
        hint=(
            "Each column of hidden_1's kernel holds one unit's weights: compare every column "
            "with the first, kernel - kernel[:, :1], and take the largest absolute value."
        ),
        reference=0.0,
        wrong=(0.1133, 0.01, 0.5),
    ),
    Exercise(
        key="04-2",
        asks_for="how many times one plain SGD step the update becomes in the long run, a number",
        is_right=close_to(100.0, rel=0.005),
        hint=(
            "With a constant gradient the velocity settles where v = 0.99 · v − lr · g; "
            "solve for v, or run the update a few thousand times and look at the last one."
        ),
        reference=100.0,
        wrong=(10.0, 99.0, 1.99),
    ),
    Exercise(
        key="04-3",
        asks_for="the fraction by which one step shrinks the weight, a float such as 0.001",
        is_right=close_to(2e-6, rel=0.05),
        hint=(
            "Keras's L2(λ) adds λ · w² for this weight to the loss; its gradient is 2λw, and "
            "plain SGD moves the weight by lr times the gradient."
        ),
        reference=2e-6,
        wrong=(1e-6, 1e-4, 1e-3),
    ),
)
