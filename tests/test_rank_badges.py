"""Ranks drawn as circled numbers before the model names (``tables/rank_badges.py``)."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.tables import scores_from_table
from imgread.tables.rank_badges import badge_end
from imgread.units import normalise_model_name

FONTS = Path("/usr/share/fonts/truetype")
SANS = FONTS / "dejavu/DejaVuSans.ttf"
LIBERATION = FONTS / "liberation/LiberationSans-Regular.ttf"
needs_fonts = pytest.mark.skipif(
    not (SANS.exists() and LIBERATION.exists()), reason="DejaVu or Liberation fonts absent"
)

BENCHES = ["MMLU", "GSM8K", "HumanEval", "ARC-C"]
NAMES = ["Qwen2-72B-Instruct", "Mixtral-8x7B", "Yi-34B-Chat", "Gemma-2-27B", "Falcon-40B",
         "DeepSeek-V2", "01-ai/Yi-6B"]
MEDALS = [(212, 175, 55), (160, 160, 170), (205, 127, 50), (70, 110, 200)]


def render_ranked(style: str, face_path: Path, size: int, jpeg: bool) -> tuple[bytes, list]:
    """A leaderboard whose names each follow their rank in a badge: a circled digit from
    the font ("glyph"), a filled disc with a white digit ("disc") or a thin ring round a
    digit ("ring"), a few pixels before the name."""
    face = ImageFont.truetype(str(face_path), size)
    circled = ImageFont.truetype(str(SANS), size + 2)
    digit = ImageFont.truetype(str(SANS.with_name("DejaVuSans-Bold.ttf")), max(8, size - 4))
    rows = [(name, [round(20 + (7 * r + 11 * c) % 70 + 0.1 * ((r + c) % 10), 1)
                    for c in range(len(BENCHES))]) for r, name in enumerate(NAMES)]
    pitch, name_w = 2 * size + 6, 240
    width, height = 30 + name_w + 90 * len(BENCHES), 40 + pitch * (len(rows) + 1)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((30, 20), "Model", font=face, fill="black")
    for c, bench in enumerate(BENCHES):
        draw.text((30 + name_w + 90 * c + 80 - face.getlength(bench), 20), bench, font=face,
                  fill="black")
    for r, (name, values) in enumerate(rows):
        y, x = 20 + pitch * (r + 1), 30
        radius, middle = round(0.65 * size), y + 0.6 * face.getmetrics()[0]
        rank = str(r + 1)
        if style == "glyph":
            draw.text((x, y - 1), "①②③④⑤⑥⑦"[r], font=circled, fill="black")
            x += round(circled.getlength("①")) + 6
        else:
            ring = (x, middle - radius, x + 2 * radius, middle + radius)
            if style == "disc":
                draw.ellipse(ring, fill=MEDALS[min(r, 3)])
            else:
                draw.ellipse(ring, outline=(60, 60, 60), width=1)
            draw.text((x + radius - digit.getlength(rank) / 2, middle - 0.6 * digit.size), rank,
                      font=digit, fill="white" if style == "disc" else (60, 60, 60))
            x += 2 * radius + 6
        draw.text((x, y), name, font=face, fill="black")
        for c, value in enumerate(values):
            text = f"{value:.1f}"
            draw.text((30 + name_w + 90 * c + 80 - face.getlength(text), y), text, font=face,
                      fill="black")
    out = io.BytesIO()
    image.save(out, format="JPEG" if jpeg else "PNG", quality=75)
    return out.getvalue(), rows


def _scores_right(path: Path, rows: list) -> int:
    record = read_image(path)
    read = {(normalise_model_name(s.model), s.benchmark): s.value
            for t in record.ocr.tables for s in scores_from_table(t)}
    return sum(1 for name, values in rows for bench, value in zip(BENCHES, values, strict=True)
               if read.get((normalise_model_name(name), bench)) == value)


@needs_fonts
@pytest.mark.parametrize(
    ("style", "face", "size", "jpeg"),
    [("glyph", LIBERATION, 12, False), ("disc", LIBERATION, 13, True), ("ring", SANS, 12, False)],
)
def test_names_after_rank_badges_are_read_without_them(
    tmp_path: Path, style: str, face: Path, size: int, jpeg: bool
) -> None:
    """Every row keeps its scores: without the badge test, the circled digit was read into
    the name ("②Qwen2-72B-Instruct", "(3) Yi-34B-Chat", "01aivi") and those rows' scores were
    keyed by a name no reading shares."""
    data, rows = render_ranked(style, face, size, jpeg)
    path = tmp_path / f"{style}.{'jpg' if jpeg else 'png'}"
    path.write_bytes(data)
    assert _scores_right(path, rows) >= len(rows) * len(BENCHES) - 2


def _crop(text: str, badge: str | None) -> np.ndarray:
    """A cell as the re-reader crops it: dark text on white, about 32 px glyphs."""
    face = ImageFont.truetype(str(SANS), 28)
    image = Image.new("L", (420, 56), 255)
    draw = ImageDraw.Draw(image)
    x = 8
    if badge == "ring":
        draw.ellipse((x, 8, x + 38, 46), outline=0, width=3)
        draw.text((x + 11, 10), "2", font=face, fill=0)
        x += 50
    elif badge in ("disc", "dot"):
        draw.ellipse((x, 8, x + 38, 46), fill=40)
        if badge == "disc":
            draw.text((x + 11, 10), "1", font=face, fill=255)
        x += 50
    draw.text((x, 10), text, font=face, fill=0)
    return np.asarray(image)


@needs_fonts
def test_badge_is_found_by_shape_and_leading_letters_or_digits_are_not() -> None:
    """A ring round a digit and a disc with a white digit are badges; a name's own first
    letter or digit (an empty "O", a narrow "0", "3B", "01-ai") is not, however round, nor
    a bare dot (its re-read lost the voted reading of a tracker's run names)."""
    assert badge_end(_crop("Qwen2-72B", "ring")) is not None
    assert badge_end(_crop("Falcon-40B", "disc")) is not None
    for name in ("OPT-30B", "Orca-2-13B", "01-ai/Yi-6B", "3B-Chat", "Qwen2-72B"):
        assert badge_end(_crop(name, None)) is None, name
    assert badge_end(cv2.resize(_crop("OLMo-7B", None), None, fx=0.5, fy=0.5)) is None
    # An experiment tracker's run colour is a bare dot: no digit, no rank.
    assert badge_end(_crop("qwen2-7b-base-15eafd", "dot")) is None


@needs_fonts
@pytest.mark.parametrize(
    ("text", "face", "size"),
    [("BBH", "DejaVuSerif.ttf", 12), ("Baichuan2-7B", "DejaVuSans-Bold.ttf", 10),
     ("Basalt-14B", "DejaVuSerif.ttf", 13), ("DROP", "DejaVuSerif.ttf", 10)],
)
def test_a_capital_in_small_jpeg_type_is_no_badge(text: str, face: str, size: int) -> None:
    """A "B" or "D" in small JPEG type, scaled up as the re-reader scales a cell, is as
    wide as tall, closed, inked in its middle and stands a gap before the next letter:
    only its corners, which its stem fills and a circle leaves bare, tell it apart."""
    font = ImageFont.truetype(str(SANS.with_name(face)), size)
    image = Image.new("L", (int(font.getlength(text)) + 12, size + 10), 255)
    ImageDraw.Draw(image).text((6, 4), text, font=font, fill=20)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=70)
    pixels = np.asarray(Image.open(out).convert("L"))
    factor = 32 / (size * 1.1)
    crop = cv2.resize(pixels, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    assert badge_end(crop) is None
