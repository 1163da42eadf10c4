"""Line charts whose series are named on the plot, in close colours, on log axes in several
notations (the ``named`` chart look's kinds, issue 11, lines7): each test renders its chart
with matplotlib and reads it through real Tesseract; each fails without its mechanism."""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import pytest
from conftest import REPO
from test_charts_curves import _near
from test_charts_lines import _chart, _series

from imgread.charts.text import power_value
from imgread.pipeline import read_image
from imgread.record import Record

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


def _render(path: Path, series: dict[str, tuple[str, list[float]]], xs: list[float],
            ticks: list[float], texts: list[str], sheet: str = "ggplot",
            ends: dict[str, float] | None = None, size: tuple[float, float] = (9.5, 6.0),
            dpi: int = 100, in_colour: bool = False) -> Path:
    """A log-x line chart in ``sheet``: ``series`` maps a name to (colour, ys); the x
    ticks at ``ticks`` print ``texts``. With ``ends`` (a name's height), the lines it names
    are named at that height right of their last point, in grey or ``in_colour`` (the
    line's), and there is no legend."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FixedFormatter, FixedLocator, NullFormatter

    with plt.style.context(sheet):
        figure, ax = plt.subplots(figsize=size, dpi=dpi)
        for name, (colour, ys) in series.items():
            ax.plot(xs, ys, label=name, color=colour, linewidth=1.5, marker="o",
                    markersize=4)
            if ends is not None and name in ends:
                ax.annotate(name, (xs[-1], ends[name]), xytext=(6, 0), va="center",
                            textcoords="offset points", fontsize=9,
                            color=colour if in_colour else "grey")
        ax.set_xscale("log")
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_major_formatter(FixedFormatter(texts))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_xlim(min(ticks + xs) / 1.25, max(ticks + xs) * (3.0 if ends else 1.25))
        ax.set_ylim(30, 75)
        ax.set_xlabel("Training tokens")
        ax.set_ylabel("Score")
        if ends is None:
            ax.legend(loc="lower right")
        figure.tight_layout()
        figure.savefig(path, dpi=100)
        plt.close(figure)
    return path


def test_a_caret_read_as_a_star_is_a_power() -> None:
    """"10^10" typed without superscripts reads "10*10" as often as "10^10"."""
    assert power_value("10*10") == 1e10
    assert power_value("5x10*9") == 5e9
    assert power_value("10*") is None


@pytest.fixture(scope="module")
def caret_ticks(tmp_path_factory: pytest.TempPathFactory) -> Record:
    xs = [5e9, 2e10, 5e10, 1e11, 3e11]
    ticks = [5e9, 1e10, 2e10, 5e10, 1e11, 2e11]
    texts = ["5x10^9", "10^10", "2x10^10", "5x10^10", "10^11", "2x10^11"]
    path = _render(tmp_path_factory.mktemp("caret") / "caret.png",
                   {"Qwen2.5": ("#2166ac", [51.1, 55.9, 63.2, 65.4, 70.5]),
                    "Dense baseline": ("#b2182b", [46.7, 48.9, 53.1, 55.5, 60.5])},
                   xs, ticks, texts)
    return read_image(path)


def test_powers_typed_with_a_caret_place_a_log_axis(caret_ticks: Record) -> None:
    """OCR reads the caret of "10^10" as "*" ("10*10", "2x10*10"); before, those ticks
    were no numbers and the x axis stayed in pixels (every x 100 to 900)."""
    axis = next(a for a in _chart(caret_ticks).axes if a.orientation == "x")
    assert axis.scale == "log"
    assert {10, 11} <= {round(math.log10(t.value)) for t in axis.ticks}
    series = _series(_chart(caret_ticks), "Qwen2.5")
    for x, y in ((5e9, 51.1), (5e10, 63.2), (3e11, 70.5)):
        assert _near(series, x, y), (x, y, [(p.x, p.y) for p in series.points])


@pytest.fixture(scope="module")
def nudged_end_names(tmp_path_factory: pytest.TempPathFactory) -> Record:
    """dark_background, a dark and a light orange ending a point apart; their grey names
    nudged apart, each nearer the other's end than its own."""
    xs = [2e20, 8e20, 3e21, 1e22]
    path = _render(tmp_path_factory.mktemp("ends") / "ends.png",
                   {"SmolLM": ("#f58518", [47.0, 51.4, 56.0, 57.8]),
                    "StableLM": ("#ffbf79", [35.1, 44.6, 51.7, 57.0])},
                   xs, [1e20, 1e21, 1e22], ["1e20", "1e21", "1e22"],
                   sheet="dark_background", ends={"SmolLM": 60.0, "StableLM": 55.0},
                   size=(8.0, 5.0))
    return read_image(path)


