"""A monitoring dashboard's table panel: each value coloured by a threshold, in a rounded box
set inside its cell or filling the cell, on a dark panel (``preprocess/value_boxes.py``,
``tables/cell_boxes.py``, ``ocr/vote.stray_edge``)."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.ocr.vote import vote
from imgread.pipeline import read_image
from imgread.preprocess.value_boxes import value_boxes
from imgread.tables import scores_from_table
from imgread.tables.cell_boxes import box_inside
from imgread.units import normalise_model_name

FONTS = Path("/usr/share/fonts/truetype")
FACES = {
    "dejavu": FONTS / "dejavu/DejaVuSans.ttf",
    "liberation": FONTS / "liberation/LiberationSans-Regular.ttf",
    "roboto": FONTS / "roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
}
needs_fonts = pytest.mark.skipif(
    not all(path.exists() for path in FACES.values()), reason="fonts absent"
)
NAMES = ["Marrow-7B", "Vexa-13B", "Lumece-34B", "Omdres-8B", "Kestrel-70B", "Tansy-3B"]
BENCHES = ["MMLU", "GSM8K", "ARC-C", "BBH"]
# (fill, text) for good, middling and poor values
THRESHOLDS = [
    ((115, 191, 105), (0, 0, 0)),
    ((255, 152, 48), (0, 0, 0)),
    ((242, 73, 92), (255, 255, 255)),
]
PANEL, PAGE, RULE, MUTED = (24, 27, 31), (17, 18, 23), (44, 50, 53), (204, 204, 220)


def _values() -> list[list[float]]:
    """Scores of every threshold, several with a leading "4" or "7" beside the box's edge
    (drawn, not stepped: a row of evenly stepped numbers passes for an axis's ticks)."""
    rng = random.Random(7)
    return [[round(rng.uniform(20, 95), 1) for _ in BENCHES] for _ in NAMES]


def render_panel(face_name: str, size: int, inset: bool, percent: bool) -> tuple[Image.Image, list]:
    """A dark table panel: a title, a muted header, each value in its threshold's colour."""
    face = ImageFont.truetype(str(FACES[face_name]), size)
    pitch, name_w, cell_w = 2 * size + 12, 10 * size, 6 * size
    width = 40 + name_w + cell_w * len(BENCHES) + 20
    height = 90 + 2 * size + pitch * len(NAMES) + 30
    image = Image.new("RGB", (width, height), PAGE)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((10, 10, width - 10, height - 10), 3, fill=PANEL, outline=RULE)
    draw.text((24, 22), "Nightly evals", font=face, fill=MUTED)
    y = 70
    draw.text((30, y), "Model", font=face, fill=MUTED)
    for c, bench in enumerate(BENCHES):
        draw.text((30 + name_w + cell_w * c + 8, y), bench, font=face, fill=MUTED)
    y += 2 * size
    rows = list(zip(NAMES, _values(), strict=True))
    for name, values in rows:
        draw.line((24, y, width - 24, y), fill=RULE)
        text_y = y + (pitch - size) // 2
        draw.text((30, text_y), name, font=face, fill=MUTED)
        for c, value in enumerate(values):
            fill, ink = THRESHOLDS[0 if value >= 70 else 1 if value >= 45 else 2]
            text = f"{value:.1f}%" if percent else f"{value:.1f}"
            x = 30 + name_w + cell_w * c
            if inset:  # a rounded box hugging the number, its edge 4 px from the digits
                right = x + 8 + face.getlength(text) + 4
                draw.rounded_rectangle((x + 4, y + 7, right, y + pitch - 7), 3, fill=fill)
            else:
                draw.rectangle((x, y + 1, x + cell_w - 1, y + pitch - 1), fill=fill)
            draw.text((x + 8, text_y), text, font=face, fill=ink)
        y += pitch
    return image, rows


def _scores_right(path: Path, rows: list) -> int:
    record = read_image(path)
    read = {
        (normalise_model_name(s.model), s.benchmark.upper()): s.value
        for t in record.ocr.tables
        for s in scores_from_table(t)
    }
    return sum(
        1
        for name, values in rows
        for bench, value in zip(BENCHES, values, strict=True)
        if read.get((normalise_model_name(name), bench)) == value
    )


@needs_fonts
@pytest.mark.parametrize(
    ("face_name", "size", "inset", "percent"),
    [("dejavu", 13, True, False), ("roboto", 14, True, True), ("liberation", 16, False, True)],
)
def test_threshold_coloured_panel_reads_every_score(
    tmp_path: Path, face_name: str, size: int, inset: bool, percent: bool
) -> None:
    image, rows = render_panel(face_name, size, inset, percent)
    path = tmp_path / "panel.png"
    image.save(path)
    assert _scores_right(path, rows) == len(rows) * len(BENCHES)


@needs_fonts
def test_value_boxes_found_one_per_value() -> None:
    image, rows = render_panel("dejavu", 13, True, False)
    boxes = value_boxes(np.asarray(image))
    assert len(boxes) == len(rows) * len(BENCHES)


def test_square_badges_and_lone_bars_are_no_value_boxes() -> None:
    """Square badges before names hold initials, not a number's width; a bar chart's bars
    share no row."""
    image = Image.new("RGB", (400, 300), "white")
    draw = ImageDraw.Draw(image)
    for r in range(5):
        draw.rounded_rectangle((20, 20 + 40 * r, 46, 46 + 40 * r), 4, fill=(62, 99, 221))
        draw.text((26, 26 + 40 * r), "M1", fill="white")
        draw.rectangle((80, 20 + 40 * r, 120 + 50 * r, 46 + 40 * r), fill=(48, 164, 108))
        draw.text((86, 26 + 40 * r), f"{10 * r + 12}", fill="white")
    assert value_boxes(np.asarray(image)) == []


def test_crop_cut_to_its_box() -> None:
    """A cell's crop: a red box inset on a dark ground, a white number in it; the crop cut
    to the box has the box's colour all round, no edge of the dark ground."""
    image = Image.new("RGB", (90, 30), PANEL)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((10, 4, 70, 26), 3, fill=THRESHOLDS[2][0])
    draw.text((16, 9), "42.0", fill="white")
    inside = box_inside(np.asarray(image), glyph=12.0)
    assert inside is not None
    ring = np.concatenate([inside[0], inside[-1], inside[:, 0], inside[:, -1]])
    assert np.abs(ring.astype(int) - THRESHOLDS[2][0]).max() < 40


def test_stray_leading_one_loses_the_vote() -> None:
    """The page read "142.0" surely, the second engine "42.0" less surely: the box's edge
    read as a "1" is no digit."""
    assert vote("142.0", 96.0, "42.0", 80.0, numeric=True, edged=True).text == "42.0"
    assert vote("142.0", 96.0, "142.0", 80.0, numeric=True, edged=True).text == "142.0"


def test_leading_one_one_reader_lost_stays_without_an_edge() -> None:
    """Beside no box's edge, the reading with the "1" is not taken for a stray: the page's
    "1.5" may have lost the first "1" of "11.5" (a spreadsheet's small digits)."""
    assert vote("1.5", 60.0, "11.5", 90.0, numeric=True).text == "11.5"
