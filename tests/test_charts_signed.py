"""One series drawn in several colours (the ``signed`` look): gains and losses around a zero
line, green above and red below, and grey columns with one picked out in a colour. Each
test renders a chart of ``benchmarks/chart_looks/signed_bars.py`` (or draws one with
matplotlib), reads it through real Tesseract, and fails without the mechanism it names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import drawn_look, names_alike

from imgread.pipeline import read_image
from imgread.record import Record


def _look(style: str, index: int, folder: Path, seed: int = 100
          ) -> tuple[Record, dict[str, Any]]:
    """The look's chart ``index`` at ``seed`` (drawn with ``style``), read; and its truth."""
    pytest.importorskip("matplotlib")
    path, entry = drawn_look("signed_bars", style, index, seed, folder)
    return read_image(path), entry


def _right(record: Record, truth: list[list[Any]]) -> int:
    """Bars read true: the category's name alike, the value within 1.0."""
    points = [(p.x, p.y) for chart in record.charts for s in chart.series for p in s.points]
    return sum(any(isinstance(x, str) and names_alike(x, name) and y is not None
                   and abs(y - value) <= 1.0 for x, y in points)
               for name, value in truth)


@pytest.fixture(scope="module")
def gains(tmp_path_factory: pytest.TempPathFactory) -> tuple[Record, dict[str, Any]]:
    """Three red bars hanging from the zero line, two green ones standing on it, each
    signed value printed at its bar's end, the names under the plot."""
    return _look("sg-mpl-signed", 0, tmp_path_factory.mktemp("gains"))


def test_bars_hang_below_zero(gains: tuple[Record, dict[str, Any]]) -> None:
    """Bars hang from a zero line as well as stand on it, each measured at its far end and
    named from under the plot (before: the hanging bars were no bars, their feet taken for
    the baseline, and no bar chart was read)."""
    record, entry = gains
    truth = next(iter(entry["series"].values()))
    losses = [[name, value] for name, value in truth if value < 0]
    assert len(losses) >= 2
    assert _right(record, losses) == len(losses)
    assert _right(record, truth) >= len(truth) - 1


def test_one_series_in_two_colours(gains: tuple[Record, dict[str, Any]]) -> None:
    """Green gains and red losses with no legend are one series (before: a series per
    colour, each taking part of the bars)."""
    record, _ = gains
    bars = [s for chart in record.charts for s in chart.series if s.style == "bar"]
    assert len(bars) == 1
    assert {p.y is not None and p.y < 0 for p in bars[0].points} == {True, False}


def test_one_bar_picked_out_is_no_series(tmp_path: Path) -> None:
    """Grey columns, one of them in an accent colour: one series (before:
    the picked-out bar was a series of its own)."""
    pytest.importorskip("matplotlib")
    record, entry = _look("hl-mpl-grey", 2, tmp_path)
    bars = [s for chart in record.charts for s in chart.series if s.style == "bar"]
    assert len(bars) == 1
    assert _right(record, next(iter(entry["series"].values()))) >= 6


def test_axis_with_ticks_lost_between(tmp_path: Path) -> None:
    """A y axis whose ticks read step evenly but for the last (the labels between lost:
    drawn here without them, "-8" "-6" "-4" "-2" and "8") is an axis (before: the uneven
    step made the column no axis, and the losses went unread)."""
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = ["Astera-7B", "Borelli-13B", "Cobalt-2-9B", "Dunmore-34B", "Elmira-70B"]
    values = [-6.4, 3.1, -2.7, 7.2, -4.9]
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.bar(range(5), values, 0.6, color=["#d62728" if v < 0 else "#2ca02c" for v in values])
    ax.axhline(0, color="black", linewidth=1.2)
    ax.set_xticks(range(5), names)
    ax.set_yticks([-8, -6, -4, -2, 8])
    ax.set_ylim(-9, 9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    path = tmp_path / "ticks_lost.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    record = read_image(path)
    assert _right(record, [list(pair) for pair in zip(names, values, strict=True)]) >= 4


def test_one_digit_ticks_read_with_their_tick_marks(tmp_path: Path) -> None:
    """Ticks "8" "6" "4" "2" read with their tick marks as "87" "67" "44" "27" (matplotlib's
    tick right of a one-digit label) join the axis the negative ticks make, where the fit
    puts their digit (before: they made an axis of their own, and every bar was measured
    on it, 37 for +3.0)."""
    record, entry = _look("sg-mpl-signed", 4, tmp_path, seed=300)
    truth = next(iter(entry["series"].values()))
    assert _right(record, truth) >= len(truth) - 1


def test_a_loss_label_read_without_its_minus(tmp_path: Path) -> None:
    """Labels under hanging bars read without their thin minus ("4.0", "7.0" for −4.0 and
    −7.0) are losses (before: the sure labels stood against their bars, as gains)."""
    record, entry = _look("sg-mpl-signed", 8, tmp_path)
    truth = next(iter(entry["series"].values()))
    values = [p.y for chart in record.charts for s in chart.series for p in s.points]
    assert sum(value is not None and value < 0 for value in values) == sum(
        value < 0 for _, value in truth)


def test_losses_reach_as_far_under_the_lowest_tick_as_gains_over_the_highest() -> None:
    """Bars hanging from zero whose lowest ticks OCR lost (only "-2" read below zero) keep
    their chart; on an axis read without a negative tick, bars far under zero still do not
    (``on_axis``: a page's fills and edges under a post's counts)."""
    from imgread.charts.on_axis import marks_off_their_axis
    from imgread.record import Axis, AxisTick, Box, Chart, ChartPoint, Series

    def chart(tick_values: list[float], bars: list[float]) -> Chart:
        ticks = [AxisTick(label=str(v), value=v, pixel=400 - 20 * v) for v in tick_values]
        points = [ChartPoint(x=f"m{i}", y=v, px=50.0 + 60 * i, py=400 - 20 * v)
                  for i, v in enumerate(bars)]
        return Chart(kind="bar", box=Box(x1=0, y1=0, x2=600, y2=400),
                     axes=[Axis(orientation="y", ticks=ticks)], series=[Series(points=points)])

    losses = [-3.1, -5.0, -4.6, 1.5]
    assert not marks_off_their_axis(chart([-2, 0, 2, 4], losses))
    assert marks_off_their_axis(chart([0, 2, 4], losses))
