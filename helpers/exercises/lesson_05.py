"""Self-checks of lesson 05's exercises (see helpers.exercises)."""

from helpers.exercises import Exercise, in_range

EXERCISES = (
    Exercise(
        key="05-1",
        asks_for="the share of the wrong labels that the Dropout(0.2) network repeats, "
        "a fraction between 0 and 1",
        # Seeds 0, 1 and 2 gave 0.166, 0.192 and 0.184 on the machine of the saved run.
        is_right=in_range(0.10, 0.26),
        hint="Predict the 10,000 small-set images with the trained network, keep only the "
        "images whose label was made wrong (the mask `wrong`), and take the share of them where "
        "the prediction equals y_noisy: a fraction, not a count.",
        reference=0.1656,
        wrong=(0.3318, 0.0296, 0.7756, 498),
    ),
    Exercise(
        key="05-2",
        asks_for="batch 64's final validation accuracy minus that of batch 1,024 with "
        "learning rate 0.01, a float",
        # Seeds 0, 1 and 2 gave +0.0002, -0.0018 and +0.0054.
        is_right=in_range(-0.015, 0.015),
        hint="The answer is a difference of two accuracies, not an accuracy: batch 64's last "
        "val_accuracy (batch_histories['batch 64']) minus the last val_accuracy of your run, "
        "seeded with seed_everything(SEED) and trained for five epochs.",
        reference=0.0002,
        wrong=(0.042, 0.9428, -0.9428),
    ),
)
