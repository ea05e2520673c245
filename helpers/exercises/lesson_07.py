"""Self-checks of lesson 07's exercises (see helpers.exercises)."""

from helpers.exercises import Exercise, close_to, equal_to, sequence_of

EXERCISES = (
    Exercise(
        key="07-1",
        asks_for="the pair as a tuple (true digit, predicted digit) of two ints",
        is_right=sequence_of(equal_to(4), equal_to(9)),
        hint="Rows of the confusion matrix are true digits, columns predicted ones. Normalise "
        "the rows, set the diagonal to 0 (np.fill_diagonal) and find the row and column of the "
        "largest value (np.unravel_index).",
        reference=(4, 9),
        wrong=((9, 4), (2, 3), (3, 5), (7, 2)),
    ),
    Exercise(
        key="07-2",
        asks_for="the number of test images, an int",
        is_right=equal_to(10),
        hint="Three conditions at once, combined with &: the CNN is wrong, the dense network is "
        "wrong, and the two predictions differ from each other.",
        reference=10,
        wrong=(47, 37, 72, 253),
    ),
    Exercise(
        key="07-3",
        asks_for="a tuple (share sent to a person, accuracy on the rest) of two fractions "
        "between 0 and 1",
        # The reference networks are fixed, so only rounding in the last digits can move an
        # image across 0.9: the tolerances are ten images' worth or less.
        is_right=sequence_of(close_to(0.018, abs_=0.001), close_to(0.99827, abs_=0.0005)),
        hint="The CNN's confidence in an image is the largest of its ten probabilities. The "
        "images below 0.9 go to a person; the accuracy on the rest counts only the other images. "
        "Both as fractions, not percent.",
        reference=(0.018, 0.998269),
        wrong=((0.982, 0.998269), (0.018, 0.9928), (1.8, 99.83), (0.018, 0.764)),
    ),
)
