"""A stand-in for the ``google.colab`` package of Google Colab, for ``make hosted`` only.

Colab's kernels can import ``google.colab``; the series' install cell looks for it to apply
Colab's kernel settings (``helpers.hosted.configure_kernel``). This stand-in lets the hosted
test run that branch here. ``google`` stays a namespace package (no ``google/__init__.py``),
so ``google.protobuf`` still imports beside it.
"""
