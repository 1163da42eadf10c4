"""Line charts on a log y axis (the ``loglines`` chart look): matplotlib's minor labels
("2×10⁰", "3×10⁰") over less than a decade, log-log scaling curves with the legend inside
the plot. Each test renders its chart and fails without its mechanism."""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import pytest
from conftest import REPO
from test_charts_lines import _chart, _series

from imgread.pipeline import read_image
from imgread.record import Axis, Record, Series

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


def _y_axis(record: Record) -> Axis:
    return next(a for a in _chart(record).axes if a.orientation == "y")


def _near(series: Series, x: float, y: float) -> bool:
    """A point at x (within 5% on a log axis, else ±0.3) and y within 3% of its value."""
    return any(
        isinstance(p.x, float) and p.y is not None and p.y > 0
        and abs(math.log(p.y / y)) <= math.log(1.03)
        and (abs(math.log10(p.x / x)) <= math.log10(1.05) if x > 100 else abs(p.x - x) <= 0.3)
        for p in series.points if isinstance(p.x, float) and p.x > 0)


def _log_y_chart(path: Path, series: dict[str, list[float]], xs: list[float],
                 log_x: bool = False, legend: str = "upper right") -> Path:
    """Lines with markers on a log y axis in matplotlib's default sheet (its own tick
    labels: over less than a decade, minor ones "2×10⁰"), the legend in a box."""
    import matplotlib.pyplot as plt

    figure, ax = plt.subplots(figsize=(8.0, 5.5), dpi=100)
    for name, ys in series.items():
        ax.plot(xs, ys, label=name, marker="o", linewidth=1.5)
    ax.set_yscale("log")
    if log_x:
        ax.set_xscale("log")
    ax.set_xlabel("Compute (FLOPs)" if log_x else "Epoch")
    ax.set_ylabel("Validation loss")
    ax.legend(loc=legend)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return path


EPOCHS = [float(e) for e in range(1, 10)]
LOSSES = {"Baseline": [3.55, 3.1, 2.8, 2.6, 2.45, 2.35, 2.28, 2.22, 2.18],
          "Ours": [3.4, 2.85, 2.5, 2.3, 2.17, 2.09, 2.04, 2.01, 1.99]}


def test_two_minor_labels_place_a_log_y_axis(tmp_path: Path) -> None:
    """Losses from 2 to 3.6: matplotlib labels only 2×10⁰ and 3×10⁰. Two labels printed as
    powers of ten say where the log axis lies; before, no three labels made a y axis and
    no chart was read."""
    record = read_image(_log_y_chart(tmp_path / "minor.png", LOSSES, EPOCHS))
    axis = _y_axis(record)
    assert axis.scale == "log"
    assert {2.0, 3.0} <= {t.value for t in axis.ticks}
    ours = _series(_chart(record), "Ours")
    for x, y in ((1.0, 3.4), (4.0, 2.3), (9.0, 1.99)):
        assert _near(ours, x, y), (x, y, [(p.x, p.y) for p in ours.points])


def test_a_lone_power_label_has_its_column_read_again(tmp_path: Path) -> None:
    """The look's log-log chart (seed 100, the eighth): the page reading keeps "2×10⁰"
    alone of the y labels ("3×10⁰" lost beside the legend). The column over and under it is
    read again on its own and finds the other; before, no y axis and no chart."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from chart_looks import log_lines
    from chart_looks.curves import finish

    rng = random.Random(100 * 1000 + 7)
    image, curves = log_lines.draw("mpl_loglog_upper_left", rng, None)
    data, ext = finish(image, rng)
    path = tmp_path / f"loglog.{ext}"
    path.write_bytes(data)
    record = read_image(path)
    assert {2.0, 3.0} <= {t.value for t in _y_axis(record).ticks}
    for name, ys in curves.series.items():
        series = _series(_chart(record), name)
        for x, y in list(zip(curves.xs, ys, strict=True))[1:]:  # (the first: under the legend)
            assert _near(series, x, y), (name, x, y, [(p.x, p.y) for p in series.points])
