"""A second line under a model's name in its cell, set smaller, paler or thinner (its
maker, licence or date, as app leaderboards print them), is no part of the name and no row
of its own (``tables/sublines.py``); a long name wrapped over two lines of one style stays
whole. Each test renders its table with PIL and fails without the test it names."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from test_ruled_tables import render_tight_grid

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.record import Box
from imgread.tables import rows_from_table, scores_from_table
from imgread.tables.sublines import Type, set_below, type_in

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


def assert_reads_as(path: Path, rows: list[tuple[list[str], str, list[str]]]) -> None:
    """The table at ``path`` reads as ``rows``: each name its own lines joined, no second
    line in it, and every score bound to its name."""
    record = read_image(path, load_config())
    assert record.ocr.tables, "no table read"
    table = record.ocr.tables[0]
    assert [row.model for row in rows_from_table(table, 0)] == ["".join(n) for n, _, _ in rows]
    assert {(s.model, s.benchmark): s.value for s in scores_from_table(table, 0)} == {
        ("".join(lines), column): float(value)
        for lines, _, values in rows
        for column, value in zip(COLUMNS[1:], values, strict=True)
    }


def test_a_grey_smaller_maker_line_is_no_part_of_the_name(tmp_path: Path) -> None:
    """Grey at three quarters of the name's size: smaller and paler."""
    path = render(tmp_path / "grey.png", ROWS, ImageFont.truetype(str(REGULAR), 13),
                  (120, 120, 120))
    assert_reads_as(path, ROWS)


def test_a_smaller_line_in_the_names_own_ink_is_no_part_of_it(tmp_path: Path) -> None:
    """The name's colour and weight at 78% of its size: the size alone tells them apart."""
    path = render(tmp_path / "smaller.png", ROWS, ImageFont.truetype(str(REGULAR), 14),
                  (17, 24, 39))
    assert_reads_as(path, ROWS)


def test_a_paler_line_of_the_names_size_is_no_part_of_it(tmp_path: Path) -> None:
    """Light grey text on a dark page at the name's size and weight: the ink's contrast
    against the ground alone tells them apart."""
    path = render(tmp_path / "paler.png", ROWS, ImageFont.truetype(str(REGULAR), 18),
                  (105, 112, 125), ink=(235, 238, 242), page=(17, 24, 39))
    assert_reads_as(path, ROWS)


def test_a_regular_caption_under_a_bold_name_is_no_part_of_it(tmp_path: Path) -> None:
    """A bold name over a regular line of the same size and ink: the strokes' width alone
    tells them apart."""
    path = render(tmp_path / "caption.png", ROWS, ImageFont.truetype(str(REGULAR), 18),
                  (17, 24, 39), name=ImageFont.truetype(str(BOLD), 18))
    assert_reads_as(path, ROWS)


def test_a_name_wrapped_in_one_style_stays_whole_among_subtitles(tmp_path: Path) -> None:
    """A long name's two lines are set alike: they are one name, beside rows whose second
    line is a grey maker line."""
    rows = [*ROWS[:2], WRAPPED, *ROWS[2:4]]
    path = render(tmp_path / "wrapped.png", rows, ImageFont.truetype(str(REGULAR), 13),
                  (120, 120, 120))
    assert_reads_as(path, rows)


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
    assert_reads_as(path, ROWS)


