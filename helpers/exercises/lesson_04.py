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
        asks_for="how many times one plain SGD step the 100th update is, a number",
        is_right=close_to(63.397, rel=0.002),
        hint=(
            "Start from a velocity of 0 and apply v = 0.99 · v − lr · g one hundred times with a "
            "constant g (or let keras.optimizers.SGD(0.01, momentum=0.99) do it on a "
            "keras.Variable with optimizer.apply_gradients([(gradient, weight)])); divide the "
            "100th change of the weight by lr · g."
        ),
        reference=63.397,
        wrong=(100.0, 10.0, 9.56, 0.634),
    ),
    Exercise(
        key="04-3",
        asks_for=(
            "the fraction by which one Adam step shrinks the weight that starts at 0.1, a float "
            "such as 0.001"
        ),
        # Adam's epsilon (1e-7) shows in this step: 8.63e-3 rather than 0.01.
        is_right=close_to(8.63e-3, rel=0.01),
        hint=(
            "Make the weight a keras.Variable(0.1), take the gradient of "
            "keras.regularizers.L2(1e-4)(weight) with a tape, apply it once with "
            "keras.optimizers.Adam(1e-3), and compare the weight before and after: "
            "1 − after / before."
        ),
        reference=8.6291e-3,
        wrong=(2e-6, 9.84e-4, 1e-3, 0.0863),
    ),
)
