"""Run the whole test suite in a fresh temporary copy of the repository.

The copy holds the files git tracks plus new files git does not ignore (so uncommitted
work is tested too), and nothing else: no ``models/``, no checkpoints, no caches. First the
unit tests (one after another: the browser tests want a quiet machine), then every notebook
under nbval, each in a fresh kernel, two notebooks at a time (``NOTEBOOK_WORKERS``; pytest-xdist
with ``--dist loadscope`` keeps the cells of one notebook together and in order, and hands out
the longest notebooks first). No notebook can lean on files an earlier one left behind: none
runs before another in a fixed order.

Usage: python scripts/test_in_fresh_copy.py [extra pytest arguments, passed to both runs]
       python scripts/test_in_fresh_copy.py --here NOTEBOOK... (nbval in this working tree)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Notebooks run side by side. On a 2-core machine two at a time fill the cores better than one
#: (a notebook alone keeps about 1.25 of them busy: kernel start-up, Python, small batches).
NOTEBOOK_WORKERS = ["-n", "2", "--dist", "loadscope"]

NBVAL_FLAGS = [
    "--nbval",
    "--nbval-current-env",
    "--nbval-cell-timeout=900",
    "--nbval-sanitize-with",
    "tests/nbval_sanitize.cfg",
]


def tracked_files(root: Path) -> list[str]:
    """Files git tracks, plus untracked files that .gitignore does not exclude."""
    output = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        check=True,
        capture_output=True,
    ).stdout
    return [name for name in output.decode().split("\0") if name and (root / name).is_file()]


def make_copy(root: Path, target: Path) -> None:
    for name in tracked_files(root):
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, destination)


def environment_for(copy: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a run in ``copy``: its own ``helpers`` first on the path, so that
    the editable install does not pull them from the working tree."""
    environment = dict(os.environ if base is None else base)
    # With two notebooks side by side, OpenMP threads that spin while they wait (scikit-learn's
    # t-SNE) steal the cores from the other notebook: 6 s of t-SNE took 40 s. Waiting threads
    # sleep instead; results do not change.
    environment.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    paths = [str(copy), *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    environment["PYTHONPATH"] = os.pathsep.join(paths)
    return environment


def notebook_command(copy: Path, extra: list[str]) -> list[str]:
    """The pytest command that runs every lesson of ``copy``, and every notebook of worked
    solutions, under nbval."""
    notebooks = sorted((copy / "notebooks").glob("[0-9]*.ipynb"))
    notebooks += sorted((copy / "notebooks" / "solutions").glob("[0-9]*.ipynb"))
    return [
        sys.executable,
        "-m",
        "pytest",
        *[str(nb.relative_to(copy)) for nb in notebooks],
        *NBVAL_FLAGS,
        *NOTEBOOK_WORKERS,
        *extra,
    ]


def main() -> int:
    if sys.argv[1:2] == ["--here"]:
        command = [sys.executable, "-m", "pytest", *sys.argv[2:], *NBVAL_FLAGS]
        return subprocess.run(command, cwd=ROOT).returncode
    extra = sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="mnist-tutorial-test-") as folder:
        copy = Path(folder)
        make_copy(ROOT, copy)
        environment = environment_for(copy)
        print(f"fresh copy: {len(tracked_files(ROOT))} files", flush=True)
        print("1/2 unit tests", flush=True)
        units = subprocess.run(
            [sys.executable, "-m", "pytest", "tests", *extra], cwd=copy, env=environment
        )
        print("2/2 notebooks under nbval, two at a time", flush=True)
        notebooks = subprocess.run(notebook_command(copy, extra), cwd=copy, env=environment)
        if units.returncode or notebooks.returncode:
            failed = [
                name
                for name, result in (("unit tests", units), ("notebooks", notebooks))
                if result.returncode
            ]
            print(f"FAILED: {' and '.join(failed)} (see above)", flush=True)
        return units.returncode or notebooks.returncode


if __name__ == "__main__":
    sys.exit(main())
