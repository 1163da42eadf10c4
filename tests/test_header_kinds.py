"""Column names that survive what sits in or around a header cell: a word over a column
whose lone whole digits the page lost ("Tokens" over "12.0T" in a monospaced font), a group
title centred over two columns, field-type icons before each name, a raised citation after
a name that ends in ")". Tables are drawn here with PIL, in several faces and sizes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.ocr import rapid, tesseract
from imgread.ocr.phrase import Phrase
from imgread.record import Box, Table, Word
from imgread.tables.lines import TextLine
from imgread.tables.marks import _without_mark
from imgread.tables.points import join_point_splits

FONTS = Path("/usr/share/fonts/truetype")
SANS = FONTS / "dejavu/DejaVuSans.ttf"
LSANS = FONTS / "liberation/LiberationSans-Regular.ttf"
SERIF = FONTS / "liberation/LiberationSerif-Regular.ttf"
MONO = FONTS / "dejavu/DejaVuSansMono.ttf"
HAN = FONTS / "wqy/wqy-zenhei.ttc"
LMONO = FONTS / "liberation/LiberationMono-Regular.ttf"
pytestmark = pytest.mark.skipif(
    not all(f.is_file() for f in [SANS, LSANS, SERIF, MONO, LMONO]), reason="no fonts"
)

ROWS = [
    ("Llama-2-7B", ["2.0T", "45.3", "14.6", "32.6"]),
    ("Mistral-7B", ["8.0T", "62.5", "52.1", "56.1"]),
    ("Qwen-14B", ["3.0T", "66.3", "61.3", "53.4"]),
    ("Yi-34B", ["12.0T", "76.3", "67.2", "54.3"]),
    ("Gemma-7B", ["6.0T", "64.3", "46.4", "55.1"]),
    ("Falcon-40B", ["1.0T", "55.4", "19.6", "37.1"]),
]
Icon = Callable[[ImageDraw.ImageDraw, float, float, int], None]


def _draw(
    path: Path,
    columns: list[str],
    rows: list[tuple[str, list[str]]],
    face: Path,
    numbers: Path,
    size: int,
    gap: int,
    groups: list[tuple[str, int, int]] | None = None,
    icon: Icon | None = None,
    raised: dict[int, str] | None = None,
    scale: float = 1.0,
) -> None:
    """A plain table: names left, numbers set right in ``numbers``' face, column names set
    right over them (left, after ``icon``, where there is one), ``groups`` centred over
    their columns on a line above, ``raised`` marks after some column names."""
    text = ImageFont.truetype(str(face), size)
    digits = ImageFont.truetype(str(numbers), size)
    small = ImageFont.truetype(str(face), round(size * 0.6))
    lead = round(size * 1.1) if icon else 0
    widths = [
        max(
            [lead + text.getlength(name) + small.getlength((raised or {}).get(c, ""))]
            + [(text if c == 0 else digits).getlength(row[0] if c == 0 else row[1][c - 1])
               for row in rows]
        )
        for c, name in enumerate(columns)
    ]
    xs = [20.0]
    for width in widths:
        xs.append(xs[-1] + width + gap)
    pitch = round(size * 1.8)
    top = 20 + (round(size * 1.1) if groups else 0)
    image = Image.new("RGB", (int(xs[-1] + 20), top + pitch * (len(rows) + 2)), "white")
    draw = ImageDraw.Draw(image)
    for title, first, last in groups or []:
        middle = (xs[first] + xs[last + 1] - gap) / 2
        draw.text((middle - text.getlength(title) / 2, 20), title, fill="black", font=text)
    for c, name in enumerate(columns):
        mark = (raised or {}).get(c, "")
        x = xs[c + 1] - gap - text.getlength(name) - small.getlength(mark)
        if c == 0 or icon:
            x = xs[c] + (lead if c else 0)
        if c and icon:
            icon(draw, xs[c], top, size)
        draw.text((x, top), name, fill="black", font=text)
        if mark:
            draw.text((x + text.getlength(name) + 1, top - size * 0.25), mark, fill="black",
                      font=small)
    draw.line((20, top + pitch - 4, xs[-1] - gap, top + pitch - 4), fill="black", width=1)
    for r, (name, values) in enumerate(rows):
        y = top + pitch * (r + 1)
        draw.text((xs[0], y), name, fill="black", font=text)
        for c, value in enumerate(values, 1):
            draw.text((xs[c + 1] - gap - digits.getlength(value), y), value, fill="black",
                      font=digits)
    if scale != 1.0:
        image = image.resize((round(image.width * scale), round(image.height * scale)),
                             Image.LANCZOS)
    image.save(path)


def _read(path: Path) -> Table:
    from imgread.pipeline import Job, process_batch

    (table,) = process_batch([Job(path=path)], load_config())[0].ocr.tables
    return table


@pytest.mark.parametrize(
    ("face", "numbers", "size", "gap"),
    [(SANS, MONO, 16, 24), (MONO, MONO, 13, 16), (SERIF, LMONO, 15, 20)],
)
def test_a_word_over_a_monospaced_column_is_one_name(
    tmp_path: Path, face: Path, numbers: Path, size: int, gap: int
) -> None:
    """The page loses the lone whole digits ("2.") of a monospaced "2.0T", so its "0T"s
    and its one "12." stand apart as two ranges; "Tokens" over both was cut at their edge
    ("Toke" / "ens"). One printed word over two ranges makes them one column."""
    path = tmp_path / "tokens.png"
    _draw(path, ["Model", "Tokens", "MMLU", "GSM8K", "BBH"], ROWS, face, numbers, size, gap)
    table = _read(path)
    assert table.columns == ["Model", "Tokens", "MMLU", "GSM8K", "BBH"]
    assert [row[2].text for row in table.body] == [values[1] for _, values in ROWS]


def _line(*words: tuple[str, int, int]) -> TextLine:
    """A line of one-word chunks (text, x, width), 13 px tall."""
    chunks = [Phrase.of([Word(text=text, confidence=95.0, box=Box(x1=x, y1=0, x2=x + w, y2=13))])
              for text, x, w in words]
    box = chunks[0].box
    for chunk in chunks[1:]:
        box = box.union(chunk.box)
    return TextLine(chunks=chunks, box=box)


def test_two_ranges_under_one_word_of_the_line_above_are_one_column() -> None:
    """Lone "0T"s and one "12." beside its "0T", as the page read a monospaced "12.0T" column
    whose other whole digits it lost: one column where a word of the line above spans both,
    two where none does, or where a row holds two numbers a column gap apart."""
    ranges = [(20, 110), (142, 159), (170, 189), (222, 260)]
    body = [_line(("Llama-2-7B", 20, 90), ("0T", 170, 19), ("45.3", 222, 38)) for _ in range(4)]
    body.append(_line(("Yi-34B", 20, 50), ("12.", 142, 17), ("0T", 170, 19), ("76.3", 222, 38)))
    above = _line(("Model", 20, 46), ("Tokens", 136, 53), ("MMLU", 214, 46))
    assert join_point_splits(body, ranges, above)[1] == [(20, 110), (142, 189), (222, 260)]
    assert join_point_splits(body, ranges)[1] == ranges
    apart = [*body[:4], _line(("Yi-34B", 20, 50), ("45.3", 122, 37), ("0T", 170, 19))]
    assert join_point_splits(apart, [(20, 110), (122, 159), (170, 189)], above)[1] == [
        (20, 110), (122, 159), (170, 189)]


def test_a_quantity_split_at_its_point_keeps_its_unit() -> None:
    """"2." and "0T" in every row: the runs after the point are the decimals and the unit."""
    body = [_line(("Name", 20, 40), (whole, 142, 17), ("0T", 170, 19))
            for whole in ["2.", "8.", "12.", "3."]]
    assert join_point_splits(body, [(20, 60), (142, 159), (170, 189)])[1] == [
        (20, 60), (142, 189)]


GROUPED = [
    (name, [v[1], v[2], v[3] if r % 3 else "—", v[2], v[1] if r != 2 else "—"])
    for r, (name, v) in enumerate(ROWS)
]


@pytest.mark.parametrize(("face", "size", "scale"), [(SANS, 24, 0.6), (SERIF, 24, 0.55),
                                                     (LSANS, 16, 1.0)])
def test_a_group_title_over_two_columns_names_neither(
    tmp_path: Path, face: Path, size: int, scale: float
) -> None:
    """"General" centred over two columns whose names the lexicon does not all know (a
    hi-DPI page shrunk, dashes for missing values): it stretches over two names of the line
    below, so it is a group's title, no part of either name."""
    path = tmp_path / "groups.png"
    columns = ["Model", "LiveBench", "AGIEval", "Arena-Hard", "HumanEval", "MATH"]
    _draw(path, columns, GROUPED, face, face, size, round(size * 1.5),
          groups=[("General", 1, 2), ("Code & Math", 4, 5)], scale=scale)
    assert _read(path).columns == columns


