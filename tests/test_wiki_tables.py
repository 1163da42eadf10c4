"""Wiki tables (MediaWiki's ``wikitable sortable``): footnote marks in brackets after names,
values and column names, sort icons in the header, names as underlined links.
Each mechanism is tested on text drawn here, and fails without it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from conftest import font
from PIL import Image, ImageDraw

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.preprocess.sort_icons import erase_sort_icons
from imgread.preprocess.steps import binarise, glyph_height
from imgread.tables import rows_from_table, scores_from_table

SIZE = 16


def _grey(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L")).copy()


def _x_height(grey: np.ndarray) -> float:
    return glyph_height(binarise(grey)) / 1.4


def _ink(grey: np.ndarray, box: tuple[int, int, int, int]) -> int:
    x1, y1, x2, y2 = box
    return int((grey[y1:y2, x1:x2] < 128).sum())


def _triangles(draw: ImageDraw.ImageDraw, x: int, y: int, up: bool, down: bool) -> None:
    if up:
        draw.polygon([(x + 4, y), (x + 8, y + 5), (x, y + 5)], fill="black")
    if down:
        draw.polygon([(x, y + 8), (x + 8, y + 8), (x + 4, y + 13)], fill="black")


def test_sort_icons_in_a_header_are_painted_over_and_a_change_arrow_stays() -> None:
    image = Image.new("RGB", (560, 130), "white")
    draw = ImageDraw.Draw(image)
    face = font(SIZE)
    icons = []
    for k, name in enumerate(["Model", "MMLU", "AVG", "Params"]):
        x = 20 + 130 * k
        draw.text((x, 20), name, fill="black", font=face)
        # every column's pair of triangles; the sorted column's one
        _triangles(draw, x + 100, 22, up=True, down=k != 2)
        icons.append((x + 98, 20, x + 110, 37))
    draw.text((20, 80), "Llama-2-7B", fill="black", font=face)
    draw.text((200, 80), "3", fill="black", font=face)
    _triangles(draw, 186, 84, up=True, down=False)  # a rank's change: "▲3"
    grey = _grey(image)
    out, erased = erase_sort_icons(grey, _x_height(grey))
    assert erased
    for box in icons:
        assert _ink(out, box) == 0
    assert _ink(out, (184, 80, 196, 92)) == _ink(grey, (184, 80, 196, 92))
    assert _ink(out, (0, 15, 560, 45)) > 0.8 * (_ink(grey, (0, 15, 560, 45)) - sum(
        _ink(grey, box) for box in icons))


def render_noted_table(path: Path) -> Path:
    """A plain ruled table whose names and values carry citation marks in brackets, set on
    the line at the text's size (as OCR reads a raised mark it did not lose)."""
    face = font(18)
    rows = [
        ["Heron-7B[12]", "55.3", "71.9[a]"],
        ["Heron-13B", "61.8[3]", "44.1"],
        ["Finch-9B[note 2]", "66.4", "58.2"],
        ["Stork-34B", "79.1", "85.3"],
    ]
    xs, pitch = [20, 260, 380, 500], 44
    image = Image.new("RGB", (520, 60 + pitch * 6), "white")
    draw = ImageDraw.Draw(image)
    y = 30
    for c, name in enumerate(["Model", "MMLU[b]", "GSM8K"]):
        draw.text((xs[c] + 8, y + 8), name, fill="black", font=face)
    for r, cells in enumerate(rows, start=1):
        draw.line((xs[0], y + pitch * r, xs[-1], y + pitch * r), fill="black", width=1)
        for c, text in enumerate(cells):
            draw.text((xs[c] + 8, y + pitch * r + 8), text, fill="black", font=face)
    image.save(path)
    return path


