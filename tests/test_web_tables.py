"""Tables captured from web pages (a Gradio / Hugging Face leaderboard): what the page prints
around the table and inside its header is no part of it. Each test one mechanism, on a
render of the ``leaderboard`` look (``benchmarks/looks/leaderboard.py``, seed 1; the
fixtures' README says which image) read through real Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest

from imgread.pipeline import read_image
from imgread.record import Box, Cell, Record, Table
from imgread.tables import rows_from_table
from imgread.tables.chrome import strip_ranks
from imgread.tables.columns import model_column

FIXTURES = Path(__file__).parent / "fixtures" / "web_tables"


def _read(name: str) -> Record:
    return read_image(FIXTURES / name)


@pytest.fixture(scope="module")
def dark_underlined() -> Record:
    """Dark theme at device pixel ratio 1, 12 px Roboto Condensed: a rank column, coloured
    type marks, links underlined solidly, a 📑 icon after some names (no emoji font: drawn
    as a box), a pager under the rows."""
    return _read("leader_004.png")


@pytest.fixture(scope="module")
def chips_and_ranks() -> Record:
    """JPEG at device pixel ratio 2: filter chips just above the header, a rank column
    glued to the names, "⬆" sort arrows after every column name, a pager under the rows."""
    return _read("leader_003.jpg")


@pytest.fixture(scope="module")
def emoji_types() -> Record:
    """JPEG, a type column of emoji (boxes without an emoji font) before the names, "⬆"
    arrows after the column names."""
    return _read("leader_002.jpg")


def _table(record: Record) -> Table:
    assert record.ocr.tables, "no table read"
    return max(record.ocr.tables, key=lambda table: table.n_rows)


def _names(record: Record) -> list[str]:
    table = _table(record)
    column = model_column(table)
    assert column is not None
    return [row[column].text for row in table.body]


def test_a_pager_under_the_rows_is_no_row(chips_and_ranks: Record) -> None:
    """"Showing 1 to 10 of 7,723 entries  « 1 2 3 … »" leaves the score columns empty and
    prints where no row does: no row, and its page numbers make no columns of their own
    (which split the size column's name into pieces)."""
    names = _names(chips_and_ranks)
    assert not any("Showing" in name for name in names), names
    assert len(names) == 10
    rows = rows_from_table(_table(chips_and_ranks))
    assert {row.params_b for row in rows} >= {67.0, 72.29, 1.64, 6.89}


def test_sort_arrows_are_no_part_of_the_column_names(emoji_types: Record) -> None:
    """Every column name carries a sort arrow, read "t", "1" or "11" (glued to "GSM8K"):
    the names are the benchmarks'."""
    columns = _table(emoji_types).columns
    for name in ("Average", "HellaSwag", "IFEval", "ARC", "MMLU", "GSM8K", "Winogrande"):
        assert name in columns, columns


def test_filter_chips_over_the_header_name_no_column(chips_and_ranks: Record) -> None:
    """A row of chips ("base merges and moerges", "~7", "70+") sits just over the header,
    two or more of them over one column: no part of the column names."""
    columns = _table(chips_and_ranks).columns
    assert not any("merges" in name or "chat models" in name for name in columns), columns
    for name in ("TruthfulQA", "ARC", "IFEval", "Winogrande", "MMLU", "GSM8K"):
        assert name in columns, columns


def test_a_column_of_type_icons_is_not_the_model_column(emoji_types: Record) -> None:
    """The type column's emoji read as "o", "a" or nothing: the names are the column after
    it."""
    names = _names(emoji_types)
    assert "google/gemma-7b" in names
    assert "microsoft/phi-2" in names




def test_an_icon_after_a_hub_name_is_no_part_of_it(dark_underlined: Record) -> None:
    """The 📑 after a name is read "&" or "8": in a column of names written without spaces
    ("org/model"), a piece of three characters or fewer after a space is that icon."""
    names = _names(dark_underlined)
    assert "microsoft/phi-2" in names, names
    assert "teknium/OpenHermes-2.5-Mistral-7B" in names, names


def test_letters_touching_a_link_underline_stay(dark_underlined: Record) -> None:
    """A solid underline run into the descenders of "g", "p", "y" is a flat stroke like a
    typed rule's: only the stroke is erased, the letters stay ("google/gemma-7b", not
    "google/ emma-7b"). The page's own reading is asserted: the name re-reads go back to
    the loaded image and would hide what the page's OCR lost."""
    page = " ".join(word.text for word in dark_underlined.ocr.words)
    assert "gemma-7b" in page, page
    assert "HuggingFaceH4/zephyr" in page, page


def _name_table(header: str, names: list[str]) -> Table:
    box = Box(x1=0, y1=0, x2=10, y2=10)
    body = [
        [Cell(row=r, col=0, text=name, box=box), Cell(row=r, col=1, text="50.1", box=box)]
        for r, name in enumerate(names)
    ]
    return Table(box=box, n_rows=len(body), n_cols=2, body=body, columns=[header, "MMLU"])


def test_a_rank_read_into_the_names_is_taken_out() -> None:
    """Names as a leaderboard's page was read (ranks 9 and 10 wider than the single digits,
    run into the names; rank 1 glued with no space): a number opening a name that is the
    row's place is the rank. A name that opens with its own number ("01-ai/Yi-34B", "7B")
    keeps it, and one row alone under a header that names no rank is not enough."""
    names = ["1google/gemma-7b", *[f"org/model-{k}" for k in range(2, 9)],
             "9 openchat/openchat-3.5-0106", "10 allenai/OLMo-7B"]
    table = _name_table("# T Model", names)
    strip_ranks(table, 0)
    read = [row[0].text for row in table.body]
    assert read[0] == "google/gemma-7b"
    assert read[8:] == ["openchat/openchat-3.5-0106", "allenai/OLMo-7B"]

    kept = _name_table("Model", ["01-ai/Yi-34B", "2 Llama-2-7B", "Mistral-7B"])
    strip_ranks(kept, 0)
    assert [row[0].text for row in kept.body] == ["01-ai/Yi-34B", "2 Llama-2-7B", "Mistral-7B"]
