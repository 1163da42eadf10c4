"""Slides, chat code blocks and paper tables drawn as other people draw them: what the
second reader sees of a cell, and what a table's surroundings leave out of it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from test_typed_rules import (
    COLUMNS,
    ROWS,
    markdown,
    needs_fonts,
    prepared_of,
    render_chat,
)

from imgread.ocr import rapid
from imgread.pipeline import read_image
from imgread.record import Box
from imgread.tables import scores_from_table
from imgread.tables.cells import original_crop

needs_rapidocr = pytest.mark.skipif(
    not rapid.available(), reason="RapidOCR is installed by scripts/setup"
)


def _body_cells(prepared, lines: list[str]) -> list[tuple[Box, str]]:  # type: ignore[no-untyped-def]
    """Each body number's region between one typed pipe and the next, and the number it
    prints: the crop's margin reaches the pipes, as a cell's does."""
    columns = sorted(
        {r.position for r in prepared.vertical if r.end - r.start > 3 * 22}
    )
    pitch = round(1.5 * 15)
    cells = []
    for k, row in enumerate(ROWS):
        top = 72 + (k + 2) * pitch
        for c in (2, 3):
            region = Box(x1=columns[c] + 2, y1=top, x2=columns[c + 1] - 2, y2=top + 16)
            cells.append((region, row[c]))
    assert len(columns) == len(COLUMNS) + 1, columns
    return cells


@needs_fonts
@needs_rapidocr
def test_the_second_reader_sees_no_typed_pipes_beside_a_number(tmp_path: Path) -> None:
    lines = markdown(COLUMNS, ROWS)
    path = render_chat(tmp_path / "chat.png", lines)
    jpeg = tmp_path / "chat.jpg"
    Image.open(path).save(jpeg, quality=80)
    prepared, _, _ = prepared_of(jpeg)
    glyph = 1.4 * prepared.x_height
    for region, number in _body_cells(prepared, lines):
        crop = original_crop(prepared, region, glyph, lose_rules=True)
        # read as the number alone: no "|" or "1" from the pipes on either side
        assert rapid.text(crop.mean(axis=2).astype(np.uint8))[0] == number


@needs_fonts
def test_a_setting_in_brackets_beside_its_name_is_the_scores_setting(tmp_path: Path) -> None:
    """One rule wherever the setting is printed: "MMLU (5-shot)" in an upright header is
    benchmark MMLU with setting 5-shot, as a turned table's "MMLU (5-shot)" row label is;
    brackets that state no setting ("Size (B)") stay part of the name."""
    columns = ["Model", "MMLU (5-shot)", "GSM8K (8-shot)", "Win rate (B)"]
    rows = [[r[0], r[2], r[3], r[2]] for r in ROWS]
    path = render_chat(tmp_path / "typed.png", markdown(columns, rows), dark=False)
    record = read_image(path)
    scores = [s for i, t in enumerate(record.ocr.tables) for s in scores_from_table(t, i)]
    assert {(s.benchmark, s.setting) for s in scores} == {
        ("MMLU", "5-shot"),
        ("GSM8K", "8-shot"),
        ("Win rate (B)", None),
    }
    found = {(s.model, s.benchmark): s.value for s in scores}
    for row in ROWS[:3]:
        assert found[(row[0], "MMLU")] == float(row[2])
        assert found[(row[0], "GSM8K")] == float(row[3])


@needs_fonts
def test_a_message_over_a_typed_table_names_no_column(tmp_path: Path) -> None:
    """On a light chat app the code block's ground is nearly the page's (248 on 255), so
    the ground does not tell the message's lines from the table's; the pipes do: lines
    above the tops of the column rules that frame the header are outside the table."""
    columns = ["Model", "MMLU (5-shot)", "GSM8K (8-shot)", "Win rate (B)"]
    rows = [[r[0], r[2], r[3], r[2]] for r in ROWS]
    path = render_chat(tmp_path / "light.png", markdown(columns, rows), dark=False)
    record = read_image(path)
    # the settings in brackets are the columns' settings (one rule, tables.inline_settings)
    assert [t.columns for t in record.ocr.tables] == [["Model", "MMLU", "GSM8K", "Win rate (B)"]]
    assert [t.settings for t in record.ocr.tables] == [[None, "5-shot", "8-shot", None]]


SANS_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def render_slide(path: Path, columns: list[str], rows: list[list[str]]) -> Path:
    """A 16:9 slide: a title, a table whose header cells are filled with a brand colour
    and set in white bold, large body text, a footnote."""
    from PIL import ImageDraw, ImageFont

    title = ImageFont.truetype(str(SANS_BOLD), 40)
    head = ImageFont.truetype(str(SANS_BOLD), 24)
    body = ImageFont.truetype(str(SANS), 24)
    image = Image.new("RGB", (1280, 720), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.text((64, 48), "Benchmark results", fill=(31, 41, 55), font=title)
    widths = [max(head.getlength(c), *(body.getlength(r[i]) for r in rows)) + 48
              for i, c in enumerate(columns)]
    x0, y, pitch = 64, 140, 52
    draw.rectangle((x0, y, x0 + sum(widths), y + pitch), fill=(15, 98, 254))
    for k, line in enumerate([columns, *rows]):
        x = x0
        for text, width in zip(line, widths, strict=True):
            face, ink = (head, (255, 255, 255)) if k == 0 else (body, (31, 41, 55))
            draw.text((x + 24, y + k * pitch + 12), text, fill=ink, font=face)
            x += width
    draw.text((64, 660), "* Numbers from our own evaluation.", fill=(120, 120, 120), font=body)
    image.save(path)
    return path


@pytest.mark.skipif(not (SANS.exists() and SANS_BOLD.exists()), reason="fonts absent")
def test_names_that_carry_their_settings_are_a_header_not_a_settings_line(
    tmp_path: Path,
) -> None:
    """A slide's header printing each benchmark with its setting ("MMLU (5-shot)") is the
    row of column names: every piece states a setting, yet none is a bare setting."""
    columns = ["Model", "MMLU (5-shot)", "GSM8K (8-shot)", "BBH (3-shot)"]
    rows = [[r[0], r[2], r[3], r[2]] for r in ROWS]
    record = read_image(render_slide(tmp_path / "slide.png", columns, rows))
    assert [t.columns for t in record.ocr.tables] == [["Model", "MMLU", "GSM8K", "BBH"]]
    assert [t.settings for t in record.ocr.tables] == [[None, "5-shot", "8-shot", "3-shot"]]
    scores = [s for i, t in enumerate(record.ocr.tables) for s in scores_from_table(t, i)]
    assert {(s.benchmark, s.setting) for s in scores} == {
        ("MMLU", "5-shot"),
        ("GSM8K", "8-shot"),
        ("BBH", "3-shot"),
    }


def test_a_misread_name_carrying_its_setting_is_matched_by_its_name() -> None:
    from imgread.record import Cell, Table
    from imgread.tables.name_repairs import repair_column_names

    names = ["Model", "GSMBK (8-shot)", "MMLU (5-shot)"]
    header = [Cell(row=0, col=c, text=t, confidence=95 if c != 1 else 60)
              for c, t in enumerate(names)]
    body = [[Cell(row=1, col=0, text="Wren-7B"), Cell(row=1, col=1, text="71.9", value=71.9),
             Cell(row=1, col=2, text="55.3", value=55.3)]]
    table = Table(box=Box(x1=0, y1=0, x2=10, y2=10), n_rows=1, n_cols=3, header_rows=[header],
                  body=body, columns=list(names), settings=[None] * 3)
    flags = repair_column_names(table)
    assert table.columns == ["Model", "GSM8K (8-shot)", "MMLU (5-shot)"]
    assert [f.evidence["after"] for f in flags] == ["GSM8K (8-shot)"]


def _column(name: str, texts: list[str]):  # type: ignore[no-untyped-def]
    from imgread.record import Cell, Table
    from imgread.units import parse_number

    body = [[Cell(row=r, col=0, text=f"Model-{r}B"),
             Cell(row=r, col=1, text=t, value=parse_number(t), confidence=80)]
            for r, t in enumerate(texts)]
    return Table(box=Box(x1=0, y1=0, x2=10, y2=10), n_rows=len(texts), n_cols=2, body=body,
                 columns=["Model", name], settings=[None, None])


def test_a_mean_whose_spread_lost_its_point_is_the_mean() -> None:
    """Recorded page readings of a booktabs table of means with spreads in a serif font
    (the retired blind generator's arxiv_booktabs, seed 11100, image 12): the "±" read as
    a digit, and in "79.7±1.4" the spread's point lost too ("79.7414")."""
    from imgread.tables.repairs import finish_numbers

    table = _column("ARC-C", ["47.3+0.8", "79.7414", "75.420.5", "89.4+1.4"])
    finish_numbers(table)
    assert [row[1].value for row in table.body] == [47.3, 79.7, 75.4, 89.4]
    # the same text in a column of plain numbers is a number as printed
    plain = _column("ARC-C", ["47.3", "79.7414", "75.4", "89.4"])
    finish_numbers(plain)
    assert plain.body[1][1].value == 79.7414


def test_a_spread_without_its_mean_is_no_score() -> None:
    from imgread.tables.repairs import finish_numbers

    table = _column("WinoGrande", ["±0.6", "77.520.3", "83.841.1", "61.5±0.4"])
    finish_numbers(table)
    assert [row[1].value for row in table.body] == [None, 77.5, 83.8, 61.5]
