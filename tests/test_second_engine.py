"""The second OCR opinion: the vote of two readings (pure strings) and RapidOCR on real crops."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import font
from PIL import Image, ImageDraw

from imgread.config import OcrSettings
from imgread.errors import BackendUnavailable
from imgread.ocr import rapid
from imgread.ocr.recogniser import recogniser
from imgread.ocr.vote import (
    AGREED_CONFIDENCE,
    DISAGREED_CAP,
    calibrated,
    lost_separator,
    lost_unit,
    same,
    tidy,
    vote,
)


def cell(text: str, size: int = 16, rule: bool = False) -> np.ndarray:
    """A table cell crop: text on white, optionally with a column rule at its left edge."""
    face = font(size)
    left, top, right, bottom = face.getbbox(text)
    width, height = right - left + 16, bottom - top + 10
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((8 - left, 5 - top), text, fill=(20, 20, 20), font=face)
    if rule:
        draw.line((0, 0, 0, height), fill=(150, 150, 150), width=1)
    return np.array(image)


# --- the vote, on plain strings -------------------------------------------------------------


def test_agreement_raises_confidence_and_ignores_case_and_spacing() -> None:
    result = vote("Llama-2-70B", 62.0, "llama-2-70b", 99.5)
    assert result.agreed and result.winner == "both"
    assert result.confidence >= AGREED_CONFIDENCE
    assert result.readings == {"tesseract": "Llama-2-70B", "rapidocr": "llama-2-70b"}
    assert vote("Claude 2", 40.0, "Claude2", 90.0).agreed
    assert vote("GPT\u20134", 80.0, "GPT-4", 99.0).agreed  # en dash and hyphen


def test_numbers_agree_on_value_and_unit_however_printed() -> None:
    assert same("1,400B", "1400 B", numeric=True)
    assert same("66.6", "66.6", numeric=True)
    assert not same("1.4T", "1.4B", numeric=True)  # same digits, other unit
    assert not same("7B", "78", numeric=True)
    assert not same("1,400B", "1400 B")  # as text they differ
    result = vote("B8.1T", 5.0, "8.1T", 78.0, numeric=True)
    assert result.agreed and result.text == "8.1T"  # the reading without the stray glyph


def test_disagreement_keeps_the_better_supported_reading_and_is_marked() -> None:
    result = vote("Mistral-7B", 95.0, "Mistral-1B", 85.0)
    assert not result.agreed and result.winner == "tesseract"
    assert result.text == "Mistral-7B" and result.confidence <= DISAGREED_CAP
    result = vote("Gornme67B", 12.0, "Gemma-6.7B", 99.9)
    assert result.winner == "rapidocr" and result.text == "Gemma-6.7B"


def test_a_number_beats_a_non_number_in_a_number_cell() -> None:
    result = vote("6b.6", 96.0, "66.6", 60.0, numeric=True)
    assert result.text == "66.6" and not result.agreed
    # Not a number cell: the confidence decides.
    assert vote("6b.6", 96.0, "66.6", 60.0).text == "6b.6"


def test_empty_readings() -> None:
    assert vote("", 0.0, "45.3", 70.0, numeric=True).text == "45.3"
    assert vote("45.3", 20.0, "", 0.0, numeric=True).text == "45.3"
    empty = vote(" ", 0.0, "", 0.0)
    assert empty.text == "" and not empty.agreed and empty.confidence == 0.0


def test_lost_decimal_point_and_lost_unit() -> None:
    assert lost_separator("269", "26.9") and lost_separator("1400B", "1,400B")
    assert not lost_separator("26.9", "269") and not lost_separator("66.78.", "66.78")
    assert vote("269", 96.0, "26.9", 89.0, numeric=True).text == "26.9"
    assert lost_unit("708", "70B") and lost_unit("Falcon-408", "Falcon-40B")
    assert not lost_unit("70B", "708") and not lost_unit("BBH", "8BH")
    assert vote("168", 94.0, "16B", 99.0, numeric=True).text == "16B"
    assert vote("Falcon-40B", 40.0, "Falcon-408", 99.0).text == "Falcon-40B"


def test_rule_glyphs_at_the_ends_are_dropped() -> None:
    assert tidy("| MATH") == "MATH" and tidy("ARC-c |") == "ARC-c"
    assert tidy("[ 45.3 !") == "45.3" and tidy("\u201c") == ""
    assert tidy("Params (B)") == "Params (B)" and tidy("-") == "-"
    assert vote("| MATH", 84.0, "MATH", 94.0).agreed


def test_calibration_is_monotonic_and_bounded() -> None:
    for engine in ("tesseract", "rapidocr", "other"):
        values = [calibrated(engine, c) for c in range(0, 101, 5)]
        assert values == sorted(values)
        assert all(0.0 <= v <= 100.0 for v in values)
    assert calibrated("other", 73.0) == 73.0
    # RapidOCR's 90 is worth less than Tesseract's 90 (see benchmarks/second_engine.py).
    assert calibrated("rapidocr", 90.0) < calibrated("tesseract", 90.0)


# --- the engine -------------------------------------------------------------------------------


def test_missing_package_is_a_backend_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # import fails as if not installed
    with pytest.raises(BackendUnavailable) as error:
        rapid._engine.__wrapped__(0)
    assert "ocr2" in error.value.hint


needs_rapidocr = pytest.mark.skipif(
    not rapid.available(),
    reason='RapidOCR is not installed: scripts/setup installs it (pip install -e ".[ocr2]")',
)


@needs_rapidocr
@pytest.mark.parametrize("text", ["Llama-2-70B", "66.6", "1,400B"])
def test_rapidocr_reads_a_rendered_cell_exactly(text: str) -> None:
    found = rapid.words(cell(text, rule=True), OcrSettings(lang="eng"), psm=7)
    assert " ".join(word.text for word in found) == text
    assert all(90.0 <= word.confidence <= 100.0 for word in found)


@needs_rapidocr
def test_rapidocr_words_have_boxes_in_crop_pixels() -> None:
    image = cell("Claude 2 GPT-4", size=14)
    height, width = image.shape[:2]
    for detect in (False, True):
        found = rapid.words(image, OcrSettings(), detect=detect)
        assert [word.text for word in found] == ["Claude", "2", "GPT-4"]
        assert all(0 <= w.box.x1 < w.box.x2 <= width for w in found)
        assert all(0 <= w.box.y1 < w.box.y2 <= height for w in found)
        assert [w.box.x1 for w in found] == sorted(w.box.x1 for w in found)
    grey = np.array(Image.fromarray(image).convert("L"))
    assert rapid.text(grey)[0] == "Claude 2 GPT-4"
    assert rapid.words(np.zeros((2, 2), np.uint8), OcrSettings()) == []


@needs_rapidocr
def test_rapidocr_sessions_keep_their_memory_arena() -> None:
    """Crops of many widths: the models' sessions reuse their memory (the package's default
    allocates every batch anew, a sixth of recognition's CPU) and the readings stay."""
    import threading

    crops = [cell(text) for text in ("73.8", "Llama-2-70B", "HumanEval")]
    assert [text for text, _ in rapid.texts(crops)] == ["73.8", "Llama-2-70B", "HumanEval"]
    assert rapid.words(cell("Claude 2", size=14), OcrSettings(), detect=True)
    engine, _ = rapid._engine(threading.get_ident())
    model, _ = recogniser(threading.get_ident(), rapid.THREADS)
    for session in (model.session, engine.text_det.session.session):
        assert session.get_session_options().enable_cpu_mem_arena


