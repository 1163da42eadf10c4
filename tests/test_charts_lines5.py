"""Line charts from blind5's line styles (a retired test set, tuning material now;
``fixtures/charts/SOURCES.md`` says which render): plotly's dark template on a log axis of
tokens, Observable-like lines over releases, matplotlib with ticks drawn inward on a log
axis of parameters. Each test one mechanism, read through real Tesseract."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import names_alike
from test_charts_curves import _near
from test_charts_lines import _chart, _series

from imgread.charts.label_row import evenly_set_row
from imgread.charts.lines import marker_on_line
from imgread.pipeline import read_image
from imgread.record import Axis, Box, Record, Series, Word

FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def _x_axis(record: Record) -> Axis:
    return next(a for a in _chart(record).axes if a.orientation == "x")


def _at(series: Series, category: str, y: float) -> bool:
    """A point on the category (letters and digits compared, case aside) at y (±1)."""
    key = category.lower()
    return any(isinstance(p.x, str) and p.x.lower() == key and p.y is not None
               and abs(p.y - y) <= 1.0 for p in series.points)


def _points(series: Series) -> list[tuple[object, float | None]]:
    return [(p.x, p.y) for p in series.points]


def test_plain_decades_under_plotly_digits_place_the_log_axis() -> None:
    """plotly's log axis prints "100" and "1000" larger and lower than its digits 2 ... 9
    (one read "9,"): the plain decades place the axis and the digits are their mantissas;
    before, the digits alone made an axis a hundredth of the data (0.5 for 50)."""
    record = read_image(FIXTURES / "plotly_dark_plain_decades.png")
    assert _x_axis(record).scale == "log"
    chart = _chart(record)
    for name, points in {"Ostrea-1B": [(100.0, 47.4), (400.0, 59.2), (2000.0, 72.6)],
                         "Ostrea-7B": [(50.0, 44.1), (400.0, 61.1), (2000.0, 73.3)]}.items():
        series = _series(chart, name)
        for x, y in points:
            assert _near(series, x, y), (name, x, y, _points(series))


def test_one_plain_decade_among_plotly_digits_places_the_log_axis() -> None:
    """At device scale 2 the "1000" reads "4000": one plain decade, "100", standing a few
    pixels off the digits' fit, with digits on both sides; before, x stayed a hundredth."""
    record = read_image(FIXTURES / "plotly_dark_one_plain_decade.png")
    series = _series(_chart(record), "Tarn-13B")
    for x, y in ((200.0, 39.5), (400.0, 45.4), (1000.0, 56.3)):
        assert _near(series, x, y), (x, y, _points(series))


@pytest.fixture(scope="module")
def versions_ticks_lost() -> Record:
    """Observable-like: versions v1.0 ... v3.5 along x, y ticks 10 ... 70 in small grey text
    that the page reading lost; the legend's "Marrow" read unsure ("Varow")."""
    return read_image(FIXTURES / "observable_versions_ticks_lost.png")


def test_a_row_of_releases_makes_a_page_worth_a_chart_reading(
        versions_ticks_lost: Record) -> None:
    """The row "v1.0" "v1.5" ... evenly set under the plot makes the page worth reading
    again from its plain colours (it holds no number); before, no chart was found."""
    chart = _chart(versions_ticks_lost)
    vireo = _series(chart, "Vireo")
    for category, y in (("v1.5", 37.7), ("v2.0", 43.2), ("v3.5", 54.1)):
        assert _at(vireo, category, y), (category, y, _points(vireo))


def test_a_legend_name_read_unsure_is_read_again(versions_ticks_lost: Record) -> None:
    """A line's legend name read under 70 ("Varow") is read again alone beside its
    sample, as a grouped bar chart's are; before, the name stayed misread."""
    names = [s.name for s in _chart(versions_ticks_lost).series]
    assert "Marrow" in names, names


