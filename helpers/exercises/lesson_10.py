"""Self-checks of lesson 10's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, equal_to, in_range

EXERCISES = (
    Exercise(
        key="10-1",
        asks_for="the class whose map is most concentrated, a digit from 0 to 9",
        is_right=equal_to(9),
        hint=(
            "Pass ten copies of the image and classes=np.arange(10) to grad_cam; then count, "
            "for each of the ten maps, the cells above 0.25, and take the class with the fewest."
        ),
        reference=9,
        wrong=(7, 1, 0),
    ),
    Exercise(
        key="10-2",
        asks_for="the CNN's accuracy on the 1,000 transferred images, a float between 0 and 1",
        is_right=in_range(0.96, 0.99),
        hint=(
            "Make the images with fgsm(dense, x_attack, y_attack, 0.1), then ask the CNN: "
            "accuracy(y_attack, cnn.predict(...)). Not the CNN's own attack, nor the clean images."
        ),
        reference=0.978,
        wrong=(0.886, 0.995, 0.106),
    ),
)
