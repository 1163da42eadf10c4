"""Line charts from renderers the reader was not tuned on (``benchmarks/chart_looks/
curves.py``): each test one mechanism, on a render kept in ``fixtures/charts/``
(SOURCES.md says which), read through real Tesseract."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from test_charts_lines import _chart, _series

from imgread.pipeline import read_image
from imgread.record import Record, Series

FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def _near(series: Series, x: float | str, y: float) -> bool:
    """A point at x (within 5% on a log axis, or the category itself) and y (±1)."""
    return any(
        point.y is not None and abs(point.y - y) <= 1.0 and (
            point.x == x if isinstance(x, str) else
            isinstance(point.x, float) and point.x > 0
            and abs(math.log10(point.x / x)) <= math.log10(1.05))
        for point in series.points)


@pytest.fixture(scope="module")
def vega_decades() -> Record:
    """Vega-Lite through vl-convert: training tokens on a log x axis labelled at two
    decades only, "1,000" and "10,000" (plain numbers), the first set flush right of its
    tick at the axis's left end; three series with dashed and dotted lines."""
    return read_image(FIXTURES / "curves_vega_plain_decades.png")


def test_two_plain_decades_place_a_log_axis(vega_decades: Record) -> None:
    """Two numbers that are powers of ten, with no number between them, are a log axis's
    decades: a linear axis from 1,000 to 10,000 prints its steps between."""
    axis = next(a for a in _chart(vega_decades).axes if a.orientation == "x")
    assert axis.scale == "log"
    assert [t.value for t in axis.ticks] == [1000.0, 10000.0]


def test_a_flush_label_marks_its_value_at_its_tick(vega_decades: Record) -> None:
    """"1,000" starts at its tick (Vega's labelFlush): read from the label's centre, the
    axis is half a label off and every x a tenth too small (1220 for 1400)."""
    llama = _series(_chart(vega_decades), "Llama")
    for x, y in ((1400.0, 27.8), (3000.0, 45.4), (8000.0, 59.6), (15000.0, 72.4)):
        assert _near(llama, x, y), (x, y, [(p.x, p.y) for p in llama.points])


@pytest.fixture(scope="module")
def mpl_short_boxes() -> Record:
    """matplotlib (ggplot sheet, end labels, log x in "5B" "10B" "50B"), 1600 px wide:
    OCR boxes "50" and "30" of the y axis short, the other labels with their tick marks."""
    return read_image(FIXTURES / "curves_mpl_marks_in_some_labels.png")


def test_a_y_axis_takes_in_the_labels_it_predicts(mpl_short_boxes: Record) -> None:
    """Labels whose right edges stand apart from the column's still lie where the axis
    fitted on the others puts their values: they are its ticks too (the lowest, 30, sets
    how far down the plot reaches)."""
    axis = next(a for a in _chart(mpl_short_boxes).axes if a.orientation == "y")
    assert {30.0, 50.0} <= {t.value for t in axis.ticks}, [t.label for t in axis.ticks]
