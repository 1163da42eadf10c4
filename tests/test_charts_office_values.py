"""Office-suite line charts with every point's value printed by its marker (the
``officevalues`` chart look): light level gridlines and no axis line, lone digits along x
that the page reading loses with the lowest y ticks. Each chart is drawn by the look's own
functions (the SVG ones shot in Chromium, skipped where it is missing) and read through
real Tesseract; each test fails without its mechanism."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from test_charts_dark_values import _all_read

from imgread.pipeline import read_image

pytest.importorskip("matplotlib")


def _drawn(folder: Path, index: int, browser: Any) -> tuple[Path, dict[str, list[list[float]]]]:
    """The look's chart ``index`` at seed 100 (as ``charts.py --look officevalues`` draws
    it): its file and its series."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from chart_looks.curves import finish
    from chart_looks.labelled_office_lines import STYLES, draw

    rng = random.Random(100 * 1000 + index)
    image, curves = draw(STYLES[index % len(STYLES)], rng, browser)
    data, ext = finish(image, rng)
    path = folder / f"office_{index}.{ext}"
    path.write_bytes(data)
    return path, curves.truth()["series"]


def _shot(folder: Path, index: int) -> tuple[Path, dict[str, list[list[float]]]]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from browser import CHROMIUM, Browser

    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed")
    browser = Browser((1100, 900), None)
    try:
        return _drawn(folder, index, browser)
    finally:
        browser.close()


def test_x_digits_under_the_lowest_light_gridline_calibrate_x(tmp_path: Path) -> None:
    """Excel's look: the page reading lost the x digits "1" ... "4" and half the y ticks;
    no axis line is drawn, only light level gridlines, the lowest of which is the plot's
    foot: the row under it, read again, is the x axis (before, x stayed in pixels: 122,
    279 ...). Every point takes its printed value."""
    path, series = _shot(tmp_path, 0)
    record = read_image(path)
    assert not _all_read(record, series)
    points = [p for chart in record.charts for s in chart.series for p in s.points]
    assert sum(p.provenance == "label" for p in points) >= 0.75 * len(points)


def test_the_plot_reaches_its_lowest_gridline_on_the_axis_steps(tmp_path: Path) -> None:
    """Google Sheets' look: the y ticks "50" and "40" went unread, so the plot stopped a
    step and a half above its foot, cutting off the lowest point and leaving the x labels
    unlooked for. The plot reaches down to the lowest gridline on the axis's steps (not to
    the card's frame under it): every point is read at its x."""
    path, series = _shot(tmp_path, 2)
    assert not _all_read(read_image(path), series)


def test_x_labels_under_the_lowest_tick_where_its_gridline_is_clipped(tmp_path: Path) -> None:
    """matplotlib in the office manner, as JPEG: the lowest gridline is clipped at the
    plot's foot and the x digits were lost; the row under the lowest y tick is read again
    (before, x stayed in pixels)."""
    path, series = _drawn(tmp_path, 3, None)
    assert not _all_read(read_image(path), series)


def test_values_set_right_of_their_markers_are_the_points_values(tmp_path: Path) -> None:
    """Labels placed right of each marker on its row (an office chart's "right" placement)
    stand too far from the marker's column to be taken for a label over it: each binds the
    point it starts just right of, its value the point's (before, every y was measured)."""
    import matplotlib.pyplot as plt

    xs = [1, 2, 3, 4, 5]
    ys = [57.9, 48.3, 44.7, 36.2, 31.4]
    figure, ax = plt.subplots(figsize=(7, 4.2), dpi=100)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.yaxis.grid(True, color="#d9d9d9")
    ax.set_axisbelow(True)
    ax.plot(xs, ys, color="#004586", marker="s", markersize=6, linewidth=2, label="Ours")
    for x, y in zip(xs, ys, strict=True):
        ax.annotate(
            f"{y:.1f}",
            (x, y),
            textcoords="offset points",
            xytext=(7, 1),
            ha="left",
            va="bottom",
            color="#333333",
            fontsize=11,
        )
    ax.set_ylim(20, 70)
    ax.set_xticks(xs)
    ax.tick_params(length=0)
    figure.tight_layout()
    path = tmp_path / "right.png"
    figure.savefig(path)
    plt.close(figure)
    points = [p for chart in read_image(path).charts for s in chart.series for p in s.points]
    printed = {p.label for p in points if p.provenance == "label"}
    assert len(printed & {f"{y:.1f}" for y in ys}) >= 4
