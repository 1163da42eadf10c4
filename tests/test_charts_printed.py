"""Bar charts with their values printed on them, as other renderers draw them (Vega-Lite
through vl-convert, pygal in Chromium): each test one mechanism of the reader, on a render
of ``benchmarks/chart_looks/printed_bars.py`` or of a retired test generator (a tuning set
now; ``fixtures/charts/SOURCES.md`` says which), read through real Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import first_bar_chart, names_alike

from imgread.pipeline import read_image
from imgread.record import Chart, Record

FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def _values(chart: Chart) -> list[float]:
    return sorted(p.y for s in chart.series for p in s.points if p.y is not None)


def _named(chart: Chart, names: list[str]) -> list[str]:
    read = [str(p.x) for s in chart.series for p in s.points]
    return [n for n in names if any(names_alike(n, r) for r in read)]


@pytest.fixture(scope="module")
def dark_small() -> Record:
    """Vega-Lite, a 472 px dark chart (#1e1e1e): four wide green bars, "41.8%" over each,
    names at -30 degrees; the page reading finds three words, and the bars keep most of the
    page from counting as dark."""
    return read_image(FIXTURES / "vega_dark_small_bars.png")


def test_a_dark_page_known_by_its_margin_is_read_as_a_chart(dark_small: Record) -> None:
    chart = first_bar_chart(dark_small)
    assert _values(chart) == [40.7, 41.8, 46.5, 54.5]


def test_tick_marks_are_painted_out_of_slanted_names() -> None:
    """Vega-Lite, dark, names at -30 degrees with a tick mark over each name's end: read
    with the mark, a name came out "Yi-9B." at confidence 59, or below the cut-off."""
    chart = first_bar_chart(read_image(FIXTURES / "vega_dark_slanted_names.png"))
    names = ["Mistral-7B", "Phi-3-mini", "Qwen2-7B", "Yi-9B", "Kestrel-7B", "Marlin-3B",
             "Llama-3-8B"]
    assert _named(chart, names) == names


def test_the_glyphs_of_value_labels_are_no_box_plot() -> None:
    """Vega-Lite bars labelled "33.0%" (JPEG): the bowls and stems of "%" and "0" over the
    bars look like boxes with whiskers; inside a word read on the page they are glyphs."""
    record = read_image(FIXTURES / "vega_percent_labels.jpg")
    assert [c.kind for c in record.charts] == ["bar"]
    assert _values(record.charts[0]) == [23.2, 28.0, 29.7, 33.0, 40.4, 42.1, 60.7]


def test_names_falling_to_the_right_are_read() -> None:
    """pygal turns its x labels clockwise (x_label_rotation=30): each name hangs from its
    upper-left end at its group's centre, running down to the right."""
    chart = first_bar_chart(read_image(FIXTURES / "pygal_falling_names.png"))
    names = ["GPQA", "BBH", "ARC-C", "TruthfulQA"]
    assert _named(chart, names) == names


@pytest.fixture(scope="module")
def pygal_inside() -> Record:
    """pygal, LightColorizedStyle: three series grouped by benchmark, values printed inside
    the bars, dashed gridlines (the tables stage sees a table), names turned clockwise under
    the axis line, the legend left of the plot (JPEG)."""
    return read_image(FIXTURES / "pygal_values_inside.jpg")


def test_names_under_the_axis_line_are_no_box_plot(pygal_inside: Record) -> None:
    """The glyphs of the slanted names under the axis line made "boxes" with "whiskers":
    nothing under the plot's axis line is a box."""
    assert [c.kind for c in pygal_inside.charts] == ["bar"]
    values = _values(pygal_inside.charts[0])
    assert len(values) == 12 and abs(values[-1] - 92.7) <= 1.0


def test_dashes_read_as_words_name_no_series(pygal_inside: Record) -> None:
    """OCR reads dashed gridlines as unsure words ("ial", "eve") beside bars of a series'
    colour inside the plot; the legend's sure words outside it name the series."""
    names = [s.name for s in first_bar_chart(pygal_inside).series]
    assert "Grok-2" in names and "Command R+" in names


def test_small_level_names_are_read_from_the_strip_under_the_bars() -> None:
    """Vega-Lite grouped bars drawn small (names some 7 px tall, lost by the page reading):
    the strip under the bars is read level and enlarged, name by name."""
    chart = first_bar_chart(read_image(FIXTURES / "vega_small_level_names.png"))
    assert len(_named(chart, ["ARC-C", "HumanEval", "GSM8K", "IFEval"])) >= 3
