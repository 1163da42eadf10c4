"""A log x axis told by its tick marks alone: the marks under the axis line, and the
decades they show.

A log axis over a decade or two may label only "1" and "10" (bokeh, matplotlib with plain
decades), and OCR loses or misreads a lone digit among the marks. The minor marks say the
scale by themselves: within each decade they stand at log10(2), log10(3) ... log10(9) of
its width, closer and closer towards its end, the same in every decade. Found so, the
decades' width and places are known; one label read right (a power of ten on a decade's
mark, or 5 on the fifth mark of its decade) then places the axis. A label that stands on
no mark its value would take (a "1" read "4" on a decade's mark) is a misreading, and left
out.
"""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np

from ..ocr.phrase import Phrase
from ..record import Box
from .axes import Fit
from .text import Tick

MARK_WIDTH = 3  # px: the widest a tick mark is drawn
MARK_ROWS = 2  # rows a stroke under the line must span to be a mark (not a pixel of noise)
MANTISSAS = np.log10(np.arange(1, 10))  # where 1, 2 ... 9 stand in a decade, as shares of it
MIN_DECADE_PX = 40  # a decade narrower than this is too crowded to tell its marks apart
PATTERN_SHARE = 0.8  # of the marks: the least that stand where the decades put marks
PATTERN_FILLED = 0.7  # of the places the decades put marks between the outer marks: filled
PATTERN_MARKS = 6  # marks at least on the pattern


def marks_under_line(ink: np.ndarray, line: int, x0: int, reach: int) -> tuple[list[float], int]:
    """The x of each short stroke hanging from the axis line (row ``line`` of the boolean
    ``ink``, whose column 0 is image column ``x0``), looked for down to ``reach`` rows under
    it, and the first row under the strokes (where tick labels may start: a strip that
    takes the marks in makes OCR read them as glyphs)."""
    below = ink[line + 1 : line + 1 + reach]
    if below.shape[0] == 0:
        return [], line + 1
    filled = below.any(axis=1)
    if filled.all():  # no blank row under the marks: they run into the labels (a blurred
        return [], line + 1  # image), or what hangs there is no mark
    # the marks' band: the inked rows right under the line, up to the first blank row
    depth = int(np.argmin(filled))
    band = below[:depth]
    columns = np.flatnonzero(band.sum(axis=0) >= MARK_ROWS)
    marks: list[float] = []
    for group in np.split(columns, np.flatnonzero(np.diff(columns) > 1) + 1):
        if len(group) and len(group) <= MARK_WIDTH:
            marks.append(x0 + float(group.mean()) + 0.5)
    return marks, line + 1 + depth


def log_by_pattern(labels: list[Phrase], marks: list[float]) -> Fit | None:
    """A log axis from the decades the tick marks show (``decades``) and the labels that
    stand on the marks their values take; None where the marks show no decades or no label
    agrees with them. Where one label alone places the axis, the decade mark furthest
    from it is added as a tick (the axis's ticks must span it)."""
    found = decades(marks)
    if found is None:
        return None
    start, width = found
    tolerance = max(2.0, 0.02 * width)
    placed: dict[float, list[tuple[Phrase, float]]] = {}
    for label in labels:
        value = label.value
        if value is None or value <= 0:
            continue
        share = math.log10(value) % 1.0
        if share > 1 - 1e-6:
            share = 0.0
        decade = round((label.box.cx - start) / width - share)
        at = start + (decade + share) * width
        if abs(label.box.cx - at) > tolerance:
            continue  # on no mark its value takes: misread
        offset = round(math.log10(value) - (at - start) / width, 6)  # log10 at ``start``
        placed.setdefault(offset, []).append((label, at))
    if not placed:
        return None
    offset, on_marks = max(placed.items(), key=lambda item: (len(item[1]), -item[0]))
    a = 1.0 / width
    b = offset - a * start
    ticks = [label for label, _ in on_marks]
    if len(ticks) == 1:
        ticks.append(_decade_tick(ticks[0], a, b, start, width, marks))
    return Fit("x", "log", a, b, ticks, 0.0)


def _decade_tick(label: Phrase, a: float, b: float, start: float, width: float,
                 marks: list[float]) -> Tick:
    """A tick at the decade mark furthest from ``label`` within the marks: the unlabelled
    decade the pattern shows."""
    first = math.ceil((min(marks) - start) / width - 1e-6)
    last = math.floor((max(marks) - start) / width + 1e-6)
    places = [start + k * width for k in range(first, last + 1)]
    place = max(places, key=lambda p: abs(p - label.box.cx))
    if abs(place - label.box.cx) < 0.5 * width:  # one decade mark only: a decade's width on
        place = label.box.cx + (width if label.box.cx < (min(marks) + max(marks)) / 2 else -width)
    value = 10 ** round(a * place + b, 6)
    shift = place - label.box.cx
    box = Box(x1=round(label.box.x1 + shift), y1=label.box.y1,
              x2=round(label.box.x2 + shift), y2=label.box.y2)
    return Tick(words=label.words, box=box, text=f"{value:g}", confidence=label.confidence,
                number=value)


def decades(marks: list[float]) -> tuple[float, float] | None:
    """(a decade's first mark, a decade's width in px) where the marks stand as a log
    axis's do: at 1, 2 ... 9 times each power of ten, most of those places filled and
    most marks on them; None otherwise (evenly set marks never fit that pattern)."""
    marks = sorted(marks)
    if len(marks) < PATTERN_MARKS:
        return None
    points = np.array(marks)
    best: tuple[int, float, float, float] | None = None  # on pattern, -error, start, width
    for i, j in combinations(range(len(points)), 2):
        width = float(points[j] - points[i])
        if width < MIN_DECADE_PX or j - i < 3:
            continue
        start = float(points[i])
        tolerance = max(1.5, 0.012 * width)
        low = math.floor((points[0] - start) / width) - 1
        high = math.ceil((points[-1] - start) / width) + 1
        places = np.concatenate([start + (k + MANTISSAS) * width for k in range(low, high)])
        places = places[(places >= points[0] - tolerance) & (places <= points[-1] + tolerance)]
        if not len(places):
            continue
        nearest = np.abs(points[:, None] - places[None, :])
        on = nearest.min(axis=1) <= tolerance
        filled = nearest.min(axis=0) <= tolerance
        if on.mean() < PATTERN_SHARE or filled.mean() < PATTERN_FILLED or on.sum() < PATTERN_MARKS:
            continue
        error = float(nearest.min(axis=1)[on].mean())
        score = (int(on.sum()), -error, start, width)
        if best is None or score[:2] > best[:2]:
            best = score
    return None if best is None else (best[2], best[3])
