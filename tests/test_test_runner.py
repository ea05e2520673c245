"""The test command's runner: how many notebooks run at once, and with how many threads."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_runner():
    spec = importlib.util.spec_from_file_location(
        "test_in_fresh_copy", ROOT / "scripts" / "test_in_fresh_copy.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


runner = load_runner()


@pytest.mark.parametrize(
    ("cores", "notebooks", "threads"), [(2, 3, 1), (8, 3, 2), (16, 3, 5), (1, 1, 1), (4, 2, 2)]
)
def test_each_notebook_gets_an_even_share_of_the_cores(cores, notebooks, threads):
    assert runner.threads_per_notebook(cores, notebooks) == threads


def test_workers_default_to_three_and_follow_the_setting():
    assert runner.notebook_processes(None) == 3
    assert runner.notebook_processes("") == 3
    assert runner.notebook_processes(" 2 ") == 2


@pytest.mark.parametrize("setting", ["0", "two", "-1", "1.5"])
def test_a_bad_worker_setting_says_what_to_write(setting):
    with pytest.raises(SystemExit, match="MNIST_TEST_WORKERS=.*whole number from 1"):
        runner.notebook_processes(setting)


def test_side_by_side_runs_limit_threads_unless_the_environment_says(tmp_path):
    share = runner.threads_per_notebook(runner.usable_cores(), runner.NOTEBOOK_PROCESSES)
    environment = runner.environment_for(tmp_path, {"PATH": "/bin"})
    assert environment["TF_NUM_INTRAOP_THREADS"] == environment["TF_NUM_INTEROP_THREADS"]
    assert environment["TF_NUM_INTRAOP_THREADS"] == str(share)
    assert environment["OPENBLAS_NUM_THREADS"] == str(share)
    chosen = runner.environment_for(
        tmp_path, {"TF_NUM_INTRAOP_THREADS": "8", "OPENBLAS_NUM_THREADS": "4"}
    )
    assert chosen["TF_NUM_INTRAOP_THREADS"] == "8"
    assert chosen["OPENBLAS_NUM_THREADS"] == "4"
    alone = runner.environment_for(tmp_path, {"PATH": "/bin"}, side_by_side=False)
    assert "TF_NUM_INTRAOP_THREADS" not in alone
    assert "OPENBLAS_NUM_THREADS" not in alone
    assert alone["PYTHONPATH"].split(":")[0] == str(tmp_path)


def test_the_slowest_notebooks_start_first_the_last_last_and_every_notebook_runs_once():
    command = runner.notebook_command(runner.ROOT, [])
    notebooks = [part for part in command if part.endswith(".ipynb")]
    names = [part.removeprefix("notebooks/") for part in notebooks]
    assert names[: len(runner.SLOWEST_FIRST)] == runner.SLOWEST_FIRST
    assert names[-len(runner.LAST) :] == runner.LAST  # after the lessons whose files they read
    on_disk = sorted(
        path.relative_to(runner.ROOT / "notebooks").as_posix()
        for pattern in ["[0-9]*.ipynb", "solutions/[0-9]*.ipynb"]
        for path in (runner.ROOT / "notebooks").glob(pattern)
    )
    assert sorted(names) == on_disk
    assert "--no-loadscope-reorder" in command
