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
    # Parameters and tokens are row fields; only the benchmark is a score.
    assert {s.benchmark for s in scores_from_table(table)} == {"mmlu"}


def test_index_column_names_rows_and_gives_no_scores() -> None:
    rows = [["", "parameters", "mmlu"], ["1", "8", "66.6"], ["2", "70", "79.5"], ["3", "7", "45.7"]]
    tables, _ = extract_tables(grid(rows, [20, 120, 260]), None, Config())
    table = tables[0]
    assert [r.model for r in rows_from_table(table)] == ["1", "2", "3"]
    assert [(s.model, s.benchmark) for s in scores_from_table(table)][:2] == [
        ("1", "mmlu"),
        ("2", "mmlu"),
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


def lines_of(parts: list[tuple[str, int, int]], height: int = 14) -> list[Word]:
    """Words from (text, x, y) placements, each text's words side by side."""
    words = []
    for text, x, y in parts:
        for piece in text.split():
            words.append(word(piece, x, y, height=height))
            x += 9 * len(piece) + 5
    return words


def test_a_title_above_the_header_stays_out_of_the_first_column_name() -> None:
    rows = [
        ["Model", "Params", "MMLU"],
        ["Alpha-7B", "7", "45.3"],
        ["Beta-13B", "13", "54.8"],
        ["Gamma-70B", "70", "68.9"],
    ]
    words = grid(rows, [20, 160, 260], top=60) + lines_of([("MMLU vs scale", 20, 20)])
    table = extract_tables(words, None, Config())[0][0]
    assert table.columns == ["Model", "Params", "MMLU"]
    assert [r.mmlu for r in rows_from_table(table)] == [45.3, 54.8, 68.9]


def test_a_column_name_on_two_tight_lines_is_kept_whole() -> None:
    words = grid(
        [
            ["Model", "Params", "MMLU"],
            ["Alpha-7B", "7", "45.3"],
            ["Beta-13B", "13", "54.8"],
            ["Gamma-70B", "70", "68.9"],
        ],
        [20, 160, 260],
        top=60,
    )
    words += lines_of([("Training", 160, 44)])  # the line above "Params", 2 px apart
    table = extract_tables(words, None, Config())[0][0]
    assert table.columns[1] == "Training Params"


@pytest.mark.parametrize("centred", [False, True])
def test_a_name_wrapped_onto_two_lines_joins_its_row(centred: bool) -> None:
    """A narrow name cell breaks "Yi-34B-Chat-8bits(GPTQ)": the second line (or, with the
    row's numbers in the middle, a line above and a line below them) belongs to the row."""
    pitch, top = 48, 60
    parts = [("Model", 20, 30), ("MMLU", 200, 30), ("GSM8K", 300, 30)]
    names = [("Yi-34B-Chat-", "8bits(GPTQ)"), ("Qwen-7B", ""), ("Mistral-7B-", "Instruct")]
    for r, (first, second) in enumerate(names):
        y = top + r * pitch
        parts += [(f"{50 + r}.1", 200, y), (f"{30 + r}.5", 300, y)]
        if not second:
            parts.append((first, 20, y))
        elif centred:
            parts += [(first, 20, y - 9), (second, 20, y + 9)]
        else:
            parts += [(first, 20, y), (second, 20, y + 18)]
    table = extract_tables(lines_of(parts, height=14 if not centred else 8), None, Config())[0][0]
    assert [row[0].text for row in table.body] == [
        "Yi-34B-Chat-8bits(GPTQ)",
        "Qwen-7B",
        "Mistral-7B-Instruct",
    ]
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table)}
    assert scores[("Yi-34B-Chat-8bits(GPTQ)", "MMLU")] == 50.1
    assert scores[("Mistral-7B-Instruct", "GSM8K")] == 32.5


def test_a_group_label_between_rows_is_not_taken_for_a_wrapped_name() -> None:
    parts = [("Model", 20, 20), ("MMLU", 200, 20), ("GSM8K", 300, 20)]
    for r, name in enumerate(["Alpha-7B", "Beta-7B", "Gamma-7B", "Delta-7B"]):
        y = 60 + r * 30 + (30 if r >= 2 else 0)
        parts += [(name, 20, y), (f"{50 + r}.1", 200, y), (f"{30 + r}.5", 300, y)]
    parts.append(("Open models", 20, 120))  # as far from its neighbours as rows are
    table = extract_tables(lines_of(parts), None, Config())[0][0]
    assert [row[0].text for row in table.body] == ["Alpha-7B", "Beta-7B", "Gamma-7B", "Delta-7B"]


def test_unit_letters_read_as_digits_are_repaired_in_numbers_and_names() -> None:
    """At small sizes "7B" reads "78" and "1.4T" reads "1.47": a look-alike digit ending
    nearly every cell of a column is no chance, and a thousands group of four digits is no
    number. Names ending in digits and an 8 lose their size's B the same way."""
    rows = [
        ["Model", "Size (B)", "Tokens", "MMLU"],
        ["Alpha 78", "78", "3,0008", "45.3"],
        ["Beta 138", "138", "2,0008", "54.8"],
        ["Gamma 708", "708", "1,4008", "68.9"],
        ["Delta 1758", "1758", "3008", "60.0"],
    ]
    tables, flags = extract_tables(grid(rows, [20, 160, 260, 380]), None, Config())
    found = [(r.model, r.params_b, r.tokens_t, r.mmlu) for r in rows_from_table(tables[0])]
    assert found == [
        ("Alpha 7B", 7.0, 3.0, 45.3),
        ("Beta 13B", 13.0, 2.0, 54.8),
        ("Gamma 70B", 70.0, 1.4, 68.9),
        ("Delta 175B", 175.0, 0.3, 60.0),
    ]
    repaired = [flag for flag in flags if flag.kind == "ocr_repaired"]
    assert len(repaired) == 12 and all(flag.evidence["before"] for flag in repaired)


