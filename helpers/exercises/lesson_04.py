"""Self-checks of lesson 04's exercises (see helpers.exercises)."""

from collections.abc import Iterable
from typing import Any

from helpers.exercises import Exercise, close_to, in_range, sequence_of

# The worked solution's run (notebooks/solutions/04_solutions.ipynb); seeds 0-2 gave 0.27-0.31
# after the first epoch and 0.18-0.20 after the fifth, and a penalty of 0.28-0.29 after the fifth.
REFERENCE_ANSWER = ([0.2809, 0.2391, 0.2006, 0.1913, 0.2009], 0.2826)


def validation_losses_that_fall(answer: Any) -> bool:
    """Five plausible validation cross-entropies (0.12–0.40), the later ones below the first."""
    if isinstance(answer, str | bytes) or not isinstance(answer, Iterable):
        raise TypeError("a list of five floats")
    losses = [float(value) for value in answer]
    return (
        len(losses) == 5
        and all(0.12 <= loss <= 0.40 for loss in losses)
        and min(losses[1:]) < losses[0] - 0.03
    )


EXERCISES = (
    Exercise(
        key="04-1",
        asks_for=(
            "a pair of floats: the largest change of a hidden_1 weight from 0.01, and the "
            "largest absolute difference between the weights of unit 0 and of any other unit"
        ),
        # 0.0869 and 0.0 on the machine of the saved run; the first moves with the CPU.
        is_right=sequence_of(in_range(0.06, 0.12), in_range(0.0, 1e-3)),
        hint=(
            "kernel = network.get_layer('hidden_1').kernel.numpy(). The change: the largest "
            "|kernel − 0.01|. Each column holds one unit's weights: compare every column with the "
            "first, kernel − kernel[:, :1], and take the largest absolute value."
        ),
        reference=(0.0869, 0.0),
        wrong=((0.0, 0.0), (0.0869, 0.1133), (0.01, 0.0), 0.0),
    ),
    Exercise(
        key="04-2",
        asks_for="a pair: the 100th and the 1,000th update, in units of one plain SGD step, two "
        "numbers",
        # 1 − 0.99^1000 = 0.99996: the 1,000th update is 99.996 plain steps
        is_right=sequence_of(close_to(63.397, rel=0.002), close_to(99.996, rel=0.002)),
        hint=(
            "Start from a velocity of 0 and apply v = 0.99 · v − lr · g one hundred times with a "
            "constant g (or let keras.optimizers.SGD(0.01, momentum=0.99) do it on a "
            "keras.Variable with optimizer.apply_gradients([(gradient, weight)])); divide the "
            "size of the 100th (and the 1,000th) change of the weight by lr · g."
        ),
        reference=(63.397, 99.996),
        wrong=((100.0, 100.0), (63.397, 10.0), (9.56, 10.0), 63.397),
    ),
    Exercise(
        key="04-3",
        asks_for=(
            "a pair: the list of the five validation losses, and the penalty after the fifth "
            "epoch, float(sum(network.losses))"
        ),
        is_right=sequence_of(validation_losses_that_fall, in_range(0.2, 0.4)),
        hint=(
            "After each epoch's training steps, loop over the validation batches, call "
            "model(images, training=False), and average loss_fn(labels, logits) over the batches "
            "with a keras.metrics.Mean (without sum(model.losses): the penalty is not part of "
            "the fit to the images). Start from seed_everything(SEED) and a new network with "
            "l2=1e-3, collect one value per epoch, and read the penalty after training."
        ),
        reference=REFERENCE_ANSWER,
        wrong=(
            ([0.93, 0.95, 0.96, 0.96, 0.97], 0.28),  # accuracies, not losses
            ([0.91, 0.72, 0.59, 0.52, 0.48], 0.28),  # the penalty added to the validation loss
            ([0.2657, 0.2176, 0.1669, 0.1679, 0.1669], 0.04),  # the L2 section's λ = 1e-4
            ([0.28, 0.24, 0.20, 0.19], 0.28),  # four epochs
            [0.28, 0.24, 0.20, 0.19, 0.20],  # no penalty
            0.2,
        ),
    ),
)
