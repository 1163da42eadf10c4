"""Rounded grouped lying bars of a web chart library, without axis lines (the
``ph-svg-rounded`` style of ``benchmarks/chart_looks/patterned_hbars.py``), shot in
Chromium (skipped where it is missing) and read through real Tesseract: the bars OCR read as
words (``charts/bars._lines_of_one_colour``) and the tick labels under a grid with no axis
line (``charts/strips.gridline_feet``)."""

from __future__ import annotations

import random
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest

from imgread.pipeline import read_image

REPO = Path(__file__).resolve().parents[1]
MODELS = ["GPT-4o", "DeepSeek V2.5", "Llama 3.1 70B", "Claude 3.5 Sonnet"]
VALUES = {"HumanEval": [63.6, 31.9, 52.3, 49.5], "GSM8K": [74.2, 94.6, 91.2, 60.8]}


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower().replace("gpt-40", "gpt-4o"))


def _alike(read: str, true: str) -> bool:
    """A model's name as read: one letter lost or misread ("semini 1.5 Pro") still names it."""
    return bool(read) and SequenceMatcher(None, read, true).ratio() >= 0.85


def _browser() -> Any:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from browser import CHROMIUM, Browser

    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed")
    return Browser((1100, 900), None)


def _right(path: Path, series: dict[str, list[list[Any]]]) -> int:
    """Points read with their series' name, their model and their value (within 1)."""
    record = read_image(path)
    read = [(_norm(s.name), _norm(str(p.x)), p.y) for chart in record.charts
            for s in chart.series for p in s.points if p.y is not None]
    return sum(any(name == _norm(series_name) and _alike(x, _norm(model))
                   and abs(y - value) <= 1 for name, x, y in read)
               for series_name, points in series.items() for model, value in points)


def _grid_only_page() -> str:
    """Two series of rounded bars a pair per model, grey names right-aligned beside them,
    small grey x ticks under a light grid, no axis line; the legend on top."""
    width, height, left, right, top, bottom = 580, 300, 130, 560, 60, 270
    parts = [f"<rect width='{width}' height='{height}' fill='white'/>",
             "<text x='16' y='24' font-size='15' font-weight='bold' fill='#111827'>"
             "Benchmark scores</text>"]
    x = 16
    for name, colour in zip(VALUES, ("#f59e0b", "#0ea5e9"), strict=True):
        parts.append(f"<rect x='{x}' y='36' width='10' height='10' fill='{colour}'/>")
        parts.append(f"<text x='{x + 14}' y='45' font-size='11' fill='#374151'>{name}</text>")
        x += 14 + len(name) * 7 + 16
    for tick in range(0, 101, 20):
        tx = left + (right - left) * tick / 100
        parts.append(f"<line x1='{tx}' y1='{top}' x2='{tx}' y2='{bottom}' stroke='#e5e7eb'/>")
        parts.append(f"<text x='{tx}' y='{bottom + 16}' font-size='11' fill='#6b7280'"
                     f" text-anchor='middle'>{tick}</text>")
    pitch = (bottom - top) / len(MODELS)
    for i, model in enumerate(MODELS):
        middle = top + pitch * (i + 0.5)
        parts.append(f"<text x='{left - 8}' y='{middle + 4}' font-size='11' fill='#6b7280'"
                     f" text-anchor='end'>{model}</text>")
        for j, (name, colour) in enumerate(zip(VALUES, ("#f59e0b", "#0ea5e9"), strict=True)):
            length = (right - left) * VALUES[name][i] / 100
            parts.append(f"<rect x='{left}' y='{middle - 11 + j * 12}' width='{length}'"
                         f" height='10' rx='5' fill='{colour}'/>")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from chart_looks.patterned_hbars import _page

    return _page(width, height, "Liberation Sans", parts)


def test_ticks_under_a_grid_without_an_axis_line_are_read(tmp_path: Path) -> None:
    """The page reading lost the small grey x ticks between 0 and 100, and the strip
    re-readers look under an axis line this chart does not draw (its lowest long line is
    a bar): no chart. The row under the feet of the light upright gridlines is read on its
    own, and the bars are read on the axis it gives."""
    browser = _browser()
    try:
        image = browser.shoot(_grid_only_page(), 1.0)
    finally:
        browser.close()
    path = tmp_path / "grid_only.png"
    image.save(path)
    series = {name: [[m, v] for m, v in zip(MODELS, values, strict=True)]
              for name, values in VALUES.items()}
    assert _right(path, series) >= 7


def test_rounded_bars_read_as_words_are_bars(tmp_path: Path) -> None:
    """OCR boxed bars as words (one box over both bars of a pair, or a bar with its rounded
    ends); a word's box hides what it covers from the bar reader unless it is a solid
    block, and a rounded pair is none. Each line along the box being one colour, the box is
    bars: every bar of the pairs is found (7 of 10 before)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from chart_looks import patterned_hbars
    from chart_looks.curves import finish

    browser = _browser()
    try:
        rng = random.Random(100 * 1000 + 1)  # the look's second chart at seed 100
        image, drawn = patterned_hbars._draw("ph-svg-rounded", rng, browser)
    finally:
        browser.close()
    data, ext = finish(image, rng)
    path = tmp_path / f"rounded.{ext}"
    path.write_bytes(data)
    assert _right(path, drawn.truth()["series"]) >= 9
