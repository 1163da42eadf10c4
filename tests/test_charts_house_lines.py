"""Line charts in house styles (dark themes, paper rcParams, bokeh), on renders of the
retired test sets at their tuning seeds (``fixtures/charts/SOURCES.md`` says which): each
test one mechanism, read through real Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_charts_curves import _near
from test_charts_lines import _chart, _series

from imgread.pipeline import read_image
from imgread.record import Axis, Record

FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def _x_axis(record: Record) -> Axis:
    return next(a for a in _chart(record).axes if a.orientation == "x")


def test_tick_marks_read_as_letters_are_no_categories() -> None:
    """matplotlib, dark theme, releases ("Sep '23" ...) as categories: OCR read each tick
    mark over a name as "T", a row of evenly set "names" nearer the plot than the real
    ones; before, every point's x was "T"."""
    record = read_image(FIXTURES / "mpl_dark_months_tick_marks.png")
    axis = _x_axis(record)
    assert axis.scale == "categorical"
    assert [t.label for t in axis.ticks][:3] == ["Sep '23", "Dec '23", "Mar '24"]
    gsm = _chart(record).series[0]
    for x, y in (("Sep '23", 36.8), ("Jun '24", 41.2), ("Dec '24", 54.9)):
        assert _near(gsm, x, y), (x, y, [(p.x, p.y) for p in gsm.points])


def test_a_legend_entry_below_the_lowest_tick_does_not_end_the_plot() -> None:
    """A legend inside the plot whose last entry ("IFEval") lies below the lowest y tick:
    taken for an x label, it ended the plot above the category names, and no chart was
    read. Set flush under the entries above it, it is a legend's."""
    record = read_image(FIXTURES / "mpl_dark_legend_below_ticks.png")
    chart = _chart(record)
    assert _x_axis(record).scale == "categorical"
    mbpp = _series(chart, "MBPP")
    for x, y in (("Sep '23", 27.9), ("Mar '24", 35.1), ("Dec '24", 42.6)):
        assert _near(mbpp, x, y), (x, y, [(p.x, p.y) for p in mbpp.points])


@pytest.fixture(scope="module")
def ticks_inward() -> Record:
    """matplotlib with paper rcParams (serif, ticks inward on all four sides), log x ticked
    10² and 10³; OCR boxed "10³" with the tick mark above it."""
    return read_image(FIXTURES / "mpl_serif_ticks_inward.png")


def test_a_label_boxed_with_its_tick_mark_is_cut_to_its_text(ticks_inward: Record) -> None:
    """The box taller than any text was dropped as a bar's; cut to its text, "10³" places
    the log axis with "10²" (before: no x axis)."""
    axis = _x_axis(ticks_inward)
    assert axis.scale == "log"
    assert sorted(t.value for t in axis.ticks) == pytest.approx([100.0, 1000.0])
    one = _series(_chart(ticks_inward), "1B")
    for x, y in ((100.0, 25.8), (200.0, 34.6), (1000.0, 62.6)):
        assert _near(one, x, y), (x, y, [(p.x, p.y) for p in one.points])


def test_grey_tick_marks_around_a_frame_are_no_series(ticks_inward: Record) -> None:
    """The inward tick marks on the four sides of the frame (the plot area reaching past
    the frame's right side) were traced as a grey scatter series and named by the legend's
    title; marks all on the edges of the rectangle they span are ticks."""
    chart = _chart(ticks_inward)
    assert sorted(s.name for s in chart.series) == ["14B", "1B", "3B"]


def test_long_inward_ticks_are_no_series() -> None:
    """At 200 dpi the inward tick marks reach ten pixels into the plot, past the margin
    where marks count as the border's (before: a scatter "Model size" of 16 points along
    the bottom); "10²" was boxed with the axis line over it."""
    record = read_image(FIXTURES / "mpl_serif_ticks_inward_large.png")
    chart = _chart(record)
    assert sorted(s.name for s in chart.series) == ["14B", "70B"]
    seventy = _series(chart, "70B")
    for x, y in ((50.0, 63.1), (100.0, 67.3), (500.0, 79.2)):
        assert _near(seventy, x, y), (x, y, [(p.x, p.y) for p in seventy.points])


def test_two_labels_and_their_tick_marks_make_a_log_axis() -> None:
    """bokeh, parameters from 1 to 13 on a log x axis labelled "5" and "10" only (the page
    reading lost the "5"): the label row read again finds it, and the minor tick marks,
    evenly stepped in value on a log scale and not in pixels, place the axis through the
    two (before: every x in pixels)."""
    record = read_image(FIXTURES / "bokeh_two_labels_log.png")
    axis = _x_axis(record)
    assert axis.scale == "log"
    assert sorted(t.value for t in axis.ticks) == pytest.approx([5.0, 10.0])
    obsidian = _series(_chart(record), "Obsidian")
    for x, y in ((1.0, 24.1), (3.0, 34.0), (13.0, 51.5)):
        assert _near(obsidian, x, y), (x, y, [(p.x, p.y) for p in obsidian.points])


def test_bends_round_one_small_marker_are_one_point() -> None:
    """matplotlib, dark theme: "Mosaic" drawn with small triangles, which no opening keeps
    apart from the line; the traced line bends two to four times round each, and each bend
    was a point (11 read for 4). Corners a few line widths apart are one place."""
    record = read_image(FIXTURES / "mpl_dark_triangle_markers.png")
    mosaic = _series(_chart(record), "Mosaic")
    assert len(mosaic.points) == 4, [(p.x, p.y) for p in mosaic.points]
    for x, y in ((1.0, 47.1), (1.5, 50.4), (3.0, 54.9), (7.0, 56.7)):
        assert _near(mosaic, x, y), (x, y, [(p.x, p.y) for p in mosaic.points])
