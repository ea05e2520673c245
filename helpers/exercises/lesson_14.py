"""Self-checks of lesson 14's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, equal_to, in_range, sequence_of

EXERCISES = (
    Exercise(
        key="14-1",
        asks_for=(
            "a pair (transferred, control): the CNN's accuracy on the 1,000 images made by "
            "attacking the dense network and on the random-sign control, two floats between 0 "
            "and 1"
        ),
        # transferred: a few images below the control (0.991) and the clean images (0.992),
        # well above the CNN's own attack (0.911); each range allows a few images either way
        is_right=sequence_of(in_range(0.975, 0.987), in_range(0.986, 0.996)),
        hint=(
            "Make the images with fgsm(dense, x_subset, y_subset, 0.1), then ask the CNN: "
            "accuracy(y_subset, cnn.predict(...)); not the CNN's own attack, nor the clean "
            "images. For the control, add 0.1 times the random signs to x_subset, then "
            "np.clip(..., 0, 1).astype('float32'). Transferred first, control second."
        ),
        reference=(0.982, 0.991),
        wrong=(
            (0.911, 0.991),
            (0.992, 0.991),
            (0.991, 0.982),
            (0.982, 0.911),
            (0.982, 0.978),
            0.982,
        ),
    ),
    Exercise(
        key="14-2",
        asks_for=(
            "a triple (CNN accuracy, dense accuracy, harder): both networks' accuracy on the "
            "1,000 images of subset turned 30° clockwise, two floats between 0 and 1, and True "
            "if the clockwise turn is harder for both than the counter-clockwise 30°, else False"
        ),
        # 0.806 and 0.682 on this machine; each range allows about a standard error either way
        is_right=sequence_of(in_range(0.79, 0.82), in_range(0.665, 0.70), equal_to(True)),
        hint=(
            "rotate_images(x_subset, -30) turns clockwise; score each network with "
            "accuracy(y_subset, model.predict(turned, verbose=0)). Compare with the 30° column "
            "of the robustness table (CNN 0.883, dense 0.712): lower means harder."
        ),
        reference=(0.806, 0.682, True),
        wrong=((0.883, 0.712, False), (0.806, 0.682, False), (0.682, 0.806, True), 0.806),
    ),
)
