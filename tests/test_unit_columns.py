"""Numbers with a unit set right in a small fixed-width face ("12.0T", "1.3B", "350M")
beside names in a proportional one, light rules between the rows: the page keeps only the
last characters of many ("0T", "4T", read "OT"), so the column is taken as numeric by its
units, the ink before each reading is read with it, and the re-read that holds it wins."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import read_one_table
from PIL import Image, ImageDraw, ImageFont

from imgread.record import Cell, Table
from imgread.tables import rows_from_table
from imgread.tables.cells import _extends, ink_marks
from imgread.tables.columns import numeric_columns

FONTS = Path("/usr/share/fonts/truetype")
# proportional faces for the names, monospaced ones for the numbers
SANS, ROBOTO, LSANS = (
    FONTS / name
    for name in ("dejavu/DejaVuSans.ttf", "roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
                 "liberation/LiberationSans-Regular.ttf")
)
LMONO, FREEMONO, DMONO = (
    FONTS / name
    for name in ("liberation/LiberationMono-Regular.ttf", "freefont/FreeMono.ttf",
                 "dejavu/DejaVuSansMono.ttf")
)
pytestmark = pytest.mark.skipif(
    not all(f.is_file() for f in [SANS, ROBOTO, LSANS, LMONO, FREEMONO, DMONO]),
    reason="no fonts",
)

# (model, params as printed, in billions, tokens as printed, in trillions, scores)
ROWS = [
    ("Qwen1.5-0.5B", "0.5B", 0.5, "0.3T", 0.3, ["54.7", "55.9", "20.5"]),
    ("Llama-2-70B", "70B", 70.0, "1.0T", 1.0, ["57.5", "77.9", "86.7"]),
    ("Mistral-7B", "7B", 7.0, "1.4T", 1.4, ["69.2", "42.6", "69.0"]),
    ("InternLM-20B", "20B", 20.0, "2.5T", 2.5, ["40.8", "38.6", "50.7"]),
    ("OPT-350M", "350M", 0.35, "12.0T", 12.0, ["31.2", "26.0", "18.4"]),
    ("Phi-1.5", "1.3B", 1.3, "8.0T", 8.0, ["48.1", "30.2", "25.3"]),
]
COLUMNS = ["Model", "Params", "Tokens", "Halcyon", "JuniperQA", "Orchard-QA"]


def _draw(path: Path, face: Path, mono: Path, size: int, small: float) -> None:
    names = ImageFont.truetype(str(face), size)
    numbers = ImageFont.truetype(str(mono), round(size * small))
    cells = [[model, params, tokens, *scores] for model, params, _, tokens, _, scores in ROWS]
    pad = round(size * 1.2)
    widths = [
        max([names.getlength(COLUMNS[c])]
            + [(names if c == 0 else numbers).getlength(row[c]) for row in cells]) + pad
        for c in range(len(COLUMNS))
    ]
    xs = [float(size)]
    for width in widths:
        xs.append(xs[-1] + width)
    pitch = round(size * 2.0)
    image = Image.new("RGB", (int(xs[-1] + size), pitch * (len(cells) + 2)), "white")
    draw = ImageDraw.Draw(image)
    for c, name in enumerate(COLUMNS):
        x = xs[0] if c == 0 else xs[c + 1] - pad / 2 - names.getlength(name)
        draw.text((x, size), name, fill="black", font=names)
    draw.line((xs[0], size + pitch - 5, xs[-1], size + pitch - 5), fill=(90, 90, 90))
    for r, row in enumerate(cells):
        y = size + pitch * (r + 1)
        if r:
            draw.line((xs[0], y - 5, xs[-1], y - 5), fill=(225, 225, 225))
        for c, text in enumerate(row):
            font = names if c == 0 else numbers
            x = xs[0] if c == 0 else xs[c + 1] - pad / 2 - font.getlength(text)
            draw.text((x, y + (size - font.size) * 0.7), text, fill="black", font=font)
    image.save(path)


@pytest.mark.parametrize(
    ("face", "mono", "size", "small"),
    [(ROBOTO, DMONO, 12, 0.85), (SANS, FREEMONO, 14, 0.8), (LSANS, LMONO, 14, 0.8),
     (SANS, FREEMONO, 12, 0.95)],
)
def test_tokens_and_sizes_in_a_fixed_width_column_keep_their_whole_digits(
    tmp_path: Path, face: Path, mono: Path, size: int, small: float
) -> None:
    """"1.4T" read "4T", "2.5T" read "5T", "1.0T" read "OT" before: a row's tokens are its
    values again, and its sizes ("350M", "1.3B") with them."""
    path = tmp_path / "units.png"
    _draw(path, face, mono, size, small)
    table = read_one_table(path)
    assert table.columns == COLUMNS
    rows = {row.model: row for row in rows_from_table(table)}
    assert {m: rows[m].tokens_t for m, *_ in ROWS} == {m: t for m, _, _, _, t, _ in ROWS}
    assert {m: rows[m].params_b for m, *_ in ROWS} == {m: p for m, _, p, _, _, _ in ROWS}


def _table(*columns: list[str], names: list[str] | None = None) -> Table:
    body = [[Cell(row=r, col=c, text=column[r]) for c, column in enumerate(columns)]
            for r in range(len(columns[0]))]
    return Table(box={"x1": 0, "y1": 0, "x2": 1, "y2": 1}, n_rows=len(body), n_cols=len(columns),
                 body=body, columns=names or [""] * len(columns))


def test_units_read_with_a_zero_as_o_make_a_numeric_column() -> None:
    """"OT", "6 OT" and "4T": a column of units (one read with a digit); a column of "OK"s
    is none, unless its name says it holds a quantity."""
    models = ["A-7B", "B-13B", "C-70B", "D-1B"]
    assert numeric_columns(_table(models, ["OT", "6 OT", "4T", "OT"])) == [1]
    assert numeric_columns(_table(models, ["OK", "OK", "OK", "OK"])) == []
    assert numeric_columns(_table(models, ["OT", "OT", "OT", "OT"])) == []
    assert numeric_columns(_table(models, ["OT", "OT", "OT", "OT"],
                                  names=["Model", "Tokens"])) == [1]


def test_a_reread_extends_a_number_by_what_was_lost_before_it() -> None:
    """The whole digits and point a number set right loses ("0T" of "12.0T"), or its
    decimals; never a digit before a whole number (a rule read as "1")."""
    assert _extends("0T", "12.0T") and _extends("5T", "2.5T") and _extends("68", "68.2")
    assert not _extends("43", "143") and not _extends("43", "143.5")


def test_a_thin_grey_stroke_is_one_mark() -> None:
    """A monospaced "1" upscaled from small print: dark along its middle only in places,
    so cut at one grey level it falls into specks; joined through its fainter pixels it is
    one mark a glyph tall, as narrow as its dark core. A pale rule, never dark, is none."""
    window = np.full((32, 20), 255, dtype=np.uint8)
    window[4:28, 9] = [110 if y % 6 else 150 for y in range(4, 28)]
    window[4:28, 8] = window[4:28, 10] = 160
    window[:, 16] = 200
    marks = ink_marks(window)
    assert [(h, w) for _, _, w, h, _ in marks] == [(24, 1)]
