"""Series told apart by a pattern or by fading, not by plain colours, drawn by the tuning
look ``benchmarks/chart_looks/pattern_fades.py`` and read through real Tesseract:
grouped grey columns (solid, hatched, dotted) in a greyscale JPEG, whose legend swatches
OCR reads as words and whose dots it reads as numbers; Vega-Lite lines with one series
picked out and the others faded, the legend showing every series in full colour."""

from __future__ import annotations

import random
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from imgread.pipeline import read_image

pytest.importorskip("matplotlib")


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _alike(read: str, true: str) -> bool:
    """A name read near enough ("TruthfulQaA" for "TruthfulQA", "GPT-40" for "GPT-4o")."""
    return SequenceMatcher(None, _norm(read), _norm(true)).ratio() >= 0.8


def _drawn(style: str, seed: int, folder: Path) -> tuple[Path, dict[str, Any]]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from chart_looks import pattern_fades

    entry: dict[str, Any] = {"series": {}}
    draw = pattern_fades.grey_patterns if style == "grey" else pattern_fades.vega_faded
    path = folder / f"{style}_{seed}.png"
    draw(random.Random(seed), entry).save(path)
    return path, entry["series"]


def _right(path: Path, truth: dict[str, Any], lines: bool) -> dict[str, int]:
    """Points read right per true series: in a series of its name, at its category (or
    its x, within 1), its value within 1."""
    record = read_image(path)
    read = [
        (s.name, p.x, p.y)
        for chart in record.charts
        for s in chart.series
        for p in s.points
        if p.y is not None
    ]
    right: dict[str, int] = {}
    for name, points in truth.items():
        right[name] = 0
        for x, y in points:
            right[name] += any(
                _alike(got, name)
                and value is not None
                and abs(value - y) <= 1
                and (
                    abs(float(at) - x) <= 1
                    if lines and isinstance(at, float | int)
                    else not lines and _alike(str(at), x)
                )
                for got, at, value in read
            )
    return right


@pytest.mark.parametrize("seed", [100000, 100002])
def test_grey_columns_told_apart_by_hatch_and_dots_are_read_and_named(tmp_path, seed):
    # before: 4 of 15 and 0 of 12 (the swatches read as names "oH", the dots as numbers
    # and as a box plot's boxes, a light grey swatch taken for a darker grey's blend)
    path, truth = _drawn("grey", seed, tmp_path)
    right = _right(path, truth, lines=False)
    assert sum(right.values()) >= sum(len(p) for p in truth.values()) - 1, right
    assert all(count >= len(truth[name]) - 1 for name, count in right.items()), right


def test_lines_drawn_faded_are_read_by_their_legend_colour(tmp_path):
    pytest.importorskip("vl_convert")
    # four series, one picked out; before, only it was read (6 of 24 points)
    path, truth = _drawn("vega", 100007, tmp_path)
    right = _right(path, truth, lines=True)
    faded = [name for name, count in right.items() if count >= len(truth[name]) - 1]
    assert len(faded) >= 3, right
