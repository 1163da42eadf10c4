"""Stacked bars whose segments are each a series' own value (the ``shares`` look): 100%
stacked lying bars (Win / Tie / Loss), ordinary stacked lying bars with their totals printed
past their ends, and stacked columns. Each test renders a chart of
``benchmarks/chart_looks/stacked_shares.py``, reads it through real Tesseract, and fails
without the mechanism it names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import drawn_look, names_alike

from imgread.pipeline import read_image
from imgread.record import Record


def _look(style: str, index: int, folder: Path, seed: int = 100
          ) -> tuple[Record, dict[str, Any]]:
    """The look's chart ``index`` at ``seed`` (drawn with ``style``), read; and its truth."""
    pytest.importorskip("matplotlib")
    path, entry = drawn_look("stacked_shares", style, index, seed, folder)
    return read_image(path), entry


def _right(record: Record, truth: dict[str, list[list[Any]]]) -> int:
    """Segments read true: their series and model named alike, the value within 1.0."""
    points = [(s.name, p.x, p.y) for chart in record.charts for s in chart.series
              for p in s.points]
    return sum(any(names_alike(name, series) and isinstance(x, str) and names_alike(x, model)
                   and y is not None and abs(y - value) <= 1.0 for name, x, y in points)
               for series, pairs in truth.items() for model, value in pairs)


@pytest.mark.parametrize(("style", "index"), [("sh-mpl-100", 0), ("sh-vega-100", 1)])
def test_full_stacks_give_each_segment_its_share(style: str, index: int, tmp_path: Path
                                                 ) -> None:
    """Each segment of a 100% stacked lying bar is a point of its legend's series, valued by
    its own share (before: one value near 100 per bar, where the bar ends). A stack found
    as pieces side by side (a label boxed over its last segment) is one stack, read once;
    segments reaching past the area (the "100" tick cut at the image's edge) are measured
    to their end."""
    record, entry = _look(style, index, tmp_path)
    true = sum(len(pairs) for pairs in entry["series"].values())
    assert _right(record, entry["series"]) >= 0.9 * true
    values = [p.y for chart in record.charts for s in chart.series for p in s.points]
    assert len(values) == true
    assert not any(y is not None and y > 99 for y in values)


def test_stacked_lying_bars_leave_their_totals_out(tmp_path: Path) -> None:
    """Ordinary stacked lying bars (not 100%), each total printed past its stack's end: every
    segment its own length or label, and no total read as a segment's value."""
    record, entry = _look("sh-mpl-stacked", 6, tmp_path)
    true = sum(len(pairs) for pairs in entry["series"].values())
    assert _right(record, entry["series"]) >= 0.9 * true
    points = sum(len(s.points) for chart in record.charts for s in chart.series)
    assert points == true
