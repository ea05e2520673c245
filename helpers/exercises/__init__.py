"""Self-checks for the exercises at the end of each lesson.

Every exercise asks for an answer that a learner can put in a variable and hand to
:func:`check_exercise`, which says whether it is right or gives a hint. The worked solutions
live in ``notebooks/solutions/`` (one notebook per lesson), so no answer is on screen before
the learner asks for it, and "Run All" of a lesson does not run them.

The exercises of lesson ``NN`` are declared in ``helpers/exercises/lesson_NN.py`` as a tuple
``EXERCISES`` of :class:`Exercise`; this package gathers them.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Exercise",
    "Verdict",
    "all_exercises",
    "check_exercise",
    "close_to",
    "equal_to",
    "in_range",
    "same_items",
    "sequence_of",
]


@dataclass(frozen=True)
class Exercise:
    """One exercise: what its answer is, how to recognise a right one, and a hint.

    Attributes
    ----------
    key : str
        ``"NN-k"``: lesson ``NN``, exercise ``k``.
    asks_for : str
        What ``answer`` should hold, in words ("the number of parameters, an int").
    is_right : Callable[[Any], bool]
        True for a right answer. It may raise ``TypeError`` or ``ValueError`` for an answer of
        the wrong kind; :func:`check_exercise` turns that into a message.
    hint : str
        Printed after a wrong answer: a nudge, not the answer.
    reference : Any
        The answer of the worked solution (the unit tests check that it is accepted).
    wrong : tuple
        Plausible wrong answers (the unit tests check that each is rejected).
    """

    key: str
    asks_for: str
    is_right: Callable[[Any], bool]
    hint: str
    reference: Any
    wrong: tuple = field(default=())


def equal_to(expected: Any) -> Callable[[Any], bool]:
    """A check that accepts exactly ``expected`` (ints, strings, tuples of them)."""

    def check(answer: Any) -> bool:
        if isinstance(expected, int) and not isinstance(expected, bool):
            if isinstance(answer, bool) or not float(answer).is_integer():
                return False
            return int(answer) == expected
        if isinstance(expected, str):
            return str(answer).strip().lower() == expected.lower()
        return answer == expected

    return check


def close_to(expected: float, *, rel: float = 0.0, abs_: float = 0.0) -> Callable[[Any], bool]:
    """A check that accepts a number within ``rel`` (relative) or ``abs_`` of ``expected``."""

    def check(answer: Any) -> bool:
        value = float(answer)
        return math.isfinite(value) and math.isclose(value, expected, rel_tol=rel, abs_tol=abs_)

    return check


def in_range(low: float, high: float) -> Callable[[Any], bool]:
    """A check that accepts a number from ``low`` to ``high`` (both included)."""

    def check(answer: Any) -> bool:
        value = float(answer)
        return math.isfinite(value) and low <= value <= high

    return check


def same_items(expected: Iterable[Any]) -> Callable[[Any], bool]:
    """A check that accepts a collection holding exactly ``expected``'s items, in any order."""
    wanted = sorted(expected)

    def check(answer: Any) -> bool:
        if isinstance(answer, str | bytes) or not isinstance(answer, Iterable):
            raise TypeError("a list of the items")
        return sorted(int(item) if hasattr(item, "__index__") else item for item in answer) == (
            wanted
        )

    return check


