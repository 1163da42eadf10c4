"""Benchmark names printed turned over narrow columns (45, 60 and 90 degrees), drawn by the
tuning look ``benchmarks/looks/turned.py`` with a fixed table: each name is read at its
angle and bound to the column under its foot (``tables/turned_headers.py``)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from conftest import render_table
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.record import Box, Cell, Table
from imgread.tables import turned_headers
from imgread.tables.rotated import turn

REPO = Path(__file__).resolve().parents[1]
SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
needs_fonts = pytest.mark.skipif(not SERIF.exists(), reason="DejaVu fonts absent")

HEADER = ["Model", "HellaSwag (10-shot)", "MMLU (5-shot)", "WinoGrande (5-shot)",
          "GSM8K (8-shot)", "TruthfulQA (0-shot)"]
BODY = [["Llama-2-13B", "80.7", "55.1", "72.9", "28.7", "37.4"],
        ["Mistral-7B", "81.3", "64.2", "78.4", "37.8", "42.2"],
        ["Falcon-40B", "85.3", "57.0", "81.3", "19.6", "41.7"],
        ["Qwen-14B", "78.9", "66.3", "74.1", "60.1", "49.4"]]


def _look():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "benchmarks"))
    from looks import turned

    return turned


def _read(image: Image.Image, folder: Path) -> Table:
    path = folder / "turned.png"
    image.save(path)
    tables = read_image(path).ocr.tables
    assert tables, "no table found"
    return tables[0]


def _names(table: Table) -> list[tuple[str, str | None]]:
    return [(name, setting) for name, setting in zip(table.columns, table.settings, strict=True)]


EXPECTED = [("HellaSwag", "10-shot"), ("MMLU", "5-shot"), ("WinoGrande", "5-shot"),
            ("GSM8K", "8-shot"), ("TruthfulQA", "0-shot")]


@needs_fonts
@pytest.mark.parametrize(("angle", "serif", "booktabs"), [(60, True, True)])
def test_slanted_names_are_read_and_bound_to_the_column_under_their_foot(
    tmp_path: Path, angle: int, serif: bool, booktabs: bool
) -> None:
    image = _look()._pil(random.Random(3), HEADER, BODY, angle, serif, booktabs)
    table = _read(image, tmp_path)
    assert _names(table)[1:] == EXPECTED
    assert [cell.text for cell in table.body[1]] == BODY[1]


@needs_fonts
def test_upright_names_reading_bottom_to_top_are_read(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    image = _look()._mpl(random.Random(5), HEADER, BODY, 90, False, False)
    table = _read(image, tmp_path)
    # l and I, alike in a sans font, are not what this test is about
    assert [(name.replace("I", "l"), setting) for name, setting in _names(table)[1:]] == EXPECTED


@needs_fonts
def test_a_band_turned_upside_down_is_turned_over() -> None:
    """A projection cannot tell names reading up from names reading down: the line read
    both ways says which way is up."""
    font = ImageFont.truetype(str(SERIF), 28)
    level = Image.new("L", (420, 44), 255)
    ImageDraw.Draw(level).text((6, 4), "WinoGrande (5-shot)", fill=0, font=font)
    ink = 255 - np.asarray(level)
    settings = load_config().ocr
    upright, _ = turn(ink, 0, border=0)
    upside_down, _ = turn(ink, 180, border=0)
    assert not turned_headers._upside_down(upright, 30.0, settings)
    assert turned_headers._upside_down(upside_down, 30.0, settings)


def _row(r: int, texts: list[str]) -> list[Cell]:
    return [Cell(row=r, col=c, text=t, box=Box(x1=60 * c, y1=30 * r, x2=60 * c + 40,
                                                  y2=30 * r + 14))
            for c, t in enumerate(texts)]


def test_the_level_line_taken_for_a_body_row_is_known_by_its_missing_numbers() -> None:
    """"Model" under turned names, with specks of the names read as digits, is the header
    line; a first row of scores is not."""
    line = ["Model", "s", "", "3", "", "2"]
    body = [_row(0, line), *(_row(r, row) for r, row in enumerate(BODY, start=1))]
    table = Table(box=Box(x1=0, y1=0, x2=400, y2=200), n_rows=len(body), n_cols=6, body=body,
                  columns=[""] * 6, settings=[None] * 6)
    assert turned_headers._level_line_in_body(table)
    table.body = table.body[1:]
    assert not turned_headers._level_line_in_body(table)


@needs_fonts
def test_an_upright_header_is_never_searched_for_turned_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names read level and surely cost nothing: no band is cut, no angle searched."""

    def fail(*args: object) -> None:
        raise AssertionError("searched an upright header for turned names")

    monkeypatch.setattr(turned_headers, "_turned_band", fail)
    names = [name for name, _ in EXPECTED]
    # names alone: with their settings, the level cells of render_table overlap
    path = render_table(tmp_path / "level.png", ["Model", *names], BODY, size=16)
    table = read_image(path).ocr.tables[0]
    assert table.columns[1:] == names


def test_long_rules_are_no_turned_text() -> None:
    ink = np.zeros((120, 400), np.uint8)
    ink[10, 20:380] = 255  # a booktabs rule
    ink[0:120, 390] = 255  # a grid's column rule
    cv2.putText(ink, "MMLU", (40, 80), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 255, 2)
    kept = turned_headers._without_rules(ink, 20.0)
    assert not kept[10, 200] and not kept[60, 390]
    assert kept[40:90, 40:130].any()
