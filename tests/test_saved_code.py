"""The generated helpers modules hold exactly the notebook cells marked ``# @save``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_sync_script():
    spec = importlib.util.spec_from_file_location("sync", ROOT / "scripts" / "sync_saved_code.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_modules_match_the_notebooks():
    sync = load_sync_script()
    for module, cells in sync.saved_cells().items():
        if cells:
            expected = sync.module_text(module, cells)
            assert sync.module_path(module).read_text(encoding="utf-8") == expected, (
                f"{module} differs from its notebook cells: run `make format`."
            )


def test_a_marked_cell_for_an_unknown_module_is_refused(tmp_path):
    sync = load_sync_script()
    cell = {"cell_type": "code", "source": ["# @save helpers.nowhere\n", "x = 1\n"]}
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "01_x.ipynb").write_text(json.dumps({"cells": [cell]}))
    try:
        sync.saved_cells(tmp_path)
    except SystemExit as exit_:
        assert "helpers.nowhere" in str(exit_)
    else:
        raise AssertionError("an unknown module was accepted")
