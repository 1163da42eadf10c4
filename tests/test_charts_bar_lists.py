"""Bar lists (issue 11, barlists): rankings drawn as rows of a name, a lying bar and its
printed value, with no axis, ticks or gridlines. Each test is one mechanism of
``imgread/charts/bar_lists.py``, on a list drawn here with Pillow, read through real
Tesseract; each fails without its mechanism."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from conftest import names_alike
from PIL import Image, ImageDraw, ImageFont

from imgread.charts import bar_lists
from imgread.charts.text import clean_words, phrases, plausible
from imgread.config import Config
from imgread.ocr import page_settings, read_words
from imgread.ocr.phrase import Phrase
from imgread.pipeline import read_image
from imgread.record import Box, Record, Word

REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
ROWS = [("Nimbus-70B", 84.2), ("Corvid 34B", 71.5), ("Halcyon-8B", 63.8),
        ("Marten 13B", 47.1), ("Tessel-7B", 32.6)]


def _bar_list(layout: str, dark: bool = False, rows: list[tuple[str, float]] = ROWS,
              ) -> Image.Image:
    """A ranking card: ``column`` (name left, bar over a track, value right-aligned in its
    own column), ``above`` (name over its bar, value right-aligned on the name's line) or
    ``inside`` (white value inside the bar's end, no track)."""
    page, ink, track, bar = (((17, 24, 39), (229, 231, 235), (31, 41, 55), (236, 72, 153))
                             if dark else
                             ((255, 255, 255), (17, 24, 39), (229, 231, 235), (79, 70, 229)))
    font, bold = ImageFont.truetype(REGULAR, 16), ImageFont.truetype(BOLD, 16)
    pitch = 52 if layout == "above" else 40
    image = Image.new("RGB", (620, 70 + pitch * len(rows)), page)
    draw = ImageDraw.Draw(image)
    draw.text((24, 18), "Pass@1 on the coding set", font=ImageFont.truetype(BOLD, 19), fill=ink)
    left, right = (24, 596) if layout == "above" else (170, 510)
    thickness = 26 if layout == "inside" else 12
    for i, (name, value) in enumerate(rows):
        top = 62 + pitch * i
        if layout == "above":
            draw.text((left, top), name, font=font, fill=ink)
            text = f"{value:.1f}"
            draw.text((right - draw.textlength(text, font=bold), top), text, font=bold, fill=ink)
            top += 24
        else:
            draw.text((24, top + thickness / 2 - 9), name, font=font, fill=ink)
        end = left + (right - left) * value / 100
        if layout != "inside":
            draw.rounded_rectangle([left, top, right, top + thickness], radius=6, fill=track)
        draw.rounded_rectangle([left, top, end, top + thickness], radius=6, fill=bar)
        if layout == "column":
            text = f"{value:.1f}%"
            draw.text((596 - draw.textlength(text, font=font), top - 3), text, font=font,
                      fill=ink)
        if layout == "inside":
            text = f"{value:.1f}"
            draw.text((end - 8 - draw.textlength(text, font=bold), top + 4), text, font=bold,
                      fill=(255, 255, 255))
    return image


def _read(image: Image.Image, tmp_path: Path, name: str) -> Record:
    path = tmp_path / name
    image.save(path)
    return read_image(path)


def _all_read(record: Record, rows: list[tuple[str, float]] = ROWS) -> bool:
    read = [(str(p.x), p.y) for chart in record.charts if chart.kind == "hbar"
            for series in chart.series for p in series.points]
    return len(read) == len(rows) and all(
        any(names_alike(name, want) and value is not None and abs(value - y) < 0.05
            for name, value in read) for want, y in rows)


def test_values_right_aligned_past_a_track_are_bound_to_their_rows(tmp_path: Path) -> None:
    """Each value stands in a column of its own, right of a track the full width: the bar
    ends far from its number (the labels-at-bar-ends reading found no bar), and the track's
    light grey is no part of the bar. Read as rows whose bars are in proportion to their
    numbers, every row is a point. Before: no chart."""
    assert _all_read(_read(_bar_list("column"), tmp_path, "column.png"))


def test_names_and_values_above_their_bars(tmp_path: Path) -> None:
    """The name and value on a line over each bar: the number is bound to the bar just
    under it, the name is the text over the bar's left edge. Before: no chart."""
    assert _all_read(_read(_bar_list("above"), tmp_path, "above.png"))


def test_values_lost_inside_bars_are_read_alone() -> None:
    """White values inside pink bars on a dark card: given only one of them (as the page
    reading often keeps), the others are read alone inside each bar's end, the bar's
    colour and the page's painted out; with one number, there is no scale, no chart."""
    rgb = np.array(_bar_list("inside", dark=True))
    settings = page_settings(Config().ocr, "eng")
    names = [p for p in phrases(clean_words(plausible(read_words(rgb, settings))))
             if p.value is None]
    end = round(170 + 340 * 0.842)  # where the top bar ends, its value inside it
    first = [Phrase.of([Word(text="84.2", confidence=95.0,
                             box=Box(x1=end - 46, y1=66, x2=end - 8, y2=82))])]
    assert not bar_lists.read_bar_list(rgb, names + first, first)
    charts = bar_lists.read_bar_list(rgb, names + first, first, settings)
    read = [(str(p.x), p.y) for chart in charts for series in chart.series
            for p in series.points]
    assert len(read) == len(ROWS) and all(
        any(names_alike(name, want) and value == y for name, value in read) for want, y in ROWS)


def test_rows_of_long_bars_make_a_page_worth_a_chart_reading() -> None:
    """A bar list whose values the page reading lost is worth a chart reading; a table's
    striped rows (bars all one length) are not."""
    words = read_words(np.array(_bar_list("inside", dark=True)), page_settings(Config().ocr,
                                                                                "eng"))
    assert bar_lists.bar_rows(np.array(_bar_list("inside", dark=True)), words)
    same = [(name, 100.0) for name, _ in ROWS]
    assert not bar_lists.bar_rows(np.array(_bar_list("inside", dark=True, rows=same)), words)


def test_bars_in_a_tables_cells_are_no_bar_list(tmp_path: Path) -> None:
    """A table whose last column draws a data bar in each cell, its number past the bar's
    end (as a spreadsheet's data bars), the bars in proportion to the numbers: each row
    holds other numbers too (a model's size, another score). No chart may come of it:
    a guard that the bar-list reading (its trigger and its reading alone) keeps such tables
    out, not a test of one mechanism."""
    font = ImageFont.truetype(REGULAR, 15)
    image = Image.new("RGB", (760, 60 + 34 * len(ROWS)), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for x, head in ((20, "Model"), (170, "Params"), (270, "MMLU"), (380, "Pass@1")):
        draw.text((x, 16), head, font=ImageFont.truetype(BOLD, 15), fill=(0, 0, 0))
    for i, (name, value) in enumerate(ROWS):
        top = 50 + 34 * i
        draw.text((20, top), name, font=font, fill=(0, 0, 0))
        draw.text((170, top), f"{7 + 9 * i}.{i}", font=font, fill=(0, 0, 0))
        draw.text((270, top), f"{value - 11.3:.1f}", font=font, fill=(0, 0, 0))
        draw.rectangle([380, top - 2, 380 + 3.5 * value, top + 18], fill=(95, 186, 125))
        draw.text((386 + 3.5 * value, top), f"{value:.1f}", font=font, fill=(0, 0, 0))
    record = _read(image, tmp_path, "barred_table.png")
    assert not [chart for chart in record.charts if chart.kind == "hbar"]
