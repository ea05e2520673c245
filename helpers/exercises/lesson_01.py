"""Self-checks of lesson 01's exercises (see helpers.exercises)."""

from helpers.exercises import Exercise, close_to, equal_to

EXERCISES = (
    Exercise(
        key="01-1",
        asks_for="the position in x_train of the heaviest image (0 to 59,999), an int",
        is_right=equal_to(41358),
        hint=(
            "Count each image's pixels above 0 (sum over its two pixel axes), then ask NumPy "
            "where the largest count sits (np.argmax): the answer is that position, not the "
            "count itself and not the image's label."
        ),
        reference=41358,
        wrong=(351, 0, 57362, 59439),
    ),
    Exercise(
        key="01-2",
        asks_for="the number of components that keep 90 % of the variance, an int",
        is_right=equal_to(87),
        hint=(
            "Fit PCA() on all 60,000 flattened training images without n_components, add up "
            "explained_variance_ratio_ with np.cumsum and count the components needed to "
            "reach 0.90. Positions in Python start at 0, counts at 1."
        ),
        reference=87,
        wrong=(86, 85, 50, 154),
    ),
    Exercise(
        key="01-3",
        asks_for=(
            "the largest absolute difference between the two average images, in pixel "
            "values 0–255, a float"
        ),
        is_right=close_to(10.5034, abs_=0.06),
        hint=(
            "Average the 5,000 validation images x_train[validation_positions] and the test "
            "images over axis 0 without scaling them, subtract, and take the largest absolute "
            "value (not the mean)."
        ),
        reference=10.5034,
        wrong=(0.0412, 1.293, 8.745, 3.607),
    ),
)
