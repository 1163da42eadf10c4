"""A log y axis from few labels printed as powers of ten.

matplotlib labels a log axis spanning less than a decade at its minor ticks only
("2×10⁰", "3×10⁰", "4×10⁰"), small, with a raised exponent that OCR often loses: two of
them may be all the page reading keeps, and no three labels make a fit. A label printed as
a power says its value on a log scale outright, so two in one column, the larger above,
place the axis; the other numbers of the column that lie where it puts their values join
it (a minor label read as a bare mantissa, "3", among them is left: it says nothing alone).
Where the page reading kept one such label only, its column is read again on its own. Two
labels leave no reading to reject: a pair misread ("10⁰" for "3×10⁰") is refused where the
axis's tick marks, drawn at every 1 to 9 times a power of ten, do not stand where it puts
those values.
"""

from __future__ import annotations

import math
from itertools import combinations

import cv2
import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box
from .axes import Fit, fit_ticks
from .raised_powers import raised_powers
from .strips import name_strip_words
from .text import as_tick, clean_words, phrases, plausible, power_value

COLUMN_SLACK = 0.6  # of a label's height: right edges this near stand in one column
APART = 2.0  # label heights: the least two labels of an axis stand apart
ON_FIT = 0.35  # of a label's height: a label this near where the fit puts its value is on it


def power_column_axis(numbers: list[Phrase], rgb: np.ndarray,
                      settings: OcrSettings | None) -> Fit | None:
    """The log y axis through two labels printed as powers of ten in one column (the pair
    furthest apart, the larger value above), with the column's other labels that lie on
    it; None where no such pair stands. With ``settings``, a lone power label's column
    (none other level with it: an x axis's powers stand in a row) is read again."""
    fit = _power_pair_axis(numbers, rgb)
    if fit is not None or settings is None:
        return fit
    powers = _powers(numbers)
    lone = [p for p in powers if not any(
        q is not p and abs(q.box.cy - p.box.cy) <= 0.5 * p.height for q in powers)]
    for label in lone[:MAX_REREAD]:
        again = _column_read_again(rgb, label, settings)
        fit = _power_pair_axis(numbers + again, rgb)
        if fit is not None:
            return fit
    return None


MAX_REREAD = 2  # columns read again at most (each a Tesseract call)


def _powers(numbers: list[Phrase]) -> list[Phrase]:
    return [p for p in numbers if (p.value or 0) > 0 and power_value(p.text) is not None]


def _column_read_again(rgb: np.ndarray, label: Phrase, settings: OcrSettings) -> list[Phrase]:
    """The numbers of ``label``'s column of tick labels, read on their own (the page's
    whole height, a little wider than the label: labels in the column are right-aligned,
    a major one narrower), their raised exponents found as on the page."""
    height = label.height
    strip = Box(x1=max(0, int(label.box.x1 - 0.5 * height)), y1=0,
                x2=min(rgb.shape[1], int(label.box.x2 + 0.3 * height)), y2=rgb.shape[0])
    words = raised_powers(rgb, clean_words(plausible(name_strip_words(rgb, strip, settings))),
                          settings)
    return [p for p in (as_tick(f) for f in phrases(words)) if p.value is not None]


def _power_pair_axis(numbers: list[Phrase], rgb: np.ndarray) -> Fit | None:
    powers = _powers(numbers)
    best: Fit | None = None
    for first, second in combinations(powers, 2):
        upper, lower = sorted((first, second), key=lambda p: p.box.cy)
        height = float(max(upper.height, lower.height))
        if abs(upper.box.x2 - lower.box.x2) > max(4.0, COLUMN_SLACK * height) or (
                lower.box.cy - upper.box.cy < APART * height):
            continue
        high, low = float(upper.value or 1.0), float(lower.value or 1.0)
        if high <= low or _decades_apart(upper, lower) > MINOR_DECADES:
            continue
        a = (math.log10(high) - math.log10(low)) / (upper.box.cy - lower.box.cy)
        fit = Fit("y", "log", a, math.log10(low) - a * lower.box.cy, [upper, lower], 0.0)
        if not _marks_agree(fit, rgb):
            continue
        if best is None or fit.span_px[1] - fit.span_px[0] > best.span_px[1] - best.span_px[0]:
            best = fit
    return None if best is None else _with_column(best, numbers)


MINOR_DECADES = 1  # the most two minor labels' exponents differ by


