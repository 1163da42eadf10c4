"""Chart reading on charts from web renderers (plotly in Chromium, Vega-Lite through
vl-convert) and themed matplotlib: each test one mechanism of the reader, on a render of
the chart looks in ``benchmarks/chart_looks`` (``fixtures/charts/SOURCES.md`` says which)
read through real Tesseract."""

from __future__ import annotations

import math
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from conftest import read_real

from imgread import charts, images
from imgread.config import Config
from imgread.pipeline import read_image
from imgread.record import Box, Chart, Record, Table
from imgread.work import Work


def _lines(chart: Chart) -> dict[str, list[tuple[float, float]]]:
    return {s.name.replace(" ", ""): [(float(p.x), p.y or 0.0) for p in s.points
                                      if isinstance(p.x, float)] for s in chart.series}


def _has(points: list[tuple[float, float]], x: float, y: float) -> bool:
    return any(read > 0 and abs(math.log10(read / x)) <= math.log10(1.05)
               and abs(py - y) <= 1.0 for read, py in points)


SIZES = [2.7, 6.7, 13.0, 30.0, 70.0, 175.0]
SCALING = {"Llama 2": [40.4, 47.5, 51.7, 57.4, 64.4, 71.3],
           "Chinchilla": [36.4, 40.4, 44.2, 48.5, 54.7, 55.9],
           "Pythia": [23.2, 28.4, 32.2, 34.1, 38.9, 41.0],
           "Ours": [26.7, 35.0, 39.1, 43.5, 49.3, 56.5]}


FIXTURES = Path(__file__).parent / "fixtures" / "charts"


@pytest.fixture(scope="module")
def plotly_scaling() -> Record:
    """Scores over model size in plotly's simple_white template, drawn in Chromium at device
    scale 1.5 (``plotly_look.py``; each fixture's seed in SOURCES.md): plotly prints the sizes
    "13B", "175B" in a thin font (OCR reads "138", "1758") and draws tick marks beside the
    y labels (OCR reads "70-5")."""
    return read_image(FIXTURES / "plotly_simple_white_scaling.png")


def test_a_size_unit_read_as_an_eight_is_a_unit(plotly_scaling: Record) -> None:
    """x ticks "13B" read "138": the axis is fitted on the reading that lines up more ticks,
    the 8 read as the unit B, so the sizes are 2.7 to 175 (billions), not 29 to 1758."""
    chart = next(c for c in plotly_scaling.charts if c.kind == "line")
    x_axis = next(a for a in chart.axes if a.orientation == "x")
    assert x_axis.scale == "log"
    assert {round(t.value, 1) for t in x_axis.ticks} <= set(SIZES)
    read = _lines(chart)
    for x, y in zip(SIZES, SCALING["Pythia"], strict=True):
        assert _has(read["Pythia"], x, y), (x, y, read["Pythia"])


def test_a_tick_mark_read_with_a_stray_glyph_still_marks_its_tick(
        plotly_scaling: Record) -> None:
    """y ticks read "70-5" (the label, its tick mark and a stray glyph) still calibrate the
    axis, so the plot reaches up to 70 and the top series keeps its high points."""
    chart = next(c for c in plotly_scaling.charts if c.kind == "line")
    y_axis = next(a for a in chart.axes if a.orientation == "y")
    assert max(t.value for t in y_axis.ticks) >= 60
    read = _lines(chart)
    for x, y in zip(SIZES, SCALING["Llama 2"], strict=True):
        if y > 55:
            assert _has(read["Llama2"], x, y), (x, y, read["Llama2"])


LYING = {"MPT-30B": 47.5, "DeepSeek-67B": 32.7, "Baichuan2-13B": 66.6, "Mistral-7B": 47.0,
         "Mixtral-8x7B": 44.5, "Qwen1.5-14B": 36.4}


@pytest.fixture(scope="module")
def plotly_lying() -> Chart:
    """Lying bars in plotly_white (``plotly_look.py``, seed 111): the page reading takes
    the names beside the bars and the values past their ends for part of a picture, and
    reads neither."""
    record = read_image(FIXTURES / "plotly_lying_bars.png")
    return next(c for c in record.charts if c.kind == "hbar")


