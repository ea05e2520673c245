"""Tests of helpers.exercises: every exercise accepts its reference answer and rejects the wrong
ones it lists; unanswered, malformed and unknown answers get a message, not a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.exercises import all_exercises, check_exercise

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = all_exercises()


@pytest.mark.parametrize("key", sorted(EXERCISES))
def test_the_reference_answer_is_right(key, capsys):
    assert check_exercise(key, EXERCISES[key].reference)
    assert "right" in capsys.readouterr().out


@pytest.mark.parametrize("key", sorted(EXERCISES))
def test_wrong_answers_get_a_hint(key, capsys):
    exercise = EXERCISES[key]
    assert exercise.wrong, f"{key} lists no wrong answers to test"
    for wrong in exercise.wrong:
        assert not check_exercise(key, wrong), wrong
        out = capsys.readouterr().out
        assert "not yet" in out or "not of the kind" in out


@pytest.mark.parametrize("key", sorted(EXERCISES))
def test_no_answer_says_what_to_do(key, capsys):
    assert not check_exercise(key, None)
    assert "no answer yet" in capsys.readouterr().out


def test_an_answer_of_the_wrong_kind_gets_a_message(capsys):
    key = sorted(EXERCISES)[0]
    assert not check_exercise(key, object())
    assert "not of the kind asked for" in capsys.readouterr().out


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
