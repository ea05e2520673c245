"""Self-checks of lesson 05's exercises (see helpers.exercises)."""

from helpers.exercises import Exercise, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="05-1",
        asks_for="a pair: the share of the wrong labels that the Dropout(0.2) network repeats "
        "and its final validation accuracy, two fractions between 0 and 1",
        # Seeds 0, 1 and 2 gave (0.166, 0.909), (0.192, 0.894), (0.184, 0.897) on the machine of
        # the saved run.
        is_right=sequence_of(in_range(0.10, 0.26), in_range(0.86, 0.935)),
        hint="Predict the 10,000 small-set images with the trained network, keep only the "
        "images whose label was made wrong (the mask `wrong`), and take the share of them where "
        "the prediction equals y_noisy: a fraction, not a count. The accuracy is the last "
        "val_accuracy of the training's history.",
        reference=(0.1656, 0.9092),
        wrong=((0.3318, 0.8184), (0.0296, 0.9408), (0.7756, 0.9092), 0.1656),
    ),
    Exercise(
        key="05-2",
        asks_for="a pair: the validation accuracy of batch 1,024 with learning rate 0.01 after "
        "its first epoch and after its last, two floats",
        # Seeds 0, 1 and 2 gave (0.857, 0.943), (0.868, 0.944), (0.854, 0.942).
        is_right=sequence_of(in_range(0.83, 0.89), in_range(0.925, 0.96)),
        hint="Seed with seed_everything(SEED), build the network with build_dense(learning_rate="
        "0.01) and fit it on the small set for five epochs with batch_size=1024 and "
        "validation_data=(x_val, y_val): the answer is the first and the last val_accuracy of "
        "its history.",
        reference=(0.857, 0.9428),
        wrong=((0.9428, 0.857), (0.75, 0.9010), (0.9430, 0.9430), 0.9428),
    ),
)