def _key(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


def test_names_beside_lying_bars_are_read_from_their_strip(plotly_lying: Chart) -> None:
    """The strip left of the bars is read alone, the bars (which the names run onto) painted
    in the page's colour: most bars get their name (a final B may still read as 8)."""
    names = [p.x for s in plotly_lying.series for p in s.points]
    assert len(names) == len(LYING)
    named = [n for n in names if isinstance(n, str)
             and any(_key(n).startswith(_key(true)[:-1]) for true in LYING)]
    assert len(named) >= len(LYING) - 1, names


def test_a_value_past_a_lying_bar_is_read_there(plotly_lying: Chart) -> None:
    """The page reading found no value labels; the longest bar shows one past its end, so
    each bar's is read there: the printed values, not the bars' measured lengths."""
    points = [p for s in plotly_lying.series for p in s.points]
    assert sum(p.provenance == "label" for p in points) >= len(LYING) - 1
    assert all(any(abs((p.y or 0.0) - v) < 0.05 for v in LYING.values())
               for p in points if p.provenance == "label")


DARK = {"Mistral-7B": [49.7, 36.2, 79.6, 27.9, 83.5],
        "Baichuan2-13B": [83.0, 57.2, 54.8, 20.1, 28.3],
        "Qwen1.5-14B": [74.5, 71.1, 62.9, 25.6, 70.8]}


@pytest.fixture(scope="module")
def plotly_dark() -> Record:
    """Grouped bars in plotly_dark (``plotly_look.py``, seed 109): large coloured bars on a
    near-black page, category names slanted, the legend in a row under the plot."""
    return read_image(FIXTURES / "plotly_dark_grouped_bars.png")


def test_text_among_coloured_bars_on_a_dark_page_is_read_from_its_grey_ink(
        plotly_dark: Record) -> None:
    """Tesseract reads almost nothing of the page (its threshold takes the bars for ink);
    the grey ink alone, without the coloured marks, gives the ticks: the bars are read."""
    chart = next(c for c in plotly_dark.charts if c.kind == "bar")
    values = sorted(p.y or 0.0 for s in chart.series for p in s.points)
    assert len(values) == 15
    assert all(abs(a - b) <= 1.0 for a, b in zip(
        values, sorted(v for vs in DARK.values() for v in vs), strict=True))


def test_a_legend_under_the_plot_with_patches_names_the_series(plotly_dark: Record) -> None:
    """Unsure words just under a plot are usually slanted tick labels, but words with a
    filled patch left of them are a legend: every series is named."""
    chart = next(c for c in plotly_dark.charts if c.kind == "bar")
    names = [_key(s.name) for s in chart.series]
    assert len(names) == 3
    assert all(any(SequenceMatcher(None, n, _key(true)).ratio() >= 0.8 for n in names)
               for true in DARK), names


@pytest.fixture(scope="module")
def vega_grouped() -> Chart:
    """Grouped bars with value labels in vl-convert's excel theme (``vega_look.py``, seed
    100): a legend above the plot whose symbols are squares smaller than the text."""
    record = read_image(FIXTURES / "vega_excel_grouped_bars.png")
    return next(c for c in record.charts if c.kind == "bar")


def test_a_legend_symbol_smaller_than_its_text_is_a_patch(vega_grouped: Chart) -> None:
    """A 7-pixel square beside 10-pixel text covers little of the swatch window, but fills
    its own bounding box: a filled patch, so "Qwen1.5-14B" names its bars."""
    names = [_key(s.name) for s in vega_grouped.series]
    assert any(SequenceMatcher(None, n, "qwen1514b").ratio() >= 0.8 for n in names), names


def test_a_legend_symbol_read_as_a_letter_is_the_swatch() -> None:
    """OCR reads a Vega legend's filled circle and the name after it as one word ("@T5",
    "@OLMo"): the glyph is the swatch, the rest the name (``vega_look.py``, seed 111,
    googlecharts theme, the legend under the plot)."""
    record = read_image(FIXTURES / "vega_legend_symbols_read_as_letters.png")
    chart = next(c for c in record.charts if c.kind == "line")
    assert sorted(s.name for s in chart.series) == ["OLMo", "T5"]


def test_si_ticks_in_giga_are_billions(tmp_path: Path) -> None:
    """d3's SI format prints 10⁹ as "1G" (Vega-Lite's "~s"): sizes in billions, on a log
    axis whose every tick is in G."""
    vlc = pytest.importorskip("vl_convert", reason="vl-convert: pip install vl-convert-python")
    sizes = [7.0, 13.0, 34.0, 70.0, 180.0]
    data = {"Qwen": [38.2, 44.9, 51.3, 57.0, 63.4], "Gemma": [30.1, 36.0, 41.7, 47.9, 52.2]}
    rows = [{"model": name, "x": size * 1e9, "score": y} for name, ys in data.items()
            for size, y in zip(sizes, ys, strict=True)]
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "width": 440,
            "height": 280, "data": {"values": rows},
            "mark": {"type": "line", "point": {"filled": True, "size": 70}},
            "encoding": {
                "x": {"field": "x", "type": "quantitative", "scale": {"type": "log"},
                      "axis": {"format": "~s", "title": "Parameters"}},
                "y": {"field": "score", "type": "quantitative", "scale": {"zero": False}},
                "color": {"field": "model", "type": "nominal", "sort": list(data)}}}
    (tmp_path / "si.png").write_bytes(vlc.vegalite_to_png(spec, scale=1.5))
    chart = next(c for c in read_image(tmp_path / "si.png").charts if c.kind == "line")
    x_axis = next(a for a in chart.axes if a.orientation == "x")
    assert x_axis.scale == "log" and any(t.label.endswith("G") for t in x_axis.ticks)
    read = _lines(chart)
    for x, y in zip(sizes, data["Qwen"], strict=True):
        assert _has(read["Qwen"], x, y), (x, y, read["Qwen"])


