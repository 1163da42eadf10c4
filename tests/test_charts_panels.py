"""Line charts laid out around their plot as facets, with a y axis only at the right, or
over a range slider: each rendered here, read end to end."""

from __future__ import annotations

import difflib
import math
from pathlib import Path
from typing import Any

import pytest

from imgread.pipeline import read_image
from imgread.record import Chart

matplotlib = pytest.importorskip("matplotlib")

TOKENS = [20.0, 50.0, 100.0, 200.0, 500.0]
FACETS = {"ARC-C": [31.2, 38.5, 44.1, 52.7, 57.9],
          "HumanEval": [12.4, 18.9, 27.5, 33.0, 41.6],
          "GSM8K": [22.0, 35.4, 41.8, 55.1, 63.3]}


def _pyplot() -> Any:
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _alike(read: str, name: str) -> bool:
    """A name as OCR may give it (a letter doubled: "HumaneEval")."""
    return difflib.SequenceMatcher(None, read.lower(), name.lower()).ratio() >= 0.8


def _near(chart: Chart, name: str, x: float, y: float, within: float, log: bool,
          x_span: float = 0.0) -> bool:
    """A point of the series ``name`` at x (5% off on a log axis, 3% of ``x_span`` on a
    linear one) within ``within`` of y."""
    series = next((s for s in chart.series if _alike(s.name, name)), None)
    if series is None:
        return False
    def same_x(read: float) -> bool:
        if log:
            return read > 0 and abs(math.log10(read / x)) <= math.log10(1.05)
        return abs(read - x) <= 0.03 * x_span
    return any(isinstance(p.x, float) and same_x(p.x) and p.y is not None
               and abs(p.y - y) <= within for p in series.points)


def test_shaded_facets_on_one_y_axis_are_a_panel_each_named_by_their_strip(
        tmp_path: Path) -> None:
    """ggplot-like small multiples: grey grounds side by side, a strip with its title over
    each, one line with markers per panel, the y axis left of the first only. Each panel is
    a chart of its own (not one chart whose x axis is one panel's), its line named by its
    strip."""
    plt = _pyplot()
    from matplotlib.patches import Rectangle

    with plt.style.context("ggplot"):
        figure, axes = plt.subplots(1, len(FACETS), sharey=True, figsize=(9, 3.2))
        for ax, (name, ys) in zip(axes, FACETS.items(), strict=True):
            ax.plot(TOKENS, ys, color="#333333", marker="o", markersize=5)
            ax.set_xscale("log")
            ax.set_xticks([20, 100, 500])
            ax.set_xticklabels(["20", "100", "500"])
            ax.minorticks_off()
            ax.add_patch(Rectangle((0, 1.0), 1, 0.12, transform=ax.transAxes, clip_on=False,
                                   facecolor="#d9d9d9", edgecolor="none"))
            ax.text(0.5, 1.06, name, transform=ax.transAxes, ha="center", va="center",
                    fontsize=11, color="#1a1a1a")
        figure.supxlabel("Training tokens (B)")
        figure.tight_layout()
        figure.savefig(tmp_path / "facets.png", dpi=110)
        plt.close(figure)
    charts = read_image(tmp_path / "facets.png").charts
    assert len(charts) == len(FACETS)
    for chart, (name, ys) in zip(charts, FACETS.items(), strict=True):
        assert len(chart.series) == 1 and _alike(chart.series[0].name, name)
        hits = sum(_near(chart, name, x, y, 1.5, log=True)
                   for x, y in zip(TOKENS, ys, strict=True))
        assert hits >= len(TOKENS) - 1, (name, chart.series)


def test_a_y_axis_only_at_the_right_opens_its_plot_to_the_left(tmp_path: Path) -> None:
    """A dark chart whose only y tick labels stand right of the plot, in thousands with
    separators ("1,100"), over a log x axis of parameters, lines with markers and a legend:
    the plot is left of the ticks, the lines read on them and named by the legend."""
    plt = _pyplot()
    from matplotlib.ticker import FuncFormatter

    sizes = [1.0, 3.0, 7.0, 13.0, 30.0, 70.0]
    ratings = {"Llama": [1012, 1064, 1118, 1151, 1203, 1262],
               "Qwen": [1040, 1101, 1139, 1190, 1236, 1281]}
    with plt.style.context("dark_background"):
        figure, ax = plt.subplots(figsize=(7, 4.5))
        for (name, ys), marker in zip(ratings.items(), ("o", "D"), strict=True):
            ax.plot(sizes, ys, marker=marker, linewidth=2, label=name)
        ax.set_xscale("log")
        ax.set_xticks([1, 10, 100])
        ax.set_xticklabels(["1", "10", "100"])
        ax.minorticks_off()
        ax.yaxis.tick_right()
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.grid(axis="y", color="#444444")
        for side in ("left", "top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_xlabel("Parameters (B)")
        ax.set_ylim(990, 1300)
        ax.legend(loc="lower right", frameon=False)
        figure.tight_layout()
        figure.savefig(tmp_path / "right.png", dpi=100)
        plt.close(figure)
    charts = read_image(tmp_path / "right.png").charts
    assert len(charts) == 1
    chart = charts[0]
    assert len(chart.series) == 2
    assert all(any(_alike(s.name, name) for s in chart.series) for name in ratings)
    hits = sum(_near(chart, name, x, y, 0.02 * 280, log=True)
               for name, ys in ratings.items() for x, y in zip(sizes, ys, strict=True))
    assert hits >= 10


FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def test_facets_with_their_own_axes_are_named_by_their_strips_not_another_panels_text(
        ) -> None:
    """Facets with a y axis each, one line per panel, all in one colour, no legend: a
    "sample" of the line's colour with text beside it is a piece of another panel's line
    (its strip, "TriviaQA" read "QA"; the x title, "Tokens seen (B)"): each line is named by
    the strip over its own panel."""
    truth = {"TriviaQA": [(10.0, 56.6), (20.0, 58.7), (50.0, 60.8), (100.0, 64.3), (200.0, 67.8)],
             "BBH": [(10.0, 56.7), (20.0, 57.1), (50.0, 60.7), (100.0, 64.1), (200.0, 66.8)],
             "GSM8K": [(10.0, 27.6), (20.0, 33.3), (50.0, 42.4), (100.0, 53.8),
                       (200.0, 65.2)]}
    charts = read_image(FIXTURES / "panels_mpl_facets_own_axes.png").charts
    assert len(charts) == len(truth)
    for chart, (name, points) in zip(charts, truth.items(), strict=True):
        assert len(chart.series) == 1 and _alike(chart.series[0].name, name)
        assert sum(_near(chart, name, x, y, 1.0, log=False, x_span=190.0)
                   for x, y in points) \
            >= len(points) - 1
