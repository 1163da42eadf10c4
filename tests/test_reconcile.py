"""Reconciler: rows from flat OCR text, repairs with evidence, and flags on VLM statements.

The seed cases read the recorded OCR text and VLM outputs from ../shared/seeds at run time
(skipped when shared/ is absent); the other cases use tables and statements written here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import imgread.tables
from imgread.config import Config
from imgread.importer import parse_seed_file
from imgread.pipeline import Work
from imgread.reconcile import evidence, reconcile_texts, run
from imgread.reconcile.flat import recover_rows
from imgread.record import (
    FLAG_KINDS,
    Axis,
    AxisTick,
    Box,
    Cell,
    Chart,
    ChartPoint,
    Description,
    Flag,
    PromptRef,
    Record,
    Row,
    Series,
    Table,
    Word,
)

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "flags.py"

# A flattened pandas frame written for these tests: LLaMA 1 sizes, tokens and MMLU, with an
# index column, a degree sign, two merged cells and three lost decimal points.
OWN_FLAT = ("Model Sizes And Scores parameters training tokens mmlu "
            "1° 7 10 351 2 13 1.0 46.9 333 14 57.8 4 65 1.4 634")


def seed(prefix: str):
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip("shared/seeds is not beside the repository")
    return parse_seed_file(found[0])


def describe(model: str, text: str, kind: str = "simple") -> Description:
    return Description(model=model, kind=kind, prompt=PromptRef(name=kind, sha256=""), text=text)


def by_source(flags: list[Flag], source: str) -> list[tuple[str, str]]:
    return sorted((f.kind, str(f.evidence.get("claim", ""))) for f in flags if f.source == source)


def test_seed_000_rows_recovered_from_flat_ocr_text() -> None:
    record = seed("000")
    result = reconcile_texts(record.ocr_text, [])
    rows = [(r.index, r.params_b, r.tokens_t, r.mmlu) for r in result.rows]
    assert rows == [
        (1, 8, 15.0, 66.6), (2, 70, 15.0, 79.5), (3, 7, 2.0, 45.7),
        (4, 13, 2.0, 53.8), (5, 70, 2.0, 69.7), (6, 65, 1.4, 63.4),
    ]
    repairs = {(f.evidence["before"], f.evidence["after"]) for f in result.flags
               if f.kind == "ocr_repaired"}
    assert {("666", "66.6"), ("307", "3 / 7"), ("20", "2.0"), ("14", "1.4"), ("1°", "1"),
            ("457", "45.7"), ("697", "69.7")} == repairs
    assert all(f.evidence["reason"] for f in result.flags if f.kind == "ocr_repaired")
    assert all(r.source == "ocr" and r.sources == ["ocr:flat_text"] for r in result.rows)


def test_seed_000_descriptions_checked_against_ocr() -> None:
    record = seed("000")
    gemma, llama = record.descriptions
    result = reconcile_texts(record.ocr_text, record.descriptions)
    assert by_source(result.flags, gemma.model) == []  # its ranges and counts are confirmed
    assert by_source(result.flags, llama.model) == [
        ("entity_not_in_image", "question answering"),
        ("entity_not_in_image", "sentiment analysis"),
        ("entity_not_in_image", "text classification"),
        ("quote_not_in_image", "LLaMA Models vs Meta AI"),
    ]
    for flag in (f for f in result.flags if f.source == llama.model):
        assert flag.span and flag.span in llama.text
        assert "ocr_text" in flag.evidence
    # The confirmed ranges make the rows at their ends supported by both readers.
    ends = [r for r in result.rows if r.mmlu in (45.7, 79.5)]
    assert all(r.source == "both" and f"vlm:{gemma.model}" in r.sources for r in ends)


def test_seed_001_quote_and_disagreement_flagged() -> None:
    record = seed("001")
    models = {d.model: d for d in record.descriptions}
    result = reconcile_texts(record.ocr_text, record.descriptions)
    overlay = [f for f in result.flags if f.kind == "quote_not_in_image"]
    assert len(overlay) == 1 and "created equal" in str(overlay[0].evidence["claim"])
    assert overlay[0].source == "llama3.2-vision_11b"
    disagree = [f for f in result.flags if f.kind == "models_disagree"]
    assert len(disagree) == 1
    assert disagree[0].source == "llama3.2-vision"
    assert disagree[0].evidence["other"] == ["llama-2", "mistral"]
    assert disagree[0].span and disagree[0].span in models["llama3.2-vision"].text
    # Without chart points, "consistently outperforms" cannot be checked: not flagged.
    assert by_source(result.flags, "gemma3-27b-vision") == []
    assert len(result.flags) == 2


def _size_chart() -> Chart:
    def axis(orientation: str, values: list[float]) -> Axis:
        ticks = [AxisTick(label=f"{v:g}", value=v, pixel=0.0) for v in values]
        return Axis(orientation=orientation, ticks=ticks)  # type: ignore[arg-type]

    def series(name: str, points: list[tuple[float, float]]) -> Series:
        return Series(name=name, points=[ChartPoint(x=x, y=y, px=0.0, py=0.0) for x, y in points])

    return Chart(kind="line", box=Box(x1=0, y1=0, x2=10, y2=10),
                 axes=[axis("x", [7, 13, 34, 70]), axis("y", [45, 50, 55, 60, 65, 70])],
                 series=[series("LLaMA 2", [(7, 45.3), (13, 54.8), (34, 62.6), (70, 68.9)]),
                         series("Mistral", [(7, 60.1)])])


def test_seed_001_outperform_claim_checked_when_chart_points_exist() -> None:
    record = seed("001")
    gemma = next(d for d in record.descriptions if d.model.startswith("gemma"))
    result = reconcile_texts(record.ocr_text, [gemma], charts=[_size_chart()])
    contradicted = [f for f in result.flags if f.kind == "claim_contradicts_data"]
    assert [str(f.evidence["claim"]) for f in contradicted] == [
        "LLaMA 2 consistently outperforms Mistral"]
    assert contradicted[0].evidence["wins"] == 0


def test_own_flat_table_rows_and_repairs() -> None:
    table = recover_rows(OWN_FLAT)
    assert table is not None
    assert table.rows == [[1, 7, 1.0, 35.1], [2, 13, 1.0, 46.9], [3, 33, 1.4, 57.8],
                          [4, 65, 1.4, 63.4]]
    assert {(r.before, r.after) for r in table.repairs} == {
        ("1°", "1"), ("10", "1.0"), ("351", "35.1"), ("333", "3 / 33"), ("14", "1.4"),
        ("634", "63.4")}


def test_unit_letter_read_as_eight_is_repaired_in_a_column_that_prints_units() -> None:
    table = recover_rows("Open models params tokens mmlu 7B 1.0 35.1 138 1.0 46.9 "
                         "33B 1.4 57.8 65B 1.4 63.4")
    assert table is not None
    assert [row[0] for row in table.rows] == [7, 13, 33, 65]
    assert [(r.before, r.after) for r in table.repairs] == [("138", "13")]


def test_benchmark_columns_take_part_in_flat_recovery() -> None:
    table = recover_rows("Results parameters mmlu gsm8k 7 453 146 13 54.8 28.7 70 68.9 56.8")
    assert table is not None
    assert [c.quantity for c in table.columns] == ["params", "mmlu", "score"]
    assert table.rows == [[7, 45.3, 14.6], [13, 54.8, 28.7], [70, 68.9, 56.8]]


def test_flat_recovery_needs_a_header_and_rows() -> None:
    assert recover_rows("Model size (billion parameters) 7 13 34 70") is None
    assert recover_rows("") is None


def test_faithful_paraphrases_are_not_flagged() -> None:
    paraphrases = [
        "A table of six models with their parameter counts, training tokens and MMLU scores.",
        "MMLU runs from 35.1 for the 7B model to 63.4 for the 65B one.",
        "The biggest model, at 65 billion parameters, performs best on MMLU.",
        'The columns are "parameters", "training tokens" and "mmlu".',
        "Models trained on more tokens tend to score higher.",
    ]
    descriptions = [describe(f"vlm{i}", text) for i, text in enumerate(paraphrases)]
    result = reconcile_texts(OWN_FLAT, descriptions)
    assert [f for f in result.flags if f.kind != "ocr_repaired"] == []


def test_wrong_statements_about_own_table_are_flagged() -> None:
    statements = {
        "The 7B model performs best.": "claim_contradicts_data",
        "MMLU ranges from 30.0 to 63.4.": "range_mismatch",
        "The table has eight rows.": "count_mismatch",
        "The 33B model scores 61.2 on MMLU.": "number_not_in_image",
        "GPT-4 is included for reference.": "entity_not_in_image",
        'The title reads "Scaling laws for chat models".': "quote_not_in_image",
        "Larger models get lower MMLU scores.": "claim_contradicts_data",
    }
    for text, kind in statements.items():
        result = reconcile_texts(OWN_FLAT, [describe("vlm", text)])
        assert [f.kind for f in result.flags if f.kind != "ocr_repaired"] == [kind], text


def test_extract_json_confirms_and_contradicts_ocr_rows() -> None:
    extract = describe("vlm", '```json\n{"rows": [{"index": 1, "parameters": "7B", '
                              '"training tokens": "1T", "mmlu": 35.1}, {"index": 2, '
                              '"parameters": 13, "training tokens": 1.0, "mmlu": 48.9}]}\n```',
                       kind="extract")
    result = reconcile_texts(OWN_FLAT, [extract])
    first, second = result.rows[:2]
    assert first.source == "both" and "vlm:vlm" in first.sources
    assert second.mmlu == 46.9  # OCR read as printed beats a VLM's number
    disagreements = [f for f in result.flags if f.kind == "sources_disagree"]
    assert len(disagreements) == 1 and disagreements[0].evidence["field"] == "mmlu"


def test_table_helpers_are_used_when_the_tables_stage_provides_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    row = Row(model="Llama 2 70B", params_b=70, tokens_t=2, mmlu=68.9, source="ocr",
              sources=["ocr:table0"], confidence=0.9)
    monkeypatch.setattr(imgread.tables, "rows_from_table", lambda table, index=0: [row])
    monkeypatch.setattr(imgread.tables, "scores_from_table", lambda table, index=0: [])
    table = Table(box=Box(x1=0, y1=0, x2=1, y2=1), n_rows=1, n_cols=4,
                  columns=["Model", "Params", "Tokens", "MMLU"])
    result = reconcile_texts(OWN_FLAT, [describe("vlm", "Llama 2 70B scores 68.9.")], [table])
    assert [r.model for r in result.rows] == ["Llama 2 70B"]
    assert result.flags == []


def test_run_fills_the_record() -> None:
    record = Record()
    record.ocr.text = OWN_FLAT
    record.descriptions = [describe("vlm", "The 13B model performs best.")]
    record.flags.append(Flag(kind="low_confidence", message="kept from an earlier stage"))
    work = Work(path=Path("own.png"), record=record)
    run(work, Config())
    assert len(record.rows) == 4
    kinds = [f.kind for f in record.flags]
    assert kinds[0] == "low_confidence" and "claim_contradicts_data" in kinds
    assert kinds.count("ocr_repaired") == 6


def test_flag_benchmark_meets_its_goals() -> None:
    spec = importlib.util.spec_from_file_location("flags_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    counts, misses, paraphrase_flags = module.evaluate()
    tp = sum(c["tp"] for c in counts.values())
    fp = sum(c["fp"] for c in counts.values())
    fn = sum(c["fn"] for c in counts.values())
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9, misses
    assert paraphrase_flags == 0, misses


def test_quotes_match_despite_ocr_misreads() -> None:
    ocr = "LLaMA Madels Hyperparamters And MMLU Scores parameters mmlu 7 45.3 13 54.8"
    result = reconcile_texts(ocr, [describe("vlm", 'The title reads "LLaMA Models '
                                                   'Hyperparameters and MMLU Scores".')])
    assert result.flags == []


def test_a_failing_table_helper_becomes_a_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(table: Table, index: int = 0) -> list[Row]:
        raise ValueError("no grid")

    monkeypatch.setattr(imgread.tables, "rows_from_table", broken)
    table = Table(box=Box(x1=0, y1=0, x2=1, y2=1), n_rows=0, n_cols=0)
    result = reconcile_texts(OWN_FLAT, [], [table])
    failed = [f for f in result.flags if f.kind == "low_confidence"]
    assert failed and "no grid" in failed[0].message
    assert len(result.rows) == 4  # the flat text still gives the rows


def test_rows_only_a_vlm_extract_gives_are_marked() -> None:
    extract = describe("vlm", '[{"model": "Llama 2 70B", "mmlu": 68.9}]', kind="extract")
    result = reconcile_texts("", [extract])
    assert [(r.model, r.params_b, r.params_from_name, r.source) for r in result.rows] == [
        ("Llama 2 70B", 70.0, True, "vlm")]
    assert [f.kind for f in result.flags] == ["low_confidence"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("prefix", "image", "expected"),
    [
        ("000", "seed000_llama_table.png", {
            ("llama3.2-vision", "entity_not_in_image"): 3,
            ("llama3.2-vision", "quote_not_in_image"): 1}),
        ("001", "seed001_llama2_mistral_chart.png", {
            ("llama3.2-vision_11b", "quote_not_in_image"): 1,
            ("llama3.2-vision", "models_disagree"): 1}),
    ],
)
def test_imported_seed_descriptions_reconciled_against_fresh_ocr(
    prefix: str, image: str, expected: dict[tuple[str, str], int]
) -> None:
    from imgread.pipeline import Job, process_batch

    imported = seed(prefix)
    path = Path(__file__).resolve().parents[1] / "samples" / image
    record = process_batch([Job(path=path, imported=imported.descriptions)], Config())[0]
    found: dict[tuple[str, str], int] = {}
    for flag in record.flags:
        if flag.source in {d.model for d in imported.descriptions}:
            found[(flag.source, flag.kind)] = found.get((flag.source, flag.kind), 0) + 1
    # Where the charts stage reads Mistral's point beside LLaMA 2's, "LLaMA 2 consistently
    # outperforms Mistral" becomes checkable, and the chart refutes it.
    checked = found.pop(("gemma3-27b-vision", "claim_contradicts_data"), 0)
    assert found == expected
    assert checked in ((0, 1) if prefix == "001" else (0,))
    for flag in record.flags:
        if flag.kind == "claim_contradicts_data":
            assert flag.evidence["wins"] == 0 and flag.evidence["shared"] >= 1
    if prefix == "000":
        assert [(r.params_b, r.tokens_t, r.mmlu) for r in record.rows] == [
            (8, 15.0, 66.6), (70, 15.0, 79.5), (7, 2.0, 45.7), (13, 2.0, 53.8),
            (70, 2.0, 69.7), (65, 1.4, 63.4)]


def _ocr_record(confidence: float, cell_confidence: float | None = None) -> Record:
    """OWN_FLAT as read by an OCR engine whose words carry ``confidence``."""
    record = Record()
    record.ocr.text = OWN_FLAT
    box = Box(x1=0, y1=0, x2=10, y2=10)
    record.ocr.words = [Word(text=text, confidence=confidence, box=box)
                        for text in OWN_FLAT.split()]
    record.ocr.mean_confidence = confidence
    if cell_confidence is not None:
        cells = [[Cell(row=1, col=0, text="7", confidence=cell_confidence)]]
        record.ocr.tables = [Table(box=box, n_rows=1, n_cols=1, body=cells)]
    return record


def test_read_confidence_is_the_weaker_of_words_and_table_cells() -> None:
    assert evidence.read_confidence(Record().ocr) is None  # no words: nothing to judge by
    assert evidence.read_confidence(_ocr_record(91.0).ocr) == 91.0
    assert evidence.read_confidence(_ocr_record(91.0, cell_confidence=40.0).ocr) == 40.0


@pytest.mark.parametrize("statement", ["The 33B model scores 61.2 on MMLU.",
                                       "GPT-4 is included for reference."])
def test_a_poorly_read_image_cannot_accuse_the_vlm(statement: str) -> None:
    """Numbers and names the OCR lacks are "unverified" (info) where it read poorly."""
    record = _ocr_record(41.0)
    record.descriptions = [describe("vlm", statement)]
    run(Work(path=Path("poor.png"), record=record), Config())
    [flag] = [f for f in record.flags if f.source == "vlm"]
    assert (flag.kind, flag.severity) == ("unverified", "info")
    assert "could not be read well enough to verify" in flag.message
    assert flag.evidence["would_be"] in {"number_not_in_image", "entity_not_in_image"}
    assert flag.evidence["ocr_confidence"] == 41.0
    assert "unverified" in FLAG_KINDS


@pytest.mark.parametrize(("statement", "kind"), [
    ("The 33B model scores 61.2 on MMLU.", "number_not_in_image"),
    ("GPT-4 is included for reference.", "entity_not_in_image")])
def test_a_well_read_image_still_accuses_the_vlm(statement: str, kind: str) -> None:
    record = _ocr_record(92.0)
    record.descriptions = [describe("vlm", statement)]
    run(Work(path=Path("good.png"), record=record), Config())
    assert [(f.kind, f.severity) for f in record.flags if f.source == "vlm"] == [
        (kind, "warning")]


def test_table_cells_read_poorly_make_numbers_unverified() -> None:
    """A title read well does not vouch for the table's numbers."""
    result = reconcile_texts(OWN_FLAT, [describe("vlm", "The 33B model scores 61.2 on MMLU.")],
                             ocr_confidence=evidence.read_confidence(
                                 _ocr_record(92.0, cell_confidence=50.0).ocr))
    assert [f.kind for f in result.flags if f.source == "vlm"] == ["unverified"]
    # Numbers the OCR does hold are confirmed whatever the confidence.
    result = reconcile_texts(OWN_FLAT, [describe("vlm", "The 33B model scores 57.8 on MMLU.")],
                             ocr_confidence=20.0)
    assert [f for f in result.flags if f.source == "vlm"] == []
