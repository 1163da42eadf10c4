"""Line charts without markers (the ``plain`` chart look): steps printed in thousands, points
where a line runs straight through a tick, and category names with a digit read as a
letter. Each test renders its chart and fails without its mechanism."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from conftest import REPO
from test_charts_lines import _chart, _has, _series

from imgread.charts.categories import digits_restored
from imgread.charts.text import size_value
from imgread.pipeline import read_image

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


def _steps_chart(path: Path, series: dict[str, list[float]], xs: list[float],
                 ticks: list[float], texts: list[str], log_x: bool = False) -> Path:
    """Lines without markers over ``xs`` in matplotlib's default sheet, a legend, the x
    ticks at ``ticks`` printed ``texts``."""
    import matplotlib.pyplot as plt

    figure, ax = plt.subplots(figsize=(8.0, 5.0), dpi=100)
    for name, ys in series.items():
        ax.plot(xs, ys, label=name, linewidth=1.5)
    if log_x:
        ax.set_xscale("log")
        ax.minorticks_off()
    ax.set_xticks(ticks, texts)
    ax.set_xlim(min(ticks + xs) * (0.8 if log_x else 0), max(ticks + xs) * 1.05)
    ax.set_ylim(15, 75)
    ax.set_xlabel("Training steps")
    ax.set_ylabel("Accuracy (%)")
    ax.legend(loc="lower right")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return path


def test_thousands_are_plain_counts() -> None:
    assert size_value("2k", counts=True) == 2000
    assert size_value("2.5k", counts=True) == 2500
    assert size_value("7B") == 1.0 * 7  # sizes stay in billions


def test_steps_printed_in_thousands_are_steps(tmp_path: Path) -> None:
    """Ticks "2k" "4k" ... (d3's and matplotlib users' training steps) count steps: the
    points stand at 2000, 4000 ..., not at millionths of a billion (a model size)."""
    xs = [2000.0, 4000.0, 6000.0, 8000.0, 10000.0]
    record = read_image(_steps_chart(
        tmp_path / "steps.png", {"Baseline": [30.0, 45.0, 41.0, 55.0, 52.0],
                                 "Ours": [22.0, 35.0, 50.0, 47.0, 62.0]},
        xs, xs, ["2k", "4k", "6k", "8k", "10k"]))
    ours = _series(_chart(record), "Ours")
    span = max(xs) - min(xs)
    assert _has(ours, 6000.0, 50.0, x_span=span), ours.points
    assert _has(ours, 8000.0, 47.0, x_span=span), ours.points


def test_a_straight_stretch_has_points_at_its_ticks(tmp_path: Path) -> None:
    """Where the corners of the lines stand at the x ticks (the data has a point at each),
    a line rising evenly through ticks 2 and 3 shows no corner there: its height at those
    ticks are points too."""
    xs = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    record = read_image(_steps_chart(
        tmp_path / "straight.png", {"Zigzag": [40.0, 55.0, 45.0, 60.0, 50.0, 65.0],
                                    "Even": [20.0, 28.0, 36.0, 44.0, 35.0, 50.0]},
        xs, xs, ["1", "2", "3", "4", "5", "6"]))
    even = _series(_chart(record), "Even")
    assert _has(even, 2.0, 28.0, x_span=5.0), even.points
    assert _has(even, 3.0, 36.0, x_span=5.0), even.points


def test_no_points_at_ticks_the_data_does_not_stand_at(tmp_path: Path) -> None:
    """Model sizes between decade ticks: the lines' corners stand off the ticks, so the
    tick at 10 the lines pass is no point of theirs."""
    xs = [1.4, 2.8, 6.9, 13.0, 30.0, 66.0]
    record = read_image(_steps_chart(
        tmp_path / "log.png", {"Pythia": [30.0, 36.0, 41.0, 44.0, 52.0, 58.0],
                               "OPT": [25.0, 33.0, 35.0, 42.0, 46.0, 55.0]},
        xs, [1.0, 10.0, 100.0], ["1B", "10B", "100B"], log_x=True))
    for series in _chart(record).series:
        assert not any(isinstance(p.x, float) and abs(p.x - 10.0) <= 0.5
                       for p in series.points), series.points


def test_digit_read_as_a_letter_in_a_row_of_names() -> None:
    assert digits_restored(["Ql 2023", "Q2 2023", "Q3 2023", "Q4 2023", "Ql 2024"]) == [
        "Q1 2023", "Q2 2023", "Q3 2023", "Q4 2023", "Q1 2024"]
    assert digits_restored(["Base", "SFT", "RLHF"]) == ["Base", "SFT", "RLHF"]


def test_quarters_read_with_their_digits(tmp_path: Path) -> None:
    """seaborn's whitegrid over quarters (the plain look's chart 6 at seed 300): OCR reads
    "Q1 2024" as "Ql 2024"; the row's other names print a digit there, so it is one."""
    pytest.importorskip("seaborn")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from chart_looks import plain_lines

    image, curves = plain_lines.draw("seaborn_quarters", random.Random(300 * 1000 + 6), None)
    image.save(tmp_path / "quarters.png")
    chart = _chart(read_image(tmp_path / "quarters.png"))
    for name, ys in curves.series.items():
        series = _series(chart, name)
        for x, y in zip(curves.xs, ys, strict=True):
            assert _has(series, x, y), (x, y, series.points)
