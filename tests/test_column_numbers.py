"""A row of column numbers under a paper's header ("(1) (2) ... (7)") is no part of any
column name and no row (``imgread/tables/column_numbers.py``): booktabs tables drawn here
with PIL in serif faces, the indices italic under each column, read end to end through
real Tesseract; the guards on words placed by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from imgread.pipeline import read_image
from imgread.record import Box, Table, Word
from imgread.tables.column_numbers import without_column_numbers

FONTS = Path("/usr/share/fonts/truetype")
HEADER = ["Model", "Params (B)", "WinoGrande (0-shot)", "MATH", "HellaSwag", "ARC-C", "MMLU"]
ROWS = [
    ["Llama-2-7B", "7", "69.2", "4.1", "77.2", "45.9", "45.3"],
    ["Mistral-7B", "7", "75.3", "12.7", "81.3", "55.5", "62.5"],
    ["Qwen-14B", "14", "71.3", "24.8", "79.6", "52.3", "66.3"],
    ["Gemma-2B", "2", "65.4", "11.8", "71.4", "42.1", "42.3"],
    ["Yi-34B", "34", "80.1", "14.4", "83.7", "61.1", "76.3"],
]


def _paper_table(path: Path, regular: str, italic: str, indices: list[str], size: int) -> Path:
    """A booktabs table with a caption, the indices centred under the column names, drawn
    as the ``numbered_columns`` look draws its tables."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from looks.numbered_columns import Page, draw_table

    page = Page(FONTS / regular, FONTS / italic, size, int(size * 0.9), float(size),
                "Table 4: Results of open models.", 1.0)
    draw_table(page, HEADER, indices, ROWS).save(path)
    return path


def _table(path: Path) -> Table:
    record = read_image(path)
    assert record.ocr.tables, "no table read"
    return max(record.ocr.tables, key=lambda table: table.n_rows)


@pytest.mark.parametrize(
    ("regular", "italic", "indices"),
    [
        ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Italic.ttf",
         ["(0)", "(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]),
        ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Italic.ttf",
         ["", "1", "2", "3", "4", "5", "6"]),
    ],
    ids=["bracketed_from_zero", "bare_digits_name_column_empty"],
)
def test_a_row_of_column_numbers_is_no_name_and_no_row(
    tmp_path: Path, regular: str, italic: str, indices: list[str]
) -> None:
    """Glued to the names ("MATH (3)") every score lost its benchmark; taken as a row,
    "1 2 3 ..." was a model's scores."""
    table = _table(_paper_table(tmp_path / "numbered.png", regular, italic, indices, 30))
    # "WinoGrande (0-shot)" may keep its setting in the name or give it to the settings
    names = [name.replace(" (0-shot)", "") for name in table.columns]
    assert names == ["Model", "Params (B)", "WinoGrande", "MATH", "HellaSwag", "ARC-C", "MMLU"]
    assert not any(setting and setting[0].isdigit() and "shot" not in setting
                   for setting in table.settings)
    assert [row[0].text for row in table.body] == [row[0] for row in ROWS]


def _line(texts: list[str], y: int, height: int = 20) -> list[Word]:
    """Words set apart as a table's cells are, one every 150 px."""
    return [Word(text=t, confidence=90, box=Box(x1=20 + 150 * k, y1=y,
                                                  x2=20 + 150 * k + 12 * len(t), y2=y + height))
            for k, t in enumerate(texts)]


def _page(middle: list[str]) -> list[Word]:
    return [
        *_line(["Model", "MATH", "MMLU", "GSM8K", "BBH"], 10),
        *_line(middle, 50),
        *_line(["Yi-34B", "14.4", "76.3", "67.2", "54.3"], 90),
        *_line(["Qwen-14B", "24.8", "66.3", "61.3", "53.4"], 130),
    ]


def test_only_a_row_that_counts_the_columns_is_dropped() -> None:
    """Indices in any of the printed forms go, a misread one among them; a row of small
    scores that opens with a name and a header whose names end in digits stay."""
    for middle in (["(1)", "(2)", "(3)", "(4)", "(5)"], ["", "[1]", "[2]", "[3]", "[4]"],
                   ["C0", "C1", "@)", "C3", "C4"]):
        kept = [w.text for w in without_column_numbers(_page([t for t in middle if t]))]
        assert not set(kept) & {t for t in middle if t}, middle
    for middle in (["Phi-2", "1", "2", "3", "4"], ["Top-1", "Pass@1", "ARC (25)", "(4)", "(5)"]):
        words = _page(middle)
        assert without_column_numbers(words) == words, middle
