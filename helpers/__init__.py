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
"""

__version__ = "0.1.0"
