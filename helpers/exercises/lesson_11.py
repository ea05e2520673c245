"""Self-checks of lesson 11's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to, in_range, sequence_of

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
        asks_for=(
            "a pair (size, accuracy): the erosion size the first half chooses, an int from 2 to "
            "5, and the first half's accuracy with the 5 × 5 erosion, a fraction"
        ),
        # a few images near a decision boundary may flip on another CPU: 3 of 900 either way
        is_right=sequence_of(equal_to(3), close_to(0.8844, abs_=0.0035)),
        hint=(
            "For each size, erode enlarge(image) with ndimage.grey_erosion(..., size=size), "
            "preprocess with to_mnist_format and compare the accuracies on the first 900 images "
            "(digits.images[:900]); keep the accuracy of size 5 as a fraction, not percent."
        ),
        reference=(3, 0.8844),
        wrong=((3, 0.9589), (2, 0.8844), (3, 88.44), 3),
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
