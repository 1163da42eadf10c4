"""Settings printed after the names in a shrunk table's header (``tables/header_gaps.py``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.record import Box
from imgread.tables import scores_from_table
from imgread.tables.header_gaps import settle_gap_pieces

SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
needs_fonts = pytest.mark.skipif(not SERIF.exists(), reason="DejaVu fonts absent")


def _box(x1: int, x2: int) -> Box:
    return Box(x1=x1, y1=7, x2=x2, y2=17)


def test_a_setting_in_the_gap_goes_back_to_its_own_name() -> None:
    """"HumanEval 0-shot" centred over narrow numbers leaves "0-shot" wholly in the gap
    before MATH's numbers, as near MATH as its own name (3 px each side at 7 px text):
    with it, "HumanEval 0-shot" sits centred over its cells and "MATH 4-shot" over its."""
    ranges = [(85, 99), (136, 150)]
    boxes = [_box(64, 100), _box(103, 122), _box(125, 142), _box(145, 166)]
    assert settle_gap_pieces(boxes, [0, 1, 1, 1], ranges) == [0, 0, 1, 1]


def test_a_name_set_left_over_numbers_set_right_stays() -> None:
    """A name set at the left of its cell, over numbers set at the right, lies in the gap
    too, but alone: moving it would leave its column unnamed, and a name further than a
    word space from the one before it is never moved."""
    ranges = [(10, 60), (150, 180), (260, 290)]
    boxes = [_box(10, 70), _box(76, 110), _box(190, 230)]
    assert settle_gap_pieces(boxes, [0, 1, 2], ranges) == [0, 1, 2]
    far = [_box(10, 40), _box(60, 90), _box(120, 180)]
    assert settle_gap_pieces(far, [0, 1, 1], [(10, 40), (140, 170)]) == [0, 1, 1]


HEADS = [("HumanEval", "0-shot"), ("MATH", "4-shot"), ("MMLU", "5-shot"), ("GSM8K", "8-shot"),
         ("ARC-C", "25-shot")]
ROWS = [
    ("Yi-34B-Chat", [16.1, 86.2, 69.6, 38.9, 43.6]),
    ("3B-Chat", [21.1, 38.4, 43.7, 76.1, 31.0]),
    ("Mixtral-8x7B", [24.0, 34.2, 39.0, 46.6, 78.8]),
    ("Corvel-3-70B", [29.2, 45.2, 40.0, 56.6, 28.9]),
    ("DeepSeek-V2", [25.6, 82.8, 52.9, 71.8, 29.2]),
    ("InternLM2-20B", [63.3, 46.0, 47.6, 62.2, 36.0]),
]


def render_shrunk(path: Path) -> list[tuple[str, list[float]]]:
    """A booktabs table drawn at 20 px and shrunk to 0.3 (a LaTeX ``\\resizebox``): each
    header cell "MMLU 5-shot" is about 7 px tall, numbers centred under it, the columns a
    few pixels apart."""
    face = ImageFont.truetype(str(SERIF), 20)
    rows = ROWS
    texts = [f"{bench} {setting}" for bench, setting in HEADS]
    widths = [face.getlength(text) + 12 for text in texts]
    name_w = max(face.getlength(name) for name, _ in rows) + 30
    width, pitch = int(40 + name_w + sum(widths)), 28
    height = 40 + pitch * (len(rows) + 1) + 20
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.line((20, 19, width - 20, 19), fill="black", width=2)
    draw.text((20, 25), "Model", font=face, fill="black")
    x, centres = 20 + name_w, []
    for text, w in zip(texts, widths, strict=True):
        draw.text((x + (w - face.getlength(text)) / 2, 25), text, font=face, fill="black")
        centres.append(x + w / 2)
        x += w
    draw.line((20, 25 + pitch - 2, width - 20, 25 + pitch - 2), fill="black", width=1)
    for r, (name, values) in enumerate(rows):
        y = 25 + pitch * (r + 1) + 4
        draw.text((20, y), name, font=face, fill="black")
        for centre, value in zip(centres, values, strict=True):
            text = f"{value:.1f}"
            draw.text((centre - face.getlength(text) / 2, y), text, font=face, fill="black")
    draw.line((20, height - 18, width - 20, height - 18), fill="black", width=2)
    image.resize((round(width * 0.3), round(height * 0.3)), Image.LANCZOS).save(path)
    return rows


@needs_fonts
def test_settings_in_a_shrunk_header_stay_with_their_names(tmp_path: Path) -> None:
    """Each column's name carries its own setting: before, "0-shot" went to the next
    column ("HumanEval" and "0-shot MATH 4-shot"), and both columns' scores were lost."""
    path = tmp_path / "shrunk.png"
    rows = render_shrunk(path)
    record = read_image(path)
    names = [column for table in record.ocr.tables for column in table.columns]
    assert "HumanEval 0-shot" in names and "MATH 4-shot" in names, names

    def key(text: str) -> str:
        return re.sub(r"[\s()]", "", text.lower())

    read = {key(s.benchmark + (s.setting or "")): s.value
            for t in record.ocr.tables for s in scores_from_table(t) if s.model == rows[0][0]}
    for (bench, setting), value in zip(HEADS[:2], rows[0][1][:2], strict=True):
        assert read.get(key(bench + setting)) == value, read