def test_scores_ending_in_eight_by_chance_are_left_alone() -> None:
    rows = [
        ["Model", "MMLU", "GSM8K"],
        ["Alpha-7B", "45.8", "12.8"],
        ["Beta-13B", "54.8", "30.1"],
        ["Gamma-70B", "68.8", "56.8"],
        ["Delta-7B", "40.2", "20.5"],
    ]
    tables, flags = extract_tables(grid(rows, [20, 160, 260]), None, Config())
    assert not [flag for flag in flags if flag.kind == "ocr_repaired"]
    assert [r.mmlu for r in rows_from_table(tables[0])] == [45.8, 54.8, 68.8, 40.2]


def test_a_score_column_ending_in_seven_in_every_row_keeps_its_digits() -> None:
    """Three scores of three ending in 7 ("37.27", "16.17", "62.07") is chance; with no
    other cell to compare them with, it is no lost "T"."""
    rows = [
        ["Model", "BBH", "MMLU"],
        ["Alpha-7B", "37.27", "56.36"],
        ["Beta-13B", "16.17", "9.89"],
        ["Gamma-70B", "62.07", "80.82"],
    ]
    tables, flags = extract_tables(grid(rows, [20, 160, 260]), None, Config())
    assert not [flag for flag in flags if flag.kind == "ocr_repaired"]
    assert [row[1].text for row in tables[0].body] == ["37.27", "16.17", "62.07"]


def test_a_column_whose_every_point_was_read_as_a_space_gets_them_back() -> None:
    """A monospaced column where the page read every point as a space ("61 3"), or with a
    space after it ("78. 4"): no cell prints its decimals, yet the runs after the spaces,
    all one digit long, are them."""
    rows = [
        ["Model", "BBH", "MMLU"],
        ["Alpha-7B", "45.2", "61 3"],
        ["Beta-13B", "50.1", "78. 4"],
        ["Gamma-70B", "66.0", "29 3"],
    ]
    tables, flags = extract_tables(grid(rows, [20, 160, 260]), None, Config())
    assert [r.mmlu for r in rows_from_table(tables[0])] == [61.3, 78.4, 29.3]
    repaired = {flag.evidence["before"] for flag in flags if flag.kind == "ocr_repaired"}
    assert {"61 3", "29 3"} <= repaired


def test_group_labels_between_rows_keep_one_table_and_its_header() -> None:
    """Section rows ("Base models", "Chat models") centred across the table neither end the
    header search nor split the body into headless tables."""
    parts = [
        ("Model", 20, 20),
        ("MMLU", 200, 20),
        ("GSM8K", 300, 20),
        ("Base models of every size", 100, 52),
    ]
    y = 84
    for r, name in enumerate(["Alpha-7B", "Beta-13B", "Gamma-7B", "Delta-13B"]):
        if r == 2:
            parts.append(("Chat models", 150, y + 10))
            y += 64
        parts += [(name, 20, y), (f"{50 + r}.1", 200, y), (f"{30 + r}.5", 300, y)]
        y += 30
    tables, _ = extract_tables(lines_of(parts), None, Config())
    assert len(tables) == 1
    assert tables[0].columns == ["Model", "MMLU", "GSM8K"]
    assert [row[0].text for row in tables[0].body] == [
        "Alpha-7B",
        "Beta-13B",
        "Gamma-7B",
        "Delta-13B",
    ]


def test_a_group_name_over_two_columns_prefixes_both() -> None:
    parts = [
        ("Model", 20, 40),
        ("HumanEval benchmark", 210, 20),
        ("Python", 190, 40),
        ("Multilingual", 290, 40),
        ("MBPP", 420, 40),
    ]
    for r, name in enumerate(["Alpha-7B", "Beta-13B", "Gamma-34B"]):
        y = 80 + 30 * r
        parts += [
            (name, 20, y),
            (f"{30 + r}.1", 200, y),
            (f"{20 + r}.2", 310, y),
            (f"{40 + r}.3", 420, y),
        ]
    table = extract_tables(lines_of(parts), None, Config())[0][0]
    assert table.columns == [
        "Model",
        "HumanEval benchmark Python",
        "HumanEval benchmark Multilingual",
        "MBPP",
    ]


def test_column_names_read_as_one_chunk_are_split_at_the_columns() -> None:
    words = grid(
        [
            ["Model", "Size", "GSM8K+Py", "MATH+Py"],
            ["Alpha", "7B", "48.5", "18.2"],
            ["Beta", "34B", "52.7", "23.5"],
            ["Gamma", "7B", "41.0", "18.6"],
        ],
        [20, 120, 200, 290],
    )
    table = extract_tables(words, None, Config())[0][0]
    assert table.columns == ["Model", "Size", "GSM8K+Py", "MATH+Py"]


def test_a_settings_line_keeps_the_rest_of_a_two_line_name() -> None:
    rows = [
        ["Model", "Mean", "MBPP", "GSM8K"],
        ["", "(All)", "(3-shot)", "(5-shot)"],
        ["Alpha-7B", "42.3", "26.3", "32.5"],
        ["Beta-9B", "54.4", "54.4", "52.3"],
        ["Gamma-7B", "48.2", "39.6", "35.6"],
    ]
    table = extract_tables(grid(rows, [20, 160, 260, 360], pitch=24), None, Config())[0][0]
    assert table.columns == ["Model", "Mean (All)", "MBPP", "GSM8K"]
    assert table.settings == [None, None, "3-shot", "5-shot"]


