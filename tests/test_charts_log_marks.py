"""A log x axis labelled at two decades only ("1" and "10", the minor ticks between them
unlabelled: the ``lowdpi`` chart look's two-decade styles), told by its tick marks. Each
test renders its chart with matplotlib and fails without its mechanism."""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np
import pytest
from test_charts_lines import _chart, _series

from imgread.charts.log_marks import decades, log_by_pattern, marks_under_line
from imgread.charts.text import Tick
from imgread.pipeline import read_image
from imgread.record import Box, Series, Word

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

XS = [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 34.0]
SERIES = {"Dense": [31.2, 36.5, 41.0, 47.3, 52.8, 58.1, 63.4],
          "Sparse": [25.4, 28.9, 33.7, 36.2, 42.5, 45.0, 51.6],
          "Distilled": [40.3, 43.1, 48.8, 50.2, 55.7, 61.3, 66.0]}


def _two_decades(path: Path, dpi: int = 100, font: str = "DejaVu Sans",
                 decade_px: list[float] | None = None) -> Path:
    """Three series with circle, square and triangle markers over x from 0.5 to 34 on a
    log axis whose decades print plain ("1", "10") and whose minor ticks print nothing;
    the legend inside the plot's upper left, the axis titles in italics. ``decade_px``
    receives the image columns of x = 1 and x = 10."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, NullFormatter

    with plt.rc_context({"font.family": font}):
        figure, ax = plt.subplots(figsize=(6.4, 4.0), dpi=dpi)
        for (name, ys), marker in zip(SERIES.items(), "os^", strict=True):
            ax.plot(XS, ys, marker=marker, label=name)
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_xlabel("Training compute (PF-days)", style="italic")
        ax.set_ylabel("Accuracy (%)", style="italic")
        ax.set_title("Scaling", loc="left")
        ax.grid(True, which="major", alpha=0.4)
        ax.legend(loc="upper left")
        figure.tight_layout()
        figure.savefig(path)
        if decade_px is not None:
            decade_px.extend(float(ax.transData.transform((x, 1.0))[0]) for x in (1.0, 10.0))
        plt.close(figure)
    return path


def _near(series: Series, x: float, y: float) -> bool:
    return any(isinstance(p.x, float) and p.x > 0 and p.y is not None
               and abs(math.log10(p.x / x)) <= math.log10(1.05) and abs(p.y - y) <= 1.0
               for p in series.points)


@pytest.mark.parametrize(("dpi", "font"), [(100, "DejaVu Sans"), (80, "Liberation Serif")])
def test_two_decade_labels_among_minor_marks_calibrate_a_log_x_axis(
        tmp_path: Path, dpi: int, font: str) -> None:
    """The page reading loses "1" and "10" among the minor marks, and the row read again
    with the marks in it reads nothing (or "4" for "1"): the row is read again with the
    marks painted over, and the marks' log pattern places the axis through the labels on
    it. Before, x came out in pixels."""
    record = read_image(_two_decades(tmp_path / "two_decades.png", dpi, font))
    axis = next(a for a in _chart(record).axes if a.orientation == "x")
    assert axis.scale == "log"
    assert {1.0, 10.0} <= {t.value for t in axis.ticks}
    dense = _series(_chart(record), "Dense")
    for x, y in ((0.5, 31.2), (4.0, 47.3), (34.0, 63.4)):
        assert _near(dense, x, y), (x, y, [(p.x, p.y) for p in dense.points])


def _rendered_marks(path: Path) -> tuple[list[float], int]:
    """The marks under the x axis line of a rendered chart, and the line's row (the
    lowest row inked across most of the image's width)."""
    grey = cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2GRAY)
    ink = np.abs(grey.astype(np.int16) - int(np.median(grey))) > 60
    line = int(np.flatnonzero(ink.mean(axis=1) > 0.5)[-1])
    marks, _ = marks_under_line(ink, line, 0, 8)
    return marks, line


def _label(text: str, cx: float, row: int) -> Tick:
    box = Box(x1=int(cx - 4 * len(text)), y1=row + 8, x2=int(cx + 4 * len(text)), y2=row + 18)
    return Tick(words=[Word(text=text, confidence=90.0, box=box)], box=box, text=text,
                confidence=90.0, number=float(text))


def test_one_label_on_a_decade_mark_places_the_axis(tmp_path: Path) -> None:
    """With "1" lost (or misread "4" on the first decade's mark), "10" alone on the
    second decade's mark places the axis: the marks give the decade's width. The "4"
    stands on no mark of a 4 and is left out."""
    places: list[float] = []
    marks, row = _rendered_marks(_two_decades(tmp_path / "marks.png", decade_px=places))
    one, ten = places
    found = decades(marks)
    assert found is not None and found[1] == pytest.approx(ten - one, abs=3)
    fit = log_by_pattern([_label("4", one, row), _label("10", ten, row)], marks)
    assert fit is not None and fit.scale == "log"
    assert [t.text for t in fit.ticks if t.text == "4"] == []
    assert fit.value(ten) == pytest.approx(10.0, rel=0.02)
    assert fit.value(one) == pytest.approx(1.0, rel=0.02)


def test_evenly_set_marks_show_no_decades() -> None:
    """A linear axis's marks step evenly: no log pattern fits them (else a linear axis
    with two labels read would be taken for a log one)."""
    assert decades([60.0 + 29.5 * i for i in range(14)]) is None
    assert decades([40.0 + 12.0 * i for i in range(40)]) is None
