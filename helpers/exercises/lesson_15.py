"""Self-checks of lesson 15's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="15-1",
        asks_for="a pair: the digit the CNN predicts for the crossed 7, an int from 0 to 9, and "
        "the probability it gives that digit, a fraction",
        # 7 at 0.9999... on the machine of the saved run
        is_right=sequence_of(equal_to(7), in_range(0.95, 1.0)),
        hint=(
            "Draw the bar on printed_digit('7', font=BOLD) with ImageDraw.Draw(picture).line(...), "
            "then to_mnist_format, divide by 255 and take the argmax of model.predict and the "
            "largest probability (a fraction, not percent)."
        ),
        reference=(7, 0.99997),
        wrong=((3, 0.99997), (7, 99.997), (7, 0.5), 7),
    ),
    Exercise(
        key="15-2",
        asks_for=(
            "a triple (size, accuracy with 4, accuracy with 5): the erosion size the first half "
            "chooses, an int from 2 to 5, and the first half's accuracies with the 4 × 4 and the "
            "5 × 5 erosion, fractions"
        ),
        # a few images near a decision boundary may flip on another CPU: 3 of 900 either way
        is_right=sequence_of(
            equal_to(3), close_to(0.9344, abs_=0.0035), close_to(0.8844, abs_=0.0035)
        ),
        hint=(
            "For each size, erode enlarge(image) with ndimage.grey_erosion(..., size=size), "
            "preprocess with to_mnist_format and compare the accuracies on the first 900 images "
            "(digits.images[:900]); keep the accuracies as fractions, not percent."
        ),
        reference=(3, 0.9344, 0.8844),
        wrong=((3, 0.8844, 0.9344), (2, 0.9344, 0.8844), (3, 93.44, 88.44), (3, 0.8844)),
    ),
)
