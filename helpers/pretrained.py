"""Load the trained networks the series ships in ``pretrained/``.

Reference copies of notebook 02's dense network and notebook 04's CNN
(``scripts/train_reference_models.py``): notebooks 05, 07 and 08 study these, so that every
reader, on every machine, looks at the same network and the same mistakes.

The networks of notebook 06 (``scripts/train_pushing_accuracy.py``):

The script trains several seeded copies of each *family* of networks (longer than a
notebook should take on a laptop): :func:`helpers.models.build_bn_cnn` and
:func:`helpers.models.build_dropout_cnn`. It commits their weights to ``pretrained/`` as
``<family>_seed<N>.weights.h5`` with a JSON log of every epoch per family. Weights only:
the network is built here by the family's function and the file fills it, so no file can
bring an architecture (or code) of its own, and the files load in every Keras version the
series supports.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import keras
import numpy as np

from helpers.models import RECIPES, build_bn_cnn, build_dropout_cnn

__all__ = ["FAMILIES", "load_members", "load_reference", "race_curves", "read_training_log"]

#: Family name → the function that builds its (untrained) network.
FAMILIES: dict[str, Callable[[], keras.Model]] = {
    "bn_cnn": build_bn_cnn,
    "dropout_cnn": build_dropout_cnn,
}
_HOW_TO_MAKE = "Create them with `make pretrained` (about two hours on a 2-core CPU)."


def load_reference(name: str, folder: str | os.PathLike[str]) -> keras.Model:
    """Build one of the series' recipes and load its reference weights, ready to evaluate.

    Parameters
    ----------
    name
        ``"dense_baseline"`` (notebook 02) or ``"cnn"`` (notebook 04), a key of
        :data:`helpers.models.RECIPES`.
    folder
        The repository's ``pretrained/`` folder, which holds ``<name>.weights.h5``.

    Returns
    -------
    The model, compiled with the recipe's loss and an accuracy metric.

    Raises
    ------
    FileNotFoundError
        When the weights file is missing.
    ValueError
        For an unknown name, or a file that does not fit the recipe's network.
    """
    if name not in RECIPES:
        raise ValueError(f"unknown model {name!r}; choose one of {sorted(RECIPES)}.")
    path = Path(folder) / f"{name}.weights.h5"
    if not path.is_file():
        raise FileNotFoundError(
            f"no reference weights at {path}. Create them with "
            "`python scripts/train_reference_models.py` (about 2 minutes)."
        )
    model = RECIPES[name].build()
    try:
        model.load_weights(path)
    except (OSError, ValueError) as exc:
        raise ValueError(
            f"{path} could not be read into the {name} recipe's network "
            f"({type(exc).__name__}: {exc}); recreate it with "
            "`python scripts/train_reference_models.py`."
        ) from exc
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    # Built now, so a .keras file saved from this model reloads without a mismatch warning.
    model.optimizer.build(model.trainable_variables)
    return model


def load_members(folder: str | os.PathLike[str], family: str = "bn_cnn") -> dict[int, keras.Model]:
    """Build the family's network for every ``<family>_seed<N>.weights.h5`` in ``folder``
    and load that file's weights into it, in seed order.

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
        When the folder or its weight files are missing.
    ValueError
        When a file cannot be read or holds the weights of a different network.
    """
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}; choose one of {sorted(FAMILIES)}.")
    folder = Path(folder)
    member_file = re.compile(rf"{family}_seed(\d+)\.weights\.h5")
    paths = sorted(
        (int(match.group(1)), path)
        for path in (folder.glob("*.weights.h5") if folder.is_dir() else [])
        if (match := member_file.fullmatch(path.name))
    )
    if not paths:
        raise FileNotFoundError(f"no {family}_seed<N>.weights.h5 files in {folder}. {_HOW_TO_MAKE}")
    build = FAMILIES[family]
    members = {}
    for seed, path in paths:
        model = build()
        try:
            model.load_weights(path)
        except (OSError, ValueError) as exc:
            raise ValueError(
                f"{path} could not be read into helpers.models.{build.__name__}() "
                f"({type(exc).__name__}: {exc}); it is damaged or holds a different network, "
                f"made by another version of the series. {_HOW_TO_MAKE}"
            ) from exc
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
