"""Self-checks of lesson 10's exercises (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, sequence_of

EXERCISES = (
    Exercise(
        key="10-1",
        asks_for=(
            "a pair of ints (errors, disagreements): how many test errors the ten networks' "
            "majority vote makes, and on how many test images its digit differs from the averaged "
            "ensemble's (the check allows 1 either way for each)"
        ),
        # (26, 4) in the run saved here: the vote ties on 4 images, 2 of them among the 4
        # disagreements, broken towards the smaller digit as the exercise says. The networks are
        # fixed, so only a top digit within float rounding of a tie could move; 1 leaves room
        # for that. (26, 0), the guess "they agree everywhere", is rejected.
        is_right=sequence_of(close_to(26, abs_=1), close_to(4, abs_=1)),
        hint=(
            "Stack test_probabilities[name].argmax(axis=1) for the ten names into a (10, 10000) "
            "array; for each column (one image), np.bincount(column, minlength=10).argmax() is the "
            "majority digit. Errors: compare the majority digits with y_test; disagreements: "
            "compare them with final_test.argmax(axis=1). Average nothing: each network gives "
            "one vote per image."
        ),
        reference=(26, 4),
        wrong=((26, 0), (4, 26), (0, 4), (9, 4), (26, 26), (17, 4), (36, 4), (26, 10)),
    ),
    Exercise(
        key="10-2",
        asks_for=(
            "a pair of ints (pairs, pairs_without_chosen): how many of the 45 pairs of "
            "networks, averaged, have a lower validation loss than the chosen network alone, "
            "and how many of those do not include the chosen network (the check allows one "
            "either way for each)"
        ),
        # (22, 14) in the run saved here. The networks are fixed, so only float rounding moves
        # a pair's loss; the two pairs nearest the threshold lie 0.03 % and 0.08 % from it.
        is_right=sequence_of(close_to(22, abs_=1), close_to(14, abs_=1)),
        hint=(
            "For each pair from itertools.combinations(members, 2), average the two networks' "
            "validation probabilities and take mean_loss(y_val, ...) of that average (not the "
            "mean of the two networks' own losses); count the pairs below val_loss[chosen], "
            "then those of them that do not include chosen."
        ),
        reference=(22, 14),
        wrong=((22, 8), (14, 22), (22, 22), (45, 36), (0, 0), (8, 14), (16, 14), (22, 30)),
    ),
)
