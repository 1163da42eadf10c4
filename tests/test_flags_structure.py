"""Flags on written descriptions of generated table screenshots, read by the real pipeline
(Tesseract, RapidOCR, the table reader): one mechanism per test, each checked against the
table's structure as read rather than against the bag of words on the page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import FONT_CANDIDATES
from PIL import Image, ImageDraw, ImageFont

from imgread.config import Config
from imgread.pipeline import read_image
from imgread.reconcile import reconcile_texts
from imgread.reconcile.evidence import doubtful_words, read_confidence
from imgread.record import Description, PromptRef, Record

CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # fonts-wqy-zenhei (scripts/setup)
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # fonts-noto-cjk
)


def _font_path(candidates: Sequence[str]) -> str:
    found = next((f for f in candidates if Path(f).exists()), None)
    if found is None:
        pytest.skip(f"none of the fonts {', '.join(candidates)} is installed")
    return found


def render(path: Path, rows: Sequence[Sequence[str]], fonts: Sequence[str] = FONT_CANDIDATES,
           size: int = 20, column: int = 170) -> Path:
    """A table screenshot: the first line is the header (an empty string leaves a column
    unnamed), a rule under every line."""
    face = ImageFont.truetype(_font_path(fonts), size)
    row_height = int(size * 2.2)
    width = column * max(len(row) for row in rows) + 40
    image = Image.new("RGB", (width, row_height * len(rows) + 40), "white")
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(rows):
        y = 20 + r * row_height
        for c, text in enumerate(row):
            draw.text((30 + c * column, y + size // 3), text, fill=(20, 20, 20), font=face)
        draw.line((20, y + row_height, width - 20, y + row_height), fill=(20, 20, 20), width=1)
    image.save(path)
    return path


def flags(record: Record, text: str, ocr_confidence: float | None = None) -> list[tuple[str, str]]:
    """(kind, sentence) of every flag a description raises on the image's reading."""
    description = Description(model="vlm", kind="detailed",
                              prompt=PromptRef(name="detailed", sha256=""), text=text)
    confidence = read_confidence(record.ocr) if ocr_confidence is None else ocr_confidence
    result = reconcile_texts(record.ocr.text, [description], record.ocr.tables, record.charts,
                             ocr_confidence=confidence, doubtful_words=doubtful_words(record.ocr))
    return sorted((f.kind, f.span or "") for f in result.flags if f.source == "vlm")


def kinds(record: Record, text: str, ocr_confidence: float | None = None) -> list[str]:
    return [kind for kind, _ in flags(record, text, ocr_confidence)]


PLAIN = [
    ["Model", "GPQA (%)", "MMLU", "HellaSwag", "IFEval"],
    ["Orbit-7B", "31.4", "61.2", "70.6", "40.2"],
    ["Lumen-13B", "36.2", "66.5", "74.4", "45.8"],
    ["Tessera-34B", "37.9", "71.9", "77.1", "52.9"],
]


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Record:
    return read_image(render(tmp_path_factory.mktemp("plain") / "plain.png", PLAIN), Config())


def test_the_table_is_read_as_written(plain: Record) -> None:
    assert kinds(plain, "Tessera-34B scores 71.9 on MMLU. Orbit-7B reaches 31.4 on GPQA (%). "
                        "Tessera-34B achieves the highest GPQA (%) score.") == []


def test_a_superlative_on_a_header_with_its_unit_mark_is_checked(plain: Record) -> None:
    """"the highest GPQA (%) score": the "(%)" belongs to the benchmark's name."""
    assert kinds(plain, "Orbit-7B achieves the highest GPQA (%) score.") == [
        "claim_contradicts_data"]


def test_a_quoted_name_must_match_a_printed_name_closely(plain: Record) -> None:
    """"AGIEval" is "IFEval" with a letter changed and one added (similarity 0.77)."""
    assert kinds(plain, 'One of the column headers reads "AGIEval".') == ["quote_not_in_image"]
    assert kinds(plain, 'One of the column headers reads "IFEval".') == []


