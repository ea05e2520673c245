"""The lessons keep the test machinery out of the learner's path (issue "A beginner's path"):
nbval markers are cell tags, guard asserts sit in their own labelled and collapsed check cells,
exercises carry a self-check and no solution, and every lesson has its parts in order."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
OPTIONAL_SECTION = "## Going further (optional)"
SOLUTIONS = sorted((ROOT / "notebooks" / "solutions").glob("[0-9]*.ipynb"))
TOP_LEVEL_ASSERT = re.compile(r"^assert\b", re.M)
EXERCISE_CELL = re.compile(r'answer = None  # .+\ncheck_exercise\("(\d\d-\d)", answer\)')


def cells_of(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def source(cell: dict) -> str:
    return "".join(cell["source"])


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=lambda p: p.name)
def test_nbval_markers_are_tags_not_comments(path):
    for cell in cells_of(path):
        assert "NBVAL_" not in source(cell), f"{path.name}: use the nbval-ignore-output tag"


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=lambda p: p.name)
def test_guard_asserts_sit_in_labelled_collapsed_check_cells(path):
    for number, cell in enumerate(cells_of(path)):
        if cell["cell_type"] != "code":
            continue
        text = source(cell)
        if "check" in tags(cell):
            assert text.startswith("# Check: "), f"{path.name} cell {number}: label it"
            assert cell["metadata"].get("jupyter", {}).get("source_hidden"), (
                f"{path.name} cell {number}: a check cell is collapsed"
            )
            continue
        if path in SOLUTIONS and text.startswith("assert check_exercise("):
            continue  # a worked solution proves that its answer passes the self-check
        assert not TOP_LEVEL_ASSERT.search(text), (
            f"{path.name} cell {number}: move its asserts into a check cell"
        )


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_a_lesson_has_its_parts_in_order(path):
    cells = cells_of(path)
    headings = [
        line
        for cell in cells
        if cell["cell_type"] == "markdown"
        for line in source(cell).splitlines()
        if line.startswith("#")
    ]
    assert headings[0].startswith(f"# {path.name[:2]} — ")
    assert sum(h.startswith("# ") for h in headings) == 1
    h2 = [h for h in headings if h.startswith("## ")]
    # Optional material, if any, comes last, after the exercises, so that a learner who skips it
    # has nothing left to miss.
    if h2[-1] == OPTIONAL_SECTION:
        h2 = h2[:-1]
    assert OPTIONAL_SECTION not in h2, f"{path.name}: the optional section is not the last"
    assert h2[0] == "## Setup" and h2[-2:] == ["## Summary", "## Exercises"], h2
    assert len(cells) <= 60, f"{path.name}: {len(cells)} cells"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_exercises_hold_a_self_check_and_no_solution(path):
    cells = cells_of(path)
    exercise_cells = [c for c in cells if "exercise" in tags(c)]
    assert exercise_cells, f"{path.name}: no exercise"
    for cell in exercise_cells:
        match = EXERCISE_CELL.fullmatch(source(cell).strip())
        assert match, f"{path.name}: an exercise cell is `answer = None  # …` + check_exercise"
        assert match.group(1).startswith(path.name[:2])
    assert not any("solution" in tags(c) for c in cells)
    assert not any(
        c.get("metadata", {}).get("jupyter", {}).get("source_hidden") and "check" not in tags(c)
        for c in cells
    ), f"{path.name}: a hidden non-check cell"

    # the link to the worked solutions closes the exercises (before any optional section)
    def opens(cell, heading):
        return cell["cell_type"] == "markdown" and heading in source(cell).splitlines()

    exercises = next(i for i, c in enumerate(cells) if opens(c, "## Exercises"))
    after = [i for i, c in enumerate(cells) if i > exercises and opens(c, OPTIONAL_SECTION)]
    last = source(cells[after[0] - 1] if after else cells[-1])
    assert f"solutions/{path.name[:2]}_solutions.ipynb" in last
