"""A high-contrast desktop theme's table: a black page, thin white rules round every cell,
column names bold in a saturated colour, model names in another, scores white."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.preprocess.rules import Rule, ruled_lattice
from imgread.tables import rows_from_table

FONTS = "/usr/share/fonts/truetype/"
HEADER = ["Model", "Size", "Tokens", "MMLU", "GSM8K", "ARC-C"]
ROWS = [
    ["Llama-2-70B", "70B", "2T", "68.9", "56.8", "67.3"],
    ["Mistral-7B", "7B", "6T", "62.5", "40.2", "60.0"],
    ["Qwen-14B", "14B", "3T", "66.3", "61.3", "57.2"],
    ["Falcon-40B", "40B", "1T", "55.4", "19.6", "61.9"],
]


def render_contrast_grid(path: Path, header_ink: str, name_ink: str, face: str,
                         size: int) -> Path:
    regular = ImageFont.truetype(FONTS + face + ".ttf", size)
    bold = ImageFont.truetype(FONTS + face.replace("-Regular", "") + "-Bold.ttf", size)
    widths = [max(int(bold.getlength(r[c])) for r in [HEADER, *ROWS]) + size
              for c in range(len(HEADER))]
    xs = [12]
    for width in widths:
        xs.append(xs[-1] + width)
    pitch, top = int(size * 1.9), size * 4
    image = Image.new("RGB", (xs[-1] + 12, top + pitch * (len(ROWS) + 1) + 16), "black")
    draw = ImageDraw.Draw(image)
    draw.text((8, 4), "results.html — Viewer", fill="white", font=regular)
    draw.text((12, size * 2), "Back to index", fill="yellow", font=regular)
    for r, cells in enumerate([HEADER, *ROWS]):
        for c, text in enumerate(cells):
            ink = header_ink if r == 0 else name_ink if c == 0 else "white"
            draw.text((xs[c] + size // 2, top + r * pitch + size // 3), text, fill=ink,
                      font=bold if r == 0 else regular)
    bottom = top + pitch * (len(ROWS) + 1)
    for r in range(len(ROWS) + 2):
        draw.line((xs[0], top + r * pitch, xs[-1], top + r * pitch), fill="white")
    for x in xs:
        draw.line((x, top, x, bottom), fill="white")
    image.save(path)
    return path


@pytest.mark.parametrize(
    ("header_ink", "name_ink", "face", "size"),
    [
        ("#00ffff", "#00ff00", "dejavu/DejaVuSans", 15),
        ("#ff00ff", "#ffff00", "liberation/LiberationSerif-Regular", 16),
        ("#ffa500", "#00ff00", "liberation/LiberationSans-Regular", 14),
    ],
)
def test_a_white_grid_on_a_black_page_is_erased_before_ocr(
    tmp_path: Path, header_ink: str, name_ink: str, face: str, size: int
) -> None:
    """A dark page's rules are kept (a dark chart's bars leave outlines that look like
    rules), so OCR read this grid's cells as "[owe", "[oss" and found no table; a lattice
    of rules sharing their ends is a table's grid, erased as on a light page."""
    path = render_contrast_grid(tmp_path / "contrast.png", header_ink, name_ink, face, size)
    tables = read_image(path, load_config()).ocr.tables
    assert tables, "no table read"
    rows = {(r.model, r.params_b, r.tokens_t, r.mmlu) for r in rows_from_table(tables[0])}
    assert rows == {
        ("Llama-2-70B", 70.0, 2.0, 68.9),
        ("Mistral-7B", 7.0, 6.0, 62.5),
        ("Qwen-14B", 14.0, 3.0, 66.3),
        ("Falcon-40B", 40.0, 1.0, 55.4),
    }
    assert [c.text for c in tables[0].body[0]][3:] == ["68.9", "56.8", "67.3"]


def test_outlines_of_bars_are_no_lattice() -> None:
    """Bars of several heights on one baseline: their sides end at many heights."""
    grid = ([Rule(position=y, start=10, end=310) for y in (20, 60, 100, 140)],
            [Rule(position=x, start=20, end=140) for x in (10, 110, 210, 310)])
    assert ruled_lattice(*grid)
    bars_h = [Rule(position=y, start=x, end=x + 40) for y, x in ((40, 20), (80, 80), (60, 140))]
    bars_h.append(Rule(position=140, start=10, end=300))
    bars_v = [Rule(position=x, start=y, end=140)
              for x, y in ((20, 40), (60, 40), (80, 80), (120, 80), (140, 60), (180, 60))]
    assert not ruled_lattice(bars_h, bars_v)
