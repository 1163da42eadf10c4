"""Korean and Japanese pages: the script detector routes them to Tesseract's own models.

Hangul and kana are noise to the English model and to the Chinese one ("평균" read as
"42&z", "モデル" lost), so their columns' names were lost and with them every score under
them. The detector re-reads the English pass's Han-like words with the Chinese, Japanese and
Korean models together and picks the page's model by the script that comes back. The language
packs are installed by ``scripts/setup`` (tesseract-ocr-kor, tesseract-ocr-jpn).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import read_up_to_charts
from PIL import Image, ImageDraw, ImageFont

from imgread import tables
from imgread.ocr import script
from imgread.pipeline import Work
from imgread.record import Box, Cell, Table, Word

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")  # fonts-wqy-zenhei (setup)

KOREAN = [
    ["모델", "KMMLU", "KoBEST", "평균"],
    ["Kestrel-7B", "41.2", "66.0", "53.6"],
    ["Marrow-70B", "52.8", "74.5", "63.7"],
    ["Umbra-14B", "46.1", "70.3", "58.2"],
    ["Tarn-20B", "44.9", "68.8", "56.9"],
]
JAPANESE = [
    ["モデル", "JNLI", "JSQuAD", "平均"],
    ["Kestrel-7B", "61.2", "86.0", "73.6"],
    ["Marrow-70B", "70.8", "90.5", "80.7"],
    ["Umbra-14B", "64.1", "88.3", "76.2"],
    ["Tarn-20B", "62.9", "87.8", "75.4"],
]


def render(path: Path, rows: list[list[str]], title: str, size: int = 22) -> Path:
    """A blog-like page: a title line in the page's language over a plain ruled table."""
    if not CJK_FONT.exists():
        pytest.skip("no CJK font: apt-get install fonts-wqy-zenhei")
    face = ImageFont.truetype(str(CJK_FONT), size)
    column, pitch = size * 7, int(size * 2.2)
    image = Image.new("RGB", (column * len(rows[0]) + 60, pitch * (len(rows) + 2) + 40), "white")
    draw = ImageDraw.Draw(image)
    draw.text((30, 20), title, fill=(30, 30, 30), font=face)
    for r, row in enumerate(rows):
        y = 20 + (r + 2) * pitch
        for c, text in enumerate(row):
            draw.text((30 + c * column, y + size // 3), text, fill=(30, 30, 30), font=face)
        draw.line((20, y + pitch, image.width - 20, y + pitch), fill=(200, 200, 200), width=1)
    image.save(path)
    return path


def scores(work: Work) -> dict[tuple[str, str], float | None]:
    return {
        (score.model, score.benchmark): score.value
        for i, table in enumerate(work.record.ocr.tables)
        for score in tables.scores_from_table(table, i)
    }


def expected(rows: list[list[str]]) -> dict[tuple[str, str], float]:
    header = rows[0]
    return {
        (row[0], name): float(text)
        for row in rows[1:]
        for name, text in zip(header[1:], row[1:], strict=True)
    }


def test_a_korean_page_is_read_with_the_korean_model(tmp_path: Path) -> None:
    work = read_up_to_charts(render(tmp_path / "ko.png", KOREAN, "한국어 모델 벤치마크 결과"))
    assert work.record.ocr.lang == "kor+eng"
    # the Hangul column's scores: under the English or Chinese model "평균" was noise
    assert scores(work) == expected(KOREAN)


def test_a_japanese_page_is_read_with_the_japanese_model(tmp_path: Path) -> None:
    work = read_up_to_charts(render(tmp_path / "ja.png", JAPANESE, "主要モデルの評価結果です"))
    assert work.record.ocr.lang == "jpn+eng"
    assert "モデル" in work.record.ocr.text  # kana: the Chinese model reads none of it
    assert scores(work) == expected(JAPANESE)


def word(text: str, confidence: float = 93.0) -> Word:
    return Word(text=text, confidence=confidence, box=Box(x1=0, y1=0, x2=40, y2=20))


def test_the_script_of_the_re_read_picks_the_model() -> None:
    # a Korean title re-read: Hangul alone
    assert script.detection([word("한국어"), word("결과"), word("型", 81)], 3).script == "hangul"
    # a Japanese header: kana beside the Han of 平均
    assert script.detection([word("モデル"), word("平均"), word("評価結果")], 3).script == "kana"
    # a Chinese page with one stray kana-like reading stays Chinese
    chinese = [word("模型"), word("参数量"), word("训练数据"), word("ト"), word("平均")]
    assert script.detection(chinese, 5).script == "han"
    # marks and unsure readings are no script at all
    assert not script.detection([word("一"), word("口"), word("결", 40)], 3).han
    # the long-vowel mark alone looks like a dash: no kana
    assert script.detection([word("平均"), word("ー")], 2).script == "han"


# Sizes printed as Chinese magnitudes: Tesseract's Latin side reads 亿 as "42," with
# confidence 90, so "70亿" became 7042 billion parameters.
MAGNITUDES = [
    ["模型", "参数量", "C-Eval", "MMLU"],
    ["Falcon-7B-Base", "7B", "67.4", "49.6"],
    ["Yi-6B-Base", "60亿", "61.0", "51.6"],
    ["Sorrel-7B-Base", "70亿", "58.7", "56.0"],
    ["Kestrel 7B", "70亿", "55.7", "69.0"],
    ["Vireo-4B-Base", "4B", "51.1", "48.2"],
    ["Ostrea 9B", "90亿", "58.0", "53.1"],
]


def render_sized(path: Path, rows: list[list[str]], size: int = 13) -> Path:
    """A doc table in small print, a pale rule under each row (a Feishu-like page)."""
    if not CJK_FONT.exists():
        pytest.skip("no CJK font: apt-get install fonts-wqy-zenhei")
    face = ImageFont.truetype(str(CJK_FONT), size)
    widths = [size * 9, size * 5, size * 5, size * 5]
    pitch = int(size * 2.6)
    image = Image.new("RGB", (sum(widths) + 40, pitch * len(rows) + 40), "white")
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(rows):
        x = 20
        for c, text in enumerate(row):
            draw.text((x + 8, 20 + r * pitch + size // 2), text, fill=(31, 35, 41), font=face)
            x += widths[c]
        y = 20 + (r + 1) * pitch
        draw.line((20, y, x, y), fill=(222, 224, 227))
    image.save(path)
    return path


def test_a_size_printed_in_chinese_magnitudes_keeps_its_magnitude(tmp_path: Path) -> None:
    work = read_up_to_charts(render_sized(tmp_path / "zh.png", MAGNITUDES))
    rows = {row.model: row.params_b for row in tables.rows_from_table(work.record.ocr.tables[0])}
    assert rows == {
        "Falcon-7B-Base": 7.0, "Yi-6B-Base": 6.0, "Sorrel-7B-Base": 7.0, "Kestrel 7B": 7.0,
        "Vireo-4B-Base": 4.0, "Ostrea 9B": 9.0,
    }


def test_a_reading_that_kept_the_magnitude_outvotes_one_that_read_it_as_digits() -> None:
    from imgread.ocr.vote import vote

    assert vote("7042,", 90, "70亿", 60, numeric=True).text == "70亿"
    assert vote("1.4712", 92, "1.4万亿", 70, numeric=True).text == "1.4万亿"
    # a reading with no magnitude either way still goes by confidence
    assert vote("70.4", 90, "70.1", 60, numeric=True).text == "70.4"


def test_japanese_and_korean_magnitudes_and_column_names() -> None:
    from imgread.units import column_quantity, header_unit, parse_params_b, parse_tokens_t

    assert parse_params_b("70억") == 7.0 and parse_params_b("70億") == 7.0
    assert parse_tokens_t("1.4조") == 1.4 and parse_tokens_t("2兆") == 2.0
    assert parse_tokens_t("3000억") == 0.3
    assert header_unit("파라미터 (억)") == "亿"
    assert column_quantity("파라미터 (B)") == "params"
    assert column_quantity("パラメータ数") == "params"
    assert column_quantity("학습 토큰") == "tokens" and column_quantity("トークン数") == "tokens"


def test_a_missing_name_is_read_clear_of_its_neighbours_names() -> None:
    """The re-read of a name the page missed ("平均") starts after the name beside it: the
    column's span took in "JEMHopQA"'s last letter, read as "A 平均"."""
    from imgread.record import Cell
    from imgread.tables.name_rereads import beside_neighbours

    header = [
        Cell(row=0, col=0, text="JEMHopQA", box=Box(x1=1165, y1=287, x2=1316, y2=315)),
        Cell(row=0, col=1, text="", box=None),
    ]
    assert beside_neighbours(header, 1, 1295, 1420) == (1318, 1420)
    # no neighbour inside the span: the span as it was
    assert beside_neighbours(header, 1, 1330, 1420) == (1330, 1420)


def test_a_size_with_its_unit_letter_keeps_its_digits() -> None:
    """A parameters column printing some sizes with one decimal ("14.3b", "1.3B"): "57B"
    beside "Kestrel-MoE-57B-A14B" is 57B, not 5.7. Its box (recorded from a Japanese note's
    page) is as wide as three digits, but the third is its unit letter, not a lost point."""
    from imgread.tables import repair_column

    printed = [
        ("Kestrel-34B", "34b", (275, 305)),
        ("Kestrel-MoE-57B-A14B", "57B", (275, 310)),
        ("Cairn-14B", "14B", (276, 310)),
        ("Basalt-MoE-A2.7B", "14.3b", (275, 320)),
        ("Ostrea-1.3B", "1.3B", (276, 310)),
        ("Marrow-3B", "3b", (275, 294)),
    ]
    body = [
        [
            Cell(row=r, col=0, text=name),
            Cell(
                row=r, col=1, text=text, value=float(text.rstrip("bB")), confidence=92.0,
                box=Box(x1=x1, y1=226 + 44 * r, x2=x2, y2=241 + 44 * r),
            ),
        ]
        for r, (name, text, (x1, x2)) in enumerate(printed)
    ]
    table = Table(
        box=Box(x1=0, y1=0, x2=400, y2=500), n_rows=6, n_cols=2, columns=["Model", "Params"],
        body=body,
    )
    repair_column(table, 1)
    assert [row[1].text for row in table.body] == [text for _, text, _ in printed]


def test_a_missing_mark_in_a_cjk_quantity_column_is_not_read_again() -> None:
    """Cells of a quantity column named in Chinese ("训练Token数") that print no magnitude go
    to the second engine, but a dash is no number that lost its magnitude: RapidOCR read
    a leaderboard's "-" as "1", and a model without published tokens got 1T."""
    from imgread.tables.second import doubtful_cells

    printed = ["2T", "-", "3.0T"]
    body = [
        [
            Cell(row=r, col=0, text=name, confidence=95.0,
                 box=Box(x1=38, y1=81 + 30 * r, x2=160, y2=97 + 30 * r)),
            Cell(row=r, col=1, text=text, value=float(text[:-1]) if text != "-" else None,
                 confidence=95.0, box=Box(x1=323, y1=81 + 30 * r, x2=350, y2=97 + 30 * r)),
        ]
        for r, (name, text) in enumerate(
            zip(["DeepSeek LLM 7b", "Mistral-7B-AWQ", "Qwen1.5-4B-Int8"], printed, strict=True)
        )
    ]
    table = Table(
        box=Box(x1=38, y1=33, x2=400, y2=181), n_rows=3, n_cols=2,
        columns=["模型", "训练Token数"], body=body,
    )
    found = [cell.text for cell, _, _ in doubtful_cells(table, [(30, 200), (300, 360)], 16, 90)]
    assert "-" not in found and {"2T", "3.0T"} <= set(found)


# A Traditional Chinese page (a Taiwanese or Hong Kong blog): Tesseract's Simplified model
# maps its glyphs onto Simplified characters, unsure of many ("訓練資料" came back as "训 红
# 资 料"), so its column names were neither as printed nor found as quantities.
TRADITIONAL = [
    ["模型", "參數量（B）", "訓練資料（T）", "常識推理", "MMLU"],
    ["Kestrel-7B", "7", "2.0", "61.2", "58.4"],
    ["Marrow-70B", "70", "2.0", "72.8", "69.5"],
    ["Umbra-14B", "14", "3.0", "66.1", "63.0"],
    ["Tarn-20B", "20", "1.4", "64.9", "60.8"],
]
SIMPLIFIED = [
    ["模型", "参数量（B）", "训练数据（T）", "常识推理", "MMLU"],
    *TRADITIONAL[1:],
]


@pytest.mark.parametrize(
    ("rows", "title", "model"),
    [
        (TRADITIONAL, "開源語言模型評測：參數、訓練資料與結果", "chi_tra"),
        (SIMPLIFIED, "开源语言模型评测：参数、训练数据与结果", "chi_sim"),
    ],
)
def test_the_chinese_script_of_the_page_picks_the_chinese_model(
    tmp_path: Path, rows: list[list[str]], title: str, model: str
) -> None:
    from imgread.ocr import tesseract

    if not tesseract.installed("chi_tra"):
        pytest.skip("no chi_tra data: apt-get install tesseract-ocr-chi-tra")
    work = read_up_to_charts(render(tmp_path / "zh.png", rows, title, size=20))
    assert work.record.ocr.lang == f"{model}+eng"
    table = work.record.ocr.tables[0]
    # full-width brackets may come back as ASCII ones: the same name
    assert table.columns[:4] == [unicodedata.normalize("NFKC", name) for name in rows[0][:4]]
    by_model = {row.model: row for row in tables.rows_from_table(table)}
    assert {name: (row.params_b, row.tokens_t, row.mmlu) for name, row in by_model.items()} == {
        row[0]: (float(row[1]), float(row[2]), float(row[4])) for row in rows[1:]
    }


def test_the_traditional_model_wins_only_where_the_readings_differ() -> None:
    def at(text: str, confidence: float, x: int) -> Word:
        return Word(text=text, confidence=confidence, box=Box(x1=x, y1=0, x2=x + 40, y2=20))

    # 模型 reads alike: no evidence; 資料 read surer by the Traditional model than 资料 by the
    # Simplified one: +12 per character
    simplified = [at("模型", 95, 0), at("资料", 80, 100)]
    traditional = [at("模型", 90, 0), at("資料", 92, 100)]
    assert script.traditional_advantage(simplified, traditional) == 12.0
    # the Simplified model sure of 数据, the Traditional one less of 數據: negative
    assert script.traditional_advantage([at("数据", 96, 0)], [at("數據", 70, 0)]) == -26.0
    # nothing differs: no advantage either way
    assert script.traditional_advantage([at("模型", 95, 0)], [at("模型", 60, 0)]) == 0.0
    # a blurred 模型 misread by both, cut differently: a misread, not a script (this one sent
    # a Simplified page of small print to the Traditional model)
    misread = [at("划", 38, 0), at("型", 0, 30)]
    assert script.traditional_advantage(misread, [at("型", 81, 20)]) == 0.0
