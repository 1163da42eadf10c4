"""Korean and Japanese pages: the script detector routes them to Tesseract's own models.

Hangul and kana are noise to the English model and to the Chinese one ("평균" read as
"42&z", "モデル" lost), so their columns' names were lost and with them every score under
them. The detector re-reads the English pass's Han-like words with the Chinese, Japanese and
Korean models together and picks the page's model by the script that comes back. The language
packs are installed by ``scripts/setup`` (tesseract-ocr-kor, tesseract-ocr-jpn).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread import ocr, preprocess, tables
from imgread.config import Config
from imgread.ocr import script
from imgread.pipeline import Work
from imgread.record import Box, Record, Word

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


def read(path: Path) -> Work:
    config = Config()
    work = Work(path=path, record=Record())
    work.rgb = np.asarray(Image.open(path).convert("RGB"))
    preprocess.run(work, config)
    ocr.run(work, config)
    tables.run(work, config)
    return work


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
    work = read(render(tmp_path / "ko.png", KOREAN, "한국어 모델 벤치마크 결과"))
    assert work.record.ocr.lang == "kor+eng"
    # the Hangul column's scores: under the English or Chinese model "평균" was noise
    assert scores(work) == expected(KOREAN)


def test_a_japanese_page_is_read_with_the_japanese_model(tmp_path: Path) -> None:
    work = read(render(tmp_path / "ja.png", JAPANESE, "主要モデルの評価結果です"))
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