def _grey_percent(draw: ImageDraw.ImageDraw, x: float, y: float, size: int) -> None:
    face = ImageFont.truetype(str(SANS), round(size * 0.8))
    draw.text((x, y), "%", fill=(110, 110, 120), font=face)


def _calendar(draw: ImageDraw.ImageDraw, x: float, y: float, size: int) -> None:
    side = round(size * 0.7)
    draw.rectangle((x, y + 3, x + side, y + 3 + side), outline=(110, 110, 120), width=1)
    draw.line((x, y + 7, x + side, y + 7), fill=(110, 110, 120), width=1)


def _letter(draw: ImageDraw.ImageDraw, x: float, y: float, size: int) -> None:
    face = ImageFont.truetype(str(SANS), round(size * 0.7))
    draw.text((x, y + 2), "A", fill=(110, 110, 120), font=face)


@pytest.mark.parametrize(
    ("icon", "face", "size"),
    [(_grey_percent, LSANS, 15), (_calendar, LSANS, 14), (_letter, SANS, 16)],
)
def test_field_type_icons_before_column_names_are_no_part_of_them(
    tmp_path: Path, icon: Icon, face: Path, size: int
) -> None:
    """A no-code grid's type icon before each name, read "%", "&", "日" or "A" and glued on:
    a lone glyph a word space before the name, smaller or greyer than its letters."""
    path = tmp_path / "icons.png"
    rows = [(name, values[1:]) for name, values in ROWS]
    _draw(path, ["Model", "MMLU", "GSM8K", "BBH"], rows, face, face, size, 24, icon=icon)
    assert _read(path).columns == ["Model", "MMLU", "GSM8K", "BBH"]


