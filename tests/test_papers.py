"""Paper tables as PDF viewers show them: running text around the table, a two-column
page, section labels under booktabs rules, two-level headers, spreads and raised marks."""

from __future__ import annotations

from pathlib import Path

from imgread.config import Config, load_config
from imgread.record import Box, Word
from imgread.tables import extract_tables, rows_from_table, scores_from_table
from imgread.units import parse_number

FIXTURES = Path(__file__).parent / "fixtures" / "papers"


def word(text: str, x: int, y: int, confidence: float = 95.0, height: int = 14) -> Word:
    width = max(8, 9 * len(text))
    return Word(text=text, confidence=confidence, box=Box(x1=x, y1=y, x2=x + width, y2=y + height))


def lines_of(parts: list[tuple[str, int, int]], confidence: float = 95.0) -> list[Word]:
    """Words from (text, x, y) placements, each text's words a word space apart."""
    words = []
    for text, x, y in parts:
        for piece in text.split():
            words.append(word(piece, x, y, confidence))
            x += 9 * len(piece) + 5
    return words


SENTENCES = [
    "we evaluate every model on the same benchmarks",
    "and report the mean of three runs with other seeds",
    "the gains are largest on tasks that need reasoning",
    "as the table shows our model is the best of its size",
    "scores of closed models are taken from their reports",
    "data contamination is discussed in the appendix",
]


def _table(top: int) -> list[tuple[str, int, int]]:
    parts = [("Model", 20, top), ("MMLU", 200, top), ("GSM8K", 280, top)]
    for r, name in enumerate(["Alpha-7B", "Beta-13B", "Gamma-34B"]):
        y = top + 26 * (r + 1)
        parts += [(name, 20, y), (f"5{r}.1", 200, y), (f"3{r}.4", 280, y)]
    return parts


def test_a_sentence_under_the_table_that_ends_in_a_number_is_no_row() -> None:
    """"... the best of its size" and then "15.3%" a word space on: two pieces, one of them
    a number, like a row; a sentence is no row."""
    parts = _table(20)
    parts += [("we find that the gains of our model are largest", 20, 130), ("15.3%", 470, 130)]
    (table,), _ = extract_tables(lines_of(parts), None, Config())
    assert [row[0].text for row in table.body] == ["Alpha-7B", "Beta-13B", "Gamma-34B"]
    assert table.n_cols == 3


def test_a_two_column_page_reads_the_table_apart_from_the_text_beside_it() -> None:
    """The right column's lines run beside the table's rows at other heights: read as one
    page, they join its rows and header."""
    parts = [(SENTENCES[i], 20, 20 + 20 * i) for i in range(3)]
    parts += _table(100)
    parts += [(SENTENCES[i], 20, 220 + 20 * i) for i in range(3, 6)]
    parts += [(SENTENCES[i % 6], 480, 12 + 21 * i) for i in range(13)]  # the other column
    tables, _ = extract_tables(lines_of(parts), None, Config())
    (table,) = [t for t in tables if t.columns[1:] == ["MMLU", "GSM8K"]]
    assert [row[0].text for row in table.body] == ["Alpha-7B", "Beta-13B", "Gamma-34B"]
    assert [row[2].text for row in table.body] == ["30.4", "31.4", "32.4"]


def test_a_section_label_a_row_pitch_above_its_rows_is_no_part_of_a_name() -> None:
    """A rule and its padding above the label set it nearer the row below than the row
    above; it is still a whole row pitch above that row, whose name is its own."""
    parts = [("Model", 20, 20), ("MMLU", 200, 20), ("GSM8K", 300, 20)]
    ys = {"Alpha-7B": 50, "Beta-7B": 76, "Gamma-7B": 130, "Delta-7B": 156}
    for r, (name, y) in enumerate(ys.items()):
        parts += [(name, 20, y), (f"{50 + r}.1", 200, y), (f"{30 + r}.5", 300, y)]
    # 14 px under Beta, 8 px over Gamma (its descenders make its box taller), its centre a
    # whole row pitch (24 of 26 px) over Gamma's
    label = [word("Proprietary", 20, 104, height=18), word("models", 124, 104, height=18)]
    (table,), _ = extract_tables(lines_of(parts) + label, None, Config())
    assert [row[0].text for row in table.body] == list(ys)


def test_a_group_title_over_names_set_on_two_lines_is_no_part_of_them() -> None:
    parts = [("Reasoning", 230, 17), ("Model", 20, 40), ("Hella", 200, 32), ("Swag", 200, 48),
             ("ARC-C", 300, 40)]
    for r, name in enumerate(["Alpha-7B", "Beta-13B", "Gamma-34B"]):
        y = 80 + 26 * r
        parts += [(name, 20, y), (f"5{r}.1", 200, y), (f"3{r}.4", 300, y)]
    (table,), _ = extract_tables(lines_of(parts), None, Config())
    assert table.columns == ["Model", "Hella Swag", "ARC-C"]