def test_models_across_the_header_give_one_row_per_model() -> None:
    """Benchmarks down the first column and models across: a row of sizes under a
    parameters label turns the table, so scores and rows are per model."""
    rows = [
        ["Models", "Alpha", "Beta", "Gamma"],
        ["# Param.", "8B", "9B", "7B"],
        ["MMLU", "61.2", "64.0", "58.3"],
        ["CMMLU", "70.1", "71.5", "66.6"],
        ["MMLU-Pro", "40.2", "44.4", "38.8"],
    ]
    table = extract_tables(grid(rows, [20, 160, 260, 360]), None, Config())[0][0]
    assert [(r.model, r.params_b, r.mmlu) for r in rows_from_table(table)] == [
        ("Alpha", 8.0, 61.2),
        ("Beta", 9.0, 64.0),
        ("Gamma", 7.0, 58.3),
    ]
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table)}
    assert scores[("Beta", "CMMLU")] == 71.5 and scores[("Gamma", "MMLU-Pro")] == 38.8
    assert not any(benchmark == "# Param." for _, benchmark in scores)
    assert len(scores) == 9


REAL = SHARED / "data" / "real" / "images"


@pytest.mark.slow
@pytest.mark.skipif(not REAL.is_dir(), reason="shared data absent")
def test_real_table_with_models_across_gives_one_row_per_model() -> None:
    """A real leaderboard listing its models across the header, with section labels
    ("Knowledge", "Code") between its rows: one table, turned, and no chart read in it."""
    from imgread.pipeline import read_image

    record = read_image(REAL / "minicpm_sala_table.png")
    assert len(record.ocr.tables) == 1 and record.charts == []
    table = record.ocr.tables[0]
    assert table.n_rows >= 12  # every benchmark row, across the section labels
    rows = rows_from_table(table)
    assert len(rows) == 6
    assert sum(1 for row in rows if row.params_b in (7.0, 8.0, 9.0)) >= 5
    scores = scores_from_table(table)
    benchmarks = {score.benchmark for score in scores}
    assert {"CMMLU", "HumanEval", "BBH"} <= benchmarks
    assert not any(score.benchmark.startswith("#") for score in scores)


@pytest.mark.slow
@pytest.mark.skipif(not REAL.is_dir(), reason="shared data absent")
def test_real_table_with_group_names_and_section_rows() -> None:
    """Group names over two columns ("HumanEval" over "Python" and "Multilingual") and
    section rows ("Pre-Trained Models") between the header and the body."""
    from imgread.pipeline import read_image

    record = read_image(REAL / "dscoder_results_table.png")
    assert record.charts == []
    table = record.ocr.tables[0]
    assert table.columns[2:4] == ["HumanEval Python", "HumanEval Multilingual"]
    assert table.n_rows >= 14  # pre-trained and instruction-tuned rows in one table
    names = [row[0].text for row in table.body]
    assert "GPT-4" in names and "StarCoder" in names


def test_a_spreadsheet_ruler_and_row_numbers_are_not_data() -> None:
    """Column letters over the header ("A B C", one read "8B") and row numbers down the
    left (the header is row 1) are the spreadsheet's, not the table's."""
    rows = [
        ["", "A", "8B", "C"],
        ["1", "Model", "MMLU", "GSM8K"],
        ["2", "Alpha-7B", "45.3", "14.6"],
        ["3", "Beta-13B", "54.8", "28.7"],
        ["4", "Gamma-70B", "68.9", "56.8"],
    ]
    table = extract_tables(grid(rows, [10, 60, 200, 300]), None, Config())[0][0]
    assert table.columns == ["Model", "MMLU", "GSM8K"]  # the row numbers are the frame's
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table)}
    assert scores == {
        ("Alpha-7B", "MMLU"): 45.3,
        ("Alpha-7B", "GSM8K"): 14.6,
        ("Beta-13B", "MMLU"): 54.8,
        ("Beta-13B", "GSM8K"): 28.7,
        ("Gamma-70B", "MMLU"): 68.9,
        ("Gamma-70B", "GSM8K"): 56.8,
    }


def test_a_header_of_short_names_is_no_ruler() -> None:
    rows = [
        ["Model", "EM", "F1", "EM", "F1"],
        ["Alpha-7B", "45.3", "50.1", "40.2", "44.0"],
        ["Beta-13B", "54.8", "60.2", "51.1", "55.5"],
        ["Gamma-70B", "68.9", "71.0", "60.3", "66.6"],
    ]
    table = extract_tables(grid(rows, [10, 160, 230, 300, 370]), None, Config())[0][0]
    assert table.columns == ["Model", "EM", "F1", "EM", "F1"]


def test_a_point_read_as_a_space_is_put_back_from_the_column() -> None:
    """Small monospaced figures leave the decimal point a gap as wide as a space, and the
    page reads "78 31": the column's other cells print two decimals, so 78.31."""
    parts = [("Model", 20, 40), ("MMLU", 200, 40)]
    for r, (name, score) in enumerate(
        [
            ("Alpha-7B", "61.13"),
            ("Beta-13B", "78 31"),
            ("Gamma-70B", "63.73"),
            ("Delta-7B", "43 31"),
        ]
    ):
        y = 70 + 30 * r
        parts.append((name, 20, y))
        # the gap a monospaced point leaves: as wide as a letter, more than a word space
        for i, piece in enumerate(score.split()):
            parts.append((piece, 200 + 30 * i, y))
    tables, flags = extract_tables(lines_of(parts), None, Config())
    assert [r.mmlu for r in rows_from_table(tables[0])] == [61.13, 78.31, 63.73, 43.31]
    assert sum(flag.kind == "ocr_repaired" for flag in flags) == 2


