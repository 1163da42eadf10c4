"""An x axis from a row of few tick labels: the row read again, and a log scale told by the
tick marks between the labels.

A log axis over a decade or two may print only two labels (bokeh: "5" and "10"), and OCR
easily loses a lone digit: no three labels make a fit. The row is read again on its own;
with two labels, the tick marks drawn between and around them say the scale: a linear
axis sets its marks evenly apart, a log axis at even steps in value (2, 3 ... 9; or 5.5,
6, 6.5 ...), closer and closer in pixels towards each decade's end.
"""

from __future__ import annotations

import math
from itertools import combinations

import cv2
import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Word
from .axes import Fit, x_axes_read_either_way
from .log_marks import log_by_pattern, marks_under_line
from .strips import gridline_feet, label_row_words
from .text import as_tick, phrases, power_value, unit_misreadings

MARK_INK = 60  # grey levels from the page: a tick mark's pixels
MARK_WIDTH = 3  # px: the widest a tick mark is drawn
AXIS_SHARE = 0.5  # of the row's width: an inked row this long is the axis line
FAINT_RULE_INK = 12  # grey levels from the page: a light gridline's pixels
LATTICE_PX = 2.0  # px: a mark this near where an even step in value puts it is there
LATTICE_SHARE = 0.75  # of the marks: the least at even steps in value (not so at decades)
EVEN_PX = 2.0  # px: marks stepping within this of each other are evenly set (linear)
MIN_MARKS = 4


def few_labels_axis(rgb: np.ndarray, below: list[Phrase], area: Box,
                    settings: OcrSettings | None, counts: bool = False) -> Fit | None:
    """An x axis for a plot whose labels under it made none: the top row of them read again
    (labels it adds join those read), fitted as usual, else two labels on a log scale the
    tick marks show (``counts``: the row counts in thousands, ``text.in_thousands``). None
    where neither holds."""
    if not below or settings is None:
        return None
    top = min(p.box.cy for p in below)
    row = [p for p in below if abs(p.box.cy - top) <= 0.5 * p.height]
    height = float(np.median([p.height for p in row]))
    strip = Box(x1=max(0, area.x1 - 30), y1=max(0, int(min(p.box.y1 for p in row) - 0.4 * height)),
                x2=min(rgb.shape[1], area.x2 + 30),
                y2=min(rgb.shape[0], int(max(p.box.y2 for p in row) + 0.4 * height)))
    again = [p for p in (as_tick(f, sizes=True, counts=counts) for f in phrases(
        label_row_words(rgb, strip, settings))) if p.value is not None]
    labels = row + [p for p in again if not any(_overlap(p.box, q.box) for q in row)]
    fits = x_axes_read_either_way(labels, unit_misreadings(labels))
    if fits:
        return fits[0]
    marks = tick_marks(rgb, labels, area)
    return log_by_marks(labels, marks) or log_by_pattern(labels, marks)


