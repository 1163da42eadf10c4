"""Tables in documents others drew (``benchmarks/looks/documents.py``): a leaderboard's
column chips and type marks, a Notion table's type icons, a heat map behind numbers, group
titles over benchmarks. Each test one mechanism, on a render of that look read through real
Tesseract (the fixtures' README says which)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from imgread.pipeline import read_image
from imgread.record import Record, Table
from imgread.tables import scores_from_table
from imgread.tables.columns import model_column
from imgread.tables.tinted import ink_by_distance, tinted

FIXTURES = Path(__file__).parent / "fixtures" / "documents"


def _table(record: Record) -> Table:
    assert record.ocr.tables, "no table read"
    return max(record.ocr.tables, key=lambda table: table.n_rows)


def _scores(record: Record) -> dict[tuple[str, str], float | None]:
    table = _table(record)
    return {(s.model, s.benchmark): s.value for s in scores_from_table(table, 0)}


@pytest.fixture(scope="module")
def leaderboard() -> Record:
    return read_image(FIXTURES / "doc_024_hf_gradio.jpg")


def test_a_list_of_the_columns_over_the_header_names_no_column(leaderboard: Record) -> None:
    """"Select columns to show: ☑ MMLU ☑ Type ☑ #Params (B) ☑ Precision ☑ TruthfulQA"
    repeats names the header prints: it is no line of group names over them."""
    columns = _table(leaderboard).columns
    for name in ("Average", "IFEval", "TruthfulQA", "NQ", "Winogrande", "MATH", "MMLU"):
        assert name in columns, columns


def test_type_marks_read_as_two_letters_are_no_model_column(leaderboard: Record) -> None:
    """A coloured "◆" read "Sd": a column of one- and two-character cells is marks, and the
    names are the column after it."""
    table = _table(leaderboard)
    column = model_column(table)
    assert column is not None
    names = [row[column].text for row in table.body]
    assert "google/openchat-70b-hf" in names, names
    assert "NousResearch/OpenHermes-2B" in names, names


def test_type_icons_are_no_part_of_a_notion_column_name() -> None:
    """Notion sets "#" before every number column's name (read "# BBH", "#MGSM"): the
    columns are named by their benchmarks."""
    table = _table(read_image(FIXTURES / "doc_020_notion.png"))
    named = [name for name in table.columns if name.strip()]
    assert {"BBH", "MGSM", "CSQA", "DROP"} <= set(named), named
    assert not any("#" in name for name in named), named


def test_light_digits_on_a_heat_map_are_read() -> None:
    """``background_gradient``: white digits on the darker cells, which the page's grey
    image loses, are read from their distance to the cell's colour."""
    scores = _scores(read_image(FIXTURES / "doc_021_pandas.png"))
    expected = {
        ("Qwen2.5-1.8B-DPO", "CMMLU"): 0.70,
        ("Qwen2.5-1.8B-DPO", "CSQA"): 0.65,
        ("Nemotron-6B-v1.5", "LongBench"): 0.71,
        ("openchat-72B-200K", "MMLU"): 0.62,
    }
    for key, value in expected.items():
        assert scores.get(key) == value, (key, scores.get(key))


def test_ink_by_distance_turns_light_digits_dark() -> None:
    """On a mid-blue ground, white strokes become the darkest pixels, and the ground white."""
    cell = np.zeros((20, 30, 3), dtype=np.uint8)
    cell[:] = (60, 90, 200)
    cell[5:15, 10:13] = 255
    assert tinted(cell)
    ink = ink_by_distance(cell)
    assert ink[10, 11] < 60 and ink[2, 2] == 255
    assert not tinted(np.full((20, 30, 3), 252, dtype=np.uint8))


def test_a_group_title_over_known_benchmarks_names_none_of_them() -> None:
    """"Reasoning" over MuSR and MATH: both are benchmarks' names by themselves, so the
    title is no part of either."""
    columns = _table(read_image(FIXTURES / "doc_016_paper_pil.png")).columns
    assert "MuSR" in columns and "MATH" in columns, columns


def test_a_column_cut_at_the_frame_is_left_out() -> None:
    """The leaderboard scrolls inside its frame, which cuts "AlpacaEval" through its numbers
    ("88.4" of "88.43"): that column gives no scores; the whole ones before it do."""
    table = _table(read_image(FIXTURES / "doc_010_hf_gradio.png"))
    assert not any("Alpaca" in name for name in table.columns), table.columns
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table, 0)}
    assert scores.get(("Qwen/aya-10.7B-Chat", "AGIEval")) == 56.72, scores
    assert scores.get(("Qwen/aya-10.7B-Chat", "SQuAD")) == 52.19, scores
