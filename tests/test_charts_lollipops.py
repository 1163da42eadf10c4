"""Lollipops and sketched (xkcd) bars (issue 12). Each test draws its chart with matplotlib
(as ``benchmarks/chart_looks/lollipops.py`` and ``sketch_bars.py`` do), reads it through
real Tesseract or hands the plot to the bar finder, and fails without the mechanism it
names."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import names_alike
from PIL import Image

from imgread.charts.bars import find_bars
from imgread.charts.outlines import filled_outlines
from imgread.charts.pixels import distance, plot_background
from imgread.pipeline import read_image
from imgread.record import Box, Record

MODELS = ["GPT-4o", "Claude 3.5 Sonnet", "Gemini 1.5 Pro", "Llama 3.1 70B", "Qwen2.5 72B",
          "Mistral Large"]
VALUES = [88.7, 85.2, 81.9, 79.3, 74.6, 70.1]


def _plt() -> Any:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _saved(fig: Any, path: Path, dpi: int = 110) -> tuple[Path, Box]:
    """The figure saved at ``path``; and its plot area (the axes' box) in image pixels."""
    fig.tight_layout()
    fig.canvas.draw()
    x1, y1, x2, y2 = fig.axes[0].get_window_extent().extents * dpi / fig.dpi
    height = fig.get_figheight() * dpi
    fig.savefig(path, dpi=dpi)
    _plt().close(fig)
    return path, Box(x1=int(x1) + 2, y1=int(height - y2) + 2, x2=int(x2) - 2,
                     y2=int(height - y1))


def _right(record: Record, names: list[str], values: list[float]) -> int:
    """Points true to the chart: the category's name alike, the value within 1.0."""
    points = [(p.x, p.y) for chart in record.charts for s in chart.series for p in s.points]
    return sum(any(isinstance(x, str) and names_alike(x, name) and y is not None
                   and abs(y - value) <= 1.0 for x, y in points)
               for name, value in zip(names, values, strict=True))


def test_lollipops_on_the_axis_line_are_read(tmp_path: Path) -> None:
    """Lying lollipops (3 pt stems, small heads) standing on the y axis's line, each value
    printed past its head: read before the last round's thin-run removal, read as nothing
    after it. The axis line the stems stand on is a thin run across the plot, so it went
    as a rule, and the baseline fell to the tick marks and names' glyphs under it, level
    with each stem, which no stem reaches. Read as stems and heads, past the rules, every
    value is read."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7, 4.2))
    slots = np.arange(len(MODELS))[::-1]
    ax.hlines(slots, 0, VALUES, color="#1f77b4", linewidth=3.0)
    ax.plot(VALUES, slots, "o", color="#1f77b4", markersize=6)
    for slot, value in zip(slots, VALUES, strict=True):
        ax.text(value + 1.5, slot, f"{value:.1f}", va="center", fontsize=9)
    ax.set_yticks(slots, MODELS)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Accuracy (%)")
    path, _ = _saved(fig, tmp_path / "lollipops.png")
    record = read_image(path)
    assert [chart.kind for chart in record.charts] == ["hbar"]
    assert _right(record, MODELS, VALUES) >= 5


def test_a_lollipops_value_is_its_heads_centre(tmp_path: Path) -> None:
    """Upright lollipops with 1.5 pt stems crossing gridlines, no values printed: each is
    measured at its head's centre (the bar reader measured the head's top, a radius high),
    and a stem cut by a gridline is one stem."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7, 4.2))
    slots = np.arange(len(VALUES))
    ax.vlines(slots, 0, VALUES, color="#d62728", linewidth=1.5)
    ax.plot(slots, VALUES, "o", color="#d62728", markersize=9)
    ax.set_xticks(slots, [name.split()[0] for name in MODELS])
    ax.set_ylim(0, 100)
    ax.grid(axis="y", alpha=0.5)
    path, area = _saved(fig, tmp_path / "upright.png")
    rgb = np.asarray(Image.open(path).convert("RGB"))
    bars = find_bars(rgb, area, [], plot_background(rgb[area.y1 : area.y2, area.x1 : area.x2]))
    assert len(bars) == len(VALUES) and all(bar.lollipop for bar in bars)
    # the axis: 0 at the plot's foot, 100 at its top
    read = [100 * (area.y2 - bar.top) / (area.y2 - area.y1) for bar in bars]
    assert all(abs(r - v) <= 0.8 for r, v in zip(read, VALUES, strict=True)), read