def test_size_ticks_count_as_numbers_when_deciding_to_look_for_a_chart() -> None:
    """A small seaborn-darkgrid line chart (``mpl_themed.py``, seed 100) whose page reading
    found one plain number ("35") beside size ticks ("300B", "1T"): the ticks make it worth
    a chart reading, which finds the series over tokens on a log axis."""
    record = read_image(FIXTURES / "mpl_darkgrid_size_ticks.png")
    chart = next(c for c in record.charts if c.kind == "line")
    read = _lines(chart)
    for x, y in ((200.0, 23.8), (300.0, 32.8), (1000.0, 40.2), (1400.0, 45.9)):
        assert _has(read["Gemma"], x, y), (x, y, read)


def test_sizes_set_evenly_apart_name_the_places_they_stand_at() -> None:
    """Tokens given to plotly as names ("200B", "300B", "500B", "2T") stand evenly apart on
    a category axis (``plotly_look.py``, seed 102): no scale fits them, so each point
    takes the name printed under it, as on any category axis."""
    record = read_image(FIXTURES / "plotly_sizes_as_categories.png")
    chart = next(c for c in record.charts if c.kind == "line")
    assert [a.scale for a in chart.axes if a.orientation == "x"] == ["categorical"]
    llama = next(s.points for s in chart.series if s.name.replace(" ", "") == "Llama2")
    for x, y in (("200B", 41.4), ("300B", 48.5), ("500B", 55.5), ("2T", 63.0)):
        assert any(p.x == x and abs((p.y or 0.0) - y) <= 1.0 for p in llama), (x, y, llama)


SEABORN_BARS = {"HumanEval": 88.3, "PIQA": 67.6, "MATH": 90.0, "HellaSwag": 53.0,
                "ARC-C": 35.0, "TruthfulQA": 86.2, "GSM8K": 35.6}


@pytest.fixture(scope="module")
def seaborn_bars() -> Chart:
    """A seaborn barplot in the "ticks" style with ``ax.bar_label`` values
    (``mpl_themed.py``, seed 305): tick marks outside the axis, a level row of names."""
    record = read_image(FIXTURES / "seaborn_ticks_labelled_bars.png")
    return next(c for c in record.charts if c.kind == "bar")


def test_a_tick_mark_read_as_a_plus_still_marks_its_tick(seaborn_bars: Chart) -> None:
    """"20+" (the label and its tick mark) is the tick 20, its box cut to its digits: the
    axis reaches down to the bars' floor, so the names under the bars are found."""
    y_axis = next(a for a in seaborn_bars.axes if a.orientation == "y")
    assert 20.0 in {t.value for t in y_axis.ticks}
    names = [p.x for s in seaborn_bars.series for p in s.points]
    assert sum(isinstance(n, str) for n in names) == len(SEABORN_BARS), names