def test_names_get_a_version_zero_back_and_keep_numbers_that_are_no_size() -> None:
    """ "v0.8" read as "vo.8" is a version; a name that states its size ("30B") and ends
    in a number ("-2348") ends in a date or build, not in a size whose B became 8."""
    rows = [
        ["Model", "MMLU"],
        ["Alpha-30B-Instruct-2348", "61.1"],
        ["Beta-13B-vo.8", "54.8"],
        ["Gamma-708", "68.9"],
    ]
    tables, _ = extract_tables(grid(rows, [20, 300]), None, Config())
    assert [row[0].text for row in tables[0].body] == [
        "Alpha-30B-Instruct-2348",
        "Beta-13B-v0.8",
        "Gamma-70B",
    ]


def test_a_row_of_missing_values_is_still_a_row() -> None:
    """"Ibis-Turbo n/a" has no number, so it is no body line by itself; under the body's
    number column, between and around rows, it is a row whose score is missing."""
    parts = [("Models", 20, 40), ("mmlu", 200, 40)]
    names = ["Ibis-Turbo", "Alpha-34B", "Orison-Large", "Beta-7B", "Gamma-13B"]
    for r, name in enumerate(names):
        y = 80 + 30 * r
        parts += [(name, 20, y), ("n/a" if "-" in name and name[-1] != "B" else f"{60 + r}.2",
                                  200, y)]
    table = extract_tables(lines_of(parts), None, Config())[0][0]
    assert [row[0].text for row in table.body] == names
    assert table.columns == ["Models", "mmlu"]


def test_names_set_left_over_numbers_set_right_find_their_columns() -> None:
    """A settings line left-aligned in its cells ("5-shot" starts where the cell does) lies
    in the gap before its column's right-aligned numbers, and a lone name above it over an
    empty column ("Model") is that column's name, not a title."""
    parts = [("Model", 20, 30), ("5-shot", 150, 55), ("0-shot", 260, 55)]
    for r, name in enumerate(["Alpha-7B", "Beta-13B", "Gamma-70B"]):
        y = 90 + 30 * r
        parts += [(name, 20, y), (f"{50 + r}.1", 205, y), (f"{30 + r}.5", 315, y)]
    table = extract_tables(lines_of(parts), None, Config())[0][0]
    # With no image to read the missing names from, each setting names its own column.
    assert table.columns == ["Model", "5-shot", "0-shot"]


def test_shot_settings_read_with_letters_for_digits_are_mended() -> None:
    from imgread.tables.header import tidy_setting

    assert tidy_setting("S-shot") == "5-shot"
    assert tidy_setting("O-shol") == "0-shot"
    assert tidy_setting("10-shot") == "10-shot"
    assert tidy_setting("Models") == "Models"


def test_scores_ending_in_eight_keep_it_when_the_column_prints_two_decimals() -> None:
    rows = [
        ["Model", "MMLU"],
        ["Alpha-7B", "54.11"],
        ["Beta-13B", "65.58"],
        ["Gamma-70B", "73.38"],
        ["Delta-7B", "50.08"],
    ]
    tables, flags = extract_tables(grid(rows, [20, 200]), None, Config())
    assert [r.mmlu for r in rows_from_table(tables[0])] == [54.11, 65.58, 73.38, 50.08]
    assert not [flag for flag in flags if flag.kind == "ocr_repaired"]


def test_chinese_size_and_data_columns_are_row_quantities() -> None:
    rows = [
        ["模型", "参数量", "训练数据", "MMLU"],
        ["Alpha-7B", "7B", "2.0T", "45.3"],
        ["Beta-13B", "13B", "1.4T", "54.8"],
        ["Gamma-70B", "70B", "2.0T", "68.9"],
    ]
    table = extract_tables(grid(rows, [20, 160, 260, 380]), None, Config())[0][0]
    found = [(r.params_b, r.tokens_t, r.mmlu) for r in rows_from_table(table)]
    assert found == [(7.0, 2.0, 45.3), (13.0, 1.4, 54.8), (70.0, 2.0, 68.9)]
    assert {s.benchmark for s in scores_from_table(table)} == {"MMLU"}


def test_models_across_keep_their_sizes_and_tokens_when_numbers_are_repaired() -> None:
    """Decimal repairs compare a number with the others of its quantity: along the row
    when the models run across, so 141 (B) beside 14.3 and 1,400 (B tokens) beside
    scores with one decimal stay as printed."""
    rows = [
        ["Model", "Alpha-6B", "Beta-8x22B", "Gamma-14B", "Delta-7B"],
        ["Params (B)", "6", "141", "14.3", "7"],
        ["Tokens (B)", "1,400", "-", "4,000", "2,000"],
        ["MMLU", "57.0", "37.8", "77.6", "32.7"],
        ["BBH", "63.2", "31.9", "56.7", "61.7"],
        ["HumanEval", "62.9", "12.8", "45.9", "51.8"],
    ]
    table = extract_tables(grid(rows, [20, 160, 290, 420, 550]), None, Config())[0][0]
    assert [(r.model, r.params_b, r.tokens_t, r.mmlu) for r in rows_from_table(table)] == [
        ("Alpha-6B", 6.0, 1.4, 57.0),
        ("Beta-8x22B", 141.0, None, 37.8),
        ("Gamma-14B", 14.3, 4.0, 77.6),
        ("Delta-7B", 7.0, 2.0, 32.7),
    ]


