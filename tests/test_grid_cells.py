"""Small JPEGs boxed cell by cell, read cell by cell (imgread/tables/grid.py): the lattice of
rules found in the loaded pixels, each cell read inside its rules by RapidOCR, the page's
Tesseract words voting where RapidOCR is unsure."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import Config, load_config
from imgread.ocr import rapid
from imgread.pipeline import read_image
from imgread.preprocess import prepare
from imgread.tables import scores_from_table
from imgread.tables.grid import (
    band_edges,
    find_lattice,
    join_doubles,
    read_grid,
    rule_positions,
    stands_out,
)

FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="Liberation fonts absent")
needs_rapidocr = pytest.mark.skipif(
    not rapid.available(), reason="RapidOCR is installed by scripts/setup"
)

HEADER = ["Model", "ARC-C", "GSM8K", "BBH", "MATH"]
ROWS = [
    ["Kestrel-7B", "54.1", "70.7", "48.6", "31.2"],
    ["Osprey-13B", "31.2", "34.1", "86.4", "22.9"],
    ["Plover-2B", "68.1", "73.6", "10.9", "45.5"],
    ["Merlin-34B", "60.8", "25.2", "54.1", "63.7"],
    ["Eagle-70B", "77.3", "62.8", "81.5", "50.2"],
]


def render_boxed(
    path: Path,
    width: int | None = 300,
    merged_header: bool = False,
    columns_ruled: bool = True,
    quality: int = 60,
    dark_header: bool = False,
    size: int = 18,
    header_boxed: bool = True,
) -> Path:
    """The table drawn at a comfortable size, every cell boxed, a pale band behind the
    header, then shrunk to ``width`` px (text a few pixels high; None: drawn at ``size``
    and left so, crisp) and saved as a JPEG."""
    face = ImageFont.truetype(str(FONT), size)
    cells = [HEADER, *ROWS]
    widths = [int(max(face.getlength(row[c]) for row in cells)) + 22 for c in range(len(HEADER))]
    xs = [6]
    for w in widths:
        xs.append(xs[-1] + w)
    pitch = int(size * 1.9)
    ys = [6 + r * pitch for r in range(len(cells) + 1)]
    image = Image.new("RGB", (xs[-1] + 6, ys[-1] + 6), "white")
    draw = ImageDraw.Draw(image)
    band = (68, 84, 106) if dark_header else (220, 230, 245)
    if header_boxed:
        draw.rectangle((xs[0], ys[0], xs[-1], ys[1]), fill=band)
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            x = xs[c] + 8 if c == 0 else xs[c + 1] - 8 - face.getlength(text)
            ink = (250, 250, 250) if dark_header and r == 0 else (20, 20, 20)
            draw.text((x, ys[r] + (pitch - size) // 2 - 1), text, fill=ink, font=face)
    for y in ys if header_boxed else ys[1:]:
        draw.line((xs[0], y, xs[-1], y), fill=(60, 60, 60), width=1)
    for i, x in enumerate(xs):
        if columns_ruled or i in (0, len(xs) - 1):
            top = ys[1] if (merged_header and i == 2) or not header_boxed else ys[0]
            draw.line((x, top, x, ys[-1]), fill=(60, 60, 60), width=1)
    if width is not None:
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    image.save(path, quality=quality)
    return path


def _grey(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("L"))


@needs_font
def test_the_lattice_of_a_small_boxed_jpeg_is_every_rule(tmp_path: Path) -> None:
    lattice = find_lattice(_grey(render_boxed(tmp_path / "grid.jpg")))
    assert lattice is not None
    assert len(lattice.rows) == len(ROWS) + 2  # the header band's edges are its rules only
    assert len(lattice.columns) == len(HEADER) + 1


@needs_font
def test_a_dark_header_band_is_a_row_of_cells(tmp_path: Path) -> None:
    """White names on a dark fill: the fill's lighter text rows split it into dark runs
    that are not rules; its edges are, and a rule across it is taken as it is."""
    lattice = find_lattice(_grey(render_boxed(tmp_path / "dark.jpg", dark_header=True)))
    assert lattice is not None
    assert len(lattice.rows) == len(ROWS) + 2
    assert len(lattice.columns) == len(HEADER) + 1
    # a rule on a dark band hardly shows: taken as it is; on a light page it must show
    rule, band, page = np.full((10, 3), 330), np.full((10, 2), 326), np.zeros((10, 2))
    assert stands_out(rule, band, band)
    assert stands_out(rule, page, page)
    assert not stands_out(np.zeros((10, 3)), page, page)
    assert band_edges([(0, 2), (20, 22), (40, 52), (70, 72), (90, 92)]) == [
        (0, 2),
        (20, 22),
        (40, 41),
        (51, 52),
        (70, 72),
        (90, 92),
    ]


@needs_font
def test_no_lattice_without_column_rules_or_with_a_merged_cell(tmp_path: Path) -> None:
    """Rows ruled only (a booktabs-like table) or a cell spanning two columns: not a grid
    this reader reads; the page's reading is left to do it."""
    rows_only = render_boxed(tmp_path / "rows.jpg", columns_ruled=False)
    assert find_lattice(_grey(rows_only)) is None
    merged = render_boxed(tmp_path / "merged.jpg", merged_header=True)
    assert find_lattice(_grey(merged)) is None


