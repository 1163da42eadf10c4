"""Coloured badges before model names and small grey capitals over the columns: a web
leaderboard card (``preprocess/name_badges.py``, ``tables/han_headers.complete_headers``,
``tables/marks._named_whole``)."""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.preprocess.name_badges import find_name_badges
from imgread.tables import scores_from_table
from imgread.units import normalise_model_name

FONTS = Path("/usr/share/fonts/truetype")
FACES = {
    "dejavu": (FONTS / "dejavu/DejaVuSans.ttf", FONTS / "dejavu/DejaVuSans-Bold.ttf"),
    "liberation": (FONTS / "liberation/LiberationSans-Regular.ttf",
                   FONTS / "liberation/LiberationSans-Bold.ttf"),
    "roboto": (FONTS / "roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
               FONTS / "roboto/unhinted/RobotoTTF/Roboto-Bold.ttf"),
}
needs_fonts = pytest.mark.skipif(
    not all(path.exists() for pair in FACES.values() for path in pair), reason="fonts absent"
)
NAMES = ["Marrow-1.5 14B Base", "Vexa-2 14B Chat", "Lumece-2 7B Instruct", "Omdres-3 8B Base",
         "Mixtral-8x7B", "Kestrel-1 70B Chat"]
BENCHES = ["MMLU", "MMLU-PRO", "MBPP", "GPQA"]
COLOURS = [(229, 72, 77), (62, 99, 221), (48, 164, 108), (247, 107, 21), (142, 78, 198),
           (214, 64, 159)]


def _spaced(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str,
            face: ImageFont.FreeTypeFont, fill: tuple[int, int, int], spacing: float) -> None:
    """Letter-spaced text, as a web page's ``letter-spacing`` sets small capitals."""
    x, y = xy
    for ch in text:
        draw.text((x, y), ch, font=face, fill=fill)
        x += face.getlength(ch) + spacing


