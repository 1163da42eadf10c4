"""Point plots over categories (seaborn's ``pointplot``, the ``points`` chart look): error
bars through the line's points, and model sizes set evenly apart as the categories they
print. Each test renders its chart and fails without its mechanism."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import look_chart
from test_charts_lines import _chart, _has

from imgread.charts.error_bars import without_error_bars
from imgread.pipeline import read_image

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
sns = pytest.importorskip("seaborn")


def _point_plot(path: Path, categories: list[str], runs: list[list[float]], **options: Any
                ) -> list[float]:
    """One series of dots at the runs' means over ``categories``, with error bars; the
    means."""
    import matplotlib.pyplot as plt

    rows: dict[str, list[Any]] = {"x": [], "y": []}
    for category, values in zip(categories, runs, strict=True):
        rows["x"] += [category] * len(values)
        rows["y"] += values
    with sns.axes_style("whitegrid"):
        figure, ax = plt.subplots(figsize=(6.0, 4.0), dpi=100)
        sns.pointplot(data=rows, x="x", y="y", ax=ax, color="#c44e52", **options)
        ax.set_xlabel("")
        ax.set_ylabel("Accuracy (%)")
        figure.savefig(path)
        plt.close(figure)
    return [sum(values) / len(values) for values in runs]


def test_error_bars_with_caps_are_no_part_of_the_line(tmp_path: Path) -> None:
    """Dots as small as the line, each with a long capped error bar (the runs' whole
    range, one outlier each): the line was traced up and down each bar, its corners
    stacked in columns, and dropped (no chart). The bars are taken out; each point is where
    the line crosses its bar."""
    categories = ["Base", "SFT", "DPO", "RLHF"]
    runs = [[40.0, 40.5, 39.5, 41.0, 49.0], [46.0, 46.5, 45.5, 47.0, 37.0],
            [52.0, 52.5, 51.5, 53.0, 61.0], [50.0, 50.5, 49.5, 51.0, 42.0]]
    means = _point_plot(tmp_path / "bars.png", categories, runs, errorbar=("pi", 100),
                        capsize=0.1, markersize=2.0, linewidth=1.5)
    record = read_image(tmp_path / "bars.png")
    series = _chart(record).series
    assert len(series) == 1
    for category, mean in zip(categories, means, strict=True):
        assert _has(series[0], category, mean), (category, mean, series[0].points)
    assert len(series[0].points) == len(categories)


def test_a_step_down_the_line_is_no_error_bar() -> None:
    """An upright stroke the line meets at its two ends (a line dropping straight down
    from one point to the next) is the line's own: it stays."""
    own = np.zeros((80, 120), dtype=bool)
    own[20:22, 5:60] = True  # level at row 20 up to x 60
    own[20:62, 59:61] = True  # straight down
    own[60:62, 59:115] = True  # level at row 60 on
    assert (without_error_bars(own, 2.0) == own).all()
    crossed = own.copy()
    crossed[5:40, 30:32] = True  # an error bar the line runs through at row 20
    expected = own.copy()
    expected[20:22, 30:32] = False  # (the gap the bar leaves, where the line crossed it)
    assert (without_error_bars(crossed, 2.0) == expected).all()


def _look_chart(style: str, index: int, folder: Path) -> tuple[Path, dict[str, Any]]:
    """The ``points`` look's chart ``index`` at its tuning seed 300, as its benchmark
    saves it; and its truth."""
    path, curves = look_chart("point_plots", style, index, 300, folder)
    return path, curves.truth()


def test_sizes_set_evenly_apart_name_their_categories(tmp_path: Path) -> None:
    """Model sizes printed under a category axis ("8B 70B 405B", set evenly apart though
    they step by a factor of 9 and then 6): each point takes the name printed under it.
    Before, three sizes passed for a log progression and each point took a number."""
    import matplotlib.pyplot as plt

    categories = ["8B", "70B", "405B"]
    ys = {"Base": [48.0, 61.0, 74.0], "Instruct": [52.0, 66.0, 80.0]}
    figure, ax = plt.subplots(figsize=(6.0, 4.0), dpi=100)
    for name, values in ys.items():
        ax.plot(categories, values, marker="o", label=name)
    ax.set_ylabel("Accuracy (%)")
    ax.legend(loc="upper left")
    figure.savefig(tmp_path / "sizes.png")
    plt.close(figure)
    chart = _chart(read_image(tmp_path / "sizes.png"))
    for series in chart.series:
        for category, value in zip(categories, ys[series.name], strict=True):
            assert _has(series, category, value), (series.name, series.points)


def test_a_size_unit_read_as_a_digit_among_sizes_is_the_unit(tmp_path: Path) -> None:
    """The look's dodged chart over "2B 9B 27B": OCR reads "27B" as "278"; among sizes
    printed with their unit, a bare number ending in 8 is a size whose B was read as a
    digit, and the points there are at "27B", not at a category "278"."""
    path, truth = _look_chart("point_dodge", 7, tmp_path)
    assert next(iter(truth["series"].values()))[-1][0] == "27B"
    chart = _chart(read_image(path))
    xs = {p.x for series in chart.series for p in series.points}
    assert "27B" in xs and "278" not in xs, xs
