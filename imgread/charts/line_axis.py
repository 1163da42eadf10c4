"""A line chart's x axis: a scale fitted through the labels under the plot (sizes with
their unit, powers of ten, plotly's bare mantissas between decades, labels whose decimal
point OCR lost, flush labels placed at their tick marks), or, where none fits, the labels
set evenly apart naming the places they stand at (categories: "7B" "13B", "Mar 24"); and
the plot area reaching the end ticks' markers."""

from __future__ import annotations

import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box
from .anchors import anchored, at_marks
from .axes import (
    Fit,
    around_one_decade,
    decade_axis,
    fit_ticks,
    with_mantissas,
    x_axes_read_either_way,
)
from .categories import MARK_SHARE, category_row, is_categorical
from .date_row import date_row
from .label_row import few_labels_axis, row_under_plot
from .panels import Panel
from .pixels import distance
from .text import Tick, as_tick, in_thousands, lost_point_readings, unit_misreadings


def read_x_axis(rgb: np.ndarray, panel: Panel, found: list[Phrase],
                settings: OcrSettings | None) -> tuple[list[Phrase], list[Phrase]]:
    """Sets ``panel.x`` (None where no scale fits) and widens ``panel.area`` out to the end
    ticks; returns the labels naming places along x where there is no scale, and of those
    the categories (a row of names each point takes as printed; ``categories``)."""
    panel.area = _down_to_gridlines(rgb, panel)
    # x ticks may print sizes with their unit ("7B", "70B"): numbers on this axis only
    counts = in_thousands([f for f in found if f.box.y1 >= panel.area.y2 - 2])
    numbers = [p for p in (as_tick(f, sizes=True, counts=counts) for f in found)
               if p.value is not None and panel.area.x1 - 20 <= p.box.cx <= panel.area.x2 + 20]
    below = [p for p in numbers if p.box.y1 >= panel.area.y2 - 2]
    # a label whose box took in its tick mark reaches up into the plot: its foot is on
    # the row of the others
    below += [p for p in numbers if p.box.y1 < panel.area.y2 - 2 < panel.area.y2 + 2 < p.box.y2
              and any(abs(p.box.y2 - q.box.y2) <= 2 for q in below)]
    xfits = x_axes_read_either_way(below, unit_misreadings(below))
    # labels that lost their decimal point ("45k" for 4.5k) read with it, where that lines
    # up two ticks more on a linear scale (one more may be a misread label that fits the
    # others as tenths; sizes set evenly apart, "13B" "70B", would fit a log one as "1.3B")
    pointed = [fit for fit in x_axes_read_either_way(below, _misreadings(below))
               if fit.scale == "linear"]
    if _most_ticks(pointed) >= _most_ticks(xfits) + 2:
        xfits = pointed
    if not xfits:  # flush first and last labels (Vega) stand off the others' fit by half a
        # label, too far on a small chart for three ticks to line up: each at its tick mark
        marked = at_marks(below, rgb)
        if any(m is not p for m, p in zip(marked, below, strict=True)):
            xfits = x_axes_read_either_way(marked, unit_misreadings(marked))
    xfits = _decimal_points_found(xfits)
    panel.x = min(xfits, key=lambda f: f.ticks[0].box.y1) if xfits else decade_axis(
        below, plain=True)
    decades = decade_axis(below + unit_misreadings(below))
    if decades is not None and panel.x is not decades and _bare_digits(panel.x) and not _agree(
            panel.x, decades):
        # decades printed with their unit or as powers ("100B", "1T") outrank bare digits
        # between them (plotly's 2 ... 9), which are their mantissas
        panel.x = with_mantissas(decades, below)
    elif decades is None and _bare_digits(panel.x):  # one decade printed among the digits
        # (or plain decades, "100" "1000", set larger and lower than plotly's 2 ... 9)
        plain = decade_axis(below, plain=True)
        panel.x = (with_mantissas(plain, below) if plain is not None and not _agree(
            panel.x, plain) else around_one_decade(below) or around_one_decade(
            below, plain=True) or panel.x)
    if panel.x is None:  # few labels, or a lone digit OCR lost: the row read again, and
        # two labels placed on a log scale where the tick marks between them show one
        panel.x = few_labels_axis(rgb, below, panel.area, settings, counts)
    if panel.x is not None:  # a label set beside its tick (Vega's first and last) marks it
        panel.x = anchored(panel.x, rgb)
    # labels set evenly apart that make no numeric progression (names, or numbers among
    # names) are categories: each point takes the name printed under it
    # (dates, "Sep 18" "Oct 2", are categories whatever numbers OCR kept of their days)
    categories = date_row(rgb, found, panel.area, panel.tick_height, settings)
    if categories:
        panel.x = None
    else:
        categories = category_row(found, panel.area, panel.tick_height,
                                  max(t.box.cy for t in panel.y.ticks))
        if is_categorical(categories, panel.x):
            panel.x = None
        else:
            categories = []
    # no scale through the ticks: sizes set evenly apart name the places they stand at
    places_named = categories or (_evenly_set(below) if panel.x is None else [])
    if panel.x is None and not places_named:  # or names set evenly apart ("Mar 24"): the
        # categories along x, each point on one named by it
        # (tick marks OCR read as letters, "T" under each name, are a few pixels tall)
        places_named = _evenly_set([p for p in found if p.value is None and p.confidence >= 50
                                    and p.height >= MARK_SHARE * panel.tick_height
                                    and panel.area.y2 - 2 <= p.box.y1
                                    <= panel.area.y2 + 3 * panel.tick_height
                                    and panel.area.x1 - 20 <= p.box.cx <= panel.area.x2 + 20])
    if panel.x is None and not places_named and not below:  # no label under the plot
        # read at all: the row under its axis line read again
        panel.x = row_under_plot(rgb, panel.area, panel.tick_height, settings, counts,
                                 max(panel.y.pixels))
    # a line's first and last points stand on the x axis's end ticks, which may lie at
    # the area's edges (no y axis line, the rules ending at the last point): out to them
    panel.area = _out_to_end_ticks(panel, places_named, rgb.shape[1])
    return places_named, categories