def test_a_level_row_of_whole_names_is_a_row_however_unsure_a_few(
        seaborn_bars: Chart) -> None:
    """The names under the bars read at 49 to 93 (mean under 80, the bar for a row of
    slanted scraps), but they are whole names, one under every bar: they name the bars."""
    read = {p.x: p.y for s in seaborn_bars.series for p in s.points}
    right = [name for name, value in SEABORN_BARS.items() if read.get(name) == value]
    assert len(right) >= len(SEABORN_BARS) - 2, read


def test_bars_of_many_heights_are_a_chart_though_their_labels_look_like_a_table() -> None:
    """Grouped seaborn bars with value labels (``mpl_themed.py``, seed 317): the labels and
    ticks stand in rows and columns, and the tables stage once saw a table over the plot. It
    no longer does, so the test lays one there itself: bars standing at many heights on a
    calibrated axis are a chart, which is kept though a table was read around it."""
    path = FIXTURES / "seaborn_grouped_bars_read_as_tables.png"
    config = Config()
    work = Work(path=path, record=read_image(path, config))
    images.load_into(work, config)
    assert work.rgb is not None
    height, width = work.rgb.shape[:2]
    plot = Box(x1=60, y1=40, x2=width - 20, y2=height - 60)
    work.record.charts = []
    work.record.ocr.tables = [Table(box=plot, n_rows=6, n_cols=5)]
    charts.run(work, config)
    chart = next(c for c in work.record.charts if c.kind == "bar")
    assert charts._inside_a_table(chart.box, [plot])  # what the chart had to survive
    assert sorted(s.name for s in chart.series) == ["Falcon-40B", "OLMo-7B", "Phi-2"]
    assert len([p for s in chart.series for p in s.points]) == 15


def test_two_ticks_printed_as_powers_place_a_log_axis() -> None:
    """matplotlib labels a log axis under two decades at 4×10⁻¹, 6×10⁻¹, 10⁰, 2×10⁰ ...;
    OCR runs the crowded ones together ("3x104x10°") and reads only 10⁰ and 2×10⁰ alone
    (``mpl_themed.py``, seed 322, fivethirtyeight): printed as powers, those two place the
    axis."""
    record = read_image(FIXTURES / "mpl_fivethirtyeight_crowded_powers.png")
    chart = next(c for c in record.charts if c.kind == "line")
    assert [a.scale for a in chart.axes if a.orientation == "x"] == ["log"]
    read = _lines(chart)
    for x, y in ((0.35, 27.5), (0.76, 31.5), (1.3, 37.8), (2.7, 43.9), (6.7, 52.7)):
        assert _has(read["BLOOM"], x, y), (x, y, read["BLOOM"])


def test_decade_labels_outrank_the_bare_digits_between_them() -> None:
    """plotly's own log axis (``plotly_look.py``, seed 506, ggplot2 template) prints the
    decades with their unit ("100B", "1T") and bare mantissas between (2, 3 ... 9): the
    digits alone fit a log axis from 4 to 9, but the decades place it, the digits refine
    it as 200B, 300B ..."""
    record = read_image(FIXTURES / "plotly_default_log_ticks.png")
    chart = next(c for c in record.charts if c.kind == "line")
    read = _lines(chart)
    for x, y in ((100.0, 46.3), (200.0, 51.2), (500.0, 61.0), (1000.0, 69.1), (2000.0, 84.8)):
        assert _has(read["Gopher"], x, y), (x, y, read["Gopher"])


def test_scraps_read_from_icons_beside_names_are_no_legend(shared_dir: Path) -> None:
    """A real banner of bar panels whose model names under the bars carry logos: a logo is
    a filled patch, but the scraps OCR reads from it ("gus", "ort") are too short to be the
    names a legend gives, so no series is named after one."""
    record = read_real(shared_dir, "kimi_k2_banner_dark.png")
    names = {s.name for c in record.charts for s in c.series} - {""}
    assert all(sum(ch.isalnum() for ch in name) >= 4 for name in names), names
