"""Cramped tables as other renderers draw them (benchmarks/looks/cramped.py): a phone
article's Chinese paragraph above its table, a spreadsheet shown without row numbers."""

from __future__ import annotations

from pathlib import Path

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.tables import rows_from_table

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