def _sketch(plt: Any, lying: bool) -> Any:
    """A ``plt.xkcd()`` bar chart: hollow bars (a pale fill) or blue ones, wobbly outlines."""
    slots = np.arange(4)
    with plt.xkcd(scale=1.0, randomness=2.0):
        fig, ax = plt.subplots(figsize=(6.5, 4.0))
        if lying:
            ax.barh(slots[::-1], VALUES[:4], 0.6, color="#f0f0f0", edgecolor="black",
                    linewidth=1.5)
            ax.set_yticks(slots[::-1], MODELS[:4])
            ax.set_xlim(0, 100)
        else:
            ax.bar(slots, VALUES[:4], 0.6, color="#1f77b4", edgecolor="black", linewidth=2)
            ax.set_xticks(slots, [name.split()[0] for name in MODELS[:4]])
            ax.set_ylim(0, 100)
            ax.set_ylabel("Score")
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def test_a_sketched_hollow_bar_is_filled(tmp_path: Path) -> None:
    """xkcd's lying bars: a pale fill the bar mask takes for the page, in a wobbly black
    outline the opening drops as a rule. Each closed outline's inside is filled in the
    outline's colour, and the bars are read."""
    path = tmp_path / "hollow.png"
    _sketch(_plt(), lying=True).save(path)
    record = read_image(path)
    assert _right(record, MODELS[:4], VALUES[:4]) >= 3


def test_a_thick_tick_mark_read_as_equals_still_marks_its_tick(tmp_path: Path) -> None:
    """xkcd draws thick tick marks, which OCR reads with the label beside them as "80=":
    without the mark taken off, no y axis (and no chart) was found."""
    path = tmp_path / "columns.png"
    _sketch(_plt(), lying=False).save(path)
    record = read_image(path)
    assert [chart.kind for chart in record.charts] == ["bar"]
    assert _right(record, [name.split()[0] for name in MODELS[:4]], VALUES[:4]) >= 3


def test_a_grids_cells_are_no_hollow_bars() -> None:
    """A plot with gridlines both ways is a lattice of closed cells, as a hollow bar is one
    closed outline: cells with another cell over them or level beside them are not filled."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot([0, 1, 2, 3], [20, 45, 60, 80], color="#1f77b4")
    ax.grid(True, color="0.5")
    ax.set_ylim(0, 100)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    rgb = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    bg = plot_background(rgb)
    filled = filled_outlines(distance(rgb, bg) > 40, rgb)
    assert filled is None or not (filled[0] ^ (distance(rgb, bg) > 40)).any()


def _unfilled(fig: Any, dpi: int = 100) -> bool:
    """Whether ``filled_outlines`` leaves the figure's ink as it is (fills no hole)."""
    plt = _plt()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor=fig.get_facecolor())
    plt.close(fig)
    rgb = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    bg = plot_background(rgb)
    ink = distance(rgb, bg) > 40
    filled = filled_outlines(ink, rgb)
    return filled is None or not (filled[0] ^ ink).any()


def test_the_page_between_filled_bars_under_a_gridline_is_no_hollow_bar() -> None:
    """Grouped filled bars on a dark page, gridlines over them: the page between two
    groups, closed over by a gridline and under by the plot's foot, is a hole of the ink as
    a hollow bar's inside is; its sides are bars, not an outline with the page past it, so
    it is not filled (it was, and read as a bar, which broke grouped and dark charts)."""
    plt = _plt()
    with plt.style.context("dark_background"):
        fig, ax = plt.subplots(figsize=(6, 4))
        slots = np.arange(4)
        for offset, values in enumerate([[50, 36, 80, 28], [83, 57, 55, 20], [75, 71, 63, 26]]):
            ax.bar(slots + (offset - 1) * 0.27, values, 0.27)
        ax.set_ylim(0, 100)
        ax.grid(axis="y", color="0.4")
        ax.set_axisbelow(True)
        assert _unfilled(fig)


def test_a_framed_legend_is_no_hollow_bar() -> None:
    """A framed legend (patches and names in a thin outline, on the page) is a closed
    outline round the page colour, as a hollow bar is; but it holds marks and words, and no
    other hollow shape stands on its foot: it is not filled."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6, 4))
    for index, name in enumerate(["ARC-C", "MMLU", "HumanEval"]):
        ax.plot([0, 1, 2, 3], [60 - 8 * index, 66, 64 - index, 68], marker="o", label=name)
    ax.legend(loc="lower right", frameon=True, edgecolor="black")
    ax.set_ylim(0, 100)
    assert _unfilled(fig)