def _down_to_gridlines(rgb: np.ndarray, panel: Panel) -> Box:
    """The plot area down to the lowest level gridline under it that stands where the y
    axis's steps (or half steps) put one: the lowest ticks OCR lost on a plot with light
    rules and no axis line (an office chart) cut the area above its last steps, its points
    and the x labels under it."""
    area, fit = panel.area, panel.y
    values = sorted({float(p.value) for p in fit.ticks if p.value is not None})
    x1, x2 = max(0, area.x1), min(rgb.shape[1], area.x2)
    y1, y2 = max(0, area.y2), min(rgb.shape[0], panel.floor)
    if fit.scale != "linear" or len(values) < 2 or y2 - y1 < 3 or x2 - x1 < 20:
        return area
    page = np.median(rgb[max(0, area.y1) : y1, x1:x2].reshape(-1, 3), axis=0)
    band = rgb[y1:y2, x1:x2]
    grey = (distance(band, page) > FAINT_RULE_INK) & (
        band.max(axis=-1).astype(np.int16) - band.min(axis=-1) < RULE_CHROMA)
    # (a frame's foot runs on under the tick labels' column; a gridline stops short of it)
    columns = sorted(int(x) for p in fit.ticks for x in (p.box.x1, p.box.x2))
    labels = rgb[y1:y2, max(0, columns[0]) : max(0, columns[-1])]
    framed = np.zeros(y2 - y1, dtype=bool)
    if labels.shape[1]:  # (a lost label's glyphs ink the column too, but rows deep)
        inked = (distance(labels, page) > FAINT_RULE_INK).mean(axis=1)
        thin = np.maximum(np.roll(inked, RULE_PX), np.roll(inked, -RULE_PX)) < RULE_SHARE
        framed = (inked > RULE_SHARE) & (thin | (np.arange(len(inked)) >= len(inked) - RULE_PX))
    half = float(np.min(np.diff(values))) / 2
    lowest = None
    for row in np.flatnonzero((grey.mean(axis=1) > RULE_SHARE) & ~framed):
        centre = y1 + row + 0.5
        steps = round((fit.value(centre) - values[0]) / half)
        pixel = fit.pixel(values[0] + steps * half)
        if pixel is not None and abs(pixel - centre) <= RULE_PX:
            lowest = y1 + int(row)
    if lowest is None:
        return area
    return area.model_copy(update={"y2": lowest + 1})


FAINT_RULE_INK = 12.0  # colour distance from the page: a light gridline's pixels
RULE_CHROMA = 40  # grey levels between channels: the most a grey rule has
RULE_SHARE = 0.5  # of the plot's width: an inked row this long is a gridline
RULE_PX = 2  # px: a gridline this near where a step of the axis puts one is its; as thin