def test_one_invented_number_given_to_two_models_is_two_findings(plain: Record) -> None:
    found = flags(plain, "Orbit-7B scores 63.3 on MMLU. Lumen-13B reaches 63.3 on MMLU.")
    assert found == [("number_not_in_image", "Lumen-13B reaches 63.3 on MMLU."),
                     ("number_not_in_image", "Orbit-7B scores 63.3 on MMLU.")]


def test_cells_that_refute_a_number_speak_on_an_image_read_poorly_as_a_whole(
        plain: Record) -> None:
    """Said to be read at 40 overall: the model's own cell was still read (61.2), and 58.4
    is no misreading of it."""
    assert kinds(plain, "Orbit-7B scores 58.4 on MMLU.", ocr_confidence=40.0) == [
        "number_not_in_image"]
    # One digit from what the cell reads: it may be that cell misread.
    assert kinds(plain, "Orbit-7B scores 61.8 on MMLU.", ocr_confidence=40.0) == [
        "unverified"]


FRACTIONS = [
    ["Model", "MMLU", "MATH"],
    ["Vesper-2B", "0.4620", "0.1982"],
    ["Rook-65B", "0.7039", "0.3476"],
    ["Lumo-6.7B", "0.5930", "0.3423"],
    ["Lumo-34B", "0.5575", "0.3358"],
]


def test_a_number_is_compared_at_the_precision_it_is_written_with(tmp_path: Path) -> None:
    """0.5930 is Lumo-6.7B's, not Lumo-34B's 0.5575, though the two lie within a tenth."""
    record = read_image(render(tmp_path / "fractions.png", FRACTIONS), Config())
    assert kinds(record, "Lumo-34B posts 0.5930 on the MMLU benchmark.") == [
        "claim_contradicts_data"]
    assert kinds(record, "Lumo-34B posts 0.5575 on the MMLU benchmark.") == []
    assert kinds(record, "Lumo-34B posts 0.56 on the MMLU benchmark.") == []  # rounded


CJK = [
    ["模型", "C-Eval", "CMMLU"],
    ["书澜-34B", "60.1", "55.4"],
    ["启明-34B", "59.8", "54.0"],
    ["Taiyi-20B", "46.6", "48.5"],
    ["文渊大模型", "52.3", "50.1"],
]


@pytest.fixture(scope="module")
def cjk(tmp_path_factory: pytest.TempPathFactory) -> Record:
    return read_image(render(tmp_path_factory.mktemp("cjk") / "cjk.png", CJK, fonts=CJK_FONTS),
                      Config())


def test_a_sentence_may_open_with_a_cjk_name(cjk: Record) -> None:
    """"... 59.8. 书澜-34B ...": two sentences, each with its own model."""
    text = "On C-Eval, Taiyi-20B achieves 59.8. 书澜-34B outperforms Taiyi-20B on CMMLU."
    assert flags(cjk, text) == [("claim_contradicts_data", "On C-Eval, Taiyi-20B achieves 59.8.")]


def test_a_cjk_name_is_its_characters_not_its_size(cjk: Record) -> None:
    """书澜-34B and 启明-34B share "34B": each is its own model, and both are printed."""
    assert kinds(cjk, "On C-Eval, 书澜-34B has the highest score.") == []
    assert kinds(cjk, "On C-Eval, 启明-34B has the highest score.") == ["claim_contradicts_data"]
    assert kinds(cjk, "启明-34B scores higher than Taiyi-20B on CMMLU.") == []


def test_a_name_in_cjk_script_alone_is_found_by_its_characters(cjk: Record) -> None:
    """"文渊大模型" has no Latin letter to compare: its characters are in the image."""
    assert kinds(cjk, "文渊大模型 scores higher than Taiyi-20B on C-Eval.") == []
    assert kinds(cjk, "Taiyi-20B scores higher than 文渊大模型 on C-Eval.") == [
        "claim_contradicts_data"]


