"""Cramped tables as other renderers draw them (benchmarks/looks/cramped.py): a phone
article's Chinese paragraph above its table, a spreadsheet shown without row numbers."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from imgread.config import load_config
from imgread.names import known_name_words
from imgread.pipeline import read_image
from imgread.tables import rows_from_table
from imgread.tables.sheet import pale_grid_columns

FIXTURES = Path(__file__).parent / "fixtures" / "small"


def test_a_chinese_paragraph_above_a_phone_table_names_no_column() -> None:
    """A WeChat-like article (benchmarks/looks/cramped.py, seed 1001, image 12):
    the paragraph's last lines above the table fall into the columns piece by piece, and
    "加粗为同规模最佳。" over the average made it a size column (规模 is a size). Its
    sentence punctuation after Han says it is running text."""
    table = read_image(FIXTURES / "phone_article_above_table.png", load_config()).ocr.tables[0]
    assert table.columns == ["模型", "平均", "TriviaQA", "MMLU", "ARC-C"], table.columns
    rows = rows_from_table(table, 0)
    sizes = {row.model: row.params_b for row in rows}
    assert sizes["LLaMA2-13B"] == 13.0 and sizes["Yi-6B"] == 6.0, sizes


def test_a_sheet_without_row_numbers_is_divided_by_its_pale_grid() -> None:
    """A spreadsheet shown without column letters or row numbers (benchmarks/looks/cramped.py,
    seed 1001, image 13): names set left, numbers set right and "N/A" set left as text,
    so alignment alone cut "HumanEval" into "Huma" and "nEval" and made eleven columns of
    eight. The pale grid, found though no row numbers frame it, divides them."""
    table = read_image(FIXTURES / "sheet_without_row_numbers.png", load_config()).ocr.tables[0]
    assert table.columns == [
        "Name",
        "HumanEval",
        "MATH",
        "HellaSwag",
        "GAOKAO",
        "BBH",
        "GSM8K",
        "C-Eval",
    ], table.columns
    assert [cell.text for cell in table.body[0]] == [
        "Phi-2",
        "60.2",
        "N/A",
        "12.3",
        "38.5",
        "33.6",
        "82.1",
        "81.2",
    ]


def _page(lines: tuple[int, int, int]) -> np.ndarray:
    """A white page with a grid of lines in ``lines``' colour: rows every 24 px, columns at
    60, 200, 300 and 400."""
    page = np.full((300, 480, 3), 255, dtype=np.uint8)
    for y in range(40, 280, 24):
        page[y, 40:460] = lines
    for x in (60, 200, 300, 400):
        page[40:257, x] = lines
    return page


def test_a_pale_grid_is_found_and_drawn_rules_are_left_to_the_rule_finder() -> None:
    found = pale_grid_columns(_page((218, 220, 224)))
    assert [(box.x1 + box.x2) // 2 for box in found] == [60, 200, 300, 400]
    assert pale_grid_columns(_page((0, 0, 0))) == []  # a drawn grid's rules are dark
    assert pale_grid_columns(np.full((300, 480, 3), 255, dtype=np.uint8)) == []


def test_a_long_name_word_one_letter_off_is_that_word() -> None:
    """Small text drops, adds or misreads one letter of a long word of a model's name, or
    reads "rn" as "m" (tiny grids of benchmarks/looks/cramped.py, seed 1001): each such
    word one letter from exactly one known long word is that word; a known word, a short
    word and a word two letters off stay as read."""
    assert known_name_words("Mistal-7B") == "Mistral-7B"
    assert known_name_words("Intemlm-7B").lower() == "internlm-7b"
    assert known_name_words("Interlm-7B").lower() == "internlm-7b"
    assert known_name_words("Skywerk-13B") == "Skywork-13B"
    for kept in ("Mixtral-8x7B", "Mistral-7B", "Llava-7B", "Slgywork-13B", "Zephyr-7B"):
        assert known_name_words(kept) == kept
