"""Load the networks that ``scripts/train_pushing_accuracy.py`` trained for notebook 06.

The script trains several seeded copies of :func:`helpers.models.build_bn_cnn` (longer
than a notebook should take on a laptop) and commits them to ``pretrained/`` with a JSON
log of every epoch. These functions read them back safely and check what they read.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import keras
import numpy as np

from helpers.models import build_bn_cnn, describe_architecture

__all__ = ["load_members", "race_curves", "read_training_log"]

_MEMBER_FILE = re.compile(r"bn_cnn_seed(\d+)\.keras")
_HOW_TO_MAKE = "Create them with `make pretrained` (about an hour on a 2-core CPU)."


def load_members(folder: str | os.PathLike[str]) -> dict[int, keras.Model]:
    """Load every ``bn_cnn_seed<N>.keras`` in ``folder``, in seed order.

    Files are loaded with ``safe_mode=True`` (no arbitrary code) and must have exactly the
    architecture of :func:`helpers.models.build_bn_cnn`.

    Parameters
    ----------
    folder
        The repository's ``pretrained/`` folder.

    Returns
    -------
    Seed → model.

    Raises
    ------
    FileNotFoundError
        When the folder or its model files are missing.
    ValueError
        When a file cannot be read or holds a different network.
    """
    folder = Path(folder)
    paths = sorted(
        (int(match.group(1)), path)
        for path in (folder.glob("*.keras") if folder.is_dir() else [])
        if (match := _MEMBER_FILE.fullmatch(path.name))
    )
    if not paths:
        raise FileNotFoundError(f"no bn_cnn_seed<N>.keras files in {folder}. {_HOW_TO_MAKE}")
    expected = describe_architecture(build_bn_cnn())
    members = {}
    for seed, path in paths:
        try:
            model = keras.models.load_model(path, safe_mode=True)
        except (OSError, ValueError) as exc:
            raise ValueError(
                f"{path} could not be read ({type(exc).__name__}: {exc}). {_HOW_TO_MAKE}"
            ) from exc
        if describe_architecture(model) != expected:
            raise ValueError(
                f"{path} holds a different network than helpers.models.build_bn_cnn(); "
                f"it was made by another version of the series. {_HOW_TO_MAKE}"
            )
        members[seed] = model
    return members


def read_training_log(folder: str | os.PathLike[str]) -> dict:
    """Read ``training_log.json``, the script's record of every network and epoch.

    Raises
    ------
    FileNotFoundError
        When the log is missing.
    ValueError
        When it is not valid JSON or lacks the ``runs`` the notebook plots.
    """
    path = Path(folder) / "training_log.json"
    if not path.is_file():
        raise FileNotFoundError(f"no training log at {path}. {_HOW_TO_MAKE}")
    try:
        log = json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} is not valid JSON ({exc}). {_HOW_TO_MAKE}") from exc
    runs = log.get("runs") if isinstance(log, dict) else None
    if not isinstance(runs, list) or not all(
        isinstance(run, dict) and "name" in run and run.get("epochs") for run in runs
    ):
        raise ValueError(f"{path} has no list of runs with epochs. {_HOW_TO_MAKE}")
    return log


def race_curves(log: dict) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Cumulative training seconds and test accuracy after each epoch, per run of the log.

    Returns
    -------
    Run name → ``(seconds, test_accuracy)``, two arrays with one value per epoch.
    """
    curves = {}
    for run in log["runs"]:
        seconds = np.cumsum([epoch["seconds"] for epoch in run["epochs"]])
        accuracy = np.array([epoch["test_accuracy"] for epoch in run["epochs"]])
        curves[run["name"]] = (seconds, accuracy)
    return curves
