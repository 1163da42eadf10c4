"""Line charts over weekly dates (issue 16, dots): the dates under the plot ("Sep 18",
"Sep 25", "Oct 2") are categories, each point named by the date under it. The charts are
drawn in the test by the tuning look ``benchmarks/chart_looks/dot_dates.py``, read
through real Tesseract; each test fails without the mechanism it names."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import look_chart, name_key

from imgread.charts.date_row import is_date
from imgread.pipeline import read_image


@pytest.mark.parametrize(("seed", "index"), [(100, 3), (100, 9), (200, 15)])
def test_dates_are_categories(tmp_path: Path, seed: int, index: int) -> None:
    """Each point takes the date printed under it, month and day together, as printed
    (``charts.date_row``), on matplotlib renders of the look (weeks across a month's end).
    Before, the day numbers OCR kept ("20" of "Apr 20", read apart from its month) made a
    numeric x axis, every point's x a number (chart 9). A line over categories has a point
    on each, none between (``categories.one_per_category``): before, the trace's bends
    between markers gave points whose x came out in pixels, and a marker's corners two
    points of one date (seed 200, chart 15: 15 points for 9)."""
    path, truth = look_chart("dot_dates", "dates mpl", index, seed, tmp_path)
    record = read_image(path, None)
    read = [[(p.x, p.y) for p in s.points] for chart in record.charts for s in chart.series]
    for series in truth["series"].values():
        best = max(read, key=lambda points, true=series: _right(points, true), default=[])
        assert _right(best, series) >= len(series) - 1
        # a line over categories has one point on each, none between them
        assert len(best) <= len(series)
    assert all(isinstance(x, str) for points in read for x, _ in points)


def _right(points: list[tuple[object, float | None]], true: list[list]) -> int:
    """Points true to the chart: the date as printed (letters and digits), y within 1.5."""
    return sum(any(isinstance(x, str) and name_key(x) == name_key(date) and y is not None
                   and abs(y - value) <= 1.5 for x, y in points) for date, value in true)


@pytest.mark.parametrize(("text", "date"), [
    ("Sep 18", True), ("Sept 18", True), ("Oct 2, 2024", True), ("jun8&", True),
    ("jJan3", True), ("Apr", False), ("Febz3", False), ("Age 29", False), ("20", False),
    ("Mar 45", False), ("v1.5", False)])
def test_what_reads_as_a_date(text: str, date: bool) -> None:
    """A month's name (cut to three letters or more) and a day: a stray mark at the ends or
    a lower-case letter before the month is OCR's, a day past 31 or a word that names no
    month is no date (such a label is read again)."""
    assert is_date(text) is date
