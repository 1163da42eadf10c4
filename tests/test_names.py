"""The benchmark lexicon and the closest-name match for column names OCR was unsure of."""

from __future__ import annotations

from pathlib import Path

from imgread.config import Config
from imgread.names import closest_benchmark, known_benchmarks
from imgread.record import Box, Word
from imgread.tables import extract_tables


def test_misreads_within_reach_become_the_known_name() -> None:
    assert closest_benchmark("GsMek") == "GSM8K"  # s/S, e/8: one edit, a look-alike free
    assert closest_benchmark("HellaSweg") == "HellaSwag"
    assert closest_benchmark("Wlinogrande") == "Winogrande"


def test_known_far_and_ambiguous_names_are_left_alone() -> None:
    assert closest_benchmark("MMMU") is None  # a benchmark of its own, not MMLU misread
    assert closest_benchmark("Mmtu") is None  # one edit from both MMLU and MMMU
    assert closest_benchmark("Params") is None
    assert closest_benchmark("Reading Comprehension") is None


def test_users_extend_the_lexicon(tmp_path: Path) -> None:
    extra = tmp_path / "mine.txt"
    extra.write_text("# ours\nZebraLogic\n")
    names = known_benchmarks(extra)
    assert "ZebraLogic" in names and "MMLU" in names
    assert closest_benchmark("ZebraLog1c", names) == "ZebraLogic"
    assert closest_benchmark("ZebraLog1c") is None


def _word(text: str, x: int, y: int, confidence: float) -> Word:
    return Word(
        text=text, confidence=confidence, box=Box(x1=x, y1=y, x2=x + 9 * len(text), y2=y + 14)
    )


def test_only_unsure_column_names_are_matched() -> None:
    words = [
        _word("Model", 20, 20, 95),
        _word("GsMek", 160, 20, 40),
        _word("HellaSweg", 260, 20, 96),
    ]
    for r, (name, a, b) in enumerate(
        [("Alpha", "50.1", "70.2"), ("Beta", "52.3", "71.9"), ("Gamma", "49.0", "69.5")]
    ):
        y = 50 + 30 * r
        words += [_word(name, 20, y, 95), _word(a, 160, y, 95), _word(b, 260, y, 95)]
    tables, flags = extract_tables(words, None, Config())
    assert tables[0].columns == ["Model", "GSM8K", "HellaSweg"]  # the sure one stays as read
    repaired = [f for f in flags if f.kind == "ocr_repaired"]
    assert [(f.evidence["before"], f.evidence["after"]) for f in repaired] == [("GsMek", "GSM8K")]
