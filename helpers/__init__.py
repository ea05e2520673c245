"""Shared plumbing for the MNIST with TensorFlow and Keras notebook series.

The lessons themselves (networks, training loops, algorithms) are written in the notebooks;
what they mark ``# @save`` is generated into ``architectures`` (and ``attribution``) by
``scripts/sync_saved_code.py``. Modules by topic:

- :mod:`helpers.data` — verified offline MNIST, scaling and a validation split.
- :mod:`helpers.architectures` — the series' networks and augmentation pipeline (generated).
- :mod:`helpers.training` — the one registry of training recipes, seeding, dtype policies.
- :mod:`helpers.schedules` — the one-cycle learning-rate schedule.
- :mod:`helpers.pretrained` — the networks shipped in ``pretrained/``, loaded and checked.
- :mod:`helpers.evaluation` — accuracy, confusion matrices, per-class scores, calibration.
- :mod:`helpers.plots` — the series' plotting style and figures.
- :mod:`helpers.inspection` — feature maps and the perturbations of the robustness tests.
- :mod:`helpers.images` — MNIST-style preprocessing of any picture of a digit.
- :mod:`helpers.drawing` — the drawing pad for JupyterLab.
- :mod:`helpers.deployment` — TFLite export, the LiteRT interpreter, latency timing.
- :mod:`helpers.environment` — the process environment of scripts, benchmarks and tests.
- :mod:`helpers.hosted` — installing the series into a hosted runtime such as Colab.

Importing the package checks that an installed TensorFlow is a version the series supports
(``pyproject.toml`` cannot require "tensorflow or tensorflow-cpu"), so an old one is named at
once instead of failing deep inside Keras. (Where none is installed yet, :mod:`helpers.hosted`
can still install it.)
"""

import importlib.metadata
import re

__version__ = "0.1.0"

#: The oldest TensorFlow the series is tested with (Colab's 2.20.0; see ``make hosted``).
OLDEST_TENSORFLOW = (2, 20)
_TENSORFLOW_BUILDS = ("tensorflow", "tensorflow-cpu")


def tensorflow_problem() -> str | None:
    """Say what is wrong with this environment's TensorFlow, or None when it will do.

    Returns
    -------
    A sentence naming the installed build and version that is too old, and what to do; None
    when every installed build is new enough, or none is installed.
    """
    oldest = ".".join(map(str, OLDEST_TENSORFLOW))
    how = (
        f"install TensorFlow {oldest} or newer (pip install 'tensorflow>={oldest}', or "
        "tensorflow-cpu on Linux), or set the series up with `make lab` (see its README)"
    )
    for build in _TENSORFLOW_BUILDS:
        try:
            version = importlib.metadata.version(build)
        except importlib.metadata.PackageNotFoundError:
            continue
        match = re.match(r"(\d+)\.(\d+)", version)
        if match and tuple(map(int, match.groups())) < OLDEST_TENSORFLOW:
            return f"{build} {version} is installed, but the series needs {oldest} or newer: {how}."
    return None


if (_problem := tensorflow_problem()) is not None:
    raise ImportError(_problem)
