"""Self-checks of lesson 02's exercises (see helpers.exercises)."""

from helpers.exercises import Exercise, close_to, equal_to, sequence_of

EXERCISES = (
    Exercise(
        key="02-1",
        asks_for="the number of parameters with 256 units per hidden layer, an int",
        is_right=equal_to(269_322),
        hint=(
            "Each Dense layer has inputs × units weights plus one bias per unit; with 256 "
            "units, the middle layer has 256 inputs too, and the output layer still 10 units."
        ),
        reference=269_322,
        wrong=(118_282, 268_800, 236_564),
    ),
    Exercise(
        key="02-2",
        asks_for="the mean loss over the test images the reference network gets wrong, a float",
        # The reference network is fixed: only float32 rounding moves this mean (by far less).
        is_right=close_to(2.63169, rel=1e-3),
        hint=(
            "Use the reference copy, not your own model. The loss of one image is minus the "
            "natural log (np.log) of the probability the model gives its true digit; keep the "
            "images whose most probable digit (argmax) is not y_test, and take the mean of "
            "their losses."
        ),
        reference=2.6316907,
        wrong=(0.08281, 10.2002, 0.000131, 665.8),
    ),
    Exercise(
        key="02-3",
        asks_for=(
            "the reference network's three most likely digits for that image, most likely "
            "first, a list of three ints"
        ),
        is_right=sequence_of(equal_to(5), equal_to(9), equal_to(8)),
        hint=(
            "Use the reference copy, not your own model. np.argsort sorts from least to most "
            "likely: reverse it before taking the first three."
        ),
        reference=[5, 9, 8],
        wrong=([9, 5, 8], [8, 9, 5], [5, 9], [5, 9, 3]),
    ),
)
