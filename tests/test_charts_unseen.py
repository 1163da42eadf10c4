"""Chart reading on the kinds of chart the tuning renderer never drew: matplotlib styles and
formats of other libraries' defaults, each test one mechanism of the reader, on a real
render read through real Tesseract."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from imgread.charts.binding import conformed
from imgread.charts.legend import _colour_gap
from imgread.charts.text import split_merged_numbers
from imgread.pipeline import read_image
from imgread.record import Box, Chart, Word


def _pyplot() -> Any:
    matplotlib = pytest.importorskip("matplotlib", reason="matplotlib: pip install matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _lines(chart: Chart) -> dict[str, list[tuple[float, float]]]:
    return {s.name: [(float(p.x), p.y or 0.0) for p in s.points if isinstance(p.x, float)]
            for s in chart.series}


def _has(points: list[tuple[float, float]], x: float, y: float, log: bool) -> bool:
    def same_x(read: float) -> bool:
        if log:
            return read > 0 and abs(math.log10(read / x)) <= math.log10(1.05)
        return abs(read - x) <= 2.0
    return any(same_x(px) and abs(py - y) <= 1.0 for px, py in points)


def test_powers_of_ten_read_level_and_a_legend_inside_the_frame(tmp_path: Path) -> None:
    """matplotlib's 10¹ and 10² come out of OCR as "101" and "102": the raised exponent is
    found in the pixels; a legend inside the frame does not cut the plot's top."""
    plt = _pyplot()
    xs = [8.0, 20.0, 50.0, 100.0]
    data = {"Osprey": [45.9, 52.2, 57.7, 62.2], "Tessera": [31.9, 37.3, 41.0, 45.0]}
    with plt.style.context("Solarize_Light2"):
        fig, ax = plt.subplots(figsize=(7.8, 5.6), dpi=100)
        for (name, ys), marker in zip(data.items(), ("o", "^"), strict=True):
            ax.plot(xs, ys, marker=marker, label=name)
        ax.set_xscale("log")
        ax.legend(loc="upper left")
        ax.set_xlabel("Parameters (B)")
        fig.savefig(tmp_path / "log.png")
        plt.close(fig)
    chart = next(c for c in read_image(tmp_path / "log.png").charts if c.kind == "line")
    assert [a.scale for a in chart.axes if a.orientation == "x"] == ["log"]
    read = _lines(chart)
    assert set(read) == set(data)
    for name, ys in data.items():
        for x, y in zip(xs, ys, strict=True):
            assert _has(read[name], x, y, log=True), (name, x, y, read[name])


def test_jpeg_markers_are_one_point_each(tmp_path: Path) -> None:
    """In a small JPEG a marker's colour breaks into pieces and its dark rim into a colour of
    its own: one point per marker, one series per line."""
    plt = _pyplot()
    xs, ys = [0.0, 20.0, 40.0, 60.0], [48.4, 55.9, 66.3, 75.7]
    with plt.style.context("classic"):
        fig, ax = plt.subplots(figsize=(6.0, 3.6), dpi=100)
        ax.plot(xs, ys, marker="o")
        ax.set_xlim(-5, 65)
        fig.savefig(tmp_path / "small.png")
        plt.close(fig)
    Image.open(tmp_path / "small.png").convert("RGB").save(tmp_path / "small.jpg", quality=70)
    chart = next(c for c in read_image(tmp_path / "small.jpg").charts if c.kind != "bar")
    assert len(chart.series) == 1
    points = next(iter(_lines(chart).values()))
    assert len(points) == len(xs)
    for x, y in zip(xs, ys, strict=True):
        assert _has(points, x, y, log=False), (x, y, points)


def test_thin_lines_without_markers_give_their_bends(tmp_path: Path) -> None:
    """One-pixel lines show their pure colour only here and there (the rest is their blend
    into the page): they are traced through their blends, every bend a point."""
    plt = _pyplot()
    xs = [0.0, 20.0, 40.0, 60.0, 80.0]
    data = {"Nimbus": [42.8, 44.3, 50.9, 51.4, 52.9], "Marlin": [30.2, 40.9, 44.5, 35.4, 37.9]}
    with plt.style.context("classic"):
        fig, ax = plt.subplots(figsize=(7.2, 4.2), dpi=100)
        for ys in data.values():
            ax.plot(xs, ys, linewidth=0.8)
        ax.set_ylim(25, 60)
        fig.savefig(tmp_path / "thin.png")
        plt.close(fig)
    chart = next(c for c in read_image(tmp_path / "thin.png").charts if c.kind == "line")
    read = [[(float(p.x), p.y or 0.0) for p in s.points if isinstance(p.x, float)]
            for s in chart.series]
    assert len(read) == len(data)
    for ys in data.values():  # every bend is a vertex of one traced series
        bends = list(zip(xs, ys, strict=True))[1:-1]
        assert any(all(_has(points, x, y, log=False) for x, y in bends) for points in read), (
            ys, read)


