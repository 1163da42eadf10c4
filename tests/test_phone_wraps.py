"""Narrow tables whose cells wrap (phones, squeezed READMEs): in a grid ruled row by row,
the lines between two row rules are one row (``imgread/tables/bands.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.record import Box, Word
from imgread.tables import rows_from_table
from imgread.tables.bands import join_ruled_rows
from imgread.tables.lines import text_lines
from imgread.units import normalise_model_name

CJK = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def _word(text: str, x: int, y: int, height: int = 20) -> Word:
    return Word(
        text=text, confidence=95.0, box=Box(x1=x, y1=y, x2=x + 12 * len(text), y2=y + height)
    )


def _rule(y: int) -> Box:
    return Box(x1=0, y1=y - 1, x2=600, y2=y + 1)


RULES = [_rule(y) for y in (10, 100, 190, 280)]


def _texts(words: list[Word]) -> list[list[str]]:
    lines = join_ruled_rows(text_lines(words), RULES)
    return [[chunk.text for chunk in line.chunks] for line in lines]


def test_a_wrapped_row_between_two_rules_is_one_line() -> None:
    words = [
        _word("Qwen1.5-", 20, 110), _word("142", 200, 110), _word("56.6", 400, 130),
        _word("14B", 20, 140), _word("亿", 200, 140),
        _word("Yi-34B", 20, 220), _word("340亿", 200, 220), _word("60.1", 400, 220),
    ]
    assert _texts(words) == [["Qwen1.5-14B", "142亿", "56.6"], ["Yi-34B", "340亿", "60.1"]]


def test_two_rows_between_two_rules_stay_two() -> None:
    """Numbers stacked in one column are two rows (a rule was not found between them)."""
    words = [
        _word("Yi-6B", 20, 110), _word("45.2", 400, 110),
        _word("Yi-34B", 20, 140), _word("60.1", 400, 140),
    ]
    assert _texts(words) == [["Yi-6B", "45.2"], ["Yi-34B", "60.1"]]


def test_a_title_over_two_columns_is_not_a_wrapped_cell() -> None:
    words = [_word("Reasoning", 380, 110), _word("BBH", 360, 140), _word("GSM8K", 440, 140)]
    assert _texts(words) == [["Reasoning"], ["BBH", "GSM8K"]]


def render_wrapped_grid(path: Path) -> Path:
    """A README table squeezed narrow: every cell boxed, names, sizes (亿) and column
    names wrapped onto two lines."""
    scale = 2
    face = ImageFont.truetype(str(CJK), 15 * scale)
    header = [["模型"], ["参数", "量"], ["C-", "Eval"], ["CMMLU"], ["MMLU"]]
    rows = [
        [["Qwen1.5-", "14B"], ["142", "亿"], ["56.6"], ["58.5"], ["61.2"]],
        [["XVERSE-13B"], ["130", "亿"], ["50.9"], ["51.6"], ["55.3"]],
        [["Baichuan2-", "13B"], ["130", "亿"], ["52.7"], ["55.0"], ["57.4"]],
        [["InternLM2-", "7B"], ["70亿"], ["55.1"], ["53.2"], ["60.8"]],
    ]
    widths = [150, 70, 80, 110, 100]
    xs = [24 * scale]
    for w in widths:
        xs.append(xs[-1] + w * scale)
    line, pad = 24 * scale, 8 * scale
    band = 2 * line + 2 * pad
    top = 100 * scale
    image = Image.new("RGB", (xs[-1] + 24 * scale, top + band * 5 + 30 * scale), "white")
    draw = ImageDraw.Draw(image)
    ink = (31, 35, 40)
    draw.text((xs[0], 16 * scale), "模型评测", fill=ink, font=face)
    note = "我们在以下基准上评测了基座模型，结果如下："
    draw.text((xs[0], 56 * scale), note, fill=ink, font=face)
    for r, cells in enumerate([header, *rows]):
        y0 = top + r * band
        for c, lines in enumerate(cells):
            start = y0 + pad + (band - 2 * pad - len(lines) * line) // 2
            for k, text in enumerate(lines):
                draw.text((xs[c] + 10 * scale, start + k * line), text, fill=ink, font=face)
    for r in range(6):
        y = top + r * band
        draw.line((xs[0], y, xs[-1], y), fill=(190, 196, 204), width=scale)
    for x in xs:
        draw.line((x, top, x, top + 5 * band), fill=(190, 196, 204), width=scale)
    image.save(path)
    return path


@pytest.mark.skipif(not CJK.exists(), reason="WenQuanYi Zen Hei absent")
def test_cells_wrapped_in_a_ruled_grid_read_as_one_row(tmp_path: Path) -> None:
    record = read_image(render_wrapped_grid(tmp_path / "wrapped.png"), load_config())
    table = record.ocr.tables[0]
    rows = {(normalise_model_name(r.model), r.params_b, r.mmlu) for r in rows_from_table(table)}
    assert rows == {
        (normalise_model_name(name), params, mmlu)
        for name, params, mmlu in (
            ("Qwen1.5-14B", 14.2, 61.2),
            ("XVERSE-13B", 13.0, 55.3),
            ("Baichuan2-13B", 13.0, 57.4),
            ("InternLM2-7B", 7.0, 60.8),
        )
    }


def render_cjk_header(path: Path) -> Path:
    """A Chinese table whose column names mix scripts (模型, 参数量, C-Eval)."""
    scale = 2
    face = ImageFont.truetype(str(CJK), 15 * scale)
    rows = [
        ["模型", "参数量", "C-Eval", "CMMLU", "MMLU"],
        ["Qwen1.5-14B", "142亿", "56.6", "58.5", "61.2"],
        ["XVERSE-13B", "130亿", "50.9", "51.6", "55.3"],
        ["Baichuan2-13B", "130亿", "52.7", "55.0", "57.4"],
    ]
    xs = [20 * scale, 170 * scale, 260 * scale, 350 * scale, 450 * scale]
    image = Image.new("RGB", (540 * scale, 200 * scale), "white")
    draw = ImageDraw.Draw(image)
    draw.text((xs[0], 10 * scale), "模型评测结果如下：", fill="black", font=face)
    for r, cells in enumerate(rows):
        for x, text in zip(xs, cells, strict=True):
            draw.text((x, (50 + 34 * r) * scale), text, fill="black", font=face)
    image.save(path)
    return path


@pytest.mark.skipif(not CJK.exists(), reason="WenQuanYi Zen Hei absent")
def test_a_column_name_read_in_part_on_a_han_page_is_completed(tmp_path: Path) -> None:
    """The page's "Eval" for "C-Eval" (Tesseract's chi_sim+eng drops the "C-" it reads
    apart) is completed by the second engine's reading of the name's region; a full name
    is left as the page read it."""
    import numpy as np

    from imgread import ocr
    from imgread.preprocess import prepare
    from imgread.tables import extract_tables

    path = render_cjk_header(tmp_path / "header.png")
    config = load_config()
    record = read_image(path, config)
    assert ocr.is_chinese(record.ocr.lang)
    # The page's word as Tesseract gives it on such pages: "Eval", boxed without "C-".
    words = [
        word.model_copy(
            update={
                "text": "Eval",
                "box": word.box.model_copy(
                    update={"x1": word.box.x1 + (word.box.x2 - word.box.x1) // 3}
                ),
            }
        )
        if word.text == "C-Eval"
        else word
        for word in record.ocr.words
    ]
    assert any(word.text == "Eval" for word in words)
    prepared, _, _ = prepare(np.array(Image.open(path).convert("RGB")), config.preprocess)
    settings = config.model_copy(update={"ocr": ocr.page_settings(config.ocr, record.ocr.lang)})
    tables, _ = extract_tables(words, prepared, settings)
    assert tables[0].columns[2:] == ["C-Eval", "CMMLU", "MMLU"]


def test_a_separator_between_han_words_is_optional_in_a_name_key() -> None:
    """Chinese names print with or without a middle dot: "书生·浦语" is "书生浦语"."""
    assert normalise_model_name("书生·浦语-70B-Chat") == normalise_model_name("书生浦语-70B-Chat")
    assert normalise_model_name("通义千问-Max") != normalise_model_name("通义千问Max")


def test_a_size_zero_read_as_the_letter_is_a_zero() -> None:
    from imgread.record import Cell, Table
    from imgread.tables.name_repairs import repair_model_names

    # a zero inside a size ("7OB", read so by the Traditional Chinese model) too; "4o" is
    # no size and "Olmo" no number
    names = ["Mistral-O.5B-Chat", "Qwen2-7B", "Olmo-7B", "Marrow-7OB", "GPT-4o"]
    table = Table(
        box=Box(x1=0, y1=0, x2=100, y2=100),
        n_rows=5,
        n_cols=2,
        columns=["Model", "MMLU"],
        body=[
            [Cell(row=r, col=0, text=name), Cell(row=r, col=1, text="60.1", value=60.1)]
            for r, name in enumerate(names)
        ],
    )
    repair_model_names(table)
    assert [row[0].text for row in table.body] == [
        "Mistral-0.5B-Chat", "Qwen2-7B", "Olmo-7B", "Marrow-70B", "GPT-4o"
    ]
