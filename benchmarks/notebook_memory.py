"""Peak memory of each notebook's kernel, for runtimes with little of it.

Binder-style hosted runtimes give a kernel 1–2 GiB, and a learner's 8 GiB laptop also runs a
browser. This runs each numbered notebook alone, top to bottom, in a fresh kernel of this
environment (the test run's settings: network blocked, TensorFlow's log level), in a fresh
temporary copy of the repository, and reads the kernel process's peak resident set size
(``VmHWM`` in ``/proc/<pid>/status``, Linux only) after every cell. It prints, per notebook,
the peak and the cell that reached it, and last a summary line against the goal (every
notebook under 2 GiB).

Usage: python benchmarks/notebook_memory.py [NOTEBOOK ...]   (default: every numbered one)
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from machine import machine_summary

import helpers.environment  # noqa: F401  (TensorFlow's log level, before anything imports it)

ROOT = Path(__file__).resolve().parents[1]
GOAL_GIB = 2.0


def load_script(name: str) -> ModuleType:
    """Import a file of scripts/ or tests/offline/ as a module."""
    folders = (ROOT / "scripts", ROOT / "tests" / "offline")
    path = next(folder / name for folder in folders if (folder / name).is_file())
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def memory_gib(pid: int, field: str) -> float:
    """One ``Vm*`` field of ``/proc/<pid>/status``, in GiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024**2
    raise RuntimeError(f"/proc/{pid}/status has no {field}")


def first_line(source: str) -> str:
    line = next((s for s in source.splitlines() if s.strip()), "")
    return line if len(line) <= 60 else line[:57] + "..."


def notebook_peak(path: Path, *, trace: bool = False) -> tuple[float, int, str, float]:
    """Run ``path`` in a fresh kernel; return (peak GiB, cell index, its first line, seconds).

    The cell named is the one that reached the peak (the last that raised it); ``trace``
    prints every code cell's resident and peak memory as it goes.
    """
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=900,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    peak, peak_cell, peak_source = 0.0, -1, ""
    start = time.perf_counter()
    with client.setup_kernel():
        pid = client.km.provisioner.process.pid
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
            if cell.cell_type != "code":
                continue
            high_water = memory_gib(pid, "VmHWM")
            if trace:
                resident = memory_gib(pid, "VmRSS")
                print(f"  cell {index:2d}: {resident:5.2f} GiB resident, peak {high_water:5.2f}")
            if high_water > peak:
                peak, peak_cell, peak_source = high_water, index, first_line(cell.source)
    return peak, peak_cell, peak_source, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--trace", action="store_true", help="print every cell's memory")
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        sys.exit("notebook_memory reads /proc/<pid>/status, which only Linux has.")
    runner = load_script("test_in_fresh_copy.py")
    guard = load_script("offline_guard.py")
    print(machine_summary())
    with tempfile.TemporaryDirectory(prefix="mnist-tutorial-memory-") as folder:
        copy = Path(folder)
        runner.make_copy(ROOT, copy)
        os.environ.update(runner.environment_for(copy, side_by_side=False))
        guard.configure_test_environment()
        names = [p.name for p in args.notebooks] or sorted(
            p.name for p in (copy / "notebooks").glob("[0-9]*.ipynb")
        )
        peaks = {}
        for name in names:
            peak, cell, source, seconds = notebook_peak(copy / "notebooks" / name, trace=args.trace)
            peaks[name] = peak
            print(
                f"{name:42s} peak {peak:5.2f} GiB, reached at cell {cell:2d} ({source}) "
                f"[{seconds:.0f} s]",
                flush=True,
            )
    largest = max(peaks, key=peaks.get)
    verdict = "met" if peaks[largest] < GOAL_GIB else "MISSED"
    print(
        f"notebook_memory: {len(peaks)} notebooks, largest peak {peaks[largest]:.2f} GiB "
        f"({largest}); goal every notebook < {GOAL_GIB:.0f} GiB {verdict}"
    )
    return 0 if verdict == "met" else 1


if __name__ == "__main__":
    sys.exit(main())
