"""Tables typed in a monospaced font inside a chat app's code block: the pipes, dashes and
pluses that draw their rules are found, erased before OCR and used as column rules, and
the tables read end to end through OpenCV and Tesseract."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.preprocess import prepare
from imgread.tables import rows_from_table, scores_from_table

MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
FREE_MONO = Path("/usr/share/fonts/truetype/freefont/FreeMono.ttf")
SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

COLUMNS = ["Model", "Params", "MMLU", "GSM8K"]
ROWS = [
    ["Wren-7B", "7B", "55.3", "71.9"],
    ["Heron-13B", "13B", "61.8", "44.1"],
    ["Stork-34B", "34B", "77.2", "80.6"],
    ["Finch-70B", "70B", "79.1", "85.3"],
]


def markdown(columns: list[str], rows: list[list[str]]) -> list[str]:
    """``| a | b |`` lines under a ``|---|---|`` rule, numbers set right."""
    widths = [max(len(r[c]) for r in [columns, *rows]) for c in range(len(columns))]

    def line(cells: list[str]) -> str:
        return (
            "| "
            + " | ".join(
                text.ljust(w) if c == 0 else text.rjust(w)
                for c, (text, w) in enumerate(zip(cells, widths, strict=True))
            )
            + " |"
        )

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return [line(columns), rule, *(line(r) for r in rows)]


def boxed(columns: list[str], rows: list[list[str]]) -> list[str]:
    """A ``+---+`` box with ``+===+`` under the header and a rule between every row."""
    lines = markdown(columns, rows)
    widths = [len(part) for part in lines[1].strip("|").split("|")]
    edge = "+" + "+".join("-" * w for w in widths) + "+"
    double = "+" + "+".join("=" * w for w in widths) + "+"
    out = [edge, lines[0], double]
    for line in lines[2:]:
        out += [line, edge]
    return out


def simple(columns: list[str], rows: list[list[str]]) -> list[str]:
    """Two spaces between columns and dashes under each name (no pipes)."""
    widths = [max(len(r[c]) for r in [columns, *rows]) for c in range(len(columns))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            text.ljust(w) if c == 0 else text.rjust(w)
            for c, (text, w) in enumerate(zip(cells, widths, strict=True))
        )

    return [line(columns), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def render_chat(
    path: Path,
    lines: list[str],
    font: Path = MONO,
    dark: bool = True,
    size: int = 15,
    spacing: float = 1.5,
) -> Path:
    """A chat message (avatar, name, a line of prose) over a code block holding ``lines``,
    set with ``spacing`` times the font size between lines, as chat apps do."""
    mono = ImageFont.truetype(str(font), size)
    sans = ImageFont.truetype(str(SANS), size)
    page, ink, block = (
        ((54, 57, 63), (220, 221, 222), (47, 49, 54))
        if dark
        else ((255,) * 3, (29,) * 3, (248,) * 3)
    )
    pitch = round(spacing * size)
    width = int(mono.getlength(max(lines, key=len))) + 120
    height = 80 + pitch * len(lines) + 30
    image = Image.new("RGB", (width, height), page)
    draw = ImageDraw.Draw(image)
    draw.ellipse((12, 12, 48, 48), fill=(88, 101, 242))
    draw.text((60, 12), "evalbot  Today at 9:41", fill=ink, font=sans)
    draw.text((60, 34), "numbers from last night:", fill=ink, font=sans)
    draw.rectangle((56, 62, width - 40, height - 14), fill=block)
    for k, text in enumerate(lines):
        draw.text((68, 72 + k * pitch), text, fill=ink, font=mono)
    image.save(path)
    return path


def prepared_of(path: Path):
    rgb = np.asarray(Image.open(path).convert("RGB"))
    return prepare(rgb, load_config().preprocess)


def read_rows(path: Path) -> dict[str, tuple[float | None, float | None]]:
    record = read_image(path)
    assert record.ocr.tables, record.ocr.text
    return {
        row.model: (row.params_b, row.mmlu)
        for i, table in enumerate(record.ocr.tables)
        for row in rows_from_table(table, i)
    }


def expected_rows() -> dict[str, tuple[float | None, float | None]]:
    return {r[0]: (float(r[1][:-1]), float(r[2])) for r in ROWS}


needs_fonts = pytest.mark.skipif(
    not (MONO.exists() and FREE_MONO.exists() and SANS.exists()), reason="fonts absent"
)


@needs_fonts
def test_typed_pipes_become_column_rules_and_leave_the_image(tmp_path: Path) -> None:
    path = render_chat(tmp_path / "markdown.png", markdown(COLUMNS, ROWS))
    prepared, steps, _ = prepared_of(path)
    assert "erase_typed_rules" in steps
    # one rule per pipe column, each down the header and every row
    pitch = round(1.5 * 15)
    long = [r for r in prepared.vertical if r.end - r.start >= (len(ROWS) + 1) * pitch - pitch]
    assert len(long) == len(COLUMNS) + 1
    # nothing dark is left where the pipes were (the image OCR reads is dark on light)
    s = prepared.scale
    for rule in long:
        column = prepared.grey[int(rule.start * s) : int(rule.end * s), round(rule.position * s)]
        assert column.min() > 128
    # and the dashed rule under the header is a row rule
    assert len(prepared.typed_rows) == 1


@needs_fonts
def test_a_row_of_letters_and_hyphens_is_no_typed_rule(tmp_path: Path) -> None:
    """Hyphens inside names ("A-1-2-3-4") and letters are never taken for a dashed rule."""
    lines = ["Yi-1-5-9-B  Q-2-7-B-X  some-thing-else", "plain text without any rule in it"]
    prepared, steps, _ = prepared_of(render_chat(tmp_path / "text.png", lines, dark=False))
    assert "erase_typed_rules" not in steps
    assert prepared.typed_rows == []


@needs_fonts
def test_box_drawn_with_pluses_and_equals_is_erased(tmp_path: Path) -> None:
    path = render_chat(tmp_path / "boxed.png", boxed(COLUMNS, ROWS), dark=False)
    prepared, steps, _ = prepared_of(path)
    assert "erase_typed_rules" in steps
    # the top edge, the "=" under the header (two strokes) and a rule under every row
    assert len(prepared.typed_rows) >= len(ROWS) + 3
    top = min(rule.position for rule in prepared.typed_rows)
    s = prepared.scale
    band = prepared.grey[int((top - 3) * s) : int((top + 3) * s)]
    assert band.min() > 128


@pytest.mark.slow
@needs_fonts
def test_chat_code_block_tables_read_end_to_end(tmp_path: Path) -> None:
    """A Markdown table on a dark page and a ``+===+`` box on a light one: every row, its
    size and its MMLU, with the header found across the rule under it (lines set wide
    apart, so that the rule's own line makes a gap of two)."""
    for name, lines, dark in (
        ("markdown.png", markdown(COLUMNS, ROWS), True),
        ("boxed.png", boxed(COLUMNS, ROWS), False),
    ):
        path = render_chat(tmp_path / name, lines, dark=dark, spacing=1.7)
        assert read_rows(path) == expected_rows()


@pytest.mark.slow
@needs_fonts
def test_monospaced_decimals_two_cells_past_the_digits_are_read(tmp_path: Path) -> None:
    """FreeMono sets ".1" two wide character cells after "77": the page reads "77", and the
    ink beside it is read again with it."""
    rows = [
        ["Qwen-14B", "58.7", "77.1", "47.9"],
        ["DeepSeek-67B", "84.8", "79.6", "31.1"],
        ["Mistral-7B", "22.5", "45.1", "22.0"],
        ["Pythia-12B", "9.1", "85.2", "46.6"],
        ["Falcon-40B", "81.3", "53.4", "41.5"],
    ]
    columns = ["Model", "MMLU", "GSM8K", "HumanEval"]
    path = render_chat(tmp_path / "simple.png", simple(columns, rows), font=FREE_MONO, size=15)
    record = read_image(path)
    scores = {
        (score.model, score.benchmark): score.value
        for i, table in enumerate(record.ocr.tables)
        for score in scores_from_table(table, i)
    }
    expected = {
        (r[0], name): float(value)
        for r in rows
        for name, value in zip(columns[1:], r[1:], strict=True)
    }
    assert {k: scores.get(k) for k in expected} == expected


@needs_fonts
def test_a_point_two_monospaced_cells_past_a_number_is_unread_ink() -> None:
    """FreeMono prints "77.1" with the point and the "1" each in a cell wider than a digit:
    when the page reads only "77", the ink beside it (a point on the baseline, a digit two
    glyph heights on) is noticed."""
    from imgread.preprocess import Prepared
    from imgread.record import Box
    from imgread.tables.cells import unread_ink

    font = ImageFont.truetype(str(FREE_MONO), 15)
    image = Image.new("L", (160, 40), 255)
    ImageDraw.Draw(image).text((20, 10), "77.1", fill=0, font=font)
    grey = np.asarray(image)
    ink = np.argwhere(grey < 128)
    top, bottom = int(ink[:, 0].min()), int(ink[:, 0].max()) + 1
    sevens = Box(x1=20, y1=top, x2=20 + round(font.getlength("77")) - 1, y2=bottom)
    # where the page's reading stopped: the second 7's last column of ink
    last = max(x for x in range(sevens.x1, sevens.x2 + 1) if (grey[top:bottom, x] < 128).any())
    box = sevens.model_copy(update={"x2": last + 1})
    prepared = Prepared(grey=grey, scale=1.0)
    assert unread_ink(prepared, box, (0, 160))
    assert not unread_ink(prepared, box.model_copy(update={"x2": 160}), (0, 160))


@pytest.mark.slow
@needs_fonts
def test_a_code_blocks_title_bar_names_no_column(tmp_path: Path) -> None:
    """ChatGPT sets a bar over its code blocks ("plaintext" left, "Copy code" right) on a
    lighter ground, just above the table's header: its words line up with the first and
    last columns, yet name neither."""
    mono = ImageFont.truetype(str(MONO), 15)
    sans = ImageFont.truetype(str(SANS), 14)
    lines = simple(COLUMNS, ROWS)
    pitch = 22
    width = int(mono.getlength(max(lines, key=len))) + 60
    image = Image.new("RGB", (width, 80 + pitch * len(lines) + 30), (33, 33, 33))
    draw = ImageDraw.Draw(image)
    draw.text((20, 10), "Here is the table:", fill=(236, 236, 236), font=sans)
    draw.rectangle((20, 40, width - 20, 70), fill=(47, 47, 47))
    draw.text((30, 47), "plaintext", fill=(200, 200, 200), font=sans)
    draw.text(
        (width - 30 - sans.getlength("Copy code"), 47), "Copy code", fill=(200,) * 3, font=sans
    )
    draw.rectangle((20, 70, width - 20, image.height - 10), fill=(13, 13, 13))
    for k, text in enumerate(lines):
        draw.text((30, 80 + k * pitch), text, fill=(230, 230, 230), font=mono)
    path = tmp_path / "titled.png"
    image.save(path)
    record = read_image(path)
    assert [table.columns for table in record.ocr.tables] == [COLUMNS]


@needs_fonts
def test_colons_of_a_rule_go_and_a_point_just_over_it_stays() -> None:
    """Markdown's alignment colons ("|:---|---:|") are erased with their rule; a decimal
    point set just over a dashed rule is alone (a colon is two dots, one each side of the
    rule's row) and stays, with the number it belongs to."""
    import cv2

    from imgread.preprocess import background, binarise, glyph_height
    from imgread.typed_rules import find_typed_rules

    font = ImageFont.truetype(str(MONO), 20)
    image = Image.new("L", (360, 70), 255)
    draw = ImageDraw.Draw(image)
    draw.text((10, 6), "| 93.17  | 40.74 |", fill=0, font=font)
    draw.text((10, 22), "|:-------|------:|", fill=0, font=font)  # tight under the numbers
    grey = np.asarray(image)
    x_height = glyph_height(binarise(grey)) / 1.4
    erase, _, rows = find_typed_rules(grey, background(grey), x_height)
    assert rows
    count, labels, stats, _ = cv2.connectedComponentsWithStats((grey < 128).astype(np.uint8))
    dots = [i for i in range(1, count) if stats[i, 2] <= 5 and stats[i, 3] <= 5]
    numbers = [i for i in dots if stats[i, 1] + stats[i, 3] <= 26]  # on the first line
    colons = [i for i in dots if stats[i, 1] >= 28]
    # the points of "93.17" and "40.74" stay; the four dots of the two colons go
    assert len(numbers) >= 2 and not any(erase[labels == i].any() for i in numbers)
    assert len(colons) == 4 and all(erase[labels == i].all() for i in colons)


FIXTURES = Path(__file__).parent / "fixtures" / "tables"


def test_ones_stacked_in_a_column_are_no_pipes() -> None:
    """A "1" that a small sans font sets as a plain bar, in the same place on row after row
    (``mpl_dark_ones.png``: a matplotlib table set right on a dark page, FreeSans at 72
    dpi, from ``benchmarks/looks/mpl_table.py`` seed 300; "31.2" over "51.7" over "11.2"),
    is as tall as the digits beside it and stands on their baseline: no pipe, nothing
    erased."""
    _, steps, _ = prepared_of(FIXTURES / "mpl_dark_ones.png")
    assert "erase_typed_rules" not in steps