FACES = [
    (REGULAR, 22),
    (Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"), 20),
    (Path("/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf"), 21),
]
# Long names wrapped in their cell, both lines in one style: a capital-heavy first line
# over a lower-case one, a short line of letters without ascenders, a line in brackets.
GRID_ROWS = [
    (("Orca-120B-Instruct-", "v0.3-preview"), "79.0", "85.3"),
    (("Wren-7B",), "55.3", "71.9"),
    (("Lark-1.8B-Chat-", "v0.8-preview"), "44.6", "66.6"),
    (("Heron-2-7B",), "52.0", "74.8"),
    (("Stork-1.1B-", "Chat-4bits(AWQ)"), "49.3", "65.4"),
    (("Finch-22B-Instruct-", "awq"), "61.9", "76.7"),
]


@pytest.mark.parametrize(("face", "size"), FACES, ids=[face.stem for face, _ in FACES])
def test_names_wrapped_in_a_tight_grid_stay_whole(tmp_path: Path, face: Path, size: int) -> None:
    """A tight grid's rule touches the letters of the line under it: its length counted as
    a stroke made a same-style second line look thinner, and its height made the first
    look larger (``sublines._without_rules``, ``sublines._em``); lines of one style are one
    name, whatever their letters reach."""
    if not face.exists():
        pytest.skip(f"{face.name} is not installed")
    path = render_tight_grid(tmp_path / "grid.png", GRID_ROWS, face, size)
    record = read_image(path, load_config())
    assert record.ocr.tables, "no table read"
    table = record.ocr.tables[0]
    assert [row[0].text for row in table.body] == ["".join(names) for names, *_ in GRID_ROWS]


def _type_of_rendered(
    text: str, face: ImageFont.FreeTypeFont, ink: tuple[int, int, int], ruled: bool = False
) -> Type | None:
    """The type ``sublines.type_in`` measures for ``text`` drawn alone on white, or with a
    grid's rules across its crop, one touching its capitals' tops."""
    image = Image.new("RGB", (30 * face.size, 3 * face.size), "white")
    draw = ImageDraw.Draw(image)
    draw.text((face.size, face.size), text, fill=ink, font=face)
    left, top, right, bottom = draw.textbbox((face.size, face.size), text, font=face)
    if ruled:
        draw.line((0, top - 1, image.width, top - 1), fill="black", width=2)
        draw.line((left - 4, 0, left - 4, image.height), fill="black", width=2)
    margin = round(0.4 * (bottom - top))
    crop = image.crop((left - margin, top - margin, right + margin, bottom + margin))
    inside = Box(x1=margin, y1=margin, x2=margin + right - left, y2=margin + bottom - top)
    return type_in(np.asarray(crop), inside, text)


@pytest.mark.parametrize(("face", "size"), FACES, ids=[face.stem for face, _ in FACES])
def test_a_rule_touching_a_line_is_no_part_of_its_type(face: Path, size: int) -> None:
    """A grid's rules across a line's crop, one touching its capitals' tops: the line's
    size, ink and strokes measure as without them (``sublines._without_rules``)."""
    if not face.exists():
        pytest.skip(f"{face.name} is not installed")
    regular = ImageFont.truetype(str(face), size)
    alone = _type_of_rendered("Lark-1.8B-Chat-", regular, (0, 0, 0))
    touched = _type_of_rendered("Lark-1.8B-Chat-", regular, (0, 0, 0), ruled=True)
    assert alone is not None and touched is not None
    assert touched.em == pytest.approx(alone.em, rel=0.05)
    assert touched.stroke == pytest.approx(alone.stroke, rel=0.05)
    assert touched.tone == pytest.approx(alone.tone, rel=0.05)


def test_split_evidence_keeps_the_line() -> None:
    """A paler line that is clearly larger than the name above it: the ink calls it a
    subtitle, the size calls it no such thing, and a split verdict keeps it joined
    (``sublines.set_below``'s LARGER); the same grey at a smaller size is a subtitle."""
    name = _type_of_rendered("Yi-34B-Chat-", ImageFont.truetype(str(REGULAR), 16), (17, 24, 39))
    larger = _type_of_rendered("8bits(GPTQ)", ImageFont.truetype(str(REGULAR), 21),
                               (130, 130, 130))
    smaller = _type_of_rendered("8bits(GPTQ)", ImageFont.truetype(str(REGULAR), 13),
                                (130, 130, 130))
    assert name is not None and larger is not None and smaller is not None
    assert larger.tone < 0.75 * name.tone
    assert not set_below(larger, name)
    assert set_below(smaller, name)