@pytest.mark.parametrize(("face", "mark"), [(SANS, "³"), (LSANS, "[12]")])
def test_a_citation_after_a_closing_bracket_leaves_the_bracket(
    tmp_path: Path, face: Path, mark: str
) -> None:
    """"GSM8K (pass@1)" with a raised citation the page did not read: the ink shows a mark,
    but the ")" closes the name's own bracket, so nothing of the name is cut."""
    path = tmp_path / "citation.png"
    rows = [(name, values[1:]) for name, values in ROWS]
    _draw(path, ["Model", "MMLU", "GSM8K (pass@1)", "BBH"], rows, face, face, 15, 24,
          raised={2: mark})
    table = _read(path)
    name = table.columns[2]
    assert name.startswith("GSM8K") and name.count("(") == name.count(")"), name


def test_what_a_citation_is_read_as_is_cut_whole() -> None:
    assert _without_mark("GSM8K (pass@1)") is None
    assert _without_mark("GSM8K (pass@1)[3]") == "GSM8K (pass@1)"
    assert _without_mark("GSM8K (pass@1) [12") == "GSM8K (pass@1)"
    assert _without_mark("MMLU†") == "MMLU"
    assert _without_mark("Gemma-2B2") == "Gemma-2B"


@pytest.mark.skipif(
    not HAN.is_file() or not rapid.available() or not tesseract.installed("chi_sim"),
    reason="no Han font, second engine or Chinese model",
)
@pytest.mark.parametrize(("numbers", "size", "gap", "scale"), [(LSANS, 12, 28, 1.0),
                                                               (LSANS, 26, 60, 0.45),
                                                               (HAN, 14, 17, 1.0)])
def test_a_han_page_reads_each_name_within_its_own_place(
    tmp_path: Path, numbers: Path, size: int, gap: int, scale: float
) -> None:
    """Latin names with full-width brackets among Han ones ("BBH（0-shot）" beside "参数量"),
    set right over narrow columns, hang into the column before. The second engine read each
    name in its column's span: "BBH" cut to "H" with "MM" of the next name after it, "BB"
    glued to "参数量". A name's region takes in what the page read of it and stops at the
    names read beside it. The full-width bracket's own space set "（0-shot）" a column gap
    after its name, and the two were placed in two columns: a bracketed setting close after
    a name goes with it."""
    path = tmp_path / "han.png"
    columns = ["模型名称", "参数量", "BBH（0-shot）", "MMLU（5-shot）", "平均分"]
    rows = [(name, [v[0].replace("T", "B"), *v[1:]]) for name, v in ROWS]
    _draw(path, columns, rows, HAN, numbers, size, gap, scale=scale)
    assert _read(path).columns == ["模型名称", "参数量", "BBH", "MMLU", "平均分"]


def test_wrapped_names_set_close_are_no_group_title() -> None:
    """Two model names wrapped over two lines, their first lines a little more than a word
    space apart ("Skywork-" "Falcon-40B-" over "13B" and "Base", as a table of models
    across its header sets them): no phrase, so no group title over "13B" and "Base"."""
    from imgread.config import Config
    from imgread.tables import extract_tables

    def placed(text: str, x: int, y: int) -> Word:
        return Word(text=text, confidence=95.0,
                    box=Box(x1=x, y1=y, x2=x + 9 * len(text), y2=y + 14))

    words = [placed("Skywork-", 110, 20), placed("Falcon-40B-", 195, 20),
             placed("13B", 133, 40), placed("Base", 245, 40), placed("Model", 20, 40)]
    for r, (name, first, second) in enumerate(
        [("Training", "2.6T", "3.5T"), ("HumanEval", "45.3", "54.8"),
         ("CMMLU", "61.2", "48.9"), ("GSM8K", "33.1", "70.4")]
    ):
        words += [placed(name, 20, 80 + 30 * r), placed(first, 124, 80 + 30 * r),
                  placed(second, 245, 80 + 30 * r)]
    table = extract_tables(words, None, Config())[0][0]
    assert "Skywork" in table.columns[1] and "13B" in table.columns[1], table.columns
    assert "Falcon" in table.columns[2] and "Base" in table.columns[2], table.columns
