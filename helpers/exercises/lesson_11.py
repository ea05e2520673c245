"""Self-checks of lesson 11's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, equal_to, in_range

EXERCISES = (
    Exercise(
        key="11-1",
        asks_for="the digit the CNN predicts for the crossed 7, an int from 0 to 9",
        is_right=equal_to(7),
        hint=(
            "Draw the bar on printed_digit('7', font=BOLD) with ImageDraw.Draw(picture).line(...), "
            "then to_mnist_format, divide by 255 and take the argmax of model.predict."
        ),
        reference=7,
        wrong=(3, 1),
    ),
    Exercise(
        key="11-2",
        asks_for="the erosion size the first half chooses, an int from 2 to 5",
        is_right=equal_to(3),
        hint=(
            "For each size, erode enlarge(image) with ndimage.grey_erosion(..., size=size), "
            "preprocess with to_mnist_format and compare the accuracies on the first 900 images."
        ),
        reference=3,
        wrong=(2, 4, 5),
    ),
    Exercise(
        key="11-3",
        asks_for=(
            "the time model.predict takes divided by the time the TFLite float32 model takes, "
            "for all 10,000 test images, a float"
        ),
        is_right=in_range(0.2, 5.0),
        hint=(
            "Time both on x_test, not on one image: median_latency_us(lambda: "
            "model.predict(x_test, batch_size=1000, verbose=0), repeats=3, warmup=1), and the "
            "same for float_tflite.predict(x_test); then divide the first by the second."
        ),
        reference=0.89,
        wrong=(1349.0, 150.0, 0.01),
    ),
)
