"""A second line under a model's name in its cell, set smaller, paler or thinner (its
maker, licence or date, as app leaderboards print them), is no part of the name and no row
of its own (``tables/sublines.py``); a long name wrapped over two lines of one style stays
whole. Each test renders its table with PIL and fails without the test it names."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.tables import rows_from_table, scores_from_table

FONTS = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
COLUMNS = ["Model", "MMLU", "GSM8K", "ARC-C"]
# (the name's lines, the line under it or "", the scores)
ROWS = [
    (["Llama-2-13B"], "Meta", ["54.8", "28.7", "59.4"]),
    (["Mistral-7B"], "Apache 2.0", ["62.5", "40.3", "60.0"]),
    (["Qwen-14B"], "2023-09-25", ["66.3", "61.3", "55.3"]),
    (["Yi-34B"], "34B · base", ["76.3", "67.2", "64.6"]),
    (["Gemma-2B"], "Google", ["42.3", "17.7", "48.5"]),
]
WRAPPED = (["Yi-34B-Chat-", "8bits(GPTQ)"], "", ["73.5", "66.1", "61.2"])

pytestmark = pytest.mark.skipif(not BOLD.exists(), reason="DejaVu Sans is not installed")


def render(
    path: Path,
    rows: list[tuple[list[str], str, list[str]]],
    second: ImageFont.FreeTypeFont,
    second_ink: tuple[int, int, int],
    name: ImageFont.FreeTypeFont | None = None,
    ink: tuple[int, int, int] = (17, 24, 39),
    page: tuple[int, int, int] = (255, 255, 255),
    padding: int = 12,
) -> Path:
    """A leaderboard's table: each name over its second line, the scores set right and
    level with the middle of the name's cell, a rule under each row."""
    name = name or ImageFont.truetype(str(REGULAR), 18)
    numbers = ImageFont.truetype(str(REGULAR), 18)
    pitch = 22
    heights = [
        len(lines) * pitch + (second.size + 6 if below else 0) + 2 * padding
        for lines, below, _ in rows
    ]
    xs = [20, 260, 360, 460]
    image = Image.new("RGB", (560, 70 + sum(heights)), page)
    draw = ImageDraw.Draw(image)
    for x, column in zip(xs, COLUMNS, strict=True):
        draw.text((x, 20), column, font=ImageFont.truetype(str(BOLD), 17), fill=ink)
    y = 52
    draw.line([(16, y), (544, y)], fill=(200, 200, 200), width=2)
    for (lines, below, values), height in zip(rows, heights, strict=True):
        top = y + padding
        for k, line in enumerate(lines):
            draw.text((xs[0], top + k * pitch), line, font=name, fill=ink)
        if below:
            draw.text((xs[0], top + len(lines) * pitch + 4), below, font=second, fill=second_ink)
        for x, value in zip(xs[1:], values, strict=True):
            draw.text((x + 70 - numbers.getlength(value), y + height / 2 - 11), value,
                      font=numbers, fill=ink)
        y += height
        draw.line([(16, y), (544, y)], fill=(225, 225, 225), width=1)
    image.save(path)
    return path


def read(path: Path) -> tuple[list[str], dict[tuple[str, str], float]]:
    record = read_image(path, load_config())
    assert record.ocr.tables, "no table read"
    table = record.ocr.tables[0]
    names = [row.model for row in rows_from_table(table, 0)]
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table, 0)}
    return names, scores


def expected(rows: list[tuple[list[str], str, list[str]]]) -> dict[tuple[str, str], float]:
    return {
        ("".join(lines), column): float(value)
        for lines, _, values in rows
        for column, value in zip(COLUMNS[1:], values, strict=True)
    }


def test_a_grey_smaller_maker_line_is_no_part_of_the_name(tmp_path: Path) -> None:
    """Grey at three quarters of the name's size: smaller and paler."""
    path = render(tmp_path / "grey.png", ROWS, ImageFont.truetype(str(REGULAR), 13),
                  (120, 120, 120))
    names, scores = read(path)
    assert names == ["".join(lines) for lines, _, _ in ROWS]
    assert scores == expected(ROWS)


def test_a_smaller_line_in_the_names_own_ink_is_no_part_of_it(tmp_path: Path) -> None:
    """The name's colour and weight at 78% of its size: the size alone tells them apart."""
    path = render(tmp_path / "smaller.png", ROWS, ImageFont.truetype(str(REGULAR), 14),
                  (17, 24, 39))
    names, scores = read(path)
    assert names == ["".join(lines) for lines, _, _ in ROWS]
    assert scores == expected(ROWS)


def test_a_paler_line_of_the_names_size_is_no_part_of_it(tmp_path: Path) -> None:
    """Light grey text on a dark page at the name's size and weight: the ink's contrast
    against the ground alone tells them apart."""
    path = render(tmp_path / "paler.png", ROWS, ImageFont.truetype(str(REGULAR), 18),
                  (105, 112, 125), ink=(235, 238, 242), page=(17, 24, 39))
    names, scores = read(path)
    assert names == ["".join(lines) for lines, _, _ in ROWS]
    assert scores == expected(ROWS)


def test_a_regular_caption_under_a_bold_name_is_no_part_of_it(tmp_path: Path) -> None:
    """A bold name over a regular line of the same size and ink: the strokes' width alone
    tells them apart."""
    path = render(tmp_path / "caption.png", ROWS, ImageFont.truetype(str(REGULAR), 18),
                  (17, 24, 39), name=ImageFont.truetype(str(BOLD), 18))
    names, scores = read(path)
    assert names == ["".join(lines) for lines, _, _ in ROWS]
    assert scores == expected(ROWS)


def test_a_name_wrapped_in_one_style_stays_whole_among_subtitles(tmp_path: Path) -> None:
    """A long name's two lines are set alike: they are one name, beside rows whose second
    line is a grey maker line."""
    rows = [*ROWS[:2], WRAPPED, *ROWS[2:4]]
    path = render(tmp_path / "wrapped.png", rows, ImageFont.truetype(str(REGULAR), 13),
                  (120, 120, 120))
    names, scores = read(path)
    assert names == ["".join(lines) for lines, _, _ in rows]
    assert scores == expected(rows)


def test_a_bold_row_over_a_regular_row_keeps_both(tmp_path: Path) -> None:
    """The best model's row set bold, the next row regular and tight under it: both are
    rows. (It passes with the level guard, ``sublines.LEVEL``, turned off too: it does not
    pin that guard.)"""
    bold, regular = ImageFont.truetype(str(BOLD), 16), ImageFont.truetype(str(REGULAR), 16)
    image = Image.new("RGB", (560, 200), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    xs = [20, 260, 360, 460]
    for x, column in zip(xs, COLUMNS, strict=True):
        draw.text((x, 10), column, font=bold, fill=(0, 0, 0))
    for r, (lines, _, values) in enumerate(ROWS):
        font = bold if r == 0 else regular
        for x, text in zip(xs, [lines[0], *values], strict=True):
            draw.text((x, 40 + 21 * r), text, font=font, fill=(0, 0, 0))
    path = tmp_path / "bold_row.png"
    image.save(path)
    names, scores = read(path)
    assert names == ["".join(lines) for lines, _, _ in ROWS]
    assert scores == expected(ROWS)
