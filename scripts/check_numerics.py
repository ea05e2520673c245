"""Run the notebooks under other numerics and list the cells whose compared outputs differ.

Learners' machines have other core counts and CPUs, and TensorFlow may run with or without
its oneDNN kernels: trained numbers differ in their last digits. The committed outputs must
hold anyway (strict nbval, after tests/nbval_sanitize.cfg). This runs exactly the test
command's nbval (fresh copy of the repository, network blocked) once per configuration:

- ``threads-1``: ``TF_NUM_INTRAOP_THREADS=1 TF_NUM_INTEROP_THREADS=1``, oneDNN on;
- ``threads-8``: ``TF_NUM_INTRAOP_THREADS=8 TF_NUM_INTEROP_THREADS=8``, oneDNN on (what an
  8-core laptop gets by default);
- ``onednn-off``: the machine's default threads with ``TF_ENABLE_ONEDNN_OPTS=0``.

It prints each configuration's failing cells (notebook, cell number, the first line nbval
reports) and a summary; exit status 1 when any cell differs.

Usage: python scripts/check_numerics.py [NOTEBOOK ...] [--config threads-1 --config ...]
(``make numerics``; ``NB=notebooks/02_*.ipynb make numerics`` for one notebook).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]

ANSI_CODES = re.compile(r"(?:\x1b|#x1B)\[[0-9;]*m")

CONFIGS: dict[str, dict[str, str]] = {
    "threads-1": {"TF_NUM_INTRAOP_THREADS": "1", "TF_NUM_INTEROP_THREADS": "1"},
    "threads-8": {"TF_NUM_INTRAOP_THREADS": "8", "TF_NUM_INTEROP_THREADS": "8"},
    "onednn-off": {"TF_ENABLE_ONEDNN_OPTS": "0"},
}


def load_test_runner() -> ModuleType:
    """Import scripts/test_in_fresh_copy.py, which knows the copy and the nbval flags."""
    path = ROOT / "scripts" / "test_in_fresh_copy.py"
    spec = importlib.util.spec_from_file_location("test_in_fresh_copy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def failing_cells(report: Path) -> list[tuple[str, str, str]]:
    """(notebook, cell, first line of the message) for each failed or erroring nbval item."""
    failures = []
    for case in ElementTree.parse(report).getroot().iter("testcase"):
        for problem in [*case.iter("failure"), *case.iter("error")]:
            text = ANSI_CODES.sub("", f"{problem.get('message') or ''}\n{problem.text or ''}")
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            # An execution failure names its exception (AssertionError: ...); a mismatch
            # shows the first differing line.
            errors = [line for line in lines if re.match(r"\w*(Error|Exception)\b", line)]
            notebook = case.get("classname", "").rsplit(".", 2)[-2] + ".ipynb"
            summary = errors[-1] if errors else " | ".join(lines[:3])
            failures.append((notebook, case.get("name", "?"), summary))
    return failures


def run_config(name: str, notebooks: list[str], runner: ModuleType) -> list[tuple[str, ...]]:
    with tempfile.TemporaryDirectory(prefix=f"mnist-numerics-{name}-") as folder:
        copy = Path(folder)
        runner.make_copy(ROOT, copy)
        environment = runner.environment_for(copy, {**os.environ, **CONFIGS[name]})
        report = copy / "report.xml"
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            *notebooks,
            *runner.NBVAL_FLAGS,
            *runner.NOTEBOOK_WORKERS,
            f"--junitxml={report}",
        ]
        subprocess.run(command, cwd=copy, env=environment, capture_output=True, text=True)
        if not report.is_file():
            return [("(all)", "-", "pytest wrote no report: the run itself failed")]
        return failing_cells(report)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="default: every numbered notebook")
    parser.add_argument("--config", action="append", choices=sorted(CONFIGS))
    args = parser.parse_args()
    notebooks = [
        str(Path(nb).relative_to(ROOT) if Path(nb).is_absolute() else nb) for nb in args.notebooks
    ] or [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"), reverse=True)
        + sorted((ROOT / "notebooks" / "solutions").glob("[0-9]*.ipynb"))
    ]
    runner = load_test_runner()
    summary = {}
    for name in args.config or list(CONFIGS):
        settings = " ".join(f"{key}={value}" for key, value in CONFIGS[name].items())
        print(f"== {name} ({settings}): {len(notebooks)} notebooks", flush=True)
        start = time.perf_counter()
        failures = run_config(name, notebooks, runner)
        for notebook, cell, message in failures:
            print(f"   DIFFERS  {notebook} {cell}: {message[:300]}", flush=True)
        minutes = (time.perf_counter() - start) / 60
        print(f"   {len(failures)} cell(s) differ ({minutes:.1f} min)", flush=True)
        summary[name] = len(failures)
    print("numerics: " + ", ".join(f"{name} {count} differing" for name, count in summary.items()))
    return 1 if any(summary.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