def row_under_plot(rgb: np.ndarray, area: Box, tick_height: float,
                   settings: OcrSettings | None, counts: bool = False,
                   lowest_tick: float = 0.0) -> Fit | None:
    """An x axis for a plot under which the page reading found no label at all (small
    digits in a JPEG, lone digits on a dark page): the row just under the plot's lowest
    long level line (the x axis line, or the frame's foot), or, with no such line lower,
    under the feet of its upright gridlines (a frameless plot, its grid dim), read again on
    its own; with neither, under its lowest light gridline or its lowest y tick
    (``lowest_tick``, a pixel row), whichever is lower. None where no scale fits it."""
    if settings is None:
        return None
    x1, x2 = max(0, area.x1), min(rgb.shape[1], area.x2)
    y1, y2 = max(0, area.y1), min(rgb.shape[0], int(area.y2 + 3 * tick_height))
    grey = cv2.cvtColor(np.ascontiguousarray(rgb[y1:y2, x1:x2]), cv2.COLOR_RGB2GRAY)
    if grey.size == 0:
        return None
    distance = np.abs(grey.astype(np.int16) - int(np.median(grey)))
    ink = distance > MARK_INK
    lines = np.flatnonzero(ink.mean(axis=1) > AXIS_SHARE)
    feet = gridline_feet(grey)
    # an office chart draws no axis line: its lowest level gridline, light grey, is the
    # plot's foot, the labels under it
    # (within the plot: a card's frame under it is no gridline)
    faint = np.flatnonzero((distance[: area.y2 - y1 + 1] > FAINT_RULE_INK).mean(axis=1)
                           > AXIS_SHARE)
    if feet is not None and (not len(lines) or feet[0] > lines[-1] + 2):
        line = feet[0]
    elif len(lines):
        line = int(lines[-1])
    elif len(faint) or y1 < lowest_tick < y2:  # (or its lowest tick's row, where that
        # gridline is clipped at the plot's foot)
        line = max([*([int(faint[-1])] if len(faint) else []), int(lowest_tick) - y1])
    else:
        return None
    marks, under = marks_under_line(ink, line, x1, max(3, int(1.5 * tick_height)))
    top = y1 + line + 1
    strip = Box(x1=max(0, area.x1 - 20), y1=top, x2=min(rgb.shape[1], area.x2 + 20),
                y2=min(rgb.shape[0], int(top + 2.5 * tick_height)))
    labels = _row_labels(rgb, strip, settings, counts)
    fits = x_axes_read_either_way(labels, unit_misreadings(labels))
    if not fits and y1 + under > top:  # the row again with the tick marks hanging from
        # the line painted over: OCR reads marks as glyphs ("1" under a mark as "4", or
        # nothing of "1" and "10" among the minor marks)
        painted = rgb.copy()
        painted[top : y1 + under, strip.x1 : strip.x2] = np.median(
            rgb[top, strip.x1 : strip.x2], axis=0)
        labels = _row_labels(painted, strip, settings, counts)
        fits = x_axes_read_either_way(labels, unit_misreadings(labels))
    if fits:
        return fits[0]
    return log_by_marks(labels, marks) or log_by_pattern(labels, marks)


def _row_labels(rgb: np.ndarray, strip: Box, settings: OcrSettings, counts: bool
                ) -> list[Phrase]:
    return [p for p in (as_tick(f, sizes=True, counts=counts) for f in phrases(
        label_row_words(rgb, strip, settings))) if p.value is not None]


def _overlap(a: Box, b: Box) -> bool:
    return min(a.x2, b.x2) > max(a.x1, b.x1) and min(a.y2, b.y2) > max(a.y1, b.y1)


def tick_marks(rgb: np.ndarray, labels: list[Phrase], area: Box) -> list[float]:
    """The x of each short grey stroke hanging from the axis line above the labels (the
    band between the line and the labels' tops)."""
    height = float(np.median([p.height for p in labels]))
    top = int(min(p.box.y1 for p in labels))
    y1, y2 = max(0, int(top - 3 * height)), max(0, top - 1)
    x1, x2 = max(0, area.x1), min(rgb.shape[1], area.x2)
    band = rgb[y1:y2, x1:x2].astype(np.int16)
    if band.shape[0] < 3 or band.shape[1] < 20:
        return []
    grey = cv2.cvtColor(rgb[y1:y2, x1:x2], cv2.COLOR_RGB2GRAY).astype(np.int16)
    page = int(np.median(grey))
    ink = (np.abs(grey - page) > MARK_INK) & (band.max(axis=-1) - band.min(axis=-1) < 60)
    lines = np.flatnonzero(ink.mean(axis=1) > AXIS_SHARE)
    if not len(lines):
        return []
    below = ink[int(lines[-1]) + 1 :]  # under the axis line, down to the labels
    below[below.mean(axis=1) > AXIS_SHARE] = False
    columns = np.flatnonzero(below.sum(axis=0) >= 2)
    marks: list[float] = []
    for group in np.split(columns, np.flatnonzero(np.diff(columns) > 1) + 1):
        if len(group) and len(group) <= MARK_WIDTH:
            marks.append(x1 + float(group.mean()) + 0.5)
    return marks