def test_scores_printed_with_their_spread_score_the_mean() -> None:
    rows = [
        ["Model", "ARC-C", "MMLU", "GSM8K"],
        ["Alpha-7B", "45.97±1.5", "64.20", "87.43+1.8"],
        ["Beta-13B", "80.97±2.4", "–", "52.92±1.4"],
        ["Gamma-70B", "18.61", "26.58±1.3", "8.79±1.7"],
    ]
    table = extract_tables(grid(rows, [20, 160, 300, 420]), None, Config())[0][0]
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table)}
    assert scores == {
        ("Alpha-7B", "ARC-C"): 45.97, ("Alpha-7B", "MMLU"): 64.2, ("Alpha-7B", "GSM8K"): 87.43,
        ("Beta-13B", "ARC-C"): 80.97, ("Beta-13B", "GSM8K"): 52.92,
        ("Gamma-70B", "ARC-C"): 18.61, ("Gamma-70B", "MMLU"): 26.58, ("Gamma-70B", "GSM8K"): 8.79,
    }


def test_a_table_of_benchmark_scores_alone_still_lists_its_models() -> None:
    rows = [
        ["Model", "ARC-C", "BBH"],
        ["Alpha-7B", "45.9", "64.2"],
        ["Beta", "80.9", "52.9"],
        ["Gamma-70B", "18.6", "26.5"],
    ]
    table = extract_tables(grid(rows, [20, 160, 300]), None, Config())[0][0]
    assert [(r.model, r.params_b, r.tokens_t, r.mmlu) for r in rows_from_table(table)] == [
        ("Alpha-7B", 7.0, None, None),
        ("Beta", None, None, None),
        ("Gamma-70B", 70.0, None, None),
    ]


def test_a_header_line_starts_the_table_and_a_status_bar_above_is_no_row() -> None:
    """A phone screenshot: the clock and battery are numbers, then text, then the table.
    The header line between them ends whatever run of rows came before."""
    words = [word("9:15", 20, 5), word("87%", 500, 5), word("Back", 20, 60)]
    words += [word("Base", 20, 120), word("model", 70, 120), word("comparison", 140, 120)]
    rows = [
        ["Models", "MMLU", "TriviaQA", "WinoGrande"],
        ["Alpha-7B", "75.8", "40.3", "55.8"],
        ["Beta-70B", "41.2", "-", "62.8"],
        ["Gamma-13B", "26.2", "48.3", "81.6"],
    ]
    words += grid(rows, [20, 200, 300, 420], top=200)
    table = extract_tables(words, None, Config())[0][0]
    assert table.columns == ["Models", "MMLU", "TriviaQA", "WinoGrande"]
    assert [r.model for r in rows_from_table(table)] == ["Alpha-7B", "Beta-70B", "Gamma-13B"]


def test_footnote_daggers_read_as_letters_are_cut_where_the_page_declares_them() -> None:
    rows = [
        ["Model", "MMLU", "BBH"],
        ["GPT-4t", "86.4", "83.1"],
        ["Alpha-13B-Instructt", "55.5", "34.0"],
        ["Beta-30B-AWQ+", "35.6", "58.7"],
        ["Gamma-7B-Instruct", "56.4", "81.5"],
    ]
    words = grid(rows, [20, 260, 360])
    footnote = grid([["t results reported by the original authors"]], [20], top=200)
    names = [r.model for r in rows_from_table(extract_tables(words, None, Config())[0][0])]
    assert names == ["GPT-4t", "Alpha-13B-Instructt", "Beta-30B-AWQ+", "Gamma-7B-Instruct"]
    table = extract_tables(words + footnote, None, Config())[0][0]
    assert [r.model for r in rows_from_table(table)] == [
        "GPT-4", "Alpha-13B-Instruct", "Beta-30B-AWQ", "Gamma-7B-Instruct"
    ]


def test_known_words_of_model_names_are_respelled_from_look_alikes() -> None:
    rows = [
        ["Model", "MMLU", "BBH"],
        ["deepseek-Ilm-7b", "86.4", "83.1"],
        ["Mistral-7B-Chat-GPTO-Int4", "55.5", "34.0"],
        ["Owen/Owen1.5-7B", "35.6", "58.7"],
    ]
    table = extract_tables(grid(rows, [20, 300, 400]), None, Config())[0][0]
    assert [r.model for r in rows_from_table(table)] == [
        "deepseek-llm-7b", "Mistral-7B-Chat-GPTQ-Int4", "Qwen/Qwen1.5-7B"
    ]


def test_a_column_read_without_its_points_gets_them_back_from_its_boxes() -> None:
    """Small figures: a whole column lost its decimal points (755 for 75.5) while the
    table's other columns kept theirs. Each box is as wide as three digits and a point, as
    wide as the 75.3 beside it; the whole numbers of the size column are not."""
    rows = [
        ["Alpha-20B", "20", "27.0", "48.5", "755"],
        ["Beta-141B", "141", "46.1", "25.1", "34.9"],
        ["Gamma-7B", "7", "52.3", "28.9", "754"],
        ["Delta-40B", "40", "65.0", "34.2", "677"],
        ["Eps-405B", "405", "75.3", "53.6", "716"],
    ]
    words = [word(text, x, 10) for text, x in zip(["Model", "Size", "BBH", "CMMLU", "MMLU"],
                                                  [20, 160, 240, 320, 400], strict=True)]
    for r, cells in enumerate(rows):
        for text, x in zip(cells, [20, 160, 240, 320, 400], strict=True):
            units = sum(ch.isdigit() for ch in text) + (0.4 if "." in text else 0.0)
            width = 9 * len(text) if x == 20 else round(10 * units)
            if x == 400:
                width = 34  # printed with its point, read without
            words.append(Word(text=text, confidence=95.0,
                              box=Box(x1=x, y1=40 + 30 * r, x2=x + width, y2=54 + 30 * r)))
    table = extract_tables(words, None, Config())[0][0]
    assert [r.mmlu for r in rows_from_table(table)] == [75.5, 34.9, 75.4, 67.7, 71.6]
    assert [r.params_b for r in rows_from_table(table)] == [20.0, 141.0, 7.0, 40.0, 405.0]


