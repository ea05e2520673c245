"""Turn any picture of a digit into a 28 × 28 MNIST-style image, the way MNIST was made.

MNIST digits are light ink on a dark background, scaled so that the longer side of the
ink's bounding box is 20 pixels (keeping the aspect ratio), and placed in a 28 × 28 frame
so that the ink's centre of mass sits at the centre. :func:`to_mnist_format` repeats those
steps for a photo, a scan or a drawing, so a model trained on MNIST sees what it expects.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError
from scipy import ndimage

__all__ = ["MAX_SIDE", "MIN_SIDE", "to_mnist_format"]

#: Smallest and largest accepted image sides, in pixels.
MIN_SIDE = 8
MAX_SIDE = 8192

_BOX = 20  # MNIST scales the ink's longer side to 20 pixels
_FRAME = 28


def _as_gray_array(image: str | os.PathLike[str] | Image.Image | np.ndarray) -> np.ndarray:
    """Read a path, PIL image or array into a 2-D float array with values in [0, 1]."""
    if isinstance(image, str | os.PathLike):
        path = Path(image)
        if not path.is_file():
            raise ValueError(f"no image file at {path}.")
        try:
            with Image.open(path) as opened:
                opened.load()
                image = opened.copy()
        except (UnidentifiedImageError, OSError) as exc:
            raise ValueError(f"{path} could not be read as an image ({exc}).") from None
    if isinstance(image, Image.Image):
        if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
            # Transparent parts become white paper, as when the drawing is printed.
            background = Image.new("RGBA", image.size, (255, 255, 255, 255))
            image = Image.alpha_composite(background, image.convert("RGBA"))
        return np.asarray(image.convert("L"), dtype=np.float64) / 255.0
    if not isinstance(image, np.ndarray):
        raise ValueError(
            f"expected a file path, a PIL image or a numpy array, got {type(image).__name__}."
        )
    return _array_to_gray(image)


def _array_to_gray(array: np.ndarray) -> np.ndarray:
    if array.dtype == bool:
        array = array.astype(np.float64)
    if not (np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)):
        raise ValueError(f"image arrays must hold numbers, got dtype {array.dtype}.")
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[-1] not in (3, 4)):
        raise ValueError(
            "expected a grayscale (H, W), RGB (H, W, 3) or RGBA (H, W, 4) array, "
            f"got shape {array.shape}."
        )
    values = array.astype(np.float64)
    if not np.isfinite(values).all():
        raise ValueError("the image contains NaN or infinite values; clean it before use.")
    if np.issubdtype(array.dtype, np.integer) or values.max() > 1.0:
        if values.min() < 0 or values.max() > 255:
            raise ValueError(
                f"pixel values run from {values.min():g} to {values.max():g}; "
                "expected 0–255 (integers) or 0–1 (floats)."
            )
        values = values / 255.0
    elif values.min() < 0:
        raise ValueError(f"float pixel values must lie in [0, 1], found {values.min():g}.")
    if values.ndim == 3:
        rgb, alpha = values[..., :3], values[..., 3:] if values.shape[-1] == 4 else None
        gray = rgb @ np.array([0.299, 0.587, 0.114])  # ITU-R 601, as PIL's "L"
        if alpha is not None:
            gray = gray * alpha[..., 0] + (1.0 - alpha[..., 0])  # over white paper
        values = gray
    return values


def to_mnist_format(
    image: str | os.PathLike[str] | Image.Image | np.ndarray,
    *,
    invert: bool | None = None,
) -> np.ndarray:
    """Turn a picture of one digit into a 28 × 28 uint8 MNIST-style image.

    Steps, as MNIST was made: grayscale; invert so the ink is light on dark; crop to the
    ink (ignoring isolated specks of noise); scale the longer side to 20 pixels keeping the
    aspect ratio; place in 28 × 28 with the ink's centre of mass at the centre.

    Parameters
    ----------
    image
        A file path, a PIL image, or an array of shape (H, W), (H, W, 1), (H, W, 3) or
        (H, W, 4): uint8 0–255 or floats 0–1. Transparent pixels count as white paper.
    invert
        ``True`` for dark ink on light paper, ``False`` for light ink on dark. By default
        it is decided from the border: a light border means dark ink.

    Returns
    -------
    A (28, 28) uint8 array, light ink on black like ``load_mnist()``'s images.

    Raises
    ------
    ValueError
        For anything that is not a usable picture of a digit: an unreadable file, an
        unsupported shape or dtype, NaN values, a side under 8 or over 8192 pixels, or a
        blank image with no ink.
    """
    gray = _as_gray_array(image)
    height, width = gray.shape
    if min(height, width) < MIN_SIDE or max(height, width) > MAX_SIDE:
        raise ValueError(
            f"image is {width} × {height} pixels; each side must be between {MIN_SIDE} and "
            f"{MAX_SIDE}. Crop or resize it to roughly one digit first."
        )

    if invert is None:
        border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
        invert = float(np.median(border)) > 0.5
    ink = 1.0 - gray if invert else gray

    # Remove the background level and stretch the ink to full brightness.
    background = float(np.median(np.concatenate([ink[0], ink[-1], ink[:, 0], ink[:, -1]])))
    ink = np.clip(ink - background, 0.0, None)
    if ink.max() < 0.1:
        raise ValueError(
            "the image is blank: no ink stands out from the background. "
            "Check that it shows a digit (and the invert= setting)."
        )
    ink = ink / ink.max()
    ink[ink < 0.1] = 0.0  # paper texture and faint noise are not ink

    # Find the ink's bounding box on a median-filtered copy, so that speckle noise far from
    # the digit does not stretch the box; crop the unfiltered ink to it.
    solid = ndimage.median_filter(ink, size=3) > 0.3
    if not solid.any():
        solid = ink > 0
    rows = np.flatnonzero(solid.any(axis=1))
    cols = np.flatnonzero(solid.any(axis=0))
    cropped = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]

    scale = _BOX / max(cropped.shape)
    new_height = max(1, round(cropped.shape[0] * scale))
    new_width = max(1, round(cropped.shape[1] * scale))
    resized = Image.fromarray(cropped.astype(np.float32), mode="F").resize(
        (new_width, new_height),
        Image.Resampling.LANCZOS if scale < 1 else Image.Resampling.BILINEAR,
    )
    box = np.clip(np.asarray(resized, dtype=np.float64), 0.0, 1.0)

    # Place the box so that its centre of mass lands at (14, 14), where MNIST puts it.
    total = box.sum()
    centre_row = (np.arange(new_height) @ box.sum(axis=1)) / total
    centre_col = (np.arange(new_width) @ box.sum(axis=0)) / total
    top = int(np.clip(round(_FRAME / 2 - centre_row), 0, _FRAME - new_height))
    left = int(np.clip(round(_FRAME / 2 - centre_col), 0, _FRAME - new_width))
    frame = np.zeros((_FRAME, _FRAME))
    frame[top : top + new_height, left : left + new_width] = box
    return np.rint(frame * 255).astype(np.uint8)
