"""Tests of helpers.exercises: every exercise accepts its reference answer and rejects the wrong
ones it lists; unanswered, malformed and unknown answers get a message, not a traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers.exercises import all_exercises, check_exercise

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = all_exercises()


@pytest.mark.parametrize("key", sorted(EXERCISES))
def test_the_reference_answer_is_right(key):
    verdict = check_exercise(key, EXERCISES[key].reference)
    assert verdict
    assert f"Exercise {key}: right" in repr(verdict)


@pytest.mark.parametrize("key", sorted(EXERCISES))
def test_wrong_answers_get_a_hint(key):
    exercise = EXERCISES[key]
    assert exercise.wrong, f"{key} lists no wrong answers to test"
    for wrong in exercise.wrong:
        verdict = check_exercise(key, wrong)
        assert not verdict, wrong
        message = repr(verdict)
        assert re.search(r"not yet( \([^)]*\))?\. Hint: ", message) or "not of the kind" in message


@pytest.mark.parametrize("key", sorted(EXERCISES))
def test_no_answer_says_what_to_do(key):
    verdict = check_exercise(key, None)
    assert not verdict
    assert repr(verdict).startswith(f"Exercise {key}: no answer yet. Set `answer` to ")


def test_an_answer_of_the_wrong_kind_gets_a_message():
    key = sorted(EXERCISES)[0]
    verdict = check_exercise(key, object())
    assert not verdict
    assert "not of the kind asked for" in repr(verdict)


def test_a_notebook_shows_the_verdict_as_its_message():
    """IPython shows a cell's last value through its repr: the message, not `False`."""
    from IPython.lib.pretty import pretty

    verdict = check_exercise(sorted(EXERCISES)[0], None)
    assert pretty(verdict) == verdict.message


def test_an_unknown_exercise_names_the_known_ones():
    with pytest.raises(KeyError, match="the exercises are"):
        check_exercise("99-9", 1)


def lesson_notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))


@pytest.mark.parametrize("path", lesson_notebooks(), ids=lambda p: p.name[:2])
def test_each_lesson_checks_its_exercises_and_shows_no_solution(path):
    """Each exercise of a lesson has a self-check there and a worked solution in its companion;
    the lesson itself holds no solution cell."""
    lesson = path.name[:2]
    keys = sorted(k for k in EXERCISES if k.startswith(f"{lesson}-"))
    cells = json.loads(path.read_text())["cells"]
    sources = ["".join(cell["source"]) for cell in cells]
    assert not [c for c in cells if "solution" in c.get("metadata", {}).get("tags", [])]
    for key in keys:
        assert any(f'check_exercise("{key}", answer)' in s for s in sources), key
    companion = ROOT / "notebooks" / "solutions" / f"{lesson}_solutions.ipynb"
    if keys:
        solutions = "".join(
            "".join(c["source"]) for c in json.loads(companion.read_text())["cells"]
        )
        for key in keys:
            assert f'assert check_exercise("{key}", answer)' in solutions, key


def test_sequence_of_checks_each_item_in_order_and_the_length():
    from helpers.exercises import equal_to, sequence_of

    check = sequence_of(equal_to(4), equal_to(9))
    assert check((4, 9)) and check([4.0, 9])
    assert not check((9, 4)) and not check((4, 9, 1)) and not check((4,))
    with pytest.raises(TypeError):
        check("49")
    assert check.wrong_items((4, 8)) == [2] and check.wrong_items((5, 8)) == [1, 2]
    assert check.wrong_items((4, 9)) == [] and check.wrong_items((4,)) == []


def test_a_wrong_tuple_answer_names_the_items_to_look_at_again():
    verdict = check_exercise("11-1", (14, 5, 5))  # the first item right, the others wrong
    assert repr(verdict).startswith("Exercise 11-1: not yet (items 2 and 3 of 3 not yet right; ")
    verdict = check_exercise("11-1", (14, 11))  # one item short
    assert repr(verdict).startswith("Exercise 11-1: not yet (it needs 3 items). Hint: ")
