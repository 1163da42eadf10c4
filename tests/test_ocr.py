"""Through the real Tesseract: words and boxes, then tables end to end on real images."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import SAMPLES, render_table
from PIL import Image

from imgread import ocr, preprocess, tables
from imgread.config import Config
from imgread.ocr import tesseract
from imgread.pipeline import Work
from imgread.record import Record
from imgread.units import parse_number

SEED_ROWS = [
    (8, 15.0, 66.6),
    (70, 15.0, 79.5),
    (7, 2.0, 45.7),
    (13, 2.0, 53.8),
    (70, 2.0, 69.7),
    (65, 1.4, 63.4),
]
HEADER = ["Model", "Params", "Tokens", "MMLU"]
ROWS = [
    ["Llama 2 70B", "70B", "2T", "68.9"],
    ["Falcon 180B", "180B", "3.5T", "70.6"],
    ["LLaMA 65B", "65B", "1.4T", "63.4"],
    ["Mistral 7B", "7B", "-", "60.1"],
    ["Gemma 7B", "8.5B", "6T", "64.3"],
]


def read(path: Path) -> Work:
    config = Config()
    work = Work(path=path, record=Record())
    work.rgb = np.asarray(Image.open(path).convert("RGB"))
    preprocess.run(work, config)
    ocr.run(work, config)
    tables.run(work, config)
    return work


def cells(work: Work) -> list[list[str]]:
    return [[cell.text for cell in row] for row in work.record.ocr.tables[0].body]


def test_words_have_boxes_in_loaded_image_pixels(tmp_path: Path) -> None:
    path = render_table(tmp_path / "t.png", HEADER, ROWS, size=14)
    work = read(path)
    result = work.record.ocr
    assert result.engine == "tesseract" and result.version
    assert result.scale > 1  # 14 px text is upscaled before OCR
    width, height = Image.open(path).size
    assert all(
        0 <= w.box.x1 < w.box.x2 <= width and 0 <= w.box.y1 < w.box.y2 <= height
        for w in result.words
    )
    model = next(w for w in result.words if w.text == "Model")
    # render_table draws the header's first cell at x=30, y=20+size//3.
    assert abs(model.box.x1 - 30) <= 4 and abs(model.box.y1 - 26) <= 6
    assert result.mean_confidence > 80
    assert result.lines[0].text == "Model Params Tokens MMLU"
    assert all(
        result.words[i].line == n for n, line in enumerate(result.lines) for i in line.word_ids
    )


def test_engine_interface_reads_numbers_with_the_digit_whitelist(tmp_path: Path) -> None:
    path = render_table(tmp_path / "n.png", ["a"], [["66.6"]], size=28)
    grey = preprocess.to_grey(np.asarray(Image.open(path).convert("RGB")))
    words = ocr.read_words(grey, Config().ocr, psm=11, numeric=True)
    assert "66.6" in [w.text for w in words]


@pytest.mark.skipif(tesseract.tesserocr is None, reason="tesserocr is not installed")
def test_both_tesseract_bindings_give_the_same_words(tmp_path: Path) -> None:
    """The pytesseract fallback (no tesserocr wheel) reads what the in-process engine reads."""
    path = render_table(tmp_path / "t.png", HEADER, ROWS[:2], size=20)
    grey = preprocess.to_grey(np.asarray(Image.open(path).convert("RGB")))
    settings = Config().ocr
    in_process = tesseract._words_tesserocr(grey, settings, 11, False)
    via_program = tesseract._words_pytesseract(grey, settings, 11, False)
    assert [w.text for w in via_program] == [w.text for w in in_process]
    assert all(abs(a.box.x1 - b.box.x1) <= 1 for a, b in zip(in_process, via_program, strict=True))


@pytest.mark.parametrize("dark", [False, True])
def test_rendered_table_is_read_exactly(tmp_path: Path, dark: bool) -> None:
    work = read(render_table(tmp_path / "t.png", HEADER, ROWS, size=16, dark=dark))
    table = work.record.ocr.tables[0]
    assert table.columns == HEADER
    got = cells(work)
    assert got == [[("" if text == "-" else text) for text in row] for row in ROWS] or got == ROWS
    rows = tables.rows_from_table(table)
    assert [(r.params_b, r.tokens_t, r.mmlu) for r in rows] == [
        (70, 2, 68.9),
        (180, 3.5, 70.6),
        (65, 1.4, 63.4),
        (7, None, 60.1),
        (8.5, 6, 64.3),
    ]


def test_rotated_low_quality_jpeg_table(tmp_path: Path) -> None:
    path = render_table(tmp_path / "t.png", HEADER, ROWS, size=18)
    image = Image.open(path).rotate(
        1.0, resample=Image.BICUBIC, expand=True, fillcolor=(255, 255, 255)
    )
    jpeg = tmp_path / "t.jpg"
    image.save(jpeg, quality=55)
    work = read(jpeg)
    assert "deskew" in work.record.preprocess.steps
    mmlu = [row[3].value for row in work.record.ocr.tables[0].body]
    assert mmlu == [68.9, 70.6, 63.4, 60.1, 64.3]


def test_seed000_sample_yields_its_six_rows() -> None:
    path = SAMPLES / "seed000_llama_table.png"
    if not path.exists():
        pytest.skip("samples/ not generated: run samples/make_samples.py")
    work = read(path)
    table = work.record.ocr.tables[0]
    rows = [(r.params_b, r.tokens_t, r.mmlu) for r in tables.rows_from_table(table)]
    assert rows == SEED_ROWS
    # Tesseract's page read misses the bold one-digit pandas index; it is recovered from
    # the ink left of the table, under the header rule, and names the rows.
    assert [r.model for r in tables.rows_from_table(table)] == ["1", "2", "3", "4", "5", "6"]
    assert table.columns == ["", "parameters", "training tokens", "mmlu"]


def test_blank_image_has_no_words() -> None:
    blank = np.full((80, 300), 255, dtype=np.uint8)
    assert ocr.read_words(blank, Config().ocr) == []
    assert ocr.read_words(blank, Config().ocr, psm=6, numeric=True) == []


def test_yi_table_all_86_scores_right(shared_dir: Path) -> None:
    real = shared_dir / "data" / "real"
    truth = json.loads((real / "truth.json").read_text())["yi_base_table.png"]
    expected = {(s["model"], s["benchmark"]): s["value"] for s in truth["scores"]}
    work = read(real / "images" / "yi_base_table.png")
    scores = tables.scores_from_table(work.record.ocr.tables[0])
    got = {(s.model, s.benchmark): s.value for s in scores}
    assert got == expected
    settings = {s.benchmark: s.setting for s in scores}
    assert settings["MMLU"] == "5-shot" and settings["BBH"] == "3-shot@1"
    # Every printed "-" stays missing: a cell with no value, never 0 or a neighbour's.
    body = work.record.ocr.tables[0].body
    for r, printed in enumerate(truth["grid"]["rows"]):
        row = next(row for row in body if row[0].text == printed[0])
        for c, text in enumerate(printed[1:], start=1):
            assert row[c].value == parse_number(text), (r, c, row[c].text, text)
