"""Plain-text tables aligned with spaces in a monospaced font (a ``<pre>`` block in a mail
archive, an email, a terminal): a column name with its setting after one space ("MMLU
(5-shot)") is one name, a name Tesseract breaks at its dash is one name, a neighbour's
digit glued across a column gap goes back, and a family's stem read with look-alike
letters in some rows takes the other rows' reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.record import Box, Cell, Table, Word
from imgread.tables import scores_from_table
from imgread.tables.fixed_width import fixed_width_words
from imgread.tables.name_repairs import settle_family_spellings
from imgread.units import normalise_model_name

FONTS = Path("/usr/share/fonts/truetype")
MONO = FONTS / "freefont/FreeMono.ttf"  # Courier-like: thin, its i, l and 1 alike
SERIF = FONTS / "liberation/LiberationSerif-Regular.ttf"

pytestmark = pytest.mark.skipif(
    not (MONO.exists() and SERIF.exists()), reason="FreeMono or Liberation Serif absent"
)

COLUMNS = ["Model", "MMLU (5-shot)", "MATH", "TriviaQA"]
ROWS = [
    ["lirio-7b", "45.5", "12.0", "61.2"],
    ["lirio-1.3b", "81.5", "n/a", "33.9"],
    ["orca-1.3b-s120k", "82.9", "40.1", "27.4"],
    ["lirio-70b-s80k", "48.3", "71.6", "n/a"],
    ["orca-3b", "35.1", "22.8", "58.0"],
]


def fixed_width_lines(columns: list[str], rows: list[list[str]]) -> list[str]:
    """Names set left, numbers right, two spaces between columns, dashes under each name,
    a second dash line and a mean row at the bottom."""
    everything = [columns, *rows]
    widths = [max(len(r[c]) for r in everything) for c in range(len(columns))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            v.ljust(w) if c == 0 else v.rjust(w)
            for c, (v, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    mean = ["mean", "58.7", "36.6", "45.1"]
    return [line(columns), rule, *map(line, rows), rule, line(mean)]


def archive_page(path: Path, lines: list[str], size: int = 13) -> Path:
    """A mailing-list archive's message: the subject and sender in a proportional font, the
    body in a ``<pre>`` block, prose above and below the table."""
    mono = ImageFont.truetype(str(MONO), size)
    serif = ImageFont.truetype(str(SERIF), size + 2)
    body = ["Hi all,", "", "Numbers from this week's run:", "", *lines, "", "Cheers,", "Dana"]
    pitch = round(size * 1.3)
    width = int(mono.getlength("0") * max(map(len, body))) + 120
    image = Image.new("RGB", (width, 90 + pitch * len(body)), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.text((16, 12), "[eval-list] Weekly eval numbers", fill=(60, 60, 140), font=serif)
    draw.text((16, 36), "Dana Ruiz dana at example.org", fill=(20, 20, 20), font=serif)
    draw.line((12, 64, width - 12, 64), fill=(170, 170, 170))
    for k, text in enumerate(body):
        draw.text((16, 76 + k * pitch), text, fill=(20, 20, 20), font=mono)
    image.save(path)
    return path


def test_a_setting_after_one_space_names_one_column(tmp_path: Path) -> None:
    """ "MMLU (5-shot)" over right-set numbers: the name stands over blank cells, one
    character cell from its setting; the column is MMLU at 5-shot, not "(5-shot)". n/a is
    no value and the mean row is no model's."""
    path = archive_page(tmp_path / "archive.png", fixed_width_lines(COLUMNS, ROWS))
    record = read_image(path, load_config())
    assert record.ocr.tables, "no table read"
    scores = {
        (normalise_model_name(s.model), s.benchmark, s.setting): s.value
        for s in scores_from_table(record.ocr.tables[0], 0)
        if s.value is not None
    }
    for row in ROWS:
        if row[1] != "n/a":
            assert scores.get((row[0], "MMLU", "5-shot")) == float(row[1]), row[0]
    assert not any(model == "mean" for model, _, _ in scores)
    expected = sum(1 for row in ROWS for value in row[1:] if value != "n/a")
    assert len(scores) == expected


def _word(text: str, x1: float, y: int, pitch: float) -> Word:
    """A word as a monospaced font sets it from ``x1``: each character one cell wide."""
    width = round(pitch * len(text) - 0.2 * pitch)
    return Word(
        text=text, confidence=90.0, box=Box(x1=round(x1), y1=y, x2=round(x1) + width, y2=y + 12)
    )


def test_a_glued_neighbour_is_cut_at_the_blank_column() -> None:
    """Words of a monospaced block, one cell 9 px: a size column ("7", "13") two spaces
    before the scores. On one row the engine read "7  72.4" as "772.4": the box spans seven
    cells, the text has five, across a column blank on every other row."""
    pitch = 9.0
    lines = [
        ["Checkpoint", "Size", "MMLU", "GSM8K"],
        ["ispira-7b", "7", "72.4", "40.7"],
        ["ispira-13b", "13", "43.7", "51.2"],
        ["ispira-70b", "70", "68.1", "30.3"],
        ["orca-13b", "13", "55.0", "22.9"],
    ]
    ends = [None, 16, 22, 28]  # the cell after each column's last; names start at cell 0
    words = []
    for k, line in enumerate(lines):
        for c, text in enumerate(line):
            end = ends[c]
            start = 0 if end is None else end - len(text)
            words.append(_word(text, 10 + start * pitch, 20 * k, pitch))
    glued_at = next(i for i, w in enumerate(words) if w.text == "7")
    seven, score = words[glued_at], words[glued_at + 1]
    merged = Word(
        text="772.4",
        confidence=80.0,
        box=Box(x1=seven.box.x1, y1=seven.box.y1, x2=score.box.x2, y2=score.box.y2),
    )
    words[glued_at : glued_at + 2] = [merged]
    texts = {w.text for w in fixed_width_words(words)}
    assert "772.4" not in texts
    assert {"7", "72.4"} <= texts


def _names_table(names: list[str]) -> Table:
    head = [Cell(row=0, col=c, text=t, confidence=90.0) for c, t in enumerate(["Model", "MMLU"])]
    body = [
        [Cell(row=r + 1, col=0, text=name), Cell(row=r + 1, col=1, text="50.1", value=50.1)]
        for r, name in enumerate(names)
    ]
    return Table(
        box=Box(x1=0, y1=0, x2=10, y2=10),
        n_rows=len(names),
        n_cols=2,
        header_rows=[head],
        body=body,
        columns=["Model", "MMLU"],
    )


def test_a_family_stem_takes_its_rows_reading() -> None:
    """ "inkwel1" in some rows, "inkwell" in others: one family, spelt with letters (a digit
    among a word's letters is the likelier slip); a family of its own stays as read."""
    table = _names_table(
        ["inkwell-7b", "inkwel1-13b", "inkwell-3b", "inkwel1-70b-sft", "lumen-7b", "Qwen1-7B"]
    )
    settle_family_spellings(table)
    names = [row[0].text for row in table.body]
    assert names == [
        "inkwell-7b",
        "inkwell-13b",
        "inkwell-3b",
        "inkwell-70b-sft",
        "lumen-7b",
        "Qwen1-7B",
    ]