def render_card(face_name: str, size: int, disc: bool, header_ink: int,
                scale: int = 1) -> tuple[Image.Image, list]:
    """A leaderboard card: grey page, white card, a title, a subtitle, a header in small
    grey capitals, and before each name a saturated badge holding two white initials."""
    regular, bold = FACES[face_name]
    s = scale
    face = ImageFont.truetype(str(regular), size * s)
    small = ImageFont.truetype(str(bold), (size - 3) * s)
    title = ImageFont.truetype(str(bold), (size + 5) * s)
    initials = ImageFont.truetype(str(bold), max(8, size // 2 + 2) * s)
    badge, pitch = (size + 5) * s, (2 * size + 14) * s
    rows = [(name, [round(21 + (13 * r + 29 * c) % 68 + 0.1 * ((3 * r + c) % 10), 1)
                    for c in range(len(BENCHES))]) for r, name in enumerate(NAMES)]
    name_w, cell_w = 15 * size * s, 7 * size * s
    width = 48 * s + name_w + cell_w * len(BENCHES) + 48 * s
    height = 150 * s + pitch * len(rows) + 40 * s
    image = Image.new("RGB", (width, height), (243, 244, 246))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((20 * s, 20 * s, width - 20 * s, height - 20 * s), 12 * s,
                           fill="white", outline=(229, 231, 235))
    left = 44 * s
    draw.text((left, 36 * s), "Community rankings", font=title, fill=(17, 24, 39))
    draw.text((left, 36 * s + 1.6 * title.size), "Scores submitted by the community",
              font=face, fill=(107, 114, 128))
    y = 120 * s
    grey = (header_ink,) * 3
    _spaced(draw, (left, y), "NAME", small, grey, 0.6 * s)
    for c, bench in enumerate(BENCHES):
        _spaced(draw, (left + name_w + cell_w * c, y), bench, small, grey, 0.6 * s)
    y += 2 * size * s
    for r, (name, values) in enumerate(rows):
        draw.line((left, y, width - 44 * s, y), fill=(229, 231, 235), width=s)
        top = y + (pitch - badge) // 2
        box = (left, top, left + badge, top + badge)
        colour = COLOURS[r % len(COLOURS)]
        if disc:
            draw.ellipse(box, fill=colour)
        else:
            draw.rounded_rectangle(box, 4 * s, fill=colour)
        mark = f"{name[0]}{r + 1}"
        draw.text((left + badge / 2, top + badge / 2), mark, font=initials, fill="white",
                  anchor="mm")
        text_y = y + (pitch - face.size) // 2
        draw.text((left + badge + 8 * s, text_y), name, font=face, fill=(17, 24, 39))
        for c, value in enumerate(values):
            draw.text((left + name_w + cell_w * c, text_y), f"{value:.1f}", font=face,
                      fill=(17, 24, 39))
        y += pitch
    if scale > 1:
        image = image.resize((width // scale, height // scale), Image.LANCZOS)
    return image, rows


def _scores_right(path: Path, rows: list) -> int:
    record = read_image(path)
    read = {(normalise_model_name(s.model), s.benchmark.upper()): s.value
            for t in record.ocr.tables for s in scores_from_table(t)}
    return sum(1 for name, values in rows for bench, value in zip(BENCHES, values, strict=True)
               if read.get((normalise_model_name(name), bench)) == value)


@needs_fonts
@pytest.mark.parametrize(
    ("face_name", "size", "disc", "header_ink", "scale"),
    [("dejavu", 13, False, 107, 1), ("liberation", 15, True, 140, 1),
     ("roboto", 13, False, 156, 2)],
)
def test_card_with_badges_reads_every_score(
    tmp_path: Path, face_name: str, size: int, disc: bool, header_ink: int, scale: int
) -> None:
    image, rows = render_card(face_name, size, disc, header_ink, scale)
    path = tmp_path / "card.png"
    image.save(path)
    assert _scores_right(path, rows) == len(rows) * len(BENCHES)


@needs_fonts
def test_badges_found_in_their_column_only() -> None:
    image, rows = render_card("dejavu", 13, True, 107)
    rgb = np.asarray(image)
    badges = find_name_badges(rgb, cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))
    assert len(badges) == len(rows)
    assert len({x for x, _, _, _ in badges}) == 1


def test_heat_map_cells_and_links_are_no_badges() -> None:
    """Square cells of saturated colour side by side, white numbers in them, and blue link
    text before a name: neither stands before a name as a badge does."""
    image = Image.new("RGB", (520, 260), "white")
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(str(FACES["dejavu"][0]), 12)
    for r in range(6):
        y = 20 + 36 * r
        draw.text((20, y + 8), f"Model-{r}B", font=face, fill="black")
        for c in range(5):
            x = 140 + 40 * c
            draw.rectangle((x, y, x + 34, y + 32), fill=COLOURS[(r + c) % len(COLOURS)])
            draw.text((x + 17, y + 16), f"{40 + r + c}", font=face, fill="white", anchor="mm")
        draw.text((360, y + 8), "org/", font=face, fill=(9, 105, 218))
        draw.text((392, y + 8), "name", font=face, fill="black")
    rgb = np.asarray(image)
    assert find_name_badges(rgb, cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)) == []


HEADER_BENCHES = ["MMLU", "MMLU-PRO", "MBPP", "GPQA", "MATH"]


def _capitals_page(family: str) -> str:
    """A web table whose header is pale grey capitals at 10 px, letter-spaced."""
    rows = "".join(
        f"<tr><td>Model-{r} {7 * (r + 1)}B</td>"
        + "".join(f"<td>{20 + r * 7 + c * 3}.{(r + c) % 10}</td>" for c in range(5)) + "</tr>"
        for r in range(6)
    )
    css = (f"body{{margin:0;background:#fff;font-family:'{family}';font-size:13px}}"
           "#shot{display:inline-block;padding:20px}table{border-collapse:collapse}"
           "th{font-size:10px;color:#9ca3af;font-weight:500;text-transform:uppercase;"
           "letter-spacing:.05em;text-align:left;padding:8px 18px 8px 0}"
           "td{padding:9px 18px 9px 0;border-top:1px solid #e5e7eb}")
    head = "".join(f"<th>{b}</th>" for b in ["Name", *HEADER_BENCHES])
    return (f"<!doctype html><html><head><style>{css}</style></head><body><div id='shot'>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
            "</body></html>")


@pytest.mark.parametrize("family", ["Open Sans", "FreeSans"])
def test_pale_capital_header_names_every_column(tmp_path: Path, family: str) -> None:
    """Tesseract reads these names "M", "BF", "LU-PR", "Pi wre": the second engine's
    reading of the header line completes them."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from browser import CHROMIUM, Browser

    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed")
    browser = Browser((900, 700))
    try:
        image = browser.shoot(_capitals_page(family), 1.0)
    finally:
        browser.close()
    path = tmp_path / "capitals.png"
    image.save(path)
    tables = read_image(path).ocr.tables
    assert [name.upper() for name in tables[0].columns[1:]] == HEADER_BENCHES