def test_bracketed_note_marks_are_no_part_of_names_values_or_column_names(
    tmp_path: Path,
) -> None:
    record = read_image(render_noted_table(tmp_path / "noted.png"), load_config())
    table = record.ocr.tables[0]
    assert {row.model for row in rows_from_table(table, 0)} == {
        "Heron-7B", "Heron-13B", "Finch-9B", "Stork-34B"}
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table, 0)}
    assert scores[("Heron-7B", "GSM8K")] == 71.9
    assert scores[("Heron-13B", "MMLU")] == 61.8
    assert scores[("Finch-9B", "MMLU")] == 66.4


WIKI_ROWS = [
    ["Heron 7B", "55.3", "71.9"],
    ["Heron 13B", "61.8", "44.1"],
    ["Finch 9B", "66.4", "58.2"],
    ["Stork 34B", "79.1", "85.3"],
    ["Wren 2B", "41.7", "23.5"],
]


def _level_triangles(draw: ImageDraw.ImageDraw, x: float, y: int) -> None:
    """"▲▼" printed after a name: the two side by side."""
    draw.polygon([(x + 4, y), (x + 8, y + 7), (x, y + 7)], fill="black")
    draw.polygon([(x + 11, y), (x + 19, y), (x + 15, y + 7)], fill="black")


def render_wiki_table(path: Path, scale: float = 1.0, glyphs: bool = False) -> Path:
    """A wikitable as MediaWiki draws it: a caption over grey header cells with a sort icon
    at each one's right edge (or ``glyphs``: "▲▼" right after each name), thin grey rules
    round every cell, names as underlined blue links; shrunk by ``scale``."""
    face = font(SIZE)
    xs, pitch = [20, 200, 300, 400], 30
    height = 70 + pitch * (len(WIKI_ROWS) + 1) + 20
    image = Image.new("RGB", (xs[-1] + 20, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((90, 20), "Results of open models", fill="black", font=font(SIZE - 1))
    top = 50
    draw.rectangle((xs[0], top, xs[-1], top + pitch), fill=(234, 236, 240))
    for c, name in enumerate(["Model", "MMLU", "GSM8K"]):
        draw.text((xs[c] + 6, top + 6), name, fill="black", font=face)
        if glyphs:
            _level_triangles(draw, xs[c] + 10 + draw.textlength(name, font=face), top + 12)
        else:
            _triangles(draw, xs[c + 1] - 14, top + 8, up=True, down=True)
    link = (6, 69, 173)
    for r, cells in enumerate(WIKI_ROWS):
        y = top + pitch * (r + 1) + 6
        for c, text in enumerate(cells):
            x = xs[c] + 6
            draw.text((x, y), text, fill=link if c == 0 else "black", font=face)
            if c == 0:
                base = y + face.getbbox("H")[3] + 2
                draw.line((x, base, x + draw.textlength(text, font=face), base), fill=link)
    for r in range(len(WIKI_ROWS) + 2):
        draw.line((xs[0], top + pitch * r, xs[-1], top + pitch * r), fill=(162, 169, 177))
    for x in xs:
        draw.line((x, top, x, top + pitch * (len(WIKI_ROWS) + 1)), fill=(162, 169, 177))
    if scale != 1.0:
        image = image.resize((round(image.width * scale), round(image.height * scale)),
                             Image.Resampling.LANCZOS)
    image.save(path)
    return path


def test_a_wiki_table_reads_without_its_sort_icons(tmp_path: Path) -> None:
    for scale, glyphs in ((1.0, False), (0.8, False), (0.8, True)):
        path = render_wiki_table(tmp_path / f"wiki{scale}{glyphs}.png", scale, glyphs)
        record = read_image(path, load_config())
        table = record.ocr.tables[0]
        assert table.columns == ["Model", "MMLU", "GSM8K"], scale
        assert {row.model for row in rows_from_table(table, 0)} == {
            cells[0] for cells in WIKI_ROWS}, scale
        scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table, 0)}
        expected = {(cells[0], name): float(cells[c + 1]) for cells in WIKI_ROWS
                    for c, name in enumerate(["MMLU", "GSM8K"])}
        assert scores == expected, scale