def test_a_column_of_end_names_binds_in_order(nudged_end_names: Record) -> None:
    """The names right of the lines' ends stand in one column, in the order of the ends
    (a nudge never swaps two): bound top to bottom. Before, a name was bound only when
    level with a line's end, and both lines stayed unnamed."""
    chart = _chart(nudged_end_names)
    for name, x, y in (("SmolLM", 2e20, 47.0), ("SmolLM", 3e21, 56.0),
                       ("StableLM", 2e20, 35.1), ("StableLM", 3e21, 51.7)):
        series = _series(chart, name)
        assert _near(series, x, y), (name, x, y, [(p.x, p.y) for p in series.points])


@pytest.fixture(scope="module")
def dark_vega_grid(tmp_path_factory: pytest.TempPathFactory) -> Record:
    """The ``named`` look's Vega-Lite dark chart at its tuning seed: grey gridlines on a
    dark page, crossed by two orange lines named at their ends."""
    pytest.importorskip("vl_convert")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from chart_looks import named_lines

    image, _ = named_lines.draw("vega_dark", random.Random(300 * 1000 + 2), None)
    path = tmp_path_factory.mktemp("grid") / "grid.png"
    image.save(path)
    return read_image(path)


def test_a_gridline_crossed_by_lines_is_a_rule(dark_vega_grid: Record) -> None:
    """A gridline crossed by two lines runs unbroken for less than a quarter of the plot
    on its left: its grey pixels on a long run of any ink are the rule's. Before, those
    stretches were traced as a grey series, its points on the gridlines."""
    chart = _chart(dark_vega_grid)
    assert len(chart.series) == 2, [(s.name, s.colour) for s in chart.series]
    assert _near(_series(chart, "OPT"), 2e20, 34.7)


@pytest.fixture(scope="module")
def coloured_end_names(tmp_path_factory: pytest.TempPathFactory) -> Record:
    """Three lines, two named at their ends in their own colours; the orange name nudged
    well below its line's end, nearer the unnamed green line's."""
    xs = [1.0, 10.0, 100.0, 1000.0]
    path = _render(tmp_path_factory.mktemp("colour") / "colour.png",
                   {"Falcon": ("#1f77b4", [40.0, 47.0, 54.0, 60.0]),
                    "Gemma": ("#ff7f0e", [36.0, 44.0, 51.0, 58.0]),
                    "Baseline": ("#2ca02c", [35.0, 40.0, 45.0, 50.0])},
                   xs, [1.0, 10.0, 100.0, 1000.0], ["1B", "10B", "100B", "1T"],
                   ends={"Falcon": 61.0, "Gemma": 52.5}, in_colour=True)
    return read_image(path)


def test_a_name_in_a_line_colour_is_held_to_that_line(coloured_end_names: Record) -> None:
    """In the column's order alone the orange name fits the green line's end better than
    its own; printed in orange, it is held to the orange line. Before, the orange line
    stayed unnamed (its name level with no line's end)."""
    chart = _chart(coloured_end_names)
    series = _series(chart, "Gemma")
    assert _near(series, 10.0, 44.0), [(p.x, p.y) for p in series.points]
    assert _near(_series(chart, "Falcon"), 10.0, 47.0)
