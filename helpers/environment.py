"""The process environment the series' scripts, benchmarks and tests share, in one place.

Importing this module sets (where not set already) ``TF_CPP_MIN_LOG_LEVEL=3``, so TensorFlow
prints only fatal C++ messages, and ``PYTHONHASHSEED=0``, so the processes a run starts (the
notebook kernels of the tests) order sets and dicts the same way every time. TensorFlow reads
its variable when it is first imported, so the scripts and benchmarks import this module
first; the test run applies :func:`configure` to the kernels it starts
(``tests/offline/offline_guard.py``). TensorFlow's oneDNN optimisations stay on, as it ships
them. Notebooks need none of this: their kernels keep C++ output out of the cells anyway
(``scripts/setup_environment.py``).
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

__all__ = ["SETTINGS", "configure"]

#: Variable → value, applied where the variable is not set already.
SETTINGS: dict[str, str] = {"TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONHASHSEED": "0"}


def configure(environ: MutableMapping[str, str] = os.environ) -> None:
    """Set each of :data:`SETTINGS` in ``environ`` unless it is set already."""
    for name, value in SETTINGS.items():
        environ.setdefault(name, value)


configure()
