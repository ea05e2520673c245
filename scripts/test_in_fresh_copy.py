"""Run the whole test suite in a fresh temporary copy of the repository.

The copy holds the files git tracks plus new files git does not ignore (so uncommitted
work is tested too), and nothing else: no ``models/``, no checkpoints, no caches. The
notebooks run in *reverse* order, each in a fresh kernel, so a notebook that silently
depended on files left behind by an earlier one would fail here. Unit tests run first,
in the same pytest session.

Usage: python scripts/test_in_fresh_copy.py [extra pytest arguments]
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
    paths = [str(copy), *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    environment["PYTHONPATH"] = os.pathsep.join(paths)
    return environment


def main() -> int:
    if sys.argv[1:2] == ["--here"]:
        command = [sys.executable, "-m", "pytest", *sys.argv[2:], *NBVAL_FLAGS]
        return subprocess.run(command, cwd=ROOT).returncode
    with tempfile.TemporaryDirectory(prefix="mnist-tutorial-test-") as folder:
        copy = Path(folder)
        make_copy(ROOT, copy)
        notebooks = sorted((copy / "notebooks").glob("[0-9]*.ipynb"), reverse=True)
        command = [
            sys.executable,
            "-m",
            "pytest",
            "tests",
            *[str(nb.relative_to(copy)) for nb in notebooks],
            *NBVAL_FLAGS,
            *sys.argv[1:],
        ]
        print(f"fresh copy: {len(tracked_files(ROOT))} files; notebooks in reverse order:")
        print("  " + " ".join(nb.name for nb in notebooks), flush=True)
        return subprocess.run(command, cwd=copy, env=environment_for(copy)).returncode


if __name__ == "__main__":
    sys.exit(main())
