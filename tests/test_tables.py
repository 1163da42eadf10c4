"""Table logic on recorded OCR words (tests/fixtures/ocr): exact, fast, no Tesseract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imgread.config import Config
from imgread.record import Box, Cell, Table, Word
from imgread.tables import (
    extract_tables,
    is_numeric_text,
    repair_column,
    rows_from_table,
    scores_from_table,
    settle_cell,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ocr"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def recorded(name: str) -> list[Word]:
    data = json.loads((FIXTURES / name).read_text())
    return [Word.model_validate(word) for word in data["words"]]


def word(text: str, x: int, y: int, confidence: float = 95.0, height: int = 14) -> Word:
    width = max(8, 9 * len(text))
    return Word(text=text, confidence=confidence, box=Box(x1=x, y1=y, x2=x + width, y2=y + height))


def grid(rows: list[list[str]], xs: list[int], top: int = 40, pitch: int = 30) -> list[Word]:
    """Words of a simple table: each cell's words laid out from its column's x."""
    words = []
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            x = xs[c]
            for part in text.split():
                words.append(word(part, x, top + r * pitch))
                x += 9 * len(part) + 5
    return words


def test_seed000_words_give_its_six_rows() -> None:
    tables, _ = extract_tables(recorded("seed000_llama_table.json"), None, Config())
    assert len(tables) == 1
    table = tables[0]
    assert table.columns == ["parameters", "training tokens", "mmlu"]
    rows = [(r.params_b, r.tokens_t, r.mmlu) for r in rows_from_table(table)]
    assert rows == [
        (8, 15.0, 66.6),
        (70, 15.0, 79.5),
        (7, 2.0, 45.7),
        (13, 2.0, 53.8),
        (70, 2.0, 69.7),
        (65, 1.4, 63.4),
    ]
    assert {s.benchmark for s in scores_from_table(table)} == {
        "parameters",
        "training tokens",
        "mmlu",
    }


def test_index_column_names_rows_and_gives_no_scores() -> None:
    rows = [["", "parameters", "mmlu"], ["1", "8", "66.6"], ["2", "70", "79.5"], ["3", "7", "45.7"]]
    tables, _ = extract_tables(grid(rows, [20, 120, 260]), None, Config())
    table = tables[0]
    assert [r.model for r in rows_from_table(table)] == ["1", "2", "3"]
    assert [(s.model, s.benchmark) for s in scores_from_table(table)][:2] == [
        ("1", "parameters"),
        ("1", "mmlu"),
    ]


def test_yi_words_give_its_header_settings_and_grid() -> None:
    tables, flags = extract_tables(recorded("yi_base_table.json"), None, Config())
    assert len(tables) == 1
    table = tables[0]
    assert (table.n_rows, table.n_cols) == (12, 9)
    assert table.columns == [
        "Model",
        "MMLU",
        "CMMLU",
        "C-Eval",
        "GAOKAO",
        "BBH",
        "Common-sense Reasoning",
        "Reading Comprehension",
        "Math & Code",
    ]
    assert table.settings[:6] == [None, "5-shot", "5-shot", "5-shot", "0-shot", "3-shot@1"]
    assert [row[0].text for row in table.body][:4] == [
        "Yi-34B",
        "Yi-34B-200K",
        "Yi-6B",
        "Yi-6B-200K",
    ]
    # Without the numeric re-read (no image here), a cell Tesseract could not read as a
    # number is flagged, never silently turned into one.
    numeric_columns = range(1, 9)
    unreadable = [
        row[c].text
        for row in table.body
        for c in numeric_columns
        if row[c].text and not is_numeric_text(row[c].text)
    ]
    flagged = {flag.span for flag in flags if flag.kind == "low_confidence"}
    assert set(unreadable) <= flagged
    rows = rows_from_table(table)
    assert rows[0].params_b == 34.0 and rows[0].params_from_name
    assert rows[0].tokens_t is None


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared data absent")
def test_yi_page_reading_scores_mostly_right_and_missing_omitted() -> None:
    truth = json.loads((SHARED / "data" / "real" / "truth.json").read_text())["yi_base_table.png"]
    expected = {(s["model"], s["benchmark"]): s["value"] for s in truth["scores"]}
    tables, _ = extract_tables(recorded("yi_base_table.json"), None, Config())
    scores = scores_from_table(tables[0])
    assert all((s.model, s.benchmark) in expected for s in scores)  # "-" never a score
    right = sum(1 for s in scores if expected[(s.model, s.benchmark)] == s.value)
    assert right >= 80


def test_missing_decimal_point_is_repaired_with_evidence() -> None:
    rows = [
        ["Model", "Params", "MMLU"],
        ["Llama 3 8B", "8B", "666"],
        ["Llama 3 70B", "70B", "79.5"],
        ["Llama 2 7B", "7B", "45.7"],
        ["Llama 2 13B", "13B", "53.8"],
        ["Mistral 7B", "-", "60.1"],
    ]
    tables, flags = extract_tables(grid(rows, [20, 200, 320]), None, Config())
    table = tables[0]
    assert table.body[0][2].value == 66.6
    repaired = [flag for flag in flags if flag.kind == "ocr_repaired"]
    assert len(repaired) == 1
    assert repaired[0].evidence["before"] == "666" and repaired[0].evidence["after"] == "66.6"
    assert "decimal" in repaired[0].evidence["why"]
    # "-" stays missing: no value, no score.
    assert table.body[4][1].value is None
    assert [r.params_b for r in rows_from_table(table)] == [8.0, 70.0, 7.0, 13.0, None]


def test_whole_number_in_decimal_column_is_kept() -> None:
    """Yi prints 72 among 72.2 and 42.8: in range, so it is a value, not a lost point."""
    cells = [
        Cell(row=r, col=1, text=t, value=float(t))
        for r, t in enumerate(["76.3", "72", "63.2", "64", "42.8"])
    ]
    table = Table(
        box=Box(x1=0, y1=0, x2=10, y2=10),
        n_rows=5,
        n_cols=2,
        columns=["M", "MMLU"],
        body=[[Cell(row=r, col=0, text=f"m{r}"), cell] for r, cell in enumerate(cells)],
    )
    assert repair_column(table, 1) == []
    assert [row[1].value for row in table.body] == [76.3, 72.0, 63.2, 64.0, 42.8]


def test_unit_letter_read_as_digit_is_repaired() -> None:
    rows = [
        ["Model", "Params", "MMLU"],
        ["Qwen-7B", "78", "58.2"],
        ["Gemma 7B", "8.5B", "64.3"],
        ["Llama 2 13B", "13B", "54.8"],
        ["Falcon 40B", "40B", "55.4"],
    ]
    tables, flags = extract_tables(grid(rows, [20, 200, 320]), None, Config())
    assert tables[0].body[0][1].text == "7B"
    assert any(f.kind == "ocr_repaired" and f.evidence["before"] == "78" for f in flags)


def test_settings_row_and_two_line_header() -> None:
    rows = [
        ["Model", "Common-sense", "GSM8K"],
        ["", "Reasoning", ""],
        ["", "0-shot", "8-shot"],
        ["Yi-34B", "80.1", "67.2"],
        ["Qwen-14B", "73.3", "61.3"],
        ["Phi-2", "70.1", "61.1"],
    ]
    words = grid(rows, [20, 200, 360], pitch=24)
    tables, _ = extract_tables(words, None, Config())
    table = tables[0]
    assert table.columns == ["Model", "Common-sense Reasoning", "GSM8K"]
    assert table.settings == [None, "0-shot", "8-shot"]
    scores = scores_from_table(table)
    assert (scores[0].model, scores[0].benchmark, scores[0].setting, scores[0].value) == (
        "Yi-34B",
        "Common-sense Reasoning",
        "0-shot",
        80.1,
    )
    assert scores[0].model_normalised == "yi-34b"


def test_title_and_caption_stay_out_of_the_table() -> None:
    rows = [["Model", "MMLU", "GSM8K"], ["Yi-34B", "76.3", "67.2"], ["Qwen-14B", "66.3", "61.3"]]
    words = grid(rows, [20, 200, 320], top=80)
    title = [
        word(text, x, 20)
        for text, x in (
            ("WHEN", 10),
            ("THE", 60),
            ("7B", 100),
            ("MODEL", 130),
            ("BEATS", 200),
            ("70B", 260),
        )
    ]
    tables, _ = extract_tables([*title, *words], None, Config())
    assert tables[0].columns == ["Model", "MMLU", "GSM8K"]
    assert tables[0].n_rows == 2


@pytest.mark.parametrize(
    ("page", "numeric", "text"),
    [
        ("66.6", "66.6", "66.6"),
        ("Siar", "37.1", "37.1"),
        ("-", "", "-"),
        ("697", "69.7", "69.7"),
        ("72", "72", "72"),
    ],
)
def test_settle_cell_keeps_the_supported_reading(page: str, numeric: str, text: str) -> None:
    cell = Cell(
        row=0,
        col=1,
        text=page,
        confidence=80.0,
        readings={"page": page, "numeric": numeric, "numeric_confidence": "85"},
    )
    assert settle_cell(cell)[0] == text


def test_unreadable_number_is_flagged_not_guessed() -> None:
    rows = [
        ["Model", "MMLU", "GSM8K"],
        ["Yi-34B", "76.3", "67.2"],
        ["Qwen-14B", "66.3", "61.3"],
        ["Phi-2", "56.7", "61.1"],
    ]
    words = grid(rows, [20, 200, 320])
    smudged = next(w for w in words if w.text == "61.3")
    words[words.index(smudged)] = smudged.model_copy(update={"text": "Siar", "confidence": 31.0})
    tables, flags = extract_tables(words, None, Config())
    cell = tables[0].body[1][2]
    assert cell.value is None and cell.text == "Siar"
    assert [f.span for f in flags if f.kind == "low_confidence"] == ["Siar"]
    assert ("Qwen-14B", "GSM8K") not in {
        (s.model, s.benchmark) for s in scores_from_table(tables[0])
    }
