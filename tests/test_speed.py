"""What the speed work cut, checked on real images: a table's frame is no chart's axes (the
chart stage reads no whole page again for it), and the axis finder's pair search picks
the pair a loop over the pairs picks."""

from __future__ import annotations

import math
import random
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread import charts, images
from imgread.charts.axes import _ransac
from imgread.config import load_config
from imgread.pipeline import IMAGE_STAGES, start
from imgread.preprocess import Prepared, Rule
from imgread.record import Box, Table
from imgread.work import Job, Work

REGULAR = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
ROWS = [
    ("Model", "MMLU", "GSM8K", "HumanEval"),
    ("Llama-2-7B", "45.3", "14.6", "12.8"),
    ("Mistral-7B", "64.1", "52.2", "30.5"),
    ("Qwen-7B", "58.2", "51.7", "29.9"),
    ("Yi-6B", "64.1", "32.6", "15.9"),
    ("Gemma-7B", "64.3", "46.4", "32.3"),
]


def framed_table(path: Path) -> Path:
    """A table ruled booktabs-like (top, under the header, bottom) with a rule down its
    left side: the left and bottom rules meet in an L, as a chart's axes do."""
    face = ImageFont.truetype(str(REGULAR), 20)
    image = Image.new("RGB", (1100, 640), "white")  # the table under half of it
    draw = ImageDraw.Draw(image)
    left, top, right, pitch = 40, 40, 680, 40
    xs = [60, 300, 430, 560]
    for r, row in enumerate(ROWS):
        y = top + 12 + r * pitch + (10 if r else 0)
        for x, text in zip(xs, row, strict=True):
            draw.text((x, y), text, fill="black", font=face)
    bottom = top + 12 + len(ROWS) * pitch + 20
    for y in (top, top + pitch + 6, bottom):
        draw.line([(left, y), (right, y)], fill="black", width=2)
    draw.line([(left, top), (left, bottom)], fill="black", width=2)
    image.save(path)
    return path


def read_up_to_charts(path: Path) -> Work:
    config = load_config()
    work = start(Job(path=path), config)
    images.load_into(work, config)
    for name, stage in IMAGE_STAGES:
        if name != "charts":
            stage(work, config)
    return work


@pytest.mark.skipif(not REGULAR.is_file(), reason="DejaVu fonts not installed")
def test_a_tables_frame_is_no_reason_to_read_the_page_for_a_chart(tmp_path: Path) -> None:
    work = read_up_to_charts(framed_table(tmp_path / "framed.png"))
    # preprocessing sees an L (a chart's axes, by its shape alone) and the table is read
    assert work.record.preprocess.chart_axes
    assert len(work.record.ocr.tables) == 1
    assert work.record.ocr.tables[0].columns[:2] == ["Model", "MMLU"]
    # but the L is the table's frame: the chart stage does not read the page again for it
    assert charts._table_frame(work)
    assert not charts._looks_like_chart(work)
    charts.run(work, load_config())
    assert work.record.charts == []


def test_an_axis_with_its_labels_left_of_it_is_no_table_frame() -> None:
    """A chart's y axis has its tick labels left of its line: a "table" read over the
    chart's text reaches past the line, so the L stays a chart's axes."""
    rgb = np.full((400, 600, 3), 255, dtype=np.uint8)
    axis = Rule(position=80, start=40, end=340)  # the y axis, x = 80
    floor = Rule(position=340, start=80, end=560)  # the x axis, y = 340
    work = start(Job(path=Path("chart.png")), load_config())
    work.prepared = Prepared(grey=rgb[..., 0], size=(600, 400), horizontal=[floor],
                             vertical=[axis], rgb=rgb)
    # tick labels at x 30..70 and value labels over the bars: one "table" of numbers
    work.record.ocr.tables = [Table(box=Box(x1=30, y1=50, x2=540, y2=335), n_rows=6, n_cols=4)]
    assert not charts._table_frame(work)
    # the same rules framing a table whose text starts right of the upright rule
    work.record.ocr.tables = [Table(box=Box(x1=95, y1=50, x2=540, y2=330), n_rows=6, n_cols=4)]
    assert charts._table_frame(work)


def _ransac_by_loop(
    pixels: np.ndarray, values: np.ndarray, tolerance: float
) -> tuple[float, float, np.ndarray] | None:
    """The pair search as a loop over the pairs, one at a time: what ``_ransac`` must pick."""
    best, best_count, best_error = None, 0, math.inf
    for i, j in combinations(range(len(pixels)), 2):
        if abs(pixels[i] - pixels[j]) < 2 * tolerance or values[i] == values[j]:
            continue
        a = (values[j] - values[i]) / (pixels[j] - pixels[i])
        b = values[i] - a * pixels[i]
        errors = np.abs((values - b) / a - pixels)
        inliers = errors < tolerance
        count, error = int(inliers.sum()), float(errors[inliers].sum())
        if count > best_count or (count == best_count and error < best_error):
            best, best_count, best_error = inliers, count, error
    if best is None or best_count < 3:
        return None
    a, b = np.polyfit(pixels[best], values[best], 1)
    return float(a), float(b), best


@pytest.mark.parametrize("block", [1 << 20, 7])
def test_the_pair_search_picks_what_a_loop_over_pairs_picks(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Axes with outliers, tied pairs (whole-pixel ticks on whole values) and columns of
    table scores; in one block of pairs and in many small ones."""
    monkeypatch.setattr("imgread.charts.axes.RANSAC_BLOCK", block)
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(0, 24)
        if rng.random() < 0.4:  # an axis: evenly stepped ticks, some misread
            step = rng.choice([10.0, 20.0, 25.5])
            pixels = np.array([100 + k * step for k in range(n)])
            values = np.array([50.0 - 5 * k if rng.random() > 0.2 else rng.randint(0, 99)
                               for k in range(n)])
        else:  # a table's column of scores
            pixels = np.array([float(rng.randint(0, 400)) for _ in range(n)])
            values = np.array([float(rng.randint(0, 9)) for _ in range(n)])
        tolerance = rng.choice([3.0, 4.2, 7.0])
        expected, found = _ransac_by_loop(pixels, values, tolerance), _ransac(
            pixels, values, tolerance)
        if expected is None:
            assert found is None
            continue
        assert found is not None
        assert found[:2] == expected[:2]
        assert np.array_equal(found[2], expected[2])
