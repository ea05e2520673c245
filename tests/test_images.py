"""Tests of helpers.images.to_mnist_format: MNIST-style preprocessing and its errors."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from helpers.images import to_mnist_format


def paper_with_stroke(height: int = 300, width: int = 200) -> np.ndarray:
    """Dark ink (a thick vertical bar with a foot) on white paper, uint8 grayscale."""
    page = np.full((height, width), 250, np.uint8)
    page[60:240, 90:120] = 10  # the bar
    page[220:240, 60:150] = 10  # the foot
    return page


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    weights = image.astype(float)
    rows, cols = np.indices(image.shape)
    return (rows * weights).sum() / weights.sum(), (cols * weights).sum() / weights.sum()


def test_output_is_mnist_shaped_light_on_dark():
    out = to_mnist_format(paper_with_stroke())
    assert out.shape == (28, 28) and out.dtype == np.uint8
    assert out.max() == 255 and out[0].max() == 0 and out[:, 0].max() == 0


def test_longer_side_of_the_ink_is_20_pixels_and_centred_by_mass():
    out = to_mnist_format(paper_with_stroke())
    rows = np.flatnonzero(out.max(axis=1))
    cols = np.flatnonzero(out.max(axis=0))
    assert rows[-1] - rows[0] + 1 == 20  # the ink is 180 tall, 90 wide
    assert cols[-1] - cols[0] + 1 == 10
    row, col = centre_of_mass(out)
    assert abs(row - 14) <= 0.75 and abs(col - 14) <= 0.75


def test_rgb_rgba_pil_and_file_inputs_agree(tmp_path):
    gray = paper_with_stroke()
    expected = to_mnist_format(gray)
    rgb = np.repeat(gray[..., None], 3, axis=-1)
    rgba = np.concatenate([rgb, np.full(gray.shape + (1,), 255, np.uint8)], axis=-1)
    path = tmp_path / "digit.png"
    Image.fromarray(rgb).save(path)
    for variant in (rgb, rgba, Image.fromarray(gray), path, str(path), gray / 255.0):
        np.testing.assert_allclose(to_mnist_format(variant), expected, atol=2)


def test_transparent_background_counts_as_paper():
    gray = paper_with_stroke()
    ink = gray < 128
    rgba = np.zeros(gray.shape + (4,), np.uint8)  # transparent everywhere...
    rgba[ink] = (0, 0, 0, 255)  # ...except opaque black ink
    np.testing.assert_allclose(
        to_mnist_format(Image.fromarray(rgba, mode="RGBA")), to_mnist_format(gray), atol=2
    )


def test_light_on_dark_is_not_inverted_and_override_works():
    gray = paper_with_stroke()
    np.testing.assert_array_equal(to_mnist_format(255 - gray), to_mnist_format(gray))
    np.testing.assert_array_equal(
        to_mnist_format(255 - gray, invert=False), to_mnist_format(gray, invert=True)
    )


def test_an_mnist_digit_survives_a_round_trip(mnist):
    """Upscale a real test digit 5× as dark ink on paper; preprocessing should recover it."""
    _, (x_test, _) = mnist
    digit = x_test[0]
    big = np.kron(255 - digit, np.ones((5, 5), np.uint8))
    recovered = to_mnist_format(np.repeat(big[..., None], 3, axis=-1)).astype(float)
    correlation = np.corrcoef(recovered.ravel(), digit.astype(float).ravel())[0, 1]
    assert correlation > 0.85, correlation


@pytest.mark.parametrize(
    "bad, message",
    [
        (np.full((50, 50), 255, np.uint8), "blank"),
        (np.zeros((50, 50), np.uint8), "blank"),
        (np.full((50, 50), np.nan), "NaN"),
        (np.zeros((4, 50), np.uint8), "between 8 and 8192"),
        (np.zeros((10, 9000), np.uint8), "between 8 and 8192"),
        (np.zeros((5, 5, 5), np.uint8), "grayscale .* RGB .* RGBA"),
        (np.zeros((28, 28), dtype="<U1"), "must hold numbers"),
        (np.full((20, 20), 300), "expected 0–255"),
        (np.full((20, 20), -0.5), r"\[0, 1\]"),
        ("not-a-file.png", "no image file"),
        (42, "file path, a PIL image or a numpy array"),
    ],
)
def test_bad_input_gets_a_clear_error(bad, message):
    with pytest.raises(ValueError, match=message):
        to_mnist_format(bad)


def test_a_file_that_is_not_an_image_gets_a_clear_error(tmp_path):
    fake = tmp_path / "digit.png"
    fake.write_text("this is text, not a PNG")
    with pytest.raises(ValueError, match="could not be read as an image"):
        to_mnist_format(fake)


def test_speckle_noise_does_not_stretch_the_crop():
    rng = np.random.default_rng(0)
    clean = paper_with_stroke().astype(float)
    noisy = np.clip(clean + rng.normal(0, 40, clean.shape), 0, 255).astype(np.uint8)
    out = to_mnist_format(noisy)
    rows = np.flatnonzero(out.max(axis=1) > 128)
    assert rows[-1] - rows[0] + 1 >= 18  # the bar still fills the 20-pixel box