def _crops() -> list[np.ndarray]:
    """Cell crops of many kinds and widths, as the tables stage sends them: numbers, names,
    Han, a dark cell, a ruled cell, a long name wider than the model's 320 px, a blank."""
    crops = [cell(text, size=size, rule=rule) for text, size, rule in (
        ("73.8", 16, False), ("Llama-2-70B", 14, True), ("HumanEval", 18, False),
        ("1,400B", 12, True), ("-", 16, False), ("Mixtral-8x7B-Instruct-v0.1 (SFT+DPO)", 15, False),
        ("88.2±0.4", 13, False), ("GPT-4o", 20, False), ("7B", 11, False),
    )]
    crops.append(255 - cell("62.5", size=16))  # light on dark
    crops.append(np.full((24, 60, 3), 255, np.uint8))  # nothing to read
    return crops


@needs_rapidocr
def test_own_recogniser_reads_as_the_package_reads() -> None:
    """The recognition model in imgread's own session gives the package's texts and scores,
    to the last digit, crop for crop (batched, sorted and padded alike)."""
    import threading

    from imgread.record import Box

    engine, _ = rapid._engine(threading.get_ident())
    model, _ = recogniser(threading.get_ident(), rapid.THREADS)
    crops = []
    for image in _crops():
        x1, y1, x2, y2 = rapid.ink_span(image)
        crops.append(rapid._to_bgr(rapid._trimmed(image, Box(x1=x1, y1=y1, x2=x2, y2=y2))))
    for batch in (crops, crops[:1], crops[3:10]):
        package = engine.recognize_txt(batch)
        assert model(batch) == list(zip(package.txts, package.scores, strict=True))


