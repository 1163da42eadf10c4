"""Line charts as other people draw them: each test one mechanism of the line reader, on a
render of ``benchmarks/chart_looks/line_kinds.py`` (or ``unseen_charts.py``) kept in
``fixtures/charts/`` (SOURCES.md says which), read through real Tesseract."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from imgread.pipeline import read_image
from imgread.record import Chart, Record, Series

FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def _chart(record: Record) -> Chart:
    return next(c for c in record.charts if c.kind in ("line", "scatter"))


def _series(chart: Chart, name: str) -> Series:
    key = name.replace(" ", "").lower()
    found = [s for s in chart.series if s.name.replace(" ", "").lower() == key]
    assert found, (name, [s.name for s in chart.series])
    return found[0]


def _has(series: Series, x: float | str, y: float, log_x: bool = False,
         x_span: float = 1.0) -> bool:
    for point in series.points:
        if point.y is None or abs(point.y - y) > 1.0:
            continue
        if isinstance(x, str):
            if point.x == x:
                return True
        elif isinstance(point.x, float) and (
                (log_x and point.x > 0 and abs(math.log10(point.x / x)) <= math.log10(1.05))
                or (not log_x and abs(point.x - x) <= 0.05 * x_span)):
            return True
    return False


@pytest.fixture(scope="module")
def close_blues() -> Record:
    """Two series in two blues of one palette (#08519c, #3182bd), hand-written SVG."""
    return read_image(FIXTURES / "lines_svg_close_blues.png")


def test_a_paler_series_of_one_hue_is_a_series(close_blues: Record) -> None:
    """The paler blue lies between the darker one and the page, as the darker line's
    anti-aliased edge does; but its pixels run apart from the darker line's, and solid:
    it is a series of its own, with its five points."""
    bloom = _series(_chart(close_blues), "BLOOM")
    for x, y in ((0.0, 32.0), (20.0, 35.3), (40.0, 44.4), (60.0, 49.0), (80.0, 56.1)):
        assert _has(bloom, x, y, x_span=80.0), (x, y, bloom.points)


@pytest.fixture(scope="module")
def thin_jpeg() -> Record:
    """One series in matplotlib's classic style: a one-pixel line between round markers,
    through JPEG (``unseen_charts.py``): the line is mostly its blends into the page."""
    return read_image(FIXTURES / "lines_mpl_classic_thin_jpeg.jpg")


def test_a_thin_lines_blend_is_no_series_of_its_own(thin_jpeg: Record) -> None:
    """The thin line's blend shows in patches between its markers: bridged like a dashed
    line's dashes it would be a series of its own, but it is a blend of the markers'
    colour into the page, no dashed line. One series of four points, not dozens."""
    chart = _chart(thin_jpeg)
    points = [p for s in chart.series for p in s.points]
    assert len(points) <= 5, [(s.colour, len(s.points)) for s in chart.series]


@pytest.fixture(scope="module")
def plotly_dashes() -> Record:
    """Plotly in Chromium (``line_kinds.py``, seed 100, file line_004): a dashed line with
    circles, a solid one with squares, a dotted one with diamonds; log x printed as "1e+9"
    with bare digits 2 ... 9 on both sides."""
    return read_image(FIXTURES / "lines_plotly_dashed_dotted.png")


SIZES = (0.35e9, 0.76e9, 1.3e9, 2.7e9, 6.7e9)


def test_a_dotted_line_is_a_line_not_its_dots(plotly_dashes: Record) -> None:
    """The dotted line's dots chain along it, a dot's size or so apart: a line whose
    points are its markers, not a scatter of thirty dots."""
    pythia = _series(_chart(plotly_dashes), "Pythia")
    assert pythia.style == "line"
    assert len(pythia.points) <= 6, pythia.points
    for x, y in zip(SIZES, (29.0, 30.2, 35.3, 39.2, 42.4), strict=True):
        if x != 1.3e9:  # the marker at 1.3e9 lies where OCR read dashes as text
            assert _has(pythia, x, y, log_x=True), (x, y, pythia.points)


def test_a_dashed_line_whose_dashes_ocr_read_as_words_is_traced(
        plotly_dashes: Record) -> None:
    """OCR reads some dashes as words ("e-", "7-7"), whose boxes are erased: the gaps they
    leave are no gaps of the line; and dashes read as words name no series (a name is
    mostly letters and digits), so the legend's "Llama 2" names it."""
    chart = _chart(plotly_dashes)
    assert all(sum(c.isalnum() for c in s.name) >= 0.7 * len(s.name.replace(" ", ""))
               for s in chart.series), [s.name for s in chart.series]
    llama = _series(chart, "Llama 2")
    for x, y in ((0.35e9, 38.9), (6.7e9, 49.5)):
        assert _has(llama, x, y, log_x=True), (x, y, llama.points)


def test_one_decade_among_bare_digits_places_a_log_axis(plotly_dashes: Record) -> None:
    """Plotly prints one decade ("1e+9") and the digits around it: a digit left of it is
    a tenth of the decade, right of it the decade itself, so x is read in the chart's
    own units (parameters, not pixels or mantissas)."""
    chart = _chart(plotly_dashes)
    x_axis = next(a for a in chart.axes if a.orientation == "x")
    assert x_axis.scale == "log"
    assert any(t.value == 1e9 for t in x_axis.ticks)
    opt = _series(chart, "OPT")
    for x, y in zip(SIZES, (31.2, 35.2, 38.3, 42.4, 46.6), strict=True):
        assert _has(opt, x, y, log_x=True), (x, y, opt.points)


@pytest.fixture(scope="module")
def months() -> Record:
    """Scores over release months, matplotlib (``line_kinds.py``, seed 100, file
    line_015): the months ("Apr 23" ... "Apr 24") are categories along x."""
    return read_image(FIXTURES / "lines_mpl_months.png")


def test_names_set_evenly_under_a_plot_are_its_categories(months: Record) -> None:
    chart = _chart(months)
    assert any(a.orientation == "x" and a.scale == "categorical" for a in chart.axes)
    chinchilla = _series(chart, "Chinchilla")
    for x, y in (("Apr 23", 30.1), ("Jul 23", 33.3), ("Oct 23", 36.8), ("Jan 24", 39.7),
                 ("Apr 24", 43.9)):
        assert _has(chinchilla, x, y), (x, y, chinchilla.points)


@pytest.fixture(scope="module")
def value_labels() -> Record:
    """Every point's value printed above it, matplotlib through JPEG (``line_kinds.py``,
    seed 100, file line_010): the labels at x = 0 (44.5, 36.8, 32.9) stand in a column."""
    return read_image(FIXTURES / "lines_mpl_value_labels.jpg")


def test_value_labels_in_a_column_are_no_axis(value_labels: Record) -> None:
    """Labels in a column step evenly enough by chance, but do not lie on whole steps
    (44.5 is no multiple of 3.9): the y axis is the one printed at 30 ... 70."""
    chart = _chart(value_labels)
    y_axis = next(a for a in chart.axes if a.orientation == "y")
    assert {30.0, 40.0, 50.0, 60.0, 70.0} <= {t.value for t in y_axis.ticks}
    pythia = _series(chart, "Pythia")
    for x, y in ((20.0, 50.8), (40.0, 60.2), (60.0, 68.1), (80.0, 75.3)):
        assert _has(pythia, x, y, x_span=80.0), (x, y, pythia.points)


@pytest.fixture(scope="module")
def vega_symbols() -> Record:
    """Vega-Lite through vl-convert at scale 2 (``line_kinds.py``, seed 100, file
    line_005): a legend of square symbols above the plot; the page reading loses the short
    names."""
    return read_image(FIXTURES / "lines_vega_square_symbols.png")


def test_a_short_legend_name_is_read_again_beside_its_symbol(vega_symbols: Record) -> None:
    """"OPT", lost to the page reading, is read alone from beside the square of its
    series' colour, which stands in the row of the legend's other symbols."""
    opt = _series(_chart(vega_symbols), "OPT")
    assert _has(opt, 2000.0, 36.6, log_x=True), opt.points


@pytest.fixture(scope="module")
def seaborn_title() -> Record:
    """``sns.lineplot`` with hue and style, through JPEG (``line_kinds.py``, seed 100,
    file line_003): its legend's title "model" stands over the entries, a grey frame's
    edge left of it."""
    return read_image(FIXTURES / "lines_seaborn_legend_title.jpg")


def test_a_legend_title_with_grey_beside_it_names_no_series(seaborn_title: Record) -> None:
    """A grey swatch is as near a faded blue as it is to the page, but off the blue's
    blends: no faded swatch, so "model" names nothing."""
    names = [s.name.lower() for s in _chart(seaborn_title).series]
    assert "model" not in names, names


@pytest.fixture(scope="module")
def end_labels() -> Record:
    """No legend: each line named by text at its end, matplotlib classic style
    (``line_kinds.py``, seed 100, file line_009)."""
    return read_image(FIXTURES / "lines_mpl_end_labels.png")


def test_a_name_at_a_lines_end_keeps_the_last_point(end_labels: Record) -> None:
    """Left of "Ours" runs the line itself, not a legend sample: its last marker (30B) is
    data, neither erased as a swatch nor dropped as a legend sample."""
    ours = _series(_chart(end_labels), "Ours")
    for x, y in ((13.0, 53.5), (30.0, 57.0)):
        assert _has(ours, x, y, log_x=True), (x, y, ours.points)


def _token_scaling_chart(path: Path) -> dict[str, list[tuple[float, float]]]:
    """A matplotlib scaling curve over training tokens on a log x axis: its ticks are
    10¹⁰ and 10¹¹, two raised digits each."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    tokens = [7.0e9, 2.3e10, 7.4e10, 2.4e11, 7.8e11]
    truth = {"Model A-7B": [32.7, 39.5, 48.5, 55.9, 65.2],
             "Model B-13B": [26.3, 34.7, 41.4, 50.8, 58.7]}
    figure, axes = plt.subplots(figsize=(7.2, 4.2), dpi=120)
    for (name, scores), marker in zip(truth.items(), "os", strict=True):
        axes.plot(tokens, scores, marker=marker, label=name)
    axes.set_xscale("log")
    axes.set_xlabel("Training tokens")
    axes.set_ylabel("MMLU (%)")
    axes.legend()
    figure.savefig(path)
    plt.close(figure)
    return {name: list(zip(tokens, scores, strict=True)) for name, scores in truth.items()}


def test_a_log_axis_of_two_digit_powers_places_the_points(tmp_path: Path) -> None:
    """10¹¹ read as one glyph comes back as "1", and "10²°" (10¹⁰ with its raised 1 and 0
    read as a digit and a sign) was no power at all: the x axis went uncalibrated and every
    point stayed in pixels. The raised exponent is read as a word."""
    truth = _token_scaling_chart(tmp_path / "tokens.png")
    chart = _chart(read_image(tmp_path / "tokens.png"))
    assert any(axis.orientation == "x" and axis.scale == "log" for axis in chart.axes)
    for name, points in truth.items():
        series = _series(chart, name)
        for x, y in points:
            assert _has(series, x, y, log_x=True), (name, x, y, series.points)