def test_a_row_of_scores_whose_name_was_not_read_asks_the_second_reader() -> None:
    from imgread.tables.second import doubtful_cells

    rows = [
        ["Model", "MMLU", "GSM8K"],
        ["Yi-34B", "76.3", "67.2"],
        ["Qwen-14B", "66.3", "61.3"],
        ["Phi-2", "56.7", "61.1"],
    ]
    words = [w for w in grid(rows, [20, 200, 320]) if w.text != "Qwen-14B"]
    table, spans = extract_tables(words, None, Config())[0][0], [(0, 150), (150, 280), (280, 400)]
    asked = [(cell.row, cell.col, numeric) for cell, _, numeric in
             doubtful_cells(table, spans, 14.0, 60.0)]
    assert asked == [(1, 0, False)]


def test_a_flat_stroke_read_as_a_digit_is_the_dash_of_a_missing_value() -> None:
    rows = [
        ["Model", "Tokens", "BBH"],
        ["Alpha-7B", "6,000B", "59.8"],
        ["Beta-13B", "1", "77.5"],
        ["Gamma-70B", "3,000B", "46.1"],
    ]
    words = grid(rows, [20, 200, 320])
    dash = next(w for w in words if w.text == "1")
    words[words.index(dash)] = dash.model_copy(
        update={"box": Box(x1=dash.box.x1, y1=dash.box.y1 + 6, x2=dash.box.x1 + 7,
                           y2=dash.box.y1 + 8)}
    )
    table = extract_tables(words, None, Config())[0][0]
    assert [r.tokens_t for r in rows_from_table(table)] == [6.0, None, 3.0]
    assert table.body[1][1].text == "-" and table.body[1][1].readings["page"] == "1"


def test_a_setting_wrapped_after_its_hyphen_is_one_setting() -> None:
    """A narrow column wraps "3-5-shot" as "3-5-" over "shot": joined, it is the
    column's setting, not the end of its name."""
    words = lines_of([
        ("Model", 20, 10), ("CMMLU", 200, 10), ("AGIEval", 320, 10), ("MMLU", 440, 10),
        ("3-5-", 320, 40), ("5-", 440, 40),
        ("5-shot", 200, 60), ("shot", 320, 60), ("shot", 440, 60),
    ])
    words += grid([["Alpha-7B", "56.32", "31.31", "58.86"], ["Beta-6B", "77.03", "48.58",
                    "42.22"], ["Gamma-8x7B", "65.31", "30.93", "80.26"]], [20, 200, 320, 440],
                  top=100)
    table = extract_tables(words, None, Config())[0][0]
    assert table.columns == ["Model", "CMMLU", "AGIEval", "MMLU"]
    assert table.settings == [None, "5-shot", "3-5-shot", "5-shot"]


def test_between_two_column_rules_is_one_column_however_its_cells_are_aligned() -> None:
    from imgread.tables.layout import find_layouts

    words = []
    for r, (name, first, second) in enumerate(
        [("Alpha-7B", "42.1", "26.5"), ("Beta-30B", "49.4", "18.0"), ("Gamma-12B", "81.1", "12.8"),
         ("Delta-67B", "87.1", "37.4")]
    ):
        y = 40 + 30 * r
        words += [word(name, 10, y), word(second, 260, y)]
        # the first score column's cells sit left in some rows and right in others
        words.append(word(first, 130 if r % 2 else 190, y))
    rules = [Box(x1=x - 1, y1=30, x2=x + 1, y2=160) for x in (5, 120, 240, 320)]
    plain = find_layouts(words, 3, 2)[0]
    ruled = find_layouts(words, 3, 2, rules)[0]
    assert len(plain.ranges) == 4  # the text alone: two columns where there is one
    assert len(ruled.ranges) == 3


def test_a_spreadsheet_ruler_with_a_letter_lost_is_still_the_ruler() -> None:
    rows = [
        ["", "A", "B", "Cc", "D", "F"],
        ["1", "Model", "MMLU", "GSM8K", "BBH", "MATH"],
        ["2", "Alpha-7B", "45.3", "14.6", "33.1", "12.0"],
        ["3", "Beta-13B", "54.8", "28.7", "40.2", "17.5"],
        ["4", "Gamma-70B", "68.9", "56.8", "61.0", "30.4"],
    ]
    table = extract_tables(grid(rows, [10, 60, 200, 300, 400, 500]), None, Config())[0][0]
    assert table.columns == ["Model", "MMLU", "GSM8K", "BBH", "MATH"]  # row numbers: frame


def test_a_line_of_dashes_between_header_and_rows_names_no_column() -> None:
    """What is left of a band's edge or a rule reads as dashes: it is no header line."""
    words = grid([["Model", "Params", "MMLU"]], [20, 200, 320], top=10)
    words += grid([["—", "—", "—"]], [20, 200, 320], top=30)
    words += grid([["Alpha-7B", "7B", "60.1"], ["Beta-13B", "13B", "46.9"],
                   ["Gamma-70B", "70B", "68.9"]], [20, 200, 320], top=60)
    table = extract_tables(words, None, Config())[0][0]
    assert table.columns == ["Model", "Params", "MMLU"]


