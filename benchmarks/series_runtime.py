"""Wall time of every notebook under the test command, and the total.

Runs exactly what `make test` runs for the notebooks (nbval, strict, sanitised, network
blocked), in a fresh temporary copy of the repository, in reverse order, one pytest run per
notebook so each gets its own clock. The unit tests are not included.

Usage: python benchmarks/series_runtime.py
Prints one line per notebook and, last, the total.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import machine_summary

ROOT = Path(__file__).resolve().parents[1]


def load_test_runner():
    """Import scripts/test_in_fresh_copy.py, which knows the copy and the nbval flags."""
    path = ROOT / "scripts" / "test_in_fresh_copy.py"
    spec = importlib.util.spec_from_file_location("test_in_fresh_copy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    runner = load_test_runner()
    print(machine_summary())
    times: dict[str, float] = {}
    failed = []
    with tempfile.TemporaryDirectory(prefix="mnist-tutorial-runtime-") as folder:
        copy = Path(folder)
        runner.make_copy(ROOT, copy)
        for notebook in sorted((copy / "notebooks").glob("[0-9]*.ipynb"), reverse=True):
            command = [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                str(notebook.relative_to(copy)),
                *runner.NBVAL_FLAGS,
            ]
            start = time.perf_counter()
            result = subprocess.run(
                command, cwd=copy, env=runner.environment_for(copy), capture_output=True, text=True
            )
            times[notebook.name] = time.perf_counter() - start
            status = "passed" if result.returncode == 0 else "FAILED"
            if result.returncode:
                failed.append(notebook.name)
            print(f"{notebook.name:40s} {times[notebook.name]:6.1f} s  {status}", flush=True)
    total = sum(times.values())
    print(
        f"series_runtime: {len(times)} notebooks, total {total / 60:.1f} min "
        f"(goal ≤ 12 min), slowest {max(times, key=times.get)}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
