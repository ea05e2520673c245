"""Self-checks of lesson 10's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, equal_to, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="10-1",
        asks_for=(
            "a pair (class, cells): the class whose map has the fewest cells above a quarter of "
            "its peak, and how many it has, two ints"
        ),
        # a cell just above or below 0.25 can flip on another CPU: one cell either way
        is_right=sequence_of(equal_to(9), in_range(3, 5)),
        hint=(
            "Pass ten copies of the image and classes=np.arange(10) to grad_cam; then count, "
            "for each of the ten maps, the cells above 0.25 ((maps > 0.25).sum(axis=(1, 2))), "
            "and take the class with the fewest and its count."
        ),
        reference=(9, 4),
        wrong=((9, 49), (7, 49), (0, 9), 9),
    ),
    Exercise(
        key="10-2",
        asks_for="the CNN's accuracy on the 1,000 transferred images, a float between 0 and 1",
        # the clean images (0.990) and the random-sign control (0.988) lie just above
        is_right=in_range(0.97, 0.985),
        hint=(
            "Make the images with fgsm(dense, x_attack, y_attack, 0.1), then ask the CNN: "
            "accuracy(y_attack, cnn.predict(...)). Not the CNN's own attack, nor the clean images."
        ),
        reference=0.979,
        wrong=(0.906, 0.99, 0.988, 0.152),
    ),
)
