"""Tightly ruled grids, read end to end through OpenCV and Tesseract: every cell boxed,
letters touching the rules, long names wrapped onto two lines beside centred numbers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.preprocess import prepare
from imgread.tables import rows_from_table

BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
REGULAR = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

ROWS = [
    (("Orca-120B-Instruct-", "v0.3-preview"), "79.0", "85.3"),
    (("Wren-7B",), "55.3", "71.9"),
    (("Lark-1.8B-Chat-", "v0.8-preview"), "44.6", "66.6"),
    (("Finch v4 (14B)",), "61.9", "76.7"),
    (("Heron-2-7B",), "52.0", "74.8"),
    (("Stork-1.1B-", "Chat-4bits(AWQ)"), "49.3", "65.4"),
]


def render_tight_grid(
    path: Path,
    rows: Sequence[tuple[Sequence[str], str, str]] = ROWS,
    face: Path = REGULAR,
    size: int = 22,
) -> Path:
    """Cells as tall as their text: the rules touch the letters above and below them."""
    regular = ImageFont.truetype(str(face), size)
    bold = ImageFont.truetype(str(BOLD), size)
    line = size + 3  # one text line, no padding
    widths = [300, 180, 180]
    xs = [40, 40 + widths[0], 40 + widths[0] + widths[1]]
    right = xs[-1] + widths[-1]
    heights = [line] + [line * len(names) for names, *_ in rows]
    top = 30
    image = Image.new("RGB", (right + 40, top + sum(heights) + 40), "white")
    draw = ImageDraw.Draw(image)
    y = top
    header = ("Checkpoint", "MMLU (acc)", "Winogrande")
    cells = [(header, bold, (header[0],))] + [
        ((names[0], score, other), regular, names) for names, score, other in rows
    ]
    for (texts, face, names), height in zip(cells, heights, strict=True):
        for c, text in enumerate(texts):
            if c == 0:
                for i, name in enumerate(names):
                    draw.text((xs[0] + 6, y + i * line - 2), name, fill="black", font=face)
            else:
                width = draw.textlength(text, font=face)
                middle = y + (height - line) // 2 - 2
                draw.text((xs[c] + widths[c] - width - 6, middle), text, fill="black", font=face)
        draw.line((xs[0], y, right, y), fill="black", width=2)
        y += height
    draw.line((xs[0], y, right, y), fill="black", width=2)
    for x in [*xs, right]:
        draw.line((x, top, x, y), fill="black", width=2)
    image.save(path)
    return path


@pytest.mark.skipif(not (BOLD.exists() and REGULAR.exists()), reason="DejaVu fonts absent")
def test_tight_grid_rules_are_found_and_strokes_are_not_rules(tmp_path: Path) -> None:
    path = render_tight_grid(tmp_path / "grid.png")
    rgb = np.asarray(Image.open(path).convert("RGB"))
    prepared, steps, _ = prepare(rgb, load_config().preprocess)
    # Every row rule, though letters touch it; the four column rules and no stroke chains.
    assert len([r for r in prepared.horizontal if r.end - r.start > 600]) == len(ROWS) + 2
    assert len(prepared.vertical) == 4
    assert "remove_rules" in steps and "invert_dark_regions" not in steps


@pytest.mark.slow
@pytest.mark.skipif(not (BOLD.exists() and REGULAR.exists()), reason="DejaVu fonts absent")
def test_tight_grid_names_on_two_lines_join_their_rows(tmp_path: Path) -> None:
    record = read_image(render_tight_grid(tmp_path / "grid.png"))
    table = record.ocr.tables[0]
    assert table.columns == ["Checkpoint", "MMLU (acc)", "Winogrande"]
    names = ["".join(parts) if parts[0].endswith("-") else " ".join(parts) for parts, *_ in ROWS]
    assert [row[0].text for row in table.body] == names
    assert [row.mmlu for row in rows_from_table(table)] == [float(r[1]) for r in ROWS]


def test_ink_beside_a_sure_reading_is_noticed(tmp_path: Path) -> None:
    """The page may read "44" of a light "44.8" surely: the ink right of the word's box,
    inside its column, is found; a box that holds the whole number has none beside it."""
    from imgread.record import Box
    from imgread.tables.cells import unread_ink

    face = ImageFont.truetype(str(REGULAR), 22)
    image = Image.new("RGB", (300, 60), "white")
    draw = ImageDraw.Draw(image)
    draw.text((100, 15), "44.8", fill=(90, 90, 90), font=face)
    draw.line((260, 0, 260, 60), fill="black", width=2)  # the next column's rule
    left, top, right, bottom = draw.textbbox((100, 15), "44.8", font=face)
    whole_end = right
    two_digits = draw.textbbox((100, 15), "44", font=face)[2]
    prepared, _, _ = prepare(np.asarray(image), load_config().preprocess)
    span = (40, 250)
    assert unread_ink(prepared, Box(x1=left, y1=top, x2=two_digits, y2=bottom), span)
    assert not unread_ink(prepared, Box(x1=left, y1=top, x2=whole_end, y2=bottom), span)