SPREADS = [
    ["Model", "ARC-C", "MMLU-Pro", "HellaSwag"],
    ["Onyx-14B", "57.2 ± 0.6", "34.5 ± 0.4", "72.9 ± 1.9"],
    ["Iris-32B", "70.2 ± 1.5", "42.9 ± 0.2", "76.2 ± 1.8"],
    ["Rook-110B", "75.5 ± 0.3", "48.9 ± 0.9", "81.9 ± 0.7"],
]


def test_a_cell_whose_readings_agree_on_its_score_is_read_well(tmp_path: Path) -> None:
    """At 14 px the "±" part splits the engines' vote (confidence 60), but Tesseract's
    "57.2 0.6" and RapidOCR's "57.2 ± 0.6" agree on 57.2: 58.2 is not what it prints."""
    record = read_image(render(tmp_path / "spreads.png", SPREADS, size=14), Config())
    assert kinds(record, "Onyx-14B gets a ARC-C score of 58.2.") == ["number_not_in_image"]
    assert kinds(record, "Onyx-14B gets a ARC-C score of 57.2.") == []


def test_a_number_no_reading_of_a_poorly_read_cell_comes_near_is_invented(
        tmp_path: Path) -> None:
    """At 20 px Tesseract reads "34.5 ± 0.4" as "345+04" and RapidOCR as printed: the cell
    is unsure (60), but 54.3 (two digits swapped) is no misreading of it; 34.8 may be."""
    record = read_image(render(tmp_path / "spreads.png", SPREADS, size=20), Config())
    assert kinds(record, "Onyx-14B gets a MMLU-Pro score of 54.3.") == ["number_not_in_image"]
    assert kinds(record, "Onyx-14B gets a MMLU-Pro score of 34.8.") == ["unverified"]


def test_a_benchmark_name_may_be_a_column_read_without_its_name(tmp_path: Path) -> None:
    """The third column's header is blank: a benchmark or column name the text lacks may
    be it. An unnamed index column (a sorted data frame's 7, 2, 5) names no benchmark."""
    rows = [["Model", "DROP", "", "GSM8K"], ["Kite-3B", "44.4", "20.4", "45.5"],
            ["Kite-13B", "50.9", "19.7", "34.1"], ["Kestrel-1B", "40.9", "17.8", "26.9"]]
    record = read_image(render(tmp_path / "unnamed.png", rows), Config())
    assert kinds(record, 'The table has a column labelled "MBPP".') == ["unverified"]
    assert kinds(record, "Kite-3B scores 20.4 on MBPP.") == ["unverified"]
    indexed = [["", *rows[0][:2], "GSM8K"], *([index, *row[:2], row[3]]
                                             for index, row in zip("725", rows[1:], strict=True))]
    record = read_image(render(tmp_path / "indexed.png", indexed), Config())
    assert kinds(record, 'The table has a column labelled "MBPP".') == ["quote_not_in_image"]


def test_rows_are_named_from_the_column_of_names(tmp_path: Path) -> None:
    """A sidebar's "FAQ" beside the table is read as its first column and names its rows;
    the column with the most names does."""
    rows = [["", "Model", "MMLU", "GSM8K"], ["FAQ", "Iris-1B", "38.0", "31.1"],
            ["", "Iris-72B", "71.5", "68.4"], ["", "Heron-14B", "51.6", "46.2"],
            ["", "Rook-7B", "60.4", "43.7"]]
    record = read_image(render(tmp_path / "sidebar.png", rows), Config())
    assert kinds(record, "Heron-14B posts 68.4 on the GSM8K benchmark.") == [
        "claim_contradicts_data"]
    assert kinds(record, "On GSM8K, Rook-7B has the highest score.") == [
        "claim_contradicts_data"]
    assert kinds(record, "On GSM8K, Iris-72B has the highest score.") == []


