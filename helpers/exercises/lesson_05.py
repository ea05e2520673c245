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
        asks_for="the final validation accuracy of batch 1,024 with learning rate 0.01, a float "
        "such as 0.95",
        # Seeds 0, 1 and 2 gave 0.9428, 0.945 and 0.938 on the machine of the saved run.
        is_right=in_range(0.925, 0.96),
        hint="Seed with seed_everything(SEED), build the network with build_dense(learning_rate="
        "0.01) and fit it on the small set for five epochs with batch_size=1024 and "
        "validation_data=(x_val, y_val): the answer is the last val_accuracy of its history.",
        reference=0.9428,
        wrong=(0.9010, 0.0002, 94.28, 0.042),
    ),
)
