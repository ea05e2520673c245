"""Shared plumbing for the MNIST with TensorFlow and Keras notebook series.

Modules by topic:

- :mod:`helpers.data` — verified offline MNIST, scaling and a validation split.
- :mod:`helpers.plots` — the series' plotting style and figures.
"""

__version__ = "0.1.0"
