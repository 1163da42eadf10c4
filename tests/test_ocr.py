"""Through the real Tesseract: words and boxes, then tables end to end on real images."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import SAMPLES, font, render_table
from PIL import Image

from imgread import ocr, preprocess, tables
from imgread.config import Config
from imgread.errors import BackendUnavailable
from imgread.ocr import script, tesseract
from imgread.pipeline import Work
from imgread.record import Box, Record, Word
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


def test_large_text_is_read_at_the_target_height_with_boxes_in_loaded_pixels(
    tmp_path: Path,
) -> None:
    """A page rendered at about 4x (text far taller than Tesseract needs) is read scaled
    down to ``target_x_height``, its words mapped back onto the loaded image."""
    size = 90
    rows = [row for row in ROWS if "-" not in row]  # (a lone dash is lost at any scale)
    path = render_table(tmp_path / "t.png", HEADER, rows, size=size)
    work = read(path)
    result = work.record.ocr
    settings = Config().preprocess
    prepared = work.prepared
    assert prepared is not None and prepared.scale == 1.0  # later stages crop it full size
    assert prepared.x_height > settings.max_read_x_height
    assert result.scale < 0.6
    assert result.scale * prepared.x_height == pytest.approx(settings.target_x_height, rel=0.05)
    model = next(w for w in result.words if w.text == "Model")
    # where render_table drew the header's first cell (x=30, y=20+size//3), in the loaded
    # image's pixels, not in the smaller image the page read took
    x, y = 30, 20 + size // 3
    left, top, right, bottom = font(size).getbbox("Model")
    assert abs(model.box.x1 - (x + left)) <= 8 and abs(model.box.y1 - (y + top)) <= 8
    assert abs(model.box.x2 - (x + right)) <= 8 and abs(model.box.y2 - (y + bottom)) <= 8
    assert cells(work) == rows


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


# Chinese labels: ``ocr.lang = "auto"`` reads English, and with the Chinese model too where
# the English pass finds Han text.
CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # fonts-wqy-zenhei (scripts/setup)
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # fonts-noto-cjk
)
CJK_HEADER = ["模型", "语文", "数学", "阅读理解"]
CJK_ROWS = [
    ["通义千问-7B", "56.1", "48.2", "61.0"],
    ["百川2-13B", "58.5", "51.0", "57.3"],
    ["书生浦语-20B", "62.3", "55.4", "66.8"],
    ["智谱清言", "60.7", "49.9", "63.2"],
]


def render_cjk_table(path: Path, size: int = 20) -> Path:
    from PIL import ImageDraw, ImageFont

    face_path = next((f for f in CJK_FONTS if Path(f).exists()), None)
    if face_path is None:
        pytest.skip("no CJK font: apt-get install fonts-wqy-zenhei")
    face = ImageFont.truetype(face_path, size)
    column, row_height = size * 8, int(size * 2.2)
    rows = [CJK_HEADER, *CJK_ROWS]
    image = Image.new("RGB", (column * 4 + 40, row_height * len(rows) + 40), "white")
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(rows):
        y = 20 + r * row_height
        for c, text in enumerate(row):
            draw.text((30 + c * column, y + size // 3), text, fill=(20, 20, 20), font=face)
        draw.line((20, y, image.width - 20, y), fill=(20, 20, 20), width=1)
    image.save(path)
    return path


def test_auto_reads_a_chinese_table_with_the_chinese_model(tmp_path: Path) -> None:
    work = read(render_cjk_table(tmp_path / "zh.png"))
    result = work.record.ocr
    assert result.lang == "chi_sim+eng"
    labels = CJK_HEADER + [row[0] for row in CJK_ROWS]
    found = [label for label in labels if label in result.text]
    # half of the 8 or more (5 when written: 数学, 通义千问 and 智谱清言 are misread); the
    # English model alone finds none
    assert len(found) >= 4, (found, result.text)
    assert "58.5" in result.text and "66.8" in result.text


def test_auto_keeps_english_pages_on_the_english_model(tmp_path: Path) -> None:
    work = read(render_table(tmp_path / "en.png", HEADER, ROWS, size=16))
    assert work.record.ocr.lang == "eng"
    assert work.record.ocr.lines[0].text == "Model Params Tokens MMLU"


def test_english_model_alone_turns_chinese_into_noise(tmp_path: Path) -> None:
    """The reason for "auto": with lang "eng" the Chinese labels are lost."""
    path = render_cjk_table(tmp_path / "zh.png")
    grey = preprocess.to_grey(np.asarray(Image.open(path).convert("RGB")))
    english = ocr.read_words(grey, Config().ocr.model_copy(update={"lang": "eng"}))
    assert not any(script.HAN.search(w.text) for w in english)
    words, lang = ocr.read_words_lang(grey, Config().ocr)
    assert lang == "chi_sim+eng" and {"模型", "阅读理解"} <= {w.text for w in words}


def test_chinese_words_are_joined_back() -> None:
    def word(text: str, x1: int, x2: int, y1: int = 10, y2: int = 40) -> Word:
        return Word(text=text, confidence=90, box=Box(x1=x1, y1=y1, x2=x2, y2=y2))

    found = [
        word("活字", 0, 60),
        word("1.0", 64, 100),  # Han meets a number: one word, as printed
        word("(中", 300, 400),  # Tesseract's box reaches over the next character's
        word("文", 350, 380),
        word(")", 382, 392),
        word("Model", 600, 700),
        word("Params", 710, 820),  # Latin words keep their space
        word("模型", 0, 60, y1=100, y2=130),  # another line
    ]
    assert [w.text for w in script.merge_cjk_words(found)] == [
        "活字1.0",
        "(中文)",
        "Model",
        "Params",
        "模型",
    ]


def test_missing_language_data_names_the_package() -> None:
    blank = np.full((40, 100), 255, dtype=np.uint8)
    settings = Config().ocr.model_copy(update={"lang": "eng+xyz_abc"})
    with pytest.raises(BackendUnavailable) as caught:
        ocr.read_words(blank, settings)
    assert "tesseract-ocr-xyz-abc" in (caught.value.hint or "")


def test_no_english_real_image_is_called_chinese(shared_dir: Path) -> None:
    """The detector on the English pass of real English screenshots: never Han."""
    images = shared_dir / "data" / "real" / "images"
    for name in ("yi_base_table.png", "dsv3_bench_bar.png", "kimi_k2_banner_dark.png"):
        rgb = np.asarray(Image.open(images / name).convert("RGB"))
        grey = preprocess.to_grey(rgb)
        words = ocr.read_words(grey, Config().ocr.model_copy(update={"lang": "eng"}))
        assert not ocr.detect_han(grey, words, Config().ocr).han, name


def test_huozi3_chinese_labels_come_out(shared_dir: Path) -> None:
    """A real table with Chinese model and benchmark names: most (model, benchmark, value)
    triples come out right (none did with the English model)."""
    from imgread.pipeline import read_image

    real = shared_dir / "data" / "real"
    truth = json.loads((real / "truth.json").read_text())["huozi3_eval_table.png"]

    def key(model: str, benchmark: str) -> tuple[str, str]:
        return "".join(model.split()), "".join(benchmark.split())

    expected = {key(s["model"], s["benchmark"]): s["value"] for s in truth["scores"]}
    record = read_image(real / "images" / "huozi3_eval_table.png")
    assert record.ocr.lang == "chi_sim+eng"
    right = sum(expected.get(key(s.model, s.benchmark)) == s.value for s in record.scores)
    assert right >= 45, right  # 54 of 70 when written; 0 with the English model
    assert {"活字1.0", "活字2.0"} <= {s.model for s in record.scores}



def _boxed(words: list[Word]) -> list[tuple[str, tuple[int, int, int, int]]]:
    return [(w.text, (w.box.x1, w.box.y1, w.box.x2, w.box.y2)) for w in words]


@pytest.mark.skipif(tesseract.tesserocr is None, reason="tesserocr is not installed")
def test_one_engine_reads_every_page_mode_as_an_engine_of_its_own(tmp_path: Path) -> None:
    """A language's engine is loaded once and serves every page mode (the mode set per
    call): each mode, read after the others on the shared engine, gives what a freshly
    loaded engine gives in that mode, word for word and box for box."""
    settings = Config().ocr.model_copy(update={"lang": "eng"})
    images = [
        render_table(tmp_path / "a.png", HEADER, ROWS, size=16),
        render_table(tmp_path / "b.png", HEADER, ROWS[:3], size=22, dark=True),
        render_table(tmp_path / "c.png", ["Model", "Score"], [["Qwen2 72B", "84.2"]], size=12),
    ]
    greys = [preprocess.to_grey(np.asarray(Image.open(p).convert("RGB"))) for p in images]
    modes = (11, 6, 7, 11)
    alone = {}
    for psm in modes:
        tesseract._api.cache_clear()  # a new engine, as one per mode was loaded before
        alone[psm] = [_boxed(tesseract.words(grey, settings, psm=psm)) for grey in greys]
    tesseract._api.cache_clear()
    for i, grey in enumerate(greys):
        for psm in modes:
            assert _boxed(tesseract.words(grey, settings, psm=psm)) == alone[psm][i]
    # three images in three modes: one English engine was loaded, not one per mode
    assert tesseract._api.cache_info().currsize == 1
