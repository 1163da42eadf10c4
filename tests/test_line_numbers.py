"""A review paper's line numbers in the page's margin beside a booktabs table, and names
wrapped after their hyphen (``tables/line_numbers.py``, ``tables/layout._ends_broken_name``)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from imgread.pipeline import read_image
from imgread.record import Box, Word
from imgread.tables import scores_from_table
from imgread.tables.line_numbers import without_line_numbers
from imgread.units import normalise_model_name

REPO = Path(__file__).resolve().parents[1]
NAMES = ["Orinth-3-14B-Base", "Yi-34B", "Vexa-2-7B-Instruct", "Mistral-7B",
         "Kestrel-3.5-32B-Chat"]
BENCHES = ["MMLU", "GSM8K", "BBH"]


def _shoot(seed: int, scale: float) -> tuple[object, list]:
    """A page of the tuning look ``line_margin`` with these rows: line numbers down the
    margin (seeds 6 and 7 number both margins), a narrow name column that wraps long names."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from browser import CHROMIUM, Browser
    from looks.line_margin import _page

    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed")
    rows = [[name, *(f"{30 + 9 * r + 7 * c}.{(r + 2 * c) % 10}" for c in range(len(BENCHES)))]
            for r, name in enumerate(NAMES)]
    browser = Browser((1000, 1200))
    try:
        image = browser.shoot(_page(random.Random(seed), ["Model", *BENCHES], rows), scale)
    finally:
        browser.close()
    return image, rows


@pytest.mark.parametrize(("seed", "scale"), [(3, 1.5), (6, 1.0), (7, 1.5)])
def test_margin_numbers_are_no_column_and_wrapped_names_join(
    tmp_path: Path, seed: int, scale: float
) -> None:
    image, rows = _shoot(seed, scale)
    path = tmp_path / "page.png"
    image.save(path)  # type: ignore[attr-defined]
    tables = read_image(path).ocr.tables
    read = {(normalise_model_name(s.model), s.benchmark): s.value
            for t in tables for s in scores_from_table(t)}
    right = sum(read.get((normalise_model_name(row[0]), bench)) == float(value)
                for row in rows for bench, value in zip(BENCHES, row[1:], strict=True))
    assert right == len(rows) * len(BENCHES)
    assert not any(name.strip().isdigit() for t in tables for name in t.columns)


def _word(text: str, x: int, y: int, width: int = 24) -> Word:
    return Word(text=text, confidence=90.0, box=Box(x1=x, y1=y, x2=x + width, y2=y + 12))


def test_margin_strip_dropped_with_misread_numbers() -> None:
    """Numbers down the left edge, one a line, some misread ("31" for 431) or missing,
    beside prose and blank lines: all go; the prose stays."""
    words = []
    for i in range(14):
        text = {3: "31", 7: "3um"}.get(i, str(428 + i))
        if i != 10:
            words.append(_word(text, 10, 20 + 20 * i))
        if i % 3:
            words.append(_word("results", 80, 20 + 20 * i, 60))
    kept = without_line_numbers(words)
    assert [w.text for w in kept] == ["results"] * sum(1 for i in range(14) if i % 3)


def test_rank_column_beside_scores_stays() -> None:
    """A leaderboard's ranks 1, 2, 3, ... at the left edge, each beside a row of scores:
    they count rows, not the page's lines, and stay."""
    words = []
    for i in range(8):
        y = 20 + 24 * i
        words += [_word(str(i + 1), 10, y, 10), _word(f"Model-{i}", 40, y, 80),
                  _word(f"{50 + i}.1", 160, y, 30), _word(f"{60 + i}.4", 220, y, 30)]
    assert without_line_numbers(words) == words