def log_by_marks(labels: list[Phrase], marks: list[float]) -> Fit | None:
    """A log axis through two labels (the pair furthest apart whose marks agree), where the
    tick marks do not step evenly in pixels but, read on that scale, step evenly in value
    from one to the next (a log axis's minor ticks at 2, 3 ... 9, or 5.5, 6, 6.5 ...); None
    otherwise."""
    marks = sorted(marks)
    if len(marks) < MIN_MARKS:
        return None
    steps = np.diff(marks)
    if float(steps.max() - steps.min()) <= EVEN_PX:
        return None  # evenly set marks: a linear axis
    best: Fit | None = None
    for first, second in combinations(sorted(labels, key=lambda p: p.box.cx), 2):
        low, high = float(first.value or 0.0), float(second.value or 0.0)
        if low <= 0 or high <= low or abs(first.box.cy - second.box.cy) > first.height:
            continue
        a = (math.log10(high) - math.log10(low)) / (second.box.cx - first.box.cx)
        fit = Fit("x", "log", a, math.log10(low) - a * first.box.cx, [first, second], 0.0)
        if _even_in_value(fit, marks) < LATTICE_SHARE:
            continue
        if best is None or second.box.cx - first.box.cx > best.span_px[1] - best.span_px[0]:
            best = fit
    return best


def _even_in_value(fit: Fit, marks: list[float]) -> float:
    """The share of marks that stand where the two before them, read on ``fit``, put the
    next one at an even step in value."""
    values = [fit.value(m) for m in marks]
    hits = 0
    for i in range(1, len(marks) - 1):
        pixel = fit.pixel(2 * values[i] - values[i - 1])
        hits += pixel is not None and abs(pixel - marks[i + 1]) <= LATTICE_PX
    return hits / max(1, len(marks) - 2)


ROW_LABELS = 4  # words at least in a row of category labels
ROW_EVEN = 0.1  # of the median step: the most a step between labels may differ from it


def evenly_set_row(words: list[Word]) -> bool:
    """Four words or more carrying digits, level and evenly set apart ("v1.0" "v1.5" ...,
    "Q1 24" ...): a category x axis of releases, though no word of it reads as a number
    (a page whose plain reading lost its tick labels is then worth reading again)."""
    labelled = sorted((w for w in words if w.confidence >= 50
                       and any(c.isdigit() for c in w.text)), key=lambda w: w.box.cx)
    for seed in labelled:
        row = [w for w in labelled if abs(w.box.cy - seed.box.cy) <= 0.3 * seed.box.height
               and abs(w.box.height - seed.box.height) <= 0.3 * seed.box.height]
        if len(row) < ROW_LABELS:
            continue
        steps = np.diff([w.box.cx for w in row])
        step = float(np.median(steps))
        if step >= 2 * seed.box.height and np.all(np.abs(steps - step) <= ROW_EVEN * step):
            return True
    return False


POWER_ROW_GAP = 3.0  # of a label's width: how far apart two ticks of one axis stand at least


def power_row(words: list[Word]) -> bool:
    """Two words or more printed as powers of ten ("3e21" "1e22", "10^9"), level and set
    well apart: ticks of a log axis, though the page reading lost the rest of the axis's
    labels (plotly prints its y ticks small and pale). A sentence seldom holds two such
    numbers, and never far apart on one level."""
    powers = [w for w in words if w.confidence >= 50 and power_value(w.text) is not None]
    return any(
        other is not seed and abs(other.box.cy - seed.box.cy) <= 0.3 * seed.box.height
        and abs(other.box.cx - seed.box.cx) >= POWER_ROW_GAP * seed.box.width
        for seed in powers for other in powers)
