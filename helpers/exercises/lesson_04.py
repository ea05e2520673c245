"""Self-checks of lesson 04's exercises (see helpers.exercises)."""

from helpers.exercises import Exercise, close_to, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="04-1",
        asks_for=(
            "a pair of floats: the largest change of a hidden_1 weight from 0.01, and the "
            "largest absolute difference between the weights of unit 0 and of any other unit"
        ),
        # 0.0869 and 0.0 on the machine of the saved run; the first moves with the CPU.
        is_right=sequence_of(in_range(0.06, 0.12), in_range(0.0, 1e-3)),
        hint=(
            "kernel = network.get_layer('hidden_1').kernel.numpy(). The change: the largest "
            "|kernel − 0.01|. Each column holds one unit's weights: compare every column with the "
            "first, kernel − kernel[:, :1], and take the largest absolute value."
        ),
        reference=(0.0869, 0.0),
        wrong=((0.0, 0.0), (0.0869, 0.1133), (0.01, 0.0), 0.0),
    ),
    Exercise(
        key="04-2",
        asks_for="a pair: the 100th and the 1,000th update, in units of one plain SGD step, two "
        "numbers",
        # 1 − 0.99^1000 = 0.99996: the 1,000th update is 99.996 plain steps
        is_right=sequence_of(close_to(63.397, rel=0.002), close_to(99.996, rel=0.002)),
        hint=(
            "Start from a velocity of 0 and apply v = 0.99 · v − lr · g one hundred times with a "
            "constant g (or let keras.optimizers.SGD(0.01, momentum=0.99) do it on a "
            "keras.Variable with optimizer.apply_gradients([(gradient, weight)])); divide the "
            "size of the 100th (and the 1,000th) change of the weight by lr · g."
        ),
        reference=(63.397, 99.996),
        wrong=((100.0, 100.0), (63.397, 10.0), (9.56, 10.0), 63.397),
    ),
    Exercise(
        key="04-3",
        asks_for=(
            "a pair: the fraction one SGD step takes off the weight, and the fraction one Adam "
            "step takes off the weight that starts at 0.1, two floats"
        ),
        # Adam's epsilon (1e-7) shows in this step: 8.63e-3 rather than 0.01.
        is_right=sequence_of(close_to(2e-6, rel=0.01), close_to(8.63e-3, rel=0.01)),
        hint=(
            "Make the weight a keras.Variable, take the gradient of "
            "keras.regularizers.L2(1e-4)(weight) with a tape, apply it once with the optimizer, "
            "and compare the weight before and after: 1 − after / before. SGD: lr = 0.01, "
            "the weight starting anywhere; Adam: lr = 0.001, the weight starting at 0.1."
        ),
        reference=(2e-6, 8.6291e-3),
        wrong=((2e-6, 0.01), (2e-6, 9.84e-4), (1e-4, 8.63e-3), 8.63e-3),
    ),
)