def test_chinese_magnitudes_make_a_column_of_sizes_and_tokens() -> None:
    rows = [
        ["模型", "参数量", "训练数据", "MMLU"],
        ["百川2-13B", "130亿", "2.6万亿", "59.2"],
        ["Yi-34B", "340亿", "3万亿", "76.3"],
        ["通义千问-7B", "70亿", "2.4万亿", "58.2"],
    ]
    table = extract_tables(grid(rows, [20, 200, 320, 440]), None, Config())[0][0]
    assert [(r.params_b, r.tokens_t, r.mmlu) for r in rows_from_table(table)] == [
        (13.0, 2.6, 59.2), (34.0, 3.0, 76.3), (7.0, 2.4, 58.2)
    ]


def test_a_header_whose_last_name_smudged_into_a_digit_is_no_row() -> None:
    words = [word("9:45", 20, 5), word("91%", 500, 5)]
    words += grid([["Model", "Params", "GSM8K"]], [20, 200, 320], top=60)
    words.append(word("4", 440, 60, confidence=26.0))
    words += grid([["Alpha-7B", "7", "60.1", "55.0"], ["Beta-13B", "13", "46.9", "50.2"],
                   ["Gamma-70B", "70", "68.9", "61.3"]], [20, 200, 320, 440], top=90)
    table = extract_tables(words, None, Config())[0][0]
    assert [r.model for r in rows_from_table(table)] == ["Alpha-7B", "Beta-13B", "Gamma-70B"]


@pytest.mark.parametrize(
    ("page", "numeric", "text"), [("68", "68.2", "68.2"), ("43", "143.5", "43")]
)
def test_ink_beside_the_page_reading_is_taken_in_only_by_a_reading_that_extends_it(
    page: str, numeric: str, text: str
) -> None:
    """The page stopped short ("68" of "68.2"): the wider re-read wins, and the column's
    other cells, read without their points, do not undo it. A re-read that puts a rule
    before the number ("143.5") is no extension."""
    from imgread.tables.repairs import prefer_column_shape

    readings = {"page": page, "numeric": numeric, "numeric_confidence": "91",
                "unread_ink": "beside the page's reading"}
    cell = Cell(row=0, col=1, text=page, confidence=97.0, readings=readings)
    cell.text = settle_cell(cell)[0]
    others = [Cell(row=r, col=1, text=t, confidence=97.0, readings={"page": t, "numeric": t})
              for r, t in enumerate(["57", "56", "53"], start=1)]
    prefer_column_shape([cell, *others])
    assert cell.text == text


def test_a_section_label_set_midway_between_rows_is_no_wrapped_name() -> None:
    """A label at the table's row pitch sits a little nearer the row above when that row's
    letters hang below the line ("Qwen"): still a label, as far from one row as the other."""
    parts = [("Model", 20, 20), ("MMLU", 200, 20), ("GSM8K", 300, 20)]
    for r, (name, y) in enumerate([("Alpha-7B", 44), ("Beta-7B", 74), ("Gamma-7B", 130),
                                   ("Delta-7B", 160)]):
        parts += [(name, 20, y), (f"{50 + r}.1", 200, y), (f"{30 + r}.5", 300, y)]
    parts.append(("Ours", 20, 99))  # 11 px under Beta's line, 17 px over Gamma's
    table = extract_tables(lines_of(parts), None, Config())[0][0]
    assert [row[0].text for row in table.body] == ["Alpha-7B", "Beta-7B", "Gamma-7B", "Delta-7B"]


def test_a_section_label_under_the_header_is_not_part_of_the_first_column_name() -> None:
    parts = [("Model", 20, 20), ("MMLU", 200, 20), ("GSM8K", 300, 20), ("Base models", 20, 52)]
    for r, name in enumerate(["Alpha-7B", "Beta-13B", "Gamma-7B"]):
        y = 76 + 30 * r
        parts += [(name, 20, y), (f"{50 + r}.1", 200, y), (f"{30 + r}.5", 300, y)]
    table = extract_tables(lines_of(parts), None, Config())[0][0]
    assert table.columns == ["Model", "MMLU", "GSM8K"]
    assert [row[0].text for row in table.body] == ["Alpha-7B", "Beta-13B", "Gamma-7B"]


def test_a_group_title_over_benchmarks_named_in_full_is_not_part_of_their_names() -> None:
    parts = [
        ("Reasoning", 230, 20),
        ("Code", 410, 20),
        ("Model", 20, 40),
        ("BBH", 200, 40),
        ("GSM8K", 300, 40),
        ("HumanEval", 400, 40),
    ]
    for r, name in enumerate(["Alpha-7B", "Beta-13B", "Gamma-34B"]):
        y = 80 + 30 * r
        parts += [(name, 20, y), (f"{30 + r}.1", 200, y), (f"{20 + r}.2", 300, y),
                  (f"{40 + r}.3", 410, y)]
    table = extract_tables(lines_of(parts), None, Config())[0][0]
    assert table.columns == ["Model", "BBH", "GSM8K", "HumanEval"]


