"""Run the whole test suite in a fresh temporary copy of the repository.

The copy holds the files git tracks plus new files git does not ignore (so uncommitted
work is tested too), and nothing else: no ``models/``, no checkpoints, no caches. First the
unit tests (one after another: the browser tests want a quiet machine), then every notebook
under nbval, each in a fresh kernel, three notebooks at a time (``NOTEBOOK_WORKERS``, each
notebook's TensorFlow given its share of the cores: ``threads_per_notebook``; pytest-xdist
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


def notebook_processes(setting: str | None) -> int:
    """How many notebooks run at once: ``MNIST_TEST_WORKERS`` when set (a whole number from 1),
    else 3."""
    if setting is None or not setting.strip():
        return 3
    if not setting.strip().isdigit() or int(setting) < 1:
        sys.exit(
            f"MNIST_TEST_WORKERS={setting!r}: it says how many notebooks run at once, so it must "
            "be a whole number from 1 (for example MNIST_TEST_WORKERS=2); unset it for 3."
        )
    return int(setting)


#: Notebooks run side by side: a notebook alone keeps only part of the cores busy (kernel
#: start-up, Python, small batches), so others fill the gaps. On a 2-core AMD EPYC
#: (2026-12-03, benchmarks/series_runtime.py) the 22 notebooks took 10.6 min two at a time with
#: TensorFlow's default threads, 9.1 min two at a time with one thread each and 7.5 min three at
#: a time with one thread each. ``MNIST_TEST_WORKERS`` sets another number (fewer on a machine
#: with little memory: a notebook peaks at about 2 GiB).
NOTEBOOK_PROCESSES = notebook_processes(os.environ.get("MNIST_TEST_WORKERS"))
NOTEBOOK_WORKERS = [
    "-n",
    str(NOTEBOOK_PROCESSES),
    "--dist",
    "loadscope",
    "--no-loadscope-reorder",  # keep the order below, slowest first
]

#: The notebooks that take longest, slowest first (benchmarks/series_runtime.py, 2026-12-05
#: after lessons 11 and 13 were split in two: 05 214 s, 06 190 s, 09 187 s, 10 125 s, 04 109 s,
#: 02 87 s beside other notebooks; 14, attacks and robustness, 32 s alone after 13's second
#: split). Started first, they do not end the run alone on one worker while the others idle; the
#: rest follow in name order. The order changes no result.
SLOWEST_FIRST = [
    "05_training_and_validation.ipynb",
    "06_convolutional_network.ipynb",
    "09_a_stronger_cnn.ipynb",
    "10_ensembles.ipynb",
    "04_write_the_training_loop.ipynb",
    "02_baseline_dense_network.ipynb",
    "14_attacks_and_robustness.ipynb",
]

#: Notebooks started last: lessons 11 and 12 and the solutions of 10, 11 and 12 load the
#: probabilities that lesson 10 saves (its ten networks' predictions, 109 s beside other
#: notebooks when predicted again). Started last, they find them; if they do not, they predict
#: them themselves, with the same results.
LAST = [
    "11_is_a_gap_real.ipynb",
    "12_goals_and_labels.ipynb",
    "solutions/10_solutions.ipynb",
    "solutions/11_solutions.ipynb",
    "solutions/12_solutions.ipynb",
]

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


def usable_cores() -> int:
    """The CPU cores this process may run on (a container may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def threads_per_notebook(cores: int, notebooks: int) -> int:
    """TensorFlow threads for each of ``notebooks`` run side by side on ``cores`` cores: an even
    share, at least one. With more threads than cores, each TensorFlow's idle threads spin while
    the others need the cores."""
    return max(1, cores // max(1, notebooks))


def environment_for(
    copy: Path, base: dict[str, str] | None = None, side_by_side: bool = True
) -> dict[str, str]:
    """The environment of a run in ``copy``: its own ``helpers`` first on the path, so that
    the editable install does not pull them from the working tree; with ``side_by_side``,
    each notebook's TensorFlow and OpenBLAS limited to its share of the cores unless the
    environment already says how many threads (results differ only in the last digits, which
    the tests mask)."""
    environment = dict(os.environ if base is None else base)
    if side_by_side:
        threads = str(threads_per_notebook(usable_cores(), NOTEBOOK_PROCESSES))
        environment.setdefault("TF_NUM_INTRAOP_THREADS", threads)
        environment.setdefault("TF_NUM_INTEROP_THREADS", threads)
        # NumPy's and SciPy's OpenBLAS too: its idle threads spin as well, so side by side
        # scikit-learn's logistic regression (notebook 02) took 61 s with two threads and 23 s
        # with one, with the same result.
        environment.setdefault("OPENBLAS_NUM_THREADS", threads)
    # With notebooks side by side, OpenMP threads that spin while they wait (scikit-learn's
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
    names = [nb.relative_to(copy / "notebooks").as_posix() for nb in notebooks]
    notebooks = [
        nb
        for _, nb in sorted(
            zip(names, notebooks, strict=True),
            key=lambda pair: (
                (0, SLOWEST_FIRST.index(pair[0]))
                if pair[0] in SLOWEST_FIRST
                else (2, LAST.index(pair[0]))
                if pair[0] in LAST
                else (1, 0)  # sorted() is stable: the rest stay in name order
            ),
        )
    ]
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
        # one test at a time, so TensorFlow keeps its own thread count (the thread share is for
        # notebooks side by side)
        units = subprocess.run(
            [sys.executable, "-m", "pytest", "tests", *extra],
            cwd=copy,
            env=environment_for(copy, side_by_side=False),
        )
        print(f"2/2 notebooks under nbval, {NOTEBOOK_PROCESSES} at a time", flush=True)
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
