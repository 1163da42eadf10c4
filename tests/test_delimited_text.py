"""Tables typed as delimited text (tables/delimited.py): a CSV file in an editor, a
semicolon-separated European one, a code block in a chat. Each line's fields stand at
other x, and OCR reads a line as one long word ("Borealis-34B,34,75.9,66.1"): the lines
are split at their delimiter. An ordinary table's commas ("1,000", "67,3") are no
delimiters."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.record import Box, Record, Word
from imgread.tables import rows_from_table, scores_from_table
from imgread.tables.delimited import read_delimited
from imgread.units import normalise_model_name

FACES = Path("/usr/share/fonts/truetype")
needs_fonts = pytest.mark.skipif(
    not (FACES / "dejavu/DejaVuSansMono.ttf").exists(), reason="fonts absent"
)
RAINBOW = [(224, 108, 117), (152, 195, 121), (229, 192, 123), (97, 175, 239), (198, 120, 221)]

HEADER = ["model", "n_params_b", "mmlu", "gsm8k", "humaneval"]
ROWS = [
    ["atlas-7b-instruct", "7", "61.2", "40.5", "30.1"],
    ["borealis-34b", "34", "75.9", "66.1", "48.2"],
    ["corvid-13b-chat", "13", "55.4", "30.7", "22.9"],
    ["dune-70b", "70", "79.3", "71.8", "55.0"],
    ["ember-2b", "2", "41.6", "", "12.4"],
]


def _page(
    lines: list[list[str]],
    delimiter: str,
    ground: tuple,
    ink: tuple,
    rainbow: bool,
    gutter: bool,
    face: str = "dejavu/DejaVuSansMono.ttf",
) -> Image.Image:
    """``lines`` typed field by field with ``delimiter`` between, each column in its own
    colour when ``rainbow``; line numbers in a gutter when asked."""
    font = ImageFont.truetype(str(FACES / face), 15)
    advance = font.getlength("0")
    step = 22
    longest = max(len(delimiter.join(fields)) for fields in lines)
    left = 70 if gutter else 16
    img = Image.new("RGB", (int(left + advance * longest) + 80, step * (len(lines) + 2)), ground)
    d = ImageDraw.Draw(img)
    for k, fields in enumerate(lines):
        y = 12 + k * step
        if gutter:
            d.text((10, y), f"{k + 1:>3}", fill=(120, 126, 140), font=font)
        x = float(left)
        for c, field in enumerate(fields):
            text = field + (delimiter if c < len(fields) - 1 else "")
            d.text((x, y), text, fill=RAINBOW[c % len(RAINBOW)] if rainbow else ink, font=font)
            x += advance * len(text)
    return img


def _read(img: Image.Image, folder: Path) -> Record:
    path = folder / "typed.png"
    img.save(path)
    return read_image(path)


def _scores(record: Record) -> dict[tuple[str, str], float]:
    return {
        (normalise_model_name(s.model), s.benchmark.lower()): s.value
        for t in record.ocr.tables
        for s in scores_from_table(t)
        if s.value is not None
    }


def _printed(header: list[str], rows: list[list[str]], first: int) -> dict:
    return {
        (normalise_model_name(row[0].strip('"')), name.lower()): float(value.replace(",", "."))
        for row in rows
        for name, value in zip(header[first:], row[first:], strict=True)
        if value not in ("", "n/a")
    }


@needs_fonts
def test_a_csv_file_in_a_dark_editor_with_rainbow_columns(tmp_path: Path) -> None:
    """Before: no row and no score (each line one giant name). The gutter's line numbers
    are no column; the empty field is no score."""
    record = _read(_page([HEADER, *ROWS], ",", (40, 44, 52), (171, 178, 191), True, True), tmp_path)
    [table] = record.ocr.tables
    assert table.columns == HEADER
    assert [row[0].text for row in table.body] == [row[0] for row in ROWS]
    assert _scores(record) == _printed(HEADER, ROWS, 2)
    sizes = {normalise_model_name(r.model): r.params_b for r in rows_from_table(table)}
    assert sizes == {normalise_model_name(row[0]): float(row[1]) for row in ROWS}


@needs_fonts
def test_a_semicolon_file_with_decimal_commas_and_quoted_names(tmp_path: Path) -> None:
    """European CSV: ";" between fields, "67,3" a decimal comma, names with spaces quoted,
    "n/a" for a missing score, token counts "4,5" (trillions, as the header says). Before:
    nothing read."""
    header = ["Model", "Tokens (T)", "MMLU", "GSM8K", "ARC-C"]
    rows = [
        ['"Atlas 7B Base"', "4,5", "61,2", "40,5", "30,1"],
        ['"Borealis 34B Chat"', "1,4", "75,9", "n/a", "48,2"],
        ["Corvid-13B", "2", "55,4", "30,7", "22,9"],
        ['"Dune 70B"', "15", "79,3", "71,8", "55,0"],
    ]
    record = _read(
        _page([header, *rows], ";", (255, 255, 255), (36, 41, 47), False, True), tmp_path
    )
    [table] = record.ocr.tables
    assert _scores(record) == _printed(header, rows, 2)
    tokens = {normalise_model_name(r.model): r.tokens_t for r in rows_from_table(table)}
    assert tokens == {
        normalise_model_name(row[0].strip('"')): float(row[1].replace(",", ".")) for row in rows
    }


@needs_fonts
def test_a_csv_code_block_after_prose_in_a_chat(tmp_path: Path) -> None:
    """A chat's code block: a line of prose (commas and all) above the file's lines is no
    header of it."""
    lines = [["Sure, here it is, as a CSV"], HEADER, *ROWS[:4]]
    record = _read(_page(lines, ",", (246, 248, 250), (36, 41, 47), False, False), tmp_path)
    assert _scores(record) == _printed(HEADER, ROWS[:4], 2)


def _word(text: str, x1: int, y1: int, per_char: float = 8.0) -> Word:
    box = Box(x1=x1, y1=y1, x2=x1 + round(per_char * len(text)), y2=y1 + 12)
    return Word(text=text, confidence=90.0, box=box)


def test_an_ordinary_table_with_thousands_and_decimal_commas_is_no_delimited_one() -> None:
    """A drawn table's cells ("1,000" tokens, "67,3" scores) hold commas on every line, as
    many on each, but its header holds none: its words are left for the layout."""
    header = ["Model", "Tokens", "MMLU", "GSM8K"]
    rows = [
        ["Atlas-7B", "1,000", "61,2", "40,5"],
        ["Borealis-34B", "2,000", "75,9", "66,1"],
        ["Corvid-13B", "1,400", "55,4", "30,7"],
    ]
    words = [
        _word(text, 10 + 140 * c, 10 + 24 * r)
        for r, line in enumerate([header, *rows])
        for c, text in enumerate(line)
    ]
    tables, rest = read_delimited(words)
    assert tables == []
    assert rest == words


def test_lines_of_one_word_each_split_at_their_commas() -> None:
    """The words OCR gives for a CSV file (a line one word, a name with a space two) make
    the table the file holds."""
    lines = ["model,mmlu,gsm8k", "atlas-7b,61.2,40.5", "borealis 34b,75.9,66.1", "dune-70b,,55.0"]
    words = []
    for r, line in enumerate(lines):
        x = 10
        for part in line.split(" "):
            words.append(_word(part, x, 10 + 20 * r))
            x += round(8.0 * (len(part) + 1))
    [table], rest = read_delimited(words)
    assert rest == []
    assert table.columns == ["model", "mmlu", "gsm8k"]
    assert [[c.text for c in row] for row in table.body] == [
        ["atlas-7b", "61.2", "40.5"],
        ["borealis 34b", "75.9", "66.1"],
        ["dune-70b", "", "55.0"],
    ]


def test_prose_whose_lines_hold_as_many_commas_is_no_delimited_table() -> None:
    """A reference list ("Brown, NeurIPS, 2020"): commas followed by spaces, as prose
    types them, no file's delimiters."""
    lines = [
        "Authors, Venue, Year",
        "Brown, NeurIPS, 2020",
        "Vaswani, NIPS, 2017",
        "Devlin, NAACL, 2019",
    ]
    words = []
    for r, line in enumerate(lines):
        x = 10
        for part in line.split(" "):
            words.append(_word(part, x, 10 + 20 * r))
            x += round(8.0 * (len(part) + 1))
    tables, rest = read_delimited(words)
    assert tables == []
    assert rest == words
