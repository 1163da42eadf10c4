"""Cells that print more than one number (issue 10, intervals): a score with its spread,
interval or count after it. The value is the first number; the rest is no column. Each
test reads a table drawn with PIL end to end and fails without its mechanism."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.tables import scores_from_table
from imgread.units import main_of_compound, parse_number

SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not SANS.exists(), reason="DejaVu Sans absent")

MODELS = ["Gemma-2B", "Mistral-7B", "Falcon-40B", "DeepSeek-67B", "Pythia-12B"]
BENCHES = ["MMLU", "GSM8K", "MATH"]
# (score, low, high) per model and benchmark: distinct, so a misplaced column shows
SCORES = [[(61.4 - 5 * r + c, 59.9 - 5 * r + c, 63.2 - 5 * r + c) for c in range(3)]
          for r in range(len(MODELS))]

# One cell: pieces of text, each (text, size relative to the main font, colour).
Piece = tuple[str, float, str]


def _draw(path: Path, grid: list[list[list[Piece]]], size: int, shrink: float = 1.0) -> None:
    """A plain table: a rule under the header, names set left, numbers set right, each
    cell's pieces side by side on one baseline."""
    fonts = {scale: ImageFont.truetype(str(SANS), round(size * scale))
             for scale in {p[1] for row in grid for cell in row for p in cell}}

    def width(cell: list[Piece]) -> float:
        return sum(fonts[scale].getlength(text) for text, scale, _ in cell)

    pad, line = 12, round(size * 1.8)
    widths = [max(width(row[c]) for row in grid) + 2 * pad for c in range(len(grid[0]))]
    image = Image.new("RGB", (round(sum(widths)) + 24, line * len(grid) + 24), "white")
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(grid):
        x = 12.0
        for c, cell in enumerate(row):
            at = x + pad if c == 0 else x + widths[c] - pad - width(cell)
            base = 12 + r * line + (line + size) / 2
            for text, scale, colour in cell:
                draw.text((at, base), text, fill=colour, font=fonts[scale], anchor="ls")
                at += fonts[scale].getlength(text)
            x += widths[c]
    for y in (12, 12 + line, 12 + line * len(grid)):
        draw.line((12, y, image.width - 12, y), fill="#111")
    if shrink != 1.0:
        image = image.resize((round(image.width * shrink), round(image.height * shrink)),
                             Image.LANCZOS)
    image.save(path)


def _plain(text: str) -> list[Piece]:
    return [(text, 1.0, "#111")]


def _read(path: Path) -> dict[tuple[str, str], float]:
    record = read_image(path)
    return {(s.model, s.benchmark): s.value
            for i, t in enumerate(record.ocr.tables) for s in scores_from_table(t, i)
            if s.value is not None}


def _right(read: dict[tuple[str, str], float], expected: dict[tuple[str, str], float]) -> int:
    return sum(1 for key, value in expected.items() if read.get(key) == value)


def test_the_first_number_of_a_compound_cell_is_its_value() -> None:
    for text, main in [("45.2 (±1.3)", 45.2), ("45.2 (£1.3)", 45.2), ("45.2 [43.9, 46.5]", 45.2),
                       ("45.2 (43.9–46.5)", 45.2), ("85% (17/20)", 85.0), ("17/20", 17.0),
                       ("73.0 72.5, 75.3]", 73.0), ("80.5 1.8%", 80.5)]:
        assert parse_number(text) == main, text
    # two numbers a column apart, a count over its total, a setting: no compound cell
    assert parse_number("85,3") == 85.3  # a decimal comma, no interval "85" "3"
    for text in ["40 39.22", "40 39,22", "20/17", "45.2 (5-shot)", "7.1 6.1-8.2", "11/27/2026"]:
        assert main_of_compound(text) is None, text


def _expected() -> dict[tuple[str, str], float]:
    return {(m, b): round(SCORES[r][c][0], 1) for r, m in enumerate(MODELS)
            for c, b in enumerate(BENCHES)}


