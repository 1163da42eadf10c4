"""OpenCV steps on real pixels: dark regions, skew, scale, rules, axes."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from conftest import SAMPLES, render_table
from PIL import Image

from imgread.config import PreprocessSettings
from imgread.preprocess import (
    binarise,
    find_rules,
    has_chart_axes,
    invert_dark_regions,
    prepare,
    skew_angle,
    to_grey,
)

HEADER = ["Model", "Params", "MMLU"]
ROWS = [["Llama 2 70B", "70B", "68.9"], ["Mistral 7B", "7B", "60.1"], ["Qwen-14B", "14B", "66.3"]]


def rgb(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


def test_white_on_green_header_band_is_inverted_per_region(shared_dir: Path) -> None:
    grey = to_grey(rgb(shared_dir / "data" / "real" / "images" / "yi_base_table.png"))
    out, share = invert_dark_regions(grey)
    assert 0.03 < share < 0.3  # the band only, not the page
    band, body = (slice(10, 80), slice(20, 160)), (slice(400, 800), slice(20, 160))
    assert np.median(grey[band]) < 80 and np.median(out[band]) > 180  # band now light
    assert np.array_equal(out[body], grey[body])  # white body untouched


def test_dark_theme_table_is_recorded_as_dark(tmp_path: Path) -> None:
    image = render_table(tmp_path / "dark.png", HEADER, ROWS, dark=True)
    prepared, steps, share = prepare(rgb(image), PreprocessSettings())
    assert share > 0.5 and "invert_dark_regions" in steps
    assert np.median(prepared.grey) > 200  # dark text on light for Tesseract


@pytest.mark.parametrize("degrees", [1.2, -0.8])
def test_small_rotation_is_measured_and_undone(tmp_path: Path, degrees: float) -> None:
    path = render_table(tmp_path / "t.png", HEADER, ROWS * 3, size=16)
    rotated = Image.open(path).rotate(
        degrees, resample=Image.BICUBIC, expand=True, fillcolor=(255, 255, 255)
    )
    binary = binarise(to_grey(np.asarray(rotated)))
    angle = skew_angle(binary, 3.0)
    assert abs(angle + degrees) <= 0.3  # rotating back by -degrees straightens it
    prepared, steps, _ = prepare(np.asarray(rotated), PreprocessSettings())
    assert "deskew" in steps and abs(prepared.angle + degrees) <= 0.3


def test_straight_image_is_not_rotated(tmp_path: Path) -> None:
    path = render_table(tmp_path / "t.png", HEADER, ROWS)
    prepared, steps, _ = prepare(rgb(path), PreprocessSettings())
    assert "deskew" not in steps and prepared.angle == 0.0


def test_small_text_is_upscaled_towards_the_target_x_height(tmp_path: Path) -> None:
    small = render_table(tmp_path / "small.png", HEADER, ROWS, size=12)
    large = render_table(tmp_path / "large.png", HEADER, ROWS, size=40)
    settings = PreprocessSettings()
    prepared_small, steps, _ = prepare(rgb(small), settings)
    prepared_large, _, _ = prepare(rgb(large), settings)
    assert "upscale" in steps and prepared_small.scale > 2
    assert prepared_small.x_height * prepared_small.scale >= settings.target_x_height * 0.9
    assert prepared_large.scale == 1.0
    height, width = rgb(small).shape[:2]
    assert prepared_small.grey.shape[1] == pytest.approx(width * prepared_small.scale, abs=2)
    assert prepared_small.grey.shape[0] == pytest.approx(height * prepared_small.scale, abs=2)


def test_table_rules_are_found_and_are_not_chart_axes(tmp_path: Path) -> None:
    path = render_table(tmp_path / "t.png", HEADER, ROWS)
    horizontal, vertical = find_rules(to_grey(rgb(path)))
    assert len(horizontal) == len(ROWS) + 2  # above each row, and the bottom border
    assert vertical == []
    assert not has_chart_axes(horizontal, vertical)


def test_chart_axes_are_found() -> None:
    canvas = np.full((400, 600), 255, dtype=np.uint8)
    cv2.line(canvas, (60, 40), (60, 340), 0, 2)
    cv2.line(canvas, (60, 340), (560, 340), 0, 2)
    cv2.line(canvas, (60, 300), (560, 120), 90, 2)  # a series, diagonal: no rule
    horizontal, vertical = find_rules(canvas)
    assert len(horizontal) == 1 and len(vertical) == 1
    assert has_chart_axes(horizontal, vertical)


def test_seed_sample_preprocess_record() -> None:
    path = SAMPLES / "seed000_llama_table.png"
    if not path.exists():
        pytest.skip("samples/ not generated")
    prepared, steps, share = prepare(rgb(path), PreprocessSettings())
    assert steps[0] == "grey" and share < 0.5
    assert len(prepared.horizontal) >= 1  # the rule under the header
