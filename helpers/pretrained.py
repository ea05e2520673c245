"""Load the networks that ``scripts/train_pushing_accuracy.py`` trained for notebook 06.

The script trains several seeded copies of each *family* of networks (longer than a
notebook should take on a laptop): :func:`helpers.models.build_bn_cnn` and
:func:`helpers.models.build_dropout_cnn`. It commits them to ``pretrained/`` as
``<family>_seed<N>.keras`` with a JSON log of every epoch per family. These functions read
them back safely and check what they read.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import keras
import numpy as np

from helpers.models import build_bn_cnn, build_dropout_cnn, describe_architecture

__all__ = ["FAMILIES", "load_members", "race_curves", "read_training_log"]

#: Family name → the function that builds its (untrained) network.
FAMILIES: dict[str, Callable[[], keras.Model]] = {
    "bn_cnn": build_bn_cnn,
    "dropout_cnn": build_dropout_cnn,
}
_HOW_TO_MAKE = "Create them with `make pretrained` (about two hours on a 2-core CPU)."


def load_members(folder: str | os.PathLike[str], family: str = "bn_cnn") -> dict[int, keras.Model]:
    """Load every ``<family>_seed<N>.keras`` in ``folder``, in seed order.

    Files are loaded with ``safe_mode=True`` (no arbitrary code) and must have exactly the
    architecture of the family's build function (see :data:`FAMILIES`).

    Parameters
    ----------
    folder
        The repository's ``pretrained/`` folder.
    family
        A key of :data:`FAMILIES`.

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
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}; choose one of {sorted(FAMILIES)}.")
    folder = Path(folder)
    member_file = re.compile(rf"{family}_seed(\d+)\.keras")
    paths = sorted(
        (int(match.group(1)), path)
        for path in (folder.glob("*.keras") if folder.is_dir() else [])
        if (match := member_file.fullmatch(path.name))
    )
    if not paths:
        raise FileNotFoundError(f"no {family}_seed<N>.keras files in {folder}. {_HOW_TO_MAKE}")
    expected = describe_architecture(FAMILIES[family]())
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
                f"{path} holds a different network than helpers.models."
                f"{FAMILIES[family].__name__}(); "
                f"it was made by another version of the series. {_HOW_TO_MAKE}"
            )
        members[seed] = model
    return members


def read_training_log(folder: str | os.PathLike[str], file_name: str = "training_log.json") -> dict:
    """Read a training log, the script's record of every network and epoch.

    Parameters
    ----------
    folder
        The repository's ``pretrained/`` folder.
    file_name
        ``training_log.json`` (the BN CNNs and the race) or ``training_log_dropout_cnn.json``.

    Raises
    ------
    FileNotFoundError
        When the log is missing.
    ValueError
        When it is not valid JSON or lacks the ``runs`` the notebook plots.
    """
    path = Path(folder) / file_name
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
