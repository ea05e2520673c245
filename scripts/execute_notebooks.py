"""Re-execute notebooks top to bottom in a fresh kernel and save their outputs in place.

For maintainers after a change, so that the committed outputs are those of a clean run in
the same environment as the test run (network blocked, TensorFlow log noise silenced).

Usage: python scripts/execute_notebooks.py notebooks/01_explore_the_data.ipynb [...]
(``make execute-notebooks`` runs it on every numbered notebook.)
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load_offline_guard() -> ModuleType:
    """Load tests/offline/offline_guard.py, which sets the test run's environment."""
    location = ROOT / "tests" / "offline" / "offline_guard.py"
    spec = importlib.util.spec_from_file_location("offline_guard", location)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def execute(path: Path, timeout: int, allow_errors: bool = False) -> float:
    """Run one notebook in a fresh kernel in its own folder and save it; return seconds."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        allow_errors=allow_errors,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    try:
        client.execute()
    finally:
        # Saved even when a cell fails, so the error can be read in the notebook itself.
        nbformat.write(notebook, path)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--timeout", type=int, default=900, help="seconds per cell")
    parser.add_argument(
        "--allow-errors",
        action="store_true",
        help="run every cell even after one fails (the errors are saved in the notebook)",
    )
    args = parser.parse_args()

    import nbformat

    offline_guard = load_offline_guard()
    offline_guard.configure_test_environment(os.environ)
    for path in args.notebooks:
        seconds = execute(path.resolve(), args.timeout, args.allow_errors)
        errors = [
            index
            for index, cell in enumerate(nbformat.read(path, as_version=4).cells)
            if any(output.get("output_type") == "error" for output in cell.get("outputs", []))
        ]
        print(
            f"{path}: executed in {seconds:.0f} s"
            + (f"; errors in cells {errors}" if errors else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