class SequenceCheck:
    """A check that accepts a list, tuple or array of ``len(checks)`` items, in order, each
    passing its own check: ``sequence_of(equal_to(4), equal_to(9))`` accepts ``(4, 9)``.

    Besides saying right or wrong, it can say which items are wrong (:meth:`wrong_items`), so
    that a hint can point at the part of an answer to look at again.
    """

    def __init__(self, *checks: Callable[[Any], bool]) -> None:
        self.checks = checks

    def _items(self, answer: Any) -> list[Any]:
        if isinstance(answer, str | bytes) or not isinstance(answer, Iterable):
            raise TypeError("a list or tuple")
        return list(answer)

    def __call__(self, answer: Any) -> bool:
        items = self._items(answer)
        return len(items) == len(self.checks) and all(
            item_check(item) for item_check, item in zip(self.checks, items, strict=True)
        )

    def wrong_items(self, answer: Any) -> list[int]:
        """The positions, counted from 1, of the items that fail their check; ``[]`` when the
        answer has the wrong number of items (then no item can be judged on its own)."""
        items = self._items(answer)
        if len(items) != len(self.checks):
            return []
        return [
            position
            for position, (item_check, item) in enumerate(zip(self.checks, items, strict=True), 1)
            if not item_check(item)
        ]


def sequence_of(*checks: Callable[[Any], bool]) -> SequenceCheck:
    """A check that accepts a list, tuple or array of ``len(checks)`` items, in order, each
    passing its own check: ``sequence_of(equal_to(4), equal_to(9))`` accepts ``(4, 9)``. When
    an answer is wrong, :func:`check_exercise` names the items that are."""
    return SequenceCheck(*checks)


def all_exercises() -> dict[str, Exercise]:
    """Every exercise of the series, by key, gathered from the ``lesson_NN`` modules."""
    found: dict[str, Exercise] = {}
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("lesson_"):
            continue
        for exercise in importlib.import_module(f"{__name__}.{module.name}").EXERCISES:
            if exercise.key in found:
                raise ValueError(f"exercise {exercise.key} is declared twice")
            found[exercise.key] = exercise
    return found


@dataclass(frozen=True)
class Verdict:
    """What :func:`check_exercise` says: true when the answer is right; shown as its message.

    A notebook shows the verdict under the cell (its ``repr`` is the message), and
    ``assert check_exercise(...)`` fails on anything but a right answer.
    """

    right: bool
    message: str

    def __bool__(self) -> bool:
        return self.right

    def __repr__(self) -> str:
        return self.message


def check_exercise(key: str, answer: Any) -> Verdict:
    """Say whether ``answer`` is right for exercise ``key``, or give a hint.

    Parameters
    ----------
    key : str
        The exercise, as the lesson names it: ``"05-1"`` is lesson 05's first exercise.
    answer : Any
        Your answer; ``None`` means "not answered yet".

    Returns
    -------
    Verdict
        True when the answer is right; a notebook shows its message ("right", "not yet" with a
        hint, or what to put in ``answer``).

    Raises
    ------
    KeyError
        When no exercise has this key, with the keys that exist.
    """
    exercises = all_exercises()
    if key not in exercises:
        known = ", ".join(sorted(exercises))
        raise KeyError(f"there is no exercise {key!r}; the exercises are {known}")
    exercise = exercises[key]
    lesson = key.split("-")[0]
    if answer is None:
        return Verdict(
            False,
            f"Exercise {key}: no answer yet. Set `answer` to {exercise.asks_for}, "
            "then run the cell again.",
        )
    try:
        right = bool(exercise.is_right(answer))
    except (TypeError, ValueError):
        return Verdict(
            False, f"Exercise {key}: this answer is not of the kind asked for: {exercise.asks_for}."
        )
    if right:
        return Verdict(
            True,
            f"Exercise {key}: right. One worked solution: "
            f"notebooks/solutions/{lesson}_solutions.ipynb.",
        )
    where = ""
    if isinstance(exercise.is_right, SequenceCheck):
        wrong = exercise.is_right.wrong_items(answer)
        count = len(exercise.is_right.checks)
        if wrong:
            names = " and ".join(str(position) for position in wrong)
            noun = "item" if len(wrong) == 1 else "items"
            where = f" ({noun} {names} of {count} not yet right; the others are)"
        else:
            where = f" (it needs {count} items)"
    return Verdict(False, f"Exercise {key}: not yet{where}. Hint: {exercise.hint}")