def test_a_paper_table_with_groups_sections_and_booktabs_rules(tmp_path: Path) -> None:
    """Drawn as a paper prints it: a caption, group titles over partial rules, a section
    label under the header rule and one between rows, no vertical rules."""
    from PIL import Image, ImageDraw, ImageFont

    from imgread.pipeline import Job, process_batch

    face = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 30)
    image = Image.new("RGB", (1100, 560), "white")
    draw = ImageDraw.Draw(image)
    xs = [40, 330, 520, 720, 900]  # column centres after the first, left-set names
    draw.text((40, 20), "Table 2: Results of open models.", fill="black", font=face)
    draw.line((30, 80, 1070, 80), fill="black", width=3)
    draw.text((470, 90), "Reasoning", fill="black", font=face)
    draw.line((300, 130, 780, 130), fill="black", width=1)
    draw.text((860, 90), "Code", fill="black", font=face)
    draw.line((820, 130, 1060, 130), fill="black", width=1)
    for x, name in zip(xs, ["Model", "BBH", "GSM8K", "MATH", "HumanEval"], strict=True):
        draw.text((x if x == 40 else x - face.getlength(name) / 2 + 80, 140), name,
                  fill="black", font=face)
    draw.line((30, 185, 1070, 185), fill="black", width=1)
    rows = [("Base models", None), ("Qwen-14B", (53.4, 61.3, 24.8, 32.3)),
            ("Yi-34B", (54.3, 67.2, 14.4, 23.2)), ("Chat models", None),
            ("Mistral-7B", (39.5, 40.2, 12.7, 30.5)), ("Gemma-7B", (55.1, 46.4, 24.3, 32.3))]
    y = 195
    for name, values in rows:
        draw.text((40, y), name, fill=(70, 70, 70) if values is None else "black", font=face)
        for x, value in zip(xs[1:], values or (), strict=False):
            text = f"{value:.1f}"
            draw.text((x - face.getlength(text) / 2 + 80, y), text, fill="black", font=face)
        y += 50
    draw.line((30, y + 5, 1070, y + 5), fill="black", width=3)
    path = tmp_path / "paper.png"
    image.save(path)
    record = process_batch([Job(path=path)], Config())[0]
    (table,) = record.ocr.tables
    assert table.columns == ["Model", "BBH", "GSM8K", "MATH", "HumanEval"]
    assert [row[0].text for row in table.body] == ["Qwen-14B", "Yi-34B", "Mistral-7B", "Gemma-7B"]


def test_names_set_close_over_a_settings_line_are_split_at_their_columns() -> None:
    """Narrow columns set their names a few pixels apart, read as one unsure piece; under
    them a settings line ("0-shot", "mc2", "5-shot" with its hyphen lost)."""
    words = [word("Name", 16, 36)]
    words += [word(text, x, 36, confidence=41.0)
              for text, x in [("Winogrande", 120), ("TruthfulQA", 216), ("MMLU", 312)]]
    words += lines_of([("0-shot", 140, 56), ("mc2", 250, 56), ("Sshot", 310, 56)])
    for r, name in enumerate(["Alpha-7B", "Beta-13B", "Gamma-7B"]):
        y = 84 + 26 * r
        words += lines_of([(name, 16, y), (f"5{r}.88", 140, y), (f"4{r}.33", 245, y),
                           (f"4{r}.20", 310, y)])
    table = extract_tables(words, None, Config())[0][0]
    assert table.columns == ["Name", "Winogrande", "TruthfulQA", "MMLU"]
    assert table.settings == [None, "0-shot", "mc2", "5-shot"]


def test_a_column_name_broken_after_its_hyphen_is_no_group_title() -> None:
    """"C-" over "Eval": the lower piece is near a known benchmark, not one by itself."""
    parts = [("Model", 20, 30), ("C-", 200, 20), ("Eval", 196, 38), ("ARC-", 300, 20),
             ("C", 310, 38), ("MMLU", 400, 30)]
    for r, name in enumerate(["Alpha-7B", "Beta-13B", "Gamma-7B"]):
        y = 70 + 30 * r
        parts += [(name, 20, y), (f"5{r}.1", 200, y), (f"4{r}.2", 300, y), (f"6{r}.3", 400, y)]
    table = extract_tables(lines_of(parts), None, Config())[0][0]
    assert table.columns == ["Model", "C-Eval", "ARC-C", "MMLU"]


def test_a_size_under_a_name_broken_after_its_hyphen_ends_the_name() -> None:
    parts = [("Model", 20, 20), ("MMLU", 200, 20), ("GSM8K", 300, 20)]
    for r, (first, second) in enumerate([("BLOOM-", "7.1B"), ("Qwen-7B", ""), ("MPT-", "30B")]):
        y = 60 + 48 * r
        parts += [(first, 20, y), (f"5{r}.1", 200, y), (f"3{r}.5", 300, y)]
        if second:
            parts.append((second, 20, y + 18))
    table = extract_tables(lines_of(parts), None, Config())[0][0]
    assert [row[0].text for row in table.body] == ["BLOOM-7.1B", "Qwen-7B", "MPT-30B"]


def test_a_reread_of_a_two_line_name_that_reads_one_line_keeps_the_page_reading() -> None:
    """The page read "ARC-" over "C" as "ARC-C"; read again as one line, the crop gives
    only "ARC-": part of what the page read is a line lost, not a correction."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from imgread.config import PreprocessSettings
    from imgread.preprocess import prepare
    from imgread.tables.cells import reread_text

    face = ImageFont.truetype("/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf", 22)
    image = Image.new("RGB", (300, 120), "white")
    draw = ImageDraw.Draw(image)
    for x, y, text in [(100, 20, "ARC-"), (20, 33, "Model"), (200, 33, "MMLU")]:
        draw.text((x, y), text, fill="black", font=face)
    prepared, _, _ = prepare(np.asarray(image), PreprocessSettings())
    cell = Cell(row=0, col=1, text="ARC-C", confidence=70.0, box=Box(x1=98, y1=20, x2=150, y2=70))
    reread_text([(cell, cell.box)], 20.0, prepared, Config().ocr, "header")
    assert cell.readings["header"] == "ARC-"  # what the re-read saw
    assert cell.text == "ARC-C"