def test_evenly_set_labels_with_digits_make_a_row() -> None:
    """Four words with digits, level and evenly apart, are a row of releases; three, or
    uneven ones (words of a sentence), are not."""
    def words(xs: list[int], texts: list[str]) -> list[Word]:
        return [Word(text=t, confidence=90, box=Box(x1=x, y1=100, x2=x + 30, y2=112))
                for x, t in zip(xs, texts, strict=True)]
    versions = ["v1.0", "v1.5", "v2.0", "v2.5"]
    assert evenly_set_row(words([50, 150, 250, 350], versions))
    assert not evenly_set_row(words([50, 150, 250], versions[:3]))
    assert not evenly_set_row(words([50, 90, 250, 300], versions))


def test_a_lines_end_points_on_the_area_edges_are_kept() -> None:
    """The first point stands on the y labels' column (no axis line) and the rules end at
    the last point: the area reaches a marker past the x axis's end ticks; before, both
    end points of every line were cut in half and lost."""
    record = read_image(FIXTURES / "observable_months_end_points.png")
    chart = _chart(record)
    for name, points in {"Marrow": [("Jan 2023", 46.8), ("Apr 2024", 66.8)],
                         "Tarn": [("Jan 2023", 59.1), ("Apr 2024", 75.9)]}.items():
        series = _series(chart, name)
        for category, y in points:
            assert _at(series, category, y), (name, category, y, _points(series))


def test_a_marker_read_with_its_line_is_not_text() -> None:
    """A hollow marker and its line's stretch read "c—" (confidence 72) were erased as
    text, and the point with them."""
    assert marker_on_line("c—") and marker_on_line("-o-")
    assert not marker_on_line("GPT-4") and not marker_on_line("10-1")
    record = read_image(FIXTURES / "observable_marker_read_as_text.png")
    # (the legend's "Sorrel" reads "Sorre|": the name is not what this test is about)
    sorrel = next(s for s in _chart(record).series if names_alike(s.name, "Sorrel"))
    assert _at(sorrel, "Jan 2023", 63.9), _points(sorrel)


@pytest.fixture(scope="module")
def inward_ticks() -> Record:
    """matplotlib, ticks drawn inward, y labels read with the axis line ("60F", "65+"),
    the legend inside the plot below the lowest tick, a black series (Vireo)."""
    return read_image(FIXTURES / "mpl_inward_ticks_black_series.png")


def test_y_labels_read_with_the_axis_line_are_numbers(inward_ticks: Record) -> None:
    """"60F" and "55F", whose "F" is the axis line and an inward tick, are 60 and 55;
    before, no y axis and no chart."""
    y_axis = next(a for a in _chart(inward_ticks).axes if a.orientation == "y")
    assert {55.0, 60.0, 70.0} <= {t.value for t in y_axis.ticks}


def test_a_legend_below_the_lowest_tick_is_inside_the_plot(inward_ticks: Record) -> None:
    """Text above the row of x tick labels ends no plot area: the lowest point (51.3,
    below the lowest tick, 55) was cut off with the legend."""
    marrow = _series(_chart(inward_ticks), "Marrow")
    assert _near(marrow, 1.0, 51.3), _points(marrow)


def test_inward_tick_marks_are_no_points_of_a_black_series(inward_ticks: Record) -> None:
    """Tick marks standing on the axes have a black series' colour: they are left out
    of it (before, its points took in marks on both axes, or the series was lost)."""
    vireo = _series(_chart(inward_ticks), "Vireo")
    assert len(vireo.points) == 3, _points(vireo)
    for x, y in ((7.0, 57.1), (14.0, 61.6), (34.0, 64.9)):
        assert _near(vireo, x, y), (x, y, _points(vireo))


def test_a_power_read_with_a_tick_mark_before_it() -> None:
    """matplotlib's serif "10¹" read "“10!" (a minor tick's mark before it): the mark is
    cut off, and the raised stroke is a 1 though read alone it reads "7"; before, no x
    axis (and then x at 10⁷)."""
    record = read_image(FIXTURES / "mpl_power_with_tick_mark.png")
    axis = _x_axis(record)
    assert axis.scale == "log"
    assert sorted(t.value for t in axis.ticks) == pytest.approx([1.0, 10.0])
    kestrel = _series(_chart(record), "Kestrel")
    for x, y in ((0.5, 41.6), (7.0, 58.7), (70.0, 73.1)):
        assert _near(kestrel, x, y), (x, y, _points(kestrel))
    assert np.isfinite([p.y for p in kestrel.points if p.y is not None]).all()