def test_a_band_is_no_rule_and_a_double_border_is_one() -> None:
    # white, a rule at the top edge of a pale band 12 px tall, white, a thin rule, white
    profile = np.array([0] * 8 + [120, 120] + [30] * 12 + [0] * 8 + [90] + [0] * 8, float)
    assert rule_positions(profile) == [(8, 10), (30, 31)]
    # NaN rows (dense text) are neither rules nor the light side of one
    text_in_band = profile.copy()
    text_in_band[14:18] = np.nan
    assert rule_positions(text_in_band) == [(8, 10), (30, 31)]
    assert join_doubles([(0, 2), (20, 22), (24, 25), (44, 46)]) == [(0, 2), (20, 25), (44, 46)]


@needs_font
def test_large_text_is_left_to_the_page_reading(tmp_path: Path) -> None:
    """Text large enough for the page's reading is not read cell by cell (it costs)."""
    path = render_boxed(tmp_path / "large.jpg", width=900, quality=95)
    prepared, _, _ = prepare(np.asarray(Image.open(path).convert("RGB")), load_config().preprocess)
    assert read_grid([], prepared, load_config().ocr) is None


@pytest.mark.slow
@needs_font
@needs_rapidocr
def test_a_small_boxed_jpeg_reads_cell_by_cell(tmp_path: Path) -> None:
    """At this size the page's reading gets 17 of the 20 scores (2026-11-26); the cells
    read one by one, all of them."""
    path = render_boxed(tmp_path / "grid.jpg", width=230, quality=50)
    record = read_image(path, Config())
    table = next(table for table in record.ocr.tables if table.method == "grid")
    assert table.columns == HEADER
    assert [row[0].text for row in table.body] == [row[0] for row in ROWS]
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table)}
    expected = {
        (row[0], name): float(value)
        for row in ROWS
        for name, value in zip(HEADER[1:], row[1:], strict=True)
    }
    assert scores == expected


@pytest.mark.slow
@needs_font
@needs_rapidocr
def test_a_grid_whose_names_stand_above_it_is_left_to_the_page_reading(tmp_path: Path) -> None:
    """The body boxed cell by cell, the names above its top rule: the lattice holds no
    names, so the page's reading, which has them, reads the table."""
    path = render_boxed(tmp_path / "open.jpg", width=250, quality=70, header_boxed=False)
    prepared, _, _ = prepare(np.asarray(Image.open(path).convert("RGB")), load_config().preprocess)
    assert find_lattice(_grey(path)) is not None
    assert read_grid([], prepared, load_config().ocr) is None
    record = read_image(path, Config())
    assert record.ocr.tables and record.ocr.tables[0].columns[1:] == HEADER[1:]