def _most_ticks(fits: list[Fit]) -> int:
    return max((len(fit.ticks) for fit in fits), default=0)


def _misreadings(below: list[Phrase]) -> list[Phrase]:
    """Other readings of the labels under the plot: a size unit read as a digit, a decimal
    point lost."""
    return unit_misreadings(below) + lost_point_readings(below)


def _out_to_end_ticks(panel: Panel, places_named: list[Phrase], width: int) -> Box:
    """The plot area reaching a marker's size past the x axis's first and last ticks (an
    Observable-like plot sets its first point on its y labels' column, with no axis line,
    and its rules end at the last point: the area cut both markers in half and lost
    them), never onto the y tick labels."""
    ticks = [p.box.cx for p in places_named] if places_named else (
        panel.x.pixels if panel.x is not None else [])
    area = panel.area
    if not ticks:
        return area
    reach = END_TICK_REACH * panel.tick_height
    if panel.axis_at_right:  # (the y tick labels stand right of the plot)
        low, high = 0.0, float(np.median([p.box.x1 for p in panel.y.ticks])) - 1
    else:
        low, high = float(np.median([p.box.x2 for p in panel.y.ticks])) + 1, float(width)
    x1 = max(low, min(float(area.x1), min(ticks) - reach))
    x2 = min(high, max(float(area.x2), max(ticks) + reach))
    return area.model_copy(update={"x1": int(x1), "x2": int(x2)})


END_TICK_REACH = 1.0  # tick label heights: a marker's reach past an end tick


def _decimal_points_found(fits: list[Fit]) -> list[Fit]:
    """x fits with the labels whose decimal point OCR lost ("2.8" read "28", small text in a
    JPEG) taken back: where one row's labels make two linear fits, one through labels
    printed with a point and one through labels without, and the second reads ten (or a
    hundred) times the first at its own labels, they are one axis (a point is lost far
    more often than one is invented): the second's labels join the first at a tenth (a
    hundredth) of what was read."""
    out = list(fits)
    for pointed in fits:
        if pointed.scale != "linear" or not all("." in p.text for p in pointed.ticks):
            continue
        height = float(np.median([p.height for p in pointed.ticks]))
        row = float(np.median([p.box.cy for p in pointed.ticks]))
        step = abs(pointed.a) * height  # a label's height in value: the tolerance
        for bare in fits:
            if bare is pointed or bare not in out or bare.scale != "linear" or any(
                    "." in p.text or abs(p.box.cy - row) > height for p in bare.ticks):
                continue
            factor = next((f for f in (10.0, 100.0) if all(
                abs(float(p.value or 0.0) / f - pointed.value(p.box.cx)) <= step
                for p in bare.ticks)), None)
            if factor is None:
                continue
            taken = [Tick(words=p.words, box=p.box, text=p.text, confidence=p.confidence,
                          number=float(p.value or 0.0) / factor) for p in bare.ticks]
            joined = fit_ticks([*pointed.ticks, *taken], "x")
            if joined is None or len(joined.ticks) < len(pointed.ticks) + len(taken) - 1:
                continue
            out = [joined if f is pointed else f for f in out if f is not bare]
            break
    return out


def _bare_digits(fit: Fit | None) -> bool:
    """A fit through single digits only (a log axis's mantissas read without decades; a
    stray mark OCR read beside one, "9,", leaves it a digit)."""
    return fit is not None and all(
        len(text := p.text.strip(" ,.'`")) == 1 and text.isdigit() for p in fit.ticks)


def _agree(fit: Fit | None, decades: Fit) -> bool:
    """Whether a fit reads the printed decades as printed (within 5%)."""
    if fit is None:
        return False
    return all(abs(fit.value(p.box.cx) / float(p.value or 1.0) - 1) <= 0.05
               for p in decades.ticks)


def _evenly_set(below: list[Phrase]) -> list[Phrase]:
    """The row of numbers nearest under the plot, when three or more stand evenly apart
    (a category axis whose names are sizes, "7B" "13B" "70B"): no scale fits them, but
    each names the place it stands at."""
    if not below:
        return []
    top = min(p.box.cy for p in below)
    row = sorted((p for p in below if abs(p.box.cy - top) <= 0.5 * p.height),
                 key=lambda p: p.box.cx)
    if len(row) < 3:
        return []
    steps = np.diff([p.box.cx for p in row])
    if steps.min() <= 0 or steps.max() - steps.min() > 0.1 * float(np.median(steps)):
        return []
    return row