def test_letters_ocr_confuses_are_one_letter_in_a_benchmark_name(tmp_path: Path) -> None:
    """The image as OCR reads "FluentQA" with l as I: prose names it FluentQA."""
    rows = [["Model", "FIuentQA", "SpeII-Bench"], ["Tessel-32B", "68.2", "46.8"],
            ["Aster-40B", "68.8", "50.4"], ["Tessel-40B", "75.4", "49.9"]]
    mono = ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"]
    record = read_image(render(tmp_path / "confusable.png", rows, fonts=mono), Config())
    assert kinds(record, "Aster-40B performs best on FluentQA.") == ["claim_contradicts_data"]
    assert kinds(record, "Tessel-40B performs best on FluentQA.") == []
    assert kinds(record, "Tessel-40B outperforms Aster-40B on Spell-Bench.") == [
        "claim_contradicts_data"]


def test_a_number_joined_to_a_word_is_part_of_a_name_not_a_value(plain: Record) -> None:
    """"instruct-2332" is a release tag: 2332 is not a number the image must print."""
    from imgread.claims import extract

    sentence = "lumen-13b-instruct-2332 reaches 66.5 on MMLU."
    assert [c.text for c in extract(sentence) if c.kind == "number"] == ["66.5"]
    assert "number_not_in_image" not in kinds(plain, sentence)


def test_a_comparison_on_a_benchmark_no_read_column_names_is_not_checked_on_the_others(
        tmp_path: Path) -> None:
    """The NQ column's header was not read: DROP and GSM8K cannot say who leads on NQ."""
    rows = [["Model", "DROP", "", "GSM8K"], ["Kite-3B", "44.4", "20.4", "45.5"],
            ["Kite-13B", "50.9", "19.7", "46.5"], ["Kestrel-1B", "40.9", "17.8", "26.9"]]
    record = read_image(render(tmp_path / "unnamed.png", rows), Config())
    assert kinds(record, "Kite-3B scores higher than Kite-13B on NQ.") == []
    assert kinds(record, "On NQ, Kestrel-1B has the highest score.") == []
    assert kinds(record, "Kite-3B scores higher than Kite-13B on DROP.") == [
        "claim_contradicts_data"]


def test_a_count_is_not_checked_where_the_reader_took_a_row_for_the_header(
        tmp_path: Path) -> None:
    """Four models printed; the reading of them with the first row taken for the header
    and the last row lost, as a heat-map's coloured cells make the reader do: two rows
    read, three names in the text, and no count to check against."""
    rows = [*PLAIN, ["Heron Prime", "35.0", "60.1", "69.9", "41.0"]]
    record = read_image(render(tmp_path / "four.png", rows), Config())
    table = record.ocr.tables[0].model_copy(deep=True)
    table.columns = [cell.text for cell in table.body[0]]
    table.header_rows, table.body = [table.body[0]], table.body[1:-1]
    text = "\n".join(line for line in record.ocr.text.splitlines() if "Heron" not in line)
    description = Description(model="vlm", kind="detailed",
                              prompt=PromptRef(name="detailed", sha256=""),
                              text="The table compares 4 models.")
    result = reconcile_texts(text, [description], [table], ocr_confidence=90.0)
    assert [f.kind for f in result.flags if f.source == "vlm"] == []


def test_digits_run_together_on_the_models_line_may_be_the_number(tmp_path: Path) -> None:
    """A heat-map's cells as OCR reads them with no table found: points and gaps lost
    ("427360156" is 42.7, 36.0 and 15.6). 15.6 may be there; 17.6 is not."""
    rows = [["Model", "MMLU", "TruthfulQA", "MMLU-Pro"], ["Ember-3B-Instruct", "427360156"],
            ["Lumo-6.7B-Instruct", "596465309"], ["Dune-32B-Instruct", "641471390"]]
    record = read_image(render(tmp_path / "run.png", rows, column=260), Config())
    assert kinds(record, "On MMLU-Pro, Ember-3B-Instruct achieves 15.6.") == ["unverified"]
    assert kinds(record, "On MMLU-Pro, Ember-3B-Instruct achieves 17.6.") == [
        "number_not_in_image"]
