"""Self-checks of lesson 07's exercises (see helpers.exercises)."""

from collections.abc import Callable
from typing import Any

from helpers.exercises import Exercise, close_to, equal_to, sequence_of


def pair_both_ways(digits: tuple[int, int], images: int) -> Callable[[Any], bool]:
    """A check that accepts (a, b, images) with {a, b} the two ``digits`` in either order."""

    def check(answer: Any) -> bool:
        if isinstance(answer, str | bytes) or len(answer) != 3:
            raise TypeError("three ints")
        pair = sorted(int(digit) for digit in answer[:2])
        return pair == sorted(digits) and equal_to(images)(answer[2])

    return check


EXERCISES = (
    Exercise(
        key="07-1",
        asks_for="a tuple (digit, other digit, images in both directions) of three ints",
        is_right=pair_both_ways((4, 9), 25),
        hint="Take the dense network's confusion matrix, set its diagonal to 0 "
        "(np.fill_diagonal), add its transpose (m + m.T) and find the largest cell "
        "(np.unravel_index of its argmax); the count is that cell's value.",
        reference=(4, 9, 25),
        wrong=((4, 9, 21), (2, 7, 10), (2, 3, 21), (1, 1, 2270)),
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
        # image across 0.99: the tolerances are ten images' worth or less.
        is_right=sequence_of(close_to(0.0536, abs_=0.001), close_to(0.99947, abs_=0.0002)),
        hint="The CNN's confidence in an image is the largest of its ten probabilities. The "
        "images below 0.99 go to a person; the accuracy on the rest counts only the other images. "
        "Both as fractions, not percent.",
        reference=(0.0536, 0.999472),
        wrong=((0.9464, 0.999472), (0.0536, 0.9928), (5.36, 99.95), (0.018, 0.998269)),
    ),
)