@needs_rapidocr
def test_cell_crops_are_read_without_importing_the_package() -> None:
    """Reading cell crops loads one recognition session and never the rapidocr package
    (whose configuration costs about 1.3 CPU-s a process)."""
    import subprocess

    script = (
        "import sys, numpy as np\n"
        "from imgread.ocr import rapid, recogniser\n"
        "crop = np.full((30, 90, 3), 255, np.uint8); crop[10:20, 10:80] = 0\n"
        "rapid.texts([crop, crop])\n"
        "print(recogniser.recogniser.cache_info().currsize, 'rapidocr.main' in sys.modules)\n"
    )
    checkout = Path(rapid.__file__).resolve().parents[2]  # this imgread, not an installed one
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=checkout
    )
    assert result.stdout.split() == ["1", "False"]


@needs_rapidocr
def test_a_package_without_the_expected_model_file_still_reads_cells(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A later package whose default model is another file: cells are read through the
    package, as they were before imgread had its own session."""
    monkeypatch.setattr(rapid, "model_path", lambda: None)
    crops = [cell(text) for text in ("73.8", "HumanEval")]
    assert [text for text, _ in rapid.texts(crops)] == ["73.8", "HumanEval"]


# --- the vote inside the tables stage, on real pixels ----------------------------------------


def _misread_page(tmp_path, wrong: dict[str, str]):  # type: ignore[no-untyped-def]
    """A rendered table read by the real Tesseract, then some words replaced by unsure
    misreadings (what Tesseract gives on a blurred cell)."""
    from conftest import render_table

    from imgread.config import Config
    from imgread.pipeline import Job, run_image_stages, start

    path = render_table(
        tmp_path / "table.png",
        ["Model", "MMLU", "GSM8K"],
        [["Alpha-7B", "45.3", "14.6"], ["Beta-13B", "54.8", "28.7"], ["Gamma-70B", "68.9", "56.8"]],
    )
    config = Config()
    work = start(Job(path=path), config)
    run_image_stages(work, config)
    assert not work.record.errors
    work.record.ocr.words = [
        word.model_copy(update={"text": wrong[word.text], "confidence": 41.0})
        if word.text in wrong
        else word
        for word in work.record.ocr.words
    ]
    return work, config


@pytest.mark.skipif(not rapid.available(), reason="RapidOCR is installed by scripts/setup")
def test_an_unsure_cell_is_read_again_and_the_engines_vote(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from imgread.tables import extract_tables
    from imgread.tables.second import second_opinion

    work, config = _misread_page(tmp_path, {"54.8": "548", "Gamma-70B": "Garnma-7OB"})
    tables, flags = extract_tables(work.record.ocr.words, work.prepared, config)
    body = tables[0].body
    assert body[1][1].text == "54.8" and body[1][1].value == 54.8
    assert body[1][1].readings["rapidocr"] == "54.8"
    assert body[2][0].text == "Gamma-70B"
    # Cells Tesseract read surely are not read again.
    assert "rapidocr" not in body[0][1].readings
    # Where Tesseract's final reading still differs, the vote says so, with both readings.
    cell = body[1][1]
    cell.text, cell.confidence, cell.value, cell.readings = "548", 41.0, 548.0, {}
    spans = [(0, work.prepared.grey.shape[1])] * tables[0].n_cols
    flags = second_opinion(tables[0], spans, work.prepared, config.ocr)
    assert (cell.text, cell.value) == ("54.8", 54.8)
    assert [f.evidence["readings"] for f in flags] == [{"tesseract": "548", "rapidocr": "54.8"}]
    assert flags[0].severity == "warning" and flags[0].evidence["kept"] == "rapidocr"


def test_without_the_second_engine_the_misreading_is_only_flagged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from imgread.tables import extract_tables

    # ("rn" for "m": no repair of one engine's reading knows the name; a size's O for 0,
    # "7OB", the name repairs mend alone)
    work, config = _misread_page(tmp_path, {"Gamma-70B": "Garnma-70B"})
    config.ocr.second_engine = "none"
    config.ocr.numeric_reread = False
    tables, flags = extract_tables(work.record.ocr.words, work.prepared, config)
    assert tables[0].body[2][0].text == "Garnma-70B"
    assert not [f for f in flags if f.kind == "engines_disagree"]


@pytest.mark.skipif(not rapid.available(), reason="RapidOCR is installed by scripts/setup")
def test_a_header_the_page_missed_is_read_from_the_band_above_the_rows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Names that Tesseract's page read lost entirely: the band above the first row is
    read again as one line, larger, and its words placed by column (the second engine then
    reads what stays unsure)."""
    from imgread.tables import extract_tables

    names = {"Model", "MMLU", "GSM8K"}
    work, config = _misread_page(tmp_path, {})
    words = [word for word in work.record.ocr.words if word.text not in names]
    tables, _ = extract_tables(words, work.prepared, config)
    assert tables[0].columns == ["Model", "MMLU", "GSM8K"]
    assert all(
        cell.readings.get("header") or cell.readings.get("rapidocr")
        for cell in tables[0].header_rows[0]
    )