def test_a_faded_legend_line_matches_its_series_through_its_blend() -> None:
    page = np.array([255.0, 255.0, 255.0])
    blue, green = np.array([4.0, 4.0, 255.0]), np.array([10.0, 133.0, 10.0])
    faded_blue = np.array([205.0, 205.0, 255.0])  # a thin legend line, scaled down
    assert _colour_gap(faded_blue, blue, page) < 45 < _colour_gap(faded_blue, green, page)


def test_a_dark_series_on_a_dark_page(tmp_path: Path) -> None:
    """A dark green drawn on a dark page is drawn, though not strongly: it is a series."""
    plt = _pyplot()
    xs = [0.0, 20.0, 40.0, 60.0]
    data = {"Sable": [17.6, 21.0, 25.5, 33.0], "Corvid": [25.8, 31.5, 37.1, 41.0]}
    with plt.style.context("dark_background"):
        fig, ax = plt.subplots(figsize=(6.4, 4.4), dpi=100)
        for (name, ys), colour in zip(data.items(), ("#3b7d23", "#c0392b"), strict=True):
            ax.plot(xs, ys, marker="o", color=colour, label=name, linewidth=2)
        ax.legend(loc="upper left")
        fig.savefig(tmp_path / "dark.png")
        plt.close(fig)
    chart = next(c for c in read_image(tmp_path / "dark.png").charts if c.kind == "line")
    read = _lines(chart)
    assert set(read) == set(data)
    for name, ys in data.items():
        for x, y in zip(xs, ys, strict=True):
            assert _has(read[name], x, y, log=False), (name, x, y, read[name])


def test_grouped_bars_touching_in_a_shaded_style(tmp_path: Path) -> None:
    """Bars of a group touch, a legend swatch is read as letters, bars run above the ticks
    OCR read: every bar keeps its category, series and value."""
    plt = _pyplot()
    names = ["OBQA", "RACE", "NaturalQ"]
    data = {"Osprey-7B": [39.2, 29.4, 56.6], "Juniper-8B": [61.7, 50.5, 55.4]}
    with plt.style.context("Solarize_Light2"):
        fig, ax = plt.subplots(figsize=(6.9, 4.9), dpi=100)
        for index, (series, values) in enumerate(data.items()):
            ax.bar([i + 0.4 * index for i in range(3)], values, width=0.4, label=series)
        ax.set_xticks([i + 0.2 for i in range(3)], names)
        ax.legend(loc="upper center")
        fig.savefig(tmp_path / "grouped.png")
        plt.close(fig)
    record = read_image(tmp_path / "grouped.png")
    # names as OCR spells them ("juniper-8B" for a J is OCR's, not the reader's)
    read = {(s.name.lower(), p.x): p.y for c in record.charts for s in c.series
            for p in s.points}
    for series, values in data.items():
        for name, value in zip(names, values, strict=True):
            got = read.get((series.lower(), name))
            assert abs((got or 0.0) - value) <= 1.0, (series, name, read)


def test_horizontal_bars_in_a_frame_without_labels(tmp_path: Path) -> None:
    """The plot's background is measured where the bars end, not where the longest one
    covers the top of the plot."""
    plt = _pyplot()
    names, values = ["PIQA", "LAMBADA", "SIQA", "DROP"], [90.6, 43.1, 55.8, 44.5]
    fig, ax = plt.subplots(figsize=(6.5, 4.7), dpi=100)
    ax.barh(names[::-1], values[::-1], color="#006ba4")
    fig.savefig(tmp_path / "hbars.png")
    plt.close(fig)
    record = read_image(tmp_path / "hbars.png")
    assert [chart.kind for chart in record.charts] == ["hbar"]
    read = {p.x: p.y for s in record.charts[0].series for p in s.points}
    for name, value in zip(names, values, strict=True):
        assert abs((read.get(name) or 0.0) - value) <= 1.0, (name, read)


def test_two_size_ticks_read_as_one_word_are_split() -> None:
    word = Word(text="70B100B", confidence=93, box=Box(x1=351, y1=352, x2=408, y2=362))
    first, second = split_merged_numbers([word])
    assert (first.text, second.text) == ("70B", "100B")
    assert first.box.x2 == second.box.x1 and first.box.cx < 365 < second.box.cx


def test_a_label_is_read_like_its_neighbours() -> None:
    assert conformed("73.3-", 1, 73.0, 2.4) == 73.3  # a neighbour's glyph at the edge
    assert conformed("25.87", 1, 25.9, 2.4) == 25.8  # a digit past the chart's decimals
    assert conformed("44", 1, 44.5, 2.4) is None  # printed unlike the rest: not taken
    assert conformed("44", None, 44.5, 2.4) == 44.0  # no labels read to say otherwise
    assert conformed("81.2", 1, 44.5, 2.4) is None  # its bar disagrees
