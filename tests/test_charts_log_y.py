"""Line charts on a log y axis (the ``loglines`` chart look): matplotlib's minor labels
("2×10⁰", "3×10⁰") over less than a decade, log-log scaling curves with the legend inside
the plot. Each test renders its chart and fails without its mechanism."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from conftest import look_chart
from test_charts_lines import _chart, _series

from imgread.charts.log_y import power_column_axis
from imgread.charts.raised_powers import _zero_or_one
from imgread.charts.text import Tick, power_value
from imgread.pipeline import read_image
from imgread.record import Axis, Box, Record, Series, Word

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


def _look_chart(folder: Path, style: str, index: int) -> tuple[Record, Any]:
    """The ``loglines`` look's chart ``index`` at seed 100 in ``style``, read; and its
    content."""
    path, curves = look_chart("log_lines", style, index, 100, folder)
    return read_image(path), curves


def test_a_lone_power_label_has_its_column_read_again(tmp_path: Path) -> None:
    """The look's log-log chart (seed 100, the fifth: compute against loss, the y labels
    4×10⁰, 3×10⁰ and 2×10⁰ small in mathtext): the page reading keeps "4x 10^0" whole,
    the others lose their ×, their exponent or both (the axis strip read as digits gives
    "310"). The column of a lone power label is read again on its own and the strip as
    text; before, no y axis and no chart, and without either reading no right axis."""
    record, curves = _look_chart(tmp_path, "mpl_loglog_upper_left", 4)
    assert {3.0, 4.0} <= {t.value for t in _y_axis(record).ticks}
    ours = _series(_chart(record), "Ours")
    for x, y in list(zip(curves.xs, curves.series["Ours"], strict=True))[1:]:
        assert _near(ours, x, y), (x, y, [(p.x, p.y) for p in ours.points])


def _label_boxes(path: Path, values: list[float], sheet: str = "default"
                 ) -> tuple[object, dict[float, Box]]:
    """A log y chart of losses from 2 to 6 (labels 2×10⁰, 3×10⁰, 4×10⁰, 6×10⁰ and, in the
    default sheet, a tick mark at every whole loss) rendered to ``path``; its pixels and
    each label's box (from matplotlib's own layout)."""
    import matplotlib.pyplot as plt
    import numpy as np
    from PIL import Image

    with plt.style.context(sheet):
        figure, ax = plt.subplots(figsize=(7.0, 5.0), dpi=100)
        ax.plot(EPOCHS, [5.8, 4.6, 3.9, 3.4, 3.0, 2.7, 2.4, 2.2, 2.05], marker="o")
        ax.set_yscale("log")
    figure.tight_layout()
    figure.canvas.draw()
    boxes = {}
    height = figure.canvas.get_width_height()[1]
    for label in ax.yaxis.get_ticklabels(minor=True) + ax.yaxis.get_ticklabels():
        value = label.get_position()[1]
        if label.get_text() and round(value, 6) in values:
            extent = label.get_window_extent()
            boxes[round(value, 6)] = Box(x1=int(extent.x0), y1=int(height - extent.y1),
                                         x2=int(extent.x1), y2=int(height - extent.y0))
    figure.savefig(path)
    plt.close(figure)
    return np.array(Image.open(path).convert("RGB")), boxes


def _tick(text: str, value: float, box: Box) -> Tick:
    return Tick(words=[Word(text=text, confidence=90.0, box=box)], box=box, text=text,
                confidence=90.0, number=value)


def test_a_misread_pair_of_power_labels_is_refused_by_the_tick_marks(tmp_path: Path) -> None:
    """Two labels place a log axis with nothing left to reject an OCR slip: "3×10⁰" read
    "10°" (1) with "4×10⁰" makes an axis that puts 2 and 5 where no tick mark is. The
    marks, drawn at every whole loss, refuse it and take the pair read right; before, the
    misread pair made the axis."""
    rgb, boxes = _label_boxes(tmp_path / "marks.png", [3.0, 4.0])
    four, three = _tick("4x10^0", 4.0, boxes[4.0]), _tick("10°", 1.0, boxes[3.0])
    assert power_column_axis([four, three], rgb, None) is None
    fit = power_column_axis([four, _tick("3x10°", 3.0, boxes[3.0])], rgb, None)
    assert fit is not None and fit.scale == "log"
    assert abs(fit.value(boxes[4.0].cy) - 4.0) < 0.05


def test_a_lone_raised_zero_or_one_is_told_by_its_shape() -> None:
    """matplotlib's raised 0 and 1 read alone come back as nothing or, a 1 with its flag,
    as a 7 ("4×10⁰" read "4x10?" = 40, "4×10¹" read "4x107"): a ring is 0, one stroke
    whose foot is as wide as its head is 1, and a 7 (its head the widest) stays a 7."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(matplotlib.font_manager.findfont("DejaVu Sans"), 40)
    for text, expected in (("0", "0"), ("1", "1"), ("7", "")):
        image = Image.new("L", (40, 50), 255)
        ImageDraw.Draw(image).text((8, 2), text, font=font, fill=0)
        ink = np.array(image) < 128
        rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
        glyph = ink[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]
        assert _zero_or_one(glyph) == expected, text