def _decades_apart(upper: Phrase, lower: Phrase) -> int:
    """How many decades apart two labels printed as minor ticks ("3×10⁰", "2×10¹") stand
    by their exponents; 0 where either is a decade ("10¹"). A log axis labels its minor
    ticks only where it spans about a decade (more would crowd them): exponents further
    apart are a misread exponent (a raised 0 read as 4)."""
    exponents = []
    for label in (upper, lower):
        value = float(label.value or 1.0)
        exponent = math.floor(math.log10(value) + 1e-9)
        if abs(value / 10**exponent - 1.0) < 1e-6:
            return 0
        exponents.append(exponent)
    return abs(exponents[0] - exponents[1])


def _with_column(fit: Fit, numbers: list[Phrase]) -> Fit:
    """``fit`` refitted with the other labels of its column that lie where it puts their
    values (three labels on one line: a fit that rejects outliers); as it was otherwise."""
    right = float(np.median([p.box.x2 for p in fit.ticks]))
    height = float(np.median([p.height for p in fit.ticks]))
    joined = list(fit.ticks)
    for phrase in numbers:
        if any(phrase is t for t in joined) or abs(phrase.box.x2 - right) > max(
                4.0, COLUMN_SLACK * height) or (phrase.value or 0) <= 0:
            continue
        pixel = fit.pixel(float(phrase.value or 0.0))
        if pixel is not None and abs(pixel - phrase.box.cy) <= max(3.0, ON_FIT * height):
            joined.append(phrase)
    if len(joined) == len(fit.ticks):
        return fit
    refit = fit_ticks(joined, "y")
    return refit if refit is not None and refit.scale == "log" and refit.a < 0 else fit


MARK_INK = 60  # grey levels from the page: a tick mark's or the axis line's pixels
LINE_SHARE = 1.2  # of the two labels' span: an inked column this long is the axis line
MARK_PX = 2.0  # px: a mark this near where the fit puts a value of the lattice is there
MARKS_AGREE = 0.75  # of the marks: the least at the lattice's values
MIN_MARKS = 3


def _marks_agree(fit: Fit, rgb: np.ndarray) -> bool:
    """Whether the tick marks beside the labels (short strokes out of the axis line toward
    them) stand where ``fit`` puts 1 to 9 times a power of ten; true where fewer than three
    marks are drawn (a theme without marks says nothing)."""
    marks = _tick_marks(fit, rgb)
    if len(marks) < MIN_MARKS:
        return True
    lattice = []
    for pixel in (min(marks) - 1, max(marks) + 1):
        lattice.append(math.floor(math.log10(fit.value(pixel))))
    low, high = min(lattice), max(lattice)
    rows = [fit.pixel(m * 10.0**k) for k in range(low - 1, high + 2) for m in range(1, 10)]
    placed = np.array([r for r in rows if r is not None])
    hits = sum(bool(np.min(np.abs(placed - mark)) <= MARK_PX) for mark in marks)
    # and the other way: a fit that crowds decades together puts a value of the lattice
    # near any mark, but most of its values between the marks then have none
    between = placed[(placed > min(marks) + MARK_PX) & (placed < max(marks) - MARK_PX)]
    marked = sum(bool(np.min(np.abs(np.array(marks) - row)) <= MARK_PX) for row in between)
    return hits >= MARKS_AGREE * len(marks) and marked >= MARKS_AGREE * len(between)


def _tick_marks(fit: Fit, rgb: np.ndarray) -> list[float]:
    """The rows of the short strokes left of the y axis line, between it and the labels:
    the axis line is the first long inked column right of the labels, a mark the rows of
    ink in the columns just left of it."""
    height = float(np.median([p.height for p in fit.ticks]))
    left = int(max(p.box.x2 for p in fit.ticks))
    top, bottom = fit.span_px
    x2 = min(rgb.shape[1], int(left + 2.5 * height))
    y1 = 0  # the page's height: marks beyond the two labels too
    band = cv2.cvtColor(np.ascontiguousarray(rgb[:, left:x2]), cv2.COLOR_RGB2GRAY)
    if band.shape[1] < 4 or band.shape[0] < 4:
        return []
    ink = np.abs(band.astype(np.int16) - int(np.median(band))) > MARK_INK
    long_columns = np.flatnonzero(ink.sum(axis=0) >= LINE_SHARE * (bottom - top))
    if not len(long_columns) or long_columns[0] < 2:
        return []
    line = int(long_columns[0])
    beside = ink[:, max(0, line - 2) : line].all(axis=1)
    rows = np.flatnonzero(beside)
    if not len(rows):
        return []
    groups = np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1)
    return [y1 + float(g.mean()) + 0.5 for g in groups if len(g) <= max(3, 0.3 * height)]