def test_an_unsure_benchmark_name_over_its_settings_is_kept() -> None:
    """"GSM8K" over "0-shot" and "8-shot", read unsure: a benchmark's name, not a smudge."""
    words = lines_of([("Model", 20, 40), ("0-shot", 195, 40), ("8-shot", 265, 40)])
    words += lines_of([("GSM8K", 235, 27)], confidence=50.0)  # over both columns
    for r, name in enumerate(["Alpha-7B", "Beta-13B", "Gamma-34B"]):
        words += lines_of([(name, 20, 70 + 26 * r), (f"5{r}.1", 205, 70 + 26 * r),
                           (f"3{r}.4", 275, 70 + 26 * r)])
    (table,), _ = extract_tables(words, None, Config())
    assert table.columns == ["Model", "GSM8K", "GSM8K"]
    assert table.settings == [None, "0-shot", "8-shot"]


def test_a_mean_whose_spread_sign_was_misread_is_the_mean() -> None:
    assert parse_number("83.441.7") == 83.4  # "±" read as "4"
    assert parse_number("47.0£1.7") == 47.0
    assert parse_number("80.97t2.45") == 80.97
    assert parse_number("12.3 4.5") is None  # two numbers a space apart stay two


def test_rows_of_spreads_read_unsure_are_rows() -> None:
    """Tesseract reads a "±" unsurely and the whole cell with it: every number of a row
    is unsure, yet a mean and its spread is a number."""
    words = lines_of([("Model", 20, 20), ("MMLU", 200, 20), ("GSM8K", 300, 20)])
    for r, name in enumerate(["Alpha-7B", "Beta-13B", "Gamma-34B"]):
        y = 50 + 26 * r
        words += lines_of([(name, 20, y)])
        words += lines_of([(f"5{r}.4±1.{r}", 200, y), (f"3{r}.1£0.{r + 2}", 300, y)], 20.0)
    (table,), _ = extract_tables(words, None, Config())
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table)}
    assert scores[("Beta-13B", "MMLU")] == 51.4
    assert scores[("Gamma-34B", "GSM8K")] == 32.1


def test_raised_footnote_marks_after_names_are_cut() -> None:
    parts = [("Model", 20, 20), ("MMLU", 200, 20), ("GSM8K", 300, 20)]
    for r, name in enumerate(["Gemma-2B{", "Yi-34B°", "Qwen-14B*", "Phi-2"]):
        y = 50 + 26 * r
        parts += [(name, 20, y), (f"5{r}.1", 200, y), (f"3{r}.4", 300, y)]
    (table,), flags = extract_tables(lines_of(parts), None, Config())
    assert [row[0].text for row in table.body] == ["Gemma-2B", "Yi-34B", "Qwen-14B", "Phi-2"]
    assert sum(1 for flag in flags if "raised footnote" in flag.message) == 3


def _read(name: str) -> list:
    from imgread.pipeline import Job, process_batch

    return process_batch([Job(path=FIXTURES / name)], load_config())[0].ocr.tables


def test_a_table_beside_the_other_column_of_a_two_column_page() -> None:
    tables = _read("two_column.jpg")
    table = next(t for t in tables if "TriviaQA" in t.columns)
    # the benchmark is named over both its columns (its title may read split: "TriviaQ A")
    assert [name.replace(" ", "") for name in table.columns] == [
        "Model", "TriviaQA", "TriviaQA", "GSM8K", "GSM8K"
    ]
    assert table.settings[3] == "0-shot" and (table.settings[4] or "").endswith("-shot")
    scores = {(s.model, s.benchmark, s.setting): s.value for s in scores_from_table(table)}
    assert scores[("Vicuna-13B", "GSM8K", "0-shot")] == 85.8
    assert scores[("Baichuan2-13B", "GSM8K", table.settings[4])] == 36.8
    assert len(table.body) == 8


def test_section_labels_under_booktabs_rules_and_a_two_line_header() -> None:
    (table,) = _read("sections.png")
    assert [row[0].text for row in table.body] == [
        "Phi-2", "InternLM-20B", "ChatGLM3-6B", "Llama-2-7B", "Llama-2-13B"
    ]
    assert table.columns[2:] == ["Hella Swag", "ARC-C", "Wino grande"]
    rows = {(r.model, r.params_b) for r in rows_from_table(table)}
    assert ("InternLM-20B", 20.0) in rows
