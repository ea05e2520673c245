"""Wall time of the notebooks under the test command, and where it goes.

Runs exactly what `make test` runs for the notebooks (nbval, strict, sanitised, network
blocked, three notebooks at a time, each TensorFlow with its share of the cores), in a fresh
temporary copy of the repository, and times it. Per notebook it prints the seconds its cells
took (from pytest's report; with notebooks side by side each one's cells run slower than
alone) and its three slowest cells; last, the total wall time. The unit tests are not included.

Usage: python benchmarks/series_runtime.py
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.etree import ElementTree

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
    with tempfile.TemporaryDirectory(prefix="mnist-tutorial-runtime-") as folder:
        copy = Path(folder)
        runner.make_copy(ROOT, copy)
        report = copy / "report.xml"
        command = runner.notebook_command(copy, ["-q", f"--junitxml={report}"])
        start = time.perf_counter()
        result = subprocess.run(
            command, cwd=copy, env=runner.environment_for(copy), capture_output=True, text=True
        )
        wall = time.perf_counter() - start
        cells: dict[str, list[tuple[float, str]]] = {}
        failures: list[str] = []  # what failed and why, printed after the table
        for case in ElementTree.parse(report).getroot().iter("testcase"):
            notebook = case.get("classname", "").rsplit(".", 2)[-2] + ".ipynb"
            cells.setdefault(notebook, []).append((float(case.get("time", 0)), case.get("name")))
            for problem in [*case.iter("failure"), *case.iter("error")]:
                text = f"{problem.get('message') or ''}\n{problem.text or ''}"
                reason = " | ".join(line.strip() for line in text.splitlines() if line.strip())
                failures.append(f"{notebook} {case.get('name')}: {reason[-600:]}")
        failed = len(failures)
    for notebook in sorted(cells):
        times = sorted(cells[notebook], reverse=True)
        slowest = ", ".join(f"{name.removeprefix('Cell ')}: {t:.0f} s" for t, name in times[:3])
        busy = sum(t for t, _ in times)
        print(f"{notebook:40s} {busy:6.1f} s   slowest cells {slowest}", flush=True)
    for failure in failures:
        print(f"FAILED {failure}", flush=True)
    status = "passed" if result.returncode == 0 else f"FAILED ({failed} cells)"
    print(
        f"series_runtime: {len(cells)} notebooks, {status}, total {wall / 60:.1f} min wall time "
        f"(goal ≤ 7 min); cells {sum(t for c in cells.values() for t, _ in c) / 60:.1f} min "
        f"summed over {runner.NOTEBOOK_WORKERS[1]} workers"
    )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