def test_minor_labels_a_few_decades_apart_are_a_misread_exponent(tmp_path: Path) -> None:
    """A sheet that draws no tick marks (seaborn's darkgrid) leaves the marks nothing to
    say: "4×10⁰" read "4x10^4" with "2×10⁰" would make an axis of four decades. Minor
    labels are printed only on an axis of about a decade, so two whose exponents stand
    further apart are no pair (and a mantissa of two digits, "3 3x10°", a stray glyph run
    into it); before, the pair made the axis."""
    rgb, boxes = _label_boxes(tmp_path / "grid.png", [2.0, 4.0], "seaborn-v0_8-darkgrid")
    two = _tick("2x10^0", 2.0, boxes[2.0])
    assert power_column_axis([_tick("4x10^4", 4e4, boxes[4.0]), two], rgb, None) is None
    assert power_column_axis([_tick("4x10^0", 4.0, boxes[4.0]), two], rgb, None) is not None
    assert power_value("3 3x10^0") is None and power_value("3x10^0") == 3.0


def test_a_raised_exponent_read_as_a_sign_and_a_digit_is_read_again(tmp_path: Path) -> None:
    """Of two raised digits, OCR may read one as a sign: 10¹⁸ as "10'8". Where the glyphs
    after the "10" stand raised in the pixels they are read again alone; before, such a
    word was no power at all (the x axis of a log-log chart lost its labels)."""
    import matplotlib.pyplot as plt
    import numpy as np
    from PIL import Image

    from imgread import ocr
    from imgread.charts.raised_powers import raised_powers
    from imgread.config import Config

    figure, ax = plt.subplots(figsize=(7.0, 4.0), dpi=100)
    ax.plot([2e17, 3e18, 5e19, 2e20], [4.0, 3.2, 2.7, 2.4], marker="o")
    ax.set_xscale("log")
    figure.tight_layout()
    figure.canvas.draw()
    height = figure.canvas.get_width_height()[1]
    label = next(t for t in ax.xaxis.get_ticklabels() if t.get_position()[0] == 1e18)
    extent = label.get_window_extent()
    box = Box(x1=int(extent.x0), y1=int(height - extent.y1), x2=int(extent.x1) + 1,
              y2=int(height - extent.y0) + 1)
    figure.savefig(tmp_path / "powers.png")
    plt.close(figure)
    rgb = np.array(Image.open(tmp_path / "powers.png").convert("RGB"))
    settings = ocr.page_settings(Config().ocr, "eng")
    (word,) = raised_powers(rgb, [Word(text="10'8", confidence=60.0, box=box)], settings)
    assert power_value(word.text) == 1e18, word.text


def test_a_row_of_x_labels_the_page_reading_lost_is_read_again(tmp_path: Path) -> None:
    """The look's sixteenth chart at seed 100 (perplexity over epochs, x ticked 1, 3, 5, 7
    in small type): the page reading finds no label under the plot at all. The row under
    the x axis line is read again on its own; before, every point's x was its pixel."""
    record, curves = _look_chart(tmp_path, "mpl_logy_epochs", 15)
    axis = next(a for a in _chart(record).axes if a.orientation == "x")
    assert {1.0, 3.0, 5.0, 7.0} <= {t.value for t in axis.ticks}
    # (points under the highest label read: the top ones are lost too; two markers on one
    # another may hide one)
    chart = _chart(record)
    true = [(name, x, y) for name, ys in curves.series.items()
            for x, y in zip(curves.xs, ys, strict=True) if y < 35]
    read = [(name, x, y) for name, x, y in true if _near(_series(chart, name), x, y)]
    assert len(read) >= 0.85 * len(true), (len(read), len(true))