@needs_font
def test_scores_with_intervals_in_brackets_read_as_their_scores(tmp_path: Path) -> None:
    """"61.4 (59.9–63.2)" and "61.4 [59.9, 63.2]": OCR gives the interval as numbers of
    their own, which made columns of their own (or the row no row of numbers at all)."""
    for form in ("({:.1f}–{:.1f})", "[{:.1f}, {:.1f}]"):
        grid = [[_plain(h) for h in ["Model", *BENCHES]]]
        for r, model in enumerate(MODELS):
            grid.append([_plain(model)] + [
                _plain(f"{s:.1f} " + form.format(low, high)) for s, low, high in SCORES[r]])
        path = tmp_path / "intervals.png"
        _draw(path, grid, 17, shrink=0.85)
        read = _read(path)
        assert _right(read, _expected()) >= 14, (form, read)


@needs_font
def test_a_spread_in_brackets_and_counts_read_as_their_scores(tmp_path: Path) -> None:
    """"61.4 (±1.3)", "78.7% (129/164)" and "17/20": the bracketed part is no number of the
    cell's own, and the column's decimals are its scores' ("100% (50/50)" among one-decimal
    percents is no number that lost its point: its box is wide for the count, not a
    point)."""
    grid = [[_plain(h) for h in ["Model", *BENCHES]]]
    expected = {}
    for r, model in enumerate(MODELS):
        spread = f"{SCORES[r][0][0]:.1f} (±{0.3 + r / 10:.1f})"
        right = 129 - 11 * r
        percent = "100% (50/50)" if r == 0 else f"{100 * right / 164:.1f}% ({right}/164)"
        count = 18 - r
        grid.append([_plain(model), _plain(spread), _plain(percent), _plain(f"{count}/20")])
        expected |= {(model, "MMLU"): round(SCORES[r][0][0], 1),
                     (model, "GSM8K"): 100.0 if r == 0 else round(100 * right / 164, 1),
                     (model, "MATH"): float(count)}
    path = tmp_path / "counts.png"
    _draw(path, grid, 17)
    read = _read(path)
    assert _right(read, expected) >= 14, read
    assert read.get((MODELS[0], "GSM8K")) == 100.0, read


@needs_font
def test_an_interval_set_apart_from_its_score_joins_it(tmp_path: Path) -> None:
    """"61.4   [59.9, 63.2]" set a few spaces apart (a paper's ``\\quad``): wider than a
    word space, so the interval is a range of pieces of its own, each of which, after the
    score before it, reads as one cell: the two ranges are one column."""
    grid = [[_plain(h) for h in ["Model", *BENCHES]]]
    for r, model in enumerate(MODELS):
        grid.append([_plain(model)] + [
            [(f"{s:.1f}   ", 1.0, "#111"), (f"[{low:.1f}, {high:.1f}]", 0.8, "#111")]
            for s, low, high in SCORES[r]])
    path = tmp_path / "apart.png"
    _draw(path, grid, 17)
    read = _read(path)
    assert _right(read, _expected()) >= 14, read


@needs_font
def test_a_spread_set_small_after_its_score_is_part_of_its_cell(tmp_path: Path) -> None:
    """"61.4" then "±1.3" in small grey type, a word space on: its "±" reads "+", a number
    of its own, so the spreads made columns that took the header's names."""
    grid = [[_plain(h) for h in ["Model", *BENCHES]]]
    for r, model in enumerate(MODELS):
        grid.append([_plain(model)] + [
            [(f"{s:.1f} ", 1.0, "#111"), (f"±{0.3 + r / 10 + c / 10:.1f}", 0.7, "#888")]
            for c, (s, _, _) in enumerate(SCORES[r])])
    path = tmp_path / "small.png"
    _draw(path, grid, 17)
    read = _read(path)
    assert _right(read, _expected()) >= 14, read
