"""Tables with a data bar behind each score (Excel's and Power BI's "data bars"): the
numbers over the bars are read, and the bars are no chart."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.preprocess.cell_bars import cell_bars
from imgread.tables import scores_from_table

FONTS = Path("/usr/share/fonts/truetype")
SANS = FONTS / "liberation/LiberationSans-Regular.ttf"
needs_fonts = pytest.mark.skipif(not SANS.exists(), reason="Liberation fonts absent")

HUES = [(255, 85, 90), (255, 182, 40), (214, 0, 123), (0, 138, 239)]
BENCHES = ["MMLU", "GSM8K", "MATH", "BBH"]


def _rows(seed: int) -> list[tuple[str, list[float]]]:
    rng = random.Random(seed)
    names = ["Onyx-7B", "Onyx-13B", "Basalt-2B", "Basalt-9B", "Quartz-34B", "Quartz-70B"]
    return [(name, [round(rng.uniform(15, 92), 1) for _ in BENCHES]) for name in names]


def render_data_bars(path: Path, rows: list[tuple[str, list[float]]], dark: bool = False,
                     ruled: bool = True) -> Path:
    """A sheet whose score cells each hold a saturated bar from the cell's left edge, as
    long as the value against the column's largest, the number right-aligned over its
    end; a light grid (or none), a light page or a dark report's."""
    face = ImageFont.truetype(str(SANS), 17)
    bold = ImageFont.truetype(str(SANS.with_name("LiberationSans-Bold.ttf")), 17)
    name_w, cell_w, pitch = 150, 120, 34
    page, ink, grid = ((31, 31, 31), (243, 243, 243), (58, 58, 58)) if dark else (
        (255, 255, 255), (17, 17, 17), (212, 212, 212))
    width, height = 20 + name_w + cell_w * len(BENCHES) + 20, 20 + pitch * (len(rows) + 1) + 20
    image = Image.new("RGB", (width, height), page)
    draw = ImageDraw.Draw(image)
    tops = [max(scores[c] for _, scores in rows) for c in range(len(BENCHES))]
    draw.text((28, 20 + 8), "Model", fill=ink, font=bold)
    for c, bench in enumerate(BENCHES):
        draw.text((20 + name_w + c * cell_w + 8, 20 + 8), bench, fill=ink, font=bold)
    for r, (name, scores) in enumerate(rows, 1):
        y = 20 + r * pitch
        draw.text((28, y + 8), name, fill=ink, font=face)
        for c, value in enumerate(scores):
            x = 20 + name_w + c * cell_w
            length = round((cell_w - 4) * value / tops[c])
            draw.rectangle((x + 2, y + 3, x + 2 + length, y + pitch - 4), fill=HUES[c])
            text = f"{value:.1f}"
            draw.text((x + cell_w - 8 - face.getlength(text), y + 8), text, fill=ink, font=face)
    if ruled:
        for r in range(len(rows) + 2):
            draw.line((20, 20 + r * pitch, width - 20, 20 + r * pitch), fill=grid)
        for x in [20, 20 + name_w, *(20 + name_w + c * cell_w for c in range(1, 5))]:
            draw.line((x, 20, x, 20 + pitch * (len(rows) + 1)), fill=grid)
    image.save(path)
    return path


def _read_scores(path: Path) -> tuple[dict, list[str], int]:
    record = read_image(path)
    read = {(s.model, s.benchmark): s.value for t in record.ocr.tables
            for s in scores_from_table(t)}
    return read, record.preprocess.steps, len(record.charts)


def _right(read: dict, rows: list[tuple[str, list[float]]]) -> int:
    return sum(read.get((name, bench)) == value for name, scores in rows
               for bench, value in zip(BENCHES, scores, strict=True))


@needs_fonts
@pytest.mark.parametrize("dark", [False, True])
def test_numbers_over_data_bars_are_read(tmp_path: Path, dark: bool) -> None:
    """Every score printed over its bar is read: the bars are made the page's ground
    before OCR (without that, digits over a saturated bar go with their ground, and the
    dark-band inverter turns half of a number white)."""
    rows = _rows(3)
    read, steps, _ = _read_scores(render_data_bars(tmp_path / "bars.png", rows, dark=dark))
    assert _right(read, rows) >= len(rows) * len(BENCHES) - 1, read
    assert "flatten_cell_bars" in steps


@needs_fonts
def test_data_bars_are_no_chart(tmp_path: Path) -> None:
    """A report's table with bars behind its scores and no rules is read as a table and no
    bar chart is found on it: its bars stand on rows holding a name and several numbers."""
    rows = _rows(8)
    read, _, charts = _read_scores(render_data_bars(tmp_path / "report.png", rows, ruled=False))
    assert charts == 0
    assert _right(read, rows) >= len(rows) * len(BENCHES) - 1, read


def test_a_lying_bar_chart_keeps_its_bars(tmp_path: Path) -> None:
    """The bars of a lying bar chart share a left edge as a column of data bars does, but
    no second column of bars shares their rows: they are left for the chart reader."""
    image = Image.new("RGB", (600, 300), "white")
    draw = ImageDraw.Draw(image)
    for i, value in enumerate([82.0, 64.5, 51.2, 40.8, 22.3]):
        top = 20 + i * 50
        draw.rectangle((120, top, 120 + round(4 * value), top + 26), fill=(0, 138, 239))
    grey = np.asarray(image.convert("L"))
    assert cell_bars(grey) == []
    # the same bars beside a second column of them on the same rows are cells
    draw = ImageDraw.Draw(image)
    for i in range(5):
        top = 20 + i * 50
        draw.rectangle((470, top, 470 + 20 + 15 * i, top + 26), fill=(255, 85, 90))
    assert len(cell_bars(np.asarray(image.convert("L")))) == 10


@needs_fonts
def test_cells_filled_whole_are_no_data_bars(tmp_path: Path) -> None:
    """A heat map: every score cell filled whole in a colour for its value, white type on
    it, a white gap between cells. The fills all end where their cells do, as data bars
    (as long as their values) never do: they are left to the page's own fill handling,
    and the white numbers are read (flattened as bars they vanished: no table at all)."""
    rows = _rows(7)
    bold = ImageFont.truetype(str(SANS.with_name("LiberationSans-Bold.ttf")), 16)
    name_w, cell_w, pitch, left, top = 150, 110, 32, 16, 16
    image = Image.new("RGB", (left * 2 + name_w + cell_w * len(BENCHES),
                              top * 2 + pitch * (len(rows) + 1)), "white")
    draw = ImageDraw.Draw(image)
    for c, bench in enumerate(BENCHES):
        draw.text((left + name_w + c * cell_w + 10, top + 7), bench, font=bold, fill=(30, 30, 30))
    for r, (name, values) in enumerate(rows, start=1):
        y = top + r * pitch
        draw.text((left + 6, y + 7), name, font=bold, fill=(30, 30, 30))
        for c, value in enumerate(values):
            t = (value - 15) / 77
            x = left + name_w + c * cell_w
            draw.rectangle([x, y, x + cell_w - 1, y + pitch - 1], outline="white", width=2,
                           fill=(int(210 * (1 - t) + 30 * t), int(50 * (1 - t) + 150 * t), 60))
            draw.text((x + 30, y + 7), f"{value:.1f}", font=bold, fill="white")
    path = tmp_path / "heat.png"
    image.save(path)
    assert not cell_bars(np.asarray(image.convert("L")))
    read, _, _ = _read_scores(path)
    assert _right(read, rows) >= 0.9 * len(rows) * len(BENCHES)
