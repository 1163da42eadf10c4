"""Box plots: a box (the quartiles) with a line across it (the median) and a whisker out of
each end, one per category, upright or lying.

A box is found by its shape, not its colour: in a view of the plot where the value axis
runs down the rows, each connected shape is measured row by row (its width from the first
to the last inked pixel, so a hollow box counts as filled). The box is the longest run of
rows at the shape's full width whose two sides stay straight; the whiskers are the thin
rows out of its ends, centred on it; the median is the row inside the box, clear of its
edges, whose pixels differ from the box's fill across most of its width (a dashed line
too). Bars have no whisker out of their free end and no median line, a legend patch and
a logo neither, so none of them is a box. A printed median (a number beside the box, read
by OCR, within its quartiles) is the point's value, where it agrees with the median line
measured on the axis; else the measured median, with its uncertainty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

import cv2
import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Chart, ChartPoint, Flag, Quartiles, Series, Word
from .axes import Fit, x_axes
from .bars import RawBar
from .binding import slanted_categories
from .legend import legend_names
from .panels import Panel, title_above
from .pixels import cluster_colours, distance, hex_colour, plot_background
from .series import MISMATCH_SHARE, confidence_of, mismatch_flag, repaired_flag
from .text import (
    Tick,
    clean_words,
    measure_value,
    name_strip_words,
    parse_number,
    phrases,
    read_label,
    read_label_text,
)

INK = 28.0  # colour distance from the plot's background: a mark's pixel
RULE_SHARE = 0.6  # of the plot's width: a row of ink this long is a gridline, not a mark
WIDE = 0.6  # of a shape's widest row: rows this wide belong to the box
STRAIGHT_PX = 2  # a box's sides stay within this of their median
STRAIGHT_SHARE = 0.8  # of the box's rows
THIN = 0.4  # of the box's width: a whisker row is at most this wide
MEDIAN_CONTRAST = 40.0  # colour distance from the box's fill: the median line's pixels
MEDIAN_SHARE = 0.35  # of a row across the box: a median line (dashed ones cover half)
SURE_NAME = 60  # OCR confidence: a category name read level under an upright box


@dataclass
class RawBox:
    """One box in the view's pixels: rows along the value axis, columns across it."""

    c1: int  # across: the box's sides
    c2: int
    q_lo: float  # along: the box's ends
    q_hi: float
    w_lo: float  # along: the whiskers' ends
    w_hi: float
    median: float | None  # along: the median line's middle
    colour: np.ndarray

    @property
    def centre(self) -> float:
        return (self.c1 + self.c2) / 2


WORK_SIDE = 1200  # px: a larger plot is searched for boxes at this size (time)


def find_boxes(view: np.ndarray, bg: np.ndarray) -> list[RawBox]:
    """Boxes with a whisker in ``view`` (rows along the value axis), left to right; a large
    view is searched reduced (a large screenshot's boxes stay many pixels wide), and the
    boxes given in its own pixels."""
    scale = min(1.0, WORK_SIDE / max(view.shape[:2]))
    if scale < 1.0:
        small = cv2.resize(view, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        return [RawBox(c1=round(b.c1 / scale), c2=round((b.c2 + 1) / scale) - 1,
                       q_lo=b.q_lo / scale, q_hi=(b.q_hi + 1) / scale - 1,
                       w_lo=b.w_lo / scale, w_hi=(b.w_hi + 1) / scale - 1,
                       median=None if b.median is None else b.median / scale,
                       colour=b.colour) for b in _find(small, bg)]
    return _find(view, bg)


def _find(view: np.ndarray, bg: np.ndarray) -> list[RawBox]:
    if view.shape[0] < 12 or view.shape[1] < 12:
        return []
    mask = distance(view, bg) > INK
    rules = _rules(mask, view)
    mask &= ~rules
    # the axis line under the plot (a rule across it near its foot, hidden where bars stand
    # on it): what stands below it is the category names (a slanted name's glyphs make
    # "boxes" too), never a box
    across = np.flatnonzero(rules.mean(axis=1) >= FLOOR_SHARE)
    floor = view.shape[0]
    if across.size and across.max() >= FLOOR_DEPTH * view.shape[0]:
        floor = int(across.max())
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        mask.astype(np.uint8), connectivity=8)
    boxes = []
    for index in range(1, count):
        x, y, width, height, area = (int(v) for v in stats[index])
        if height < 8 or width < 5 or area < 30 or y > floor:
            continue
        shape = labels[y : y + height, x : x + width] == index
        box = _box(shape, view[y : y + height, x : x + width],
                   rules[y : y + height, x : x + width])
        if box is not None:
            boxes.append(RawBox(c1=box.c1 + x, c2=box.c2 + x, q_lo=box.q_lo + y,
                                q_hi=box.q_hi + y, w_lo=box.w_lo + y, w_hi=box.w_hi + y,
                                median=None if box.median is None else box.median + y,
                                colour=box.colour))
    return sorted(boxes, key=lambda b: b.c1)


FLOOR_SHARE = 0.3  # of the plot's width: a rule this long under the boxes is its axis line
FLOOR_DEPTH = 0.8  # of the plot's height: the axis line lies this low in the plot or lower


def _rules(mask: np.ndarray, view: np.ndarray) -> np.ndarray:
    """Gridlines and axis lines in either direction: long straight runs of ink, only
    where a pixel has the rule's own colour (a box the rule runs behind stays whole)."""
    rules = np.zeros_like(mask)
    for axis, share in ((1, RULE_SHARE), (0, 0.75)):
        length = max(20, int(share * mask.shape[axis]))
        size = (length, 1) if axis == 1 else (1, length)
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, size)
        long = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_OPEN, kernel).astype(bool)
        lines = np.flatnonzero(long.any(axis=axis))
        for line in lines:
            on = long[line] if axis == 1 else long[:, line]
            pixels = view[line] if axis == 1 else view[:, line]
            colour = np.median(pixels[on], axis=0)
            same = on & (distance(pixels[None], colour)[0] < INK)
            if axis == 1:
                rules[line] |= same
            else:
                rules[:, line] |= same
    return rules


def _box(shape: np.ndarray, pixels: np.ndarray, rules: np.ndarray) -> RawBox | None:
    """The box and whiskers of one connected shape, or None when it is none."""
    width = shape.shape[1]
    inked = shape.any(axis=1)
    left = np.argmax(shape, axis=1)
    right = width - 1 - np.argmax(shape[:, ::-1], axis=1)
    span = np.where(inked, right - left + 1, 0)
    wide = span >= WIDE * span.max()
    start, stop = _longest_run(wide)
    if stop - start < 3:
        return None
    c1, c2 = int(np.median(left[start:stop])), int(np.median(right[start:stop]))
    straight = (np.abs(left[start:stop] - c1) <= STRAIGHT_PX) & (
        np.abs(right[start:stop] - c2) <= STRAIGHT_PX)
    box_width = c2 - c1 + 1
    if straight.mean() < STRAIGHT_SHARE or box_width < 6:
        return None
    centre = (c1 + c2) / 2
    rows = np.flatnonzero(inked)
    # a whisker: thin rows centred on the box, running on from its end (its cap is a few
    # rows at most)
    thin = (span <= THIN * box_width) & (np.abs((left + right) / 2 - centre) <= 0.2 * box_width)
    whiskers = [len(side) >= 3 and float(thin[side].mean()) >= 0.6
                for side in (rows[rows < start], rows[rows >= stop])]
    if not any(whiskers):
        return None
    fill, median = _median_line(pixels[start:stop, c1 : c2 + 1], rules[start:stop, c1 : c2 + 1])
    return RawBox(c1=c1, c2=c2, q_lo=float(start), q_hi=float(stop - 1),
                  w_lo=float(rows[0] if whiskers[0] else start),
                  w_hi=float(rows[-1] if whiskers[1] else stop - 1),
                  median=None if median is None else start + median, colour=fill)


def _longest_run(flags: np.ndarray) -> tuple[int, int]:
    """[start, stop) of the longest run of True."""
    best, begin = (0, 0), None
    for index, flag in enumerate([*flags.tolist(), False]):
        if flag and begin is None:
            begin = index
        elif not flag and begin is not None:
            if index - begin > best[1] - best[0]:
                best = (begin, index)
            begin = None
    return best


def _median_line(inner: np.ndarray, rules: np.ndarray) -> tuple[np.ndarray, float | None]:
    """The box's fill colour, and the row (view pixels from the box's first row, sub-pixel)
    of the line across it that is not the fill: past the box's own edges at either end, and
    not a gridline seen through a hollow or pale box (``rules``: pixels of a rule's colour)."""
    rows, columns = inner.shape[:2]
    cut = slice(max(1, columns // 6), max(2, columns - columns // 6))
    core = inner[:, cut]
    fill = np.median(core.reshape(-1, 3), axis=0)
    share = ((distance(core, fill) > MEDIAN_CONTRAST) & ~rules[:, cut]).mean(axis=1)
    marked = share >= MEDIAN_SHARE
    first, last = 0, rows - 1
    while first < rows and marked[first]:  # the box's edge at each end
        first += 1
    while last >= 0 and marked[last]:
        last -= 1
    if last - first < 2:
        return fill, None
    candidates = np.flatnonzero(marked[first : last + 1]) + first
    if not len(candidates):
        return fill, None
    peak = int(candidates[np.argmax(share[candidates])])
    band = candidates[np.abs(candidates - peak) <= 2]
    return fill, float(np.average(band + 0.5, weights=share[band]))


@dataclass
class Placed:
    """A box in image pixels, with its axis."""

    raw: RawBox
    lying: bool
    origin: tuple[int, int]  # the view's (x, y) in the image

    def along(self, row: float) -> float:
        """A view row as an image pixel along the value axis."""
        return self.origin[0] + row if self.lying else self.origin[1] + row

    def across(self, column: float) -> float:
        return self.origin[1] + column if self.lying else self.origin[0] + column

    @property
    def rect(self) -> Box:
        low, high = self.along(self.raw.q_lo), self.along(self.raw.q_hi + 1)
        side1, side2 = self.across(self.raw.c1), self.across(self.raw.c2 + 1)
        if self.lying:
            return Box(x1=int(low), y1=int(side1), x2=int(high), y2=int(side2))
        return Box(x1=int(side1), y1=int(low), x2=int(side2), y2=int(high))


def alike(boxes: list[RawBox]) -> list[RawBox]:
    """The boxes of one plot: those with a median line, and those without one (a median on
    a quartile) as wide as they are; a letter's stroke with a serif is no box of theirs."""
    widths = [b.c2 - b.c1 for b in boxes if b.median is not None]
    if not widths:
        return []
    usual = float(np.median(widths))
    return [b for b in boxes
            if b.median is not None or abs(b.c2 - b.c1 - usual) <= 0.2 * usual]


def boxes_plausible(boxes: list[RawBox]) -> bool:
    """Two boxes or more, most with a median line, not all ending at one row (bars with
    error bars stand on one baseline)."""
    if len(boxes) < 2 or sum(b.median is not None for b in boxes) < 0.5 * len(boxes):
        return False
    return not (np.ptp([b.q_lo for b in boxes]) <= 2 or np.ptp([b.q_hi for b in boxes]) <= 2)


def read_upright_boxes(
    rgb: np.ndarray, panel: Panel, found: list[Phrase], labels: list[Phrase],
    legend_words: list[Word], ocr_settings: OcrSettings | None,
) -> tuple[Chart, list[Flag]] | None:
    """The box plot in a panel whose y axis is the value axis, or None."""
    area = panel.area
    view = rgb[area.y1 : area.y2, area.x1 : area.x2]
    bg = plot_background(view)
    raw = alike([b for b in find_boxes(view, bg) if not _in_text(b, area, found)])
    if not boxes_plausible(raw):
        return None
    placed = [Placed(b, lying=False, origin=(area.x1, area.y1)) for b in raw]
    names = _names_below(placed, found, area)
    if ocr_settings is not None and not all(isinstance(n, str) for n in names):
        # names set at a slant under the plot, read level as under bars (standing on the
        # plot's floor for the purpose)
        columns = [RawBar(x1=p.rect.x1, x2=p.rect.x2, top=p.rect.y1, bottom=area.y2,
                          colour=p.raw.colour) for p in placed]
        slanted = slanted_categories(rgb, panel, columns, ocr_settings)
        if slanted and sum(isinstance(n, str) for n in slanted) > sum(
                isinstance(n, str) for n in names):
            names = slanted
    title = title_above(panel, found, legend_words)
    return _chart(rgb, placed, names, panel.y, labels, legend_words, bg, area, title,
                  ocr_settings)


def _in_text(box: RawBox, area: Box, found: list[Phrase]) -> bool:
    """A "box" with its whiskers inside a word read on the page: a glyph of a value label
    printed over a bar ("%", "0"), its bowl taken for a box and its stem for a whisker."""
    x1, x2 = area.x1 + box.c1, area.x1 + box.c2
    y1, y2 = area.y1 + box.w_lo, area.y1 + box.w_hi
    return any(p.box.x1 - 2 <= x1 and x2 <= p.box.x2 + 2 and p.box.y1 - 2 <= y1
               and y2 <= p.box.y2 + 2 for p in found)


def read_lying_boxes(
    rgb: np.ndarray, found: list[Phrase], numbers: list[Phrase], legend_words: list[Word],
    ocr_settings: OcrSettings | None,
) -> tuple[list[Chart], list[Flag]]:
    """The box plot over the lowest x axis, its boxes lying along it, if any."""
    fits = [fit for fit in x_axes(numbers) if len(fit.ticks) >= 3 and fit.scale == "linear"]
    if not fits:
        return [], []
    fit = max(fits, key=lambda f: (len(f.ticks), f.ticks[0].box.cy))
    left, right = fit.span_px
    step = (right - left) / max(1, len(fit.ticks) - 1)
    # the plot spans the whole row of tick labels, where the fit keeps only some of them
    level = fit.ticks[0].box.cy
    row = [p for p in numbers if abs(p.box.cy - level) <= 0.5 * p.height]
    left = min(left, *(p.box.cx for p in row))
    right = max(right, *(p.box.cx for p in row))
    fit = _whole_row(fit, row, step)
    bottom = int(min(p.box.y1 for p in fit.ticks)) - 2
    x1, x2 = max(0, int(left - 1.3 * step)), min(rgb.shape[1], int(right + 1.3 * step))
    if bottom < 20 or x2 - x1 < 20:
        return [], []
    area = Box(x1=x1, y1=0, x2=x2, y2=bottom)
    crop = rgb[area.y1 : area.y2, area.x1 : area.x2]
    bg = plot_background(crop)
    raw = alike(find_boxes(np.ascontiguousarray(crop.transpose(1, 0, 2)), bg))
    if not boxes_plausible(raw):
        return [], []
    placed = [Placed(b, lying=True, origin=(area.x1, area.y1)) for b in raw]
    names = _names_beside(placed, found)
    if ocr_settings is not None and not all(isinstance(n, str) for n in names):
        # names the page reading lost (beside logos, in a JPEG): their strip read alone
        start = int(min(b.along(b.raw.w_lo) for b in placed)) - 2
        top = max(0, int(min(b.rect.y1 for b in placed)) - 10)
        bottom = min(rgb.shape[0], int(max(b.rect.y2 for b in placed)) + 10)
        strip = name_strip_words(rgb, Box(x1=0, y1=top, x2=max(1, start), y2=bottom),
                                 ocr_settings)
        again = _names_beside(placed, phrases(clean_words(strip)))
        # the strip's reading where it has a name and the page's has none, or a shorter one
        # (cut at a hyphen: "Llama" for "Llama-2-7B")
        names = [a if isinstance(a, str) and (not isinstance(n, str) or len(a) > len(n))
                 else n for n, a in zip(names, again, strict=True)]
    ticks = {id(p) for p in fit.ticks}
    labels = [p for p in numbers if id(p) not in ticks]
    chart, flags = _chart(rgb, placed, names, fit, labels, legend_words, bg, area, "",
                          ocr_settings)
    return [chart], flags


ROW_RESIDUAL = 0.25  # of a tick step: the most a tick may lie off a fit through its row


def _whole_row(fit: Fit, row: list[Phrase], step: float) -> Fit:
    """A fit through every tick of the axis's row, where the best fit kept only some (a row
    of labels set unevenly, by hand) and none lies off it by more than a quarter step: the
    boxes are measured along the whole row, not past the end of a part of it."""
    if len(row) <= len(fit.ticks):
        return fit
    pixels = np.array([p.box.cx for p in row])
    values = np.array([float(p.value or 0.0) for p in row])
    a, b = np.polyfit(pixels, values, 1)
    off = np.abs(pixels - (values - b) / a) if a > 0 else np.array([np.inf])
    if a <= 0 or float(off.max()) > ROW_RESIDUAL * step:
        return fit
    return replace(fit, a=float(a), b=float(b), ticks=row, residual_px=float(off.max()),
                   shift_px=0.0)


def _names_beside(boxes: list[Placed], found: list[Phrase]) -> list[str | float]:
    """Each lying box's name: the text level with it, left of every box."""
    start = min(b.along(b.raw.w_lo) for b in boxes)
    texts = [p for p in found if p.value is None and p.box.x2 <= start
             and sum(c.isalnum() for c in p.text) >= 2]
    names: list[str | float] = []
    for index, box in enumerate(boxes):
        rect = box.rect
        level = [p for p in texts if rect.y1 <= p.box.cy <= rect.y2]
        if not level:
            names.append(float(index + 1))
            continue
        # from the leftmost text level with the box, the pieces a word space or so apart:
        # a logo set between name and box, further off, may read as words too
        line = sorted(level, key=lambda p: p.box.x1)
        name = [line[0]]
        for piece in line[1:]:
            if piece.box.x1 - name[-1].box.x2 > 1.2 * max(piece.height, name[-1].height):
                break
            name.append(piece)
        names.append(" ".join(p.text for p in name).rstrip(" -—:;|.,"))
    return names


def _names_below(boxes: list[Placed], found: list[Phrase], area: Box) -> list[str | float]:
    """Each upright box's name: the text under the plot nearest its middle."""
    # (sure words only: names set at a slant read level come out as unsure scraps)
    texts = [p for p in found if p.value is None and p.box.y1 >= area.y2 - 2
             and p.box.y1 <= area.y2 + 4 * p.height and sum(c.isalnum() for c in p.text) >= 2
             and p.confidence >= SURE_NAME]
    names: list[str | float] = []
    for index, box in enumerate(boxes):
        rect = box.rect
        middle = (rect.x1 + rect.x2) / 2
        under = [p for p in texts if p.box.x1 - 0.5 * rect.width <= middle
                 <= p.box.x2 + 0.5 * rect.width]
        if not under:
            names.append(float(index + 1))
            continue
        top = min(p.box.y1 for p in under)
        first = min((p for p in under if p.box.y1 <= top + 0.5 * p.height),
                    key=lambda p: abs(p.box.cx - middle))
        names.append(first.text)
    return names


def _label_of(box: Placed, labels: list[Phrase], boxes: list[Placed]) -> Phrase | None:
    """The number printed beside the box (above or below a lying one, either side of an
    upright one), along the value axis within its quartiles, nearer this box than any
    other."""
    rect = box.rect

    def gap(phrase: Phrase, other: Box) -> float:
        if box.lying:
            return max(other.y1 - phrase.box.y2, phrase.box.y1 - other.y2, 0)
        return max(other.x1 - phrase.box.x2, phrase.box.x1 - other.x2, 0)

    options = []
    for phrase in labels:
        along = phrase.box.cx if box.lying else phrase.box.cy
        low, high = (rect.x1, rect.x2) if box.lying else (rect.y1, rect.y2)
        if not low - phrase.height <= along <= high + phrase.height:
            continue
        if gap(phrase, rect) > 1.5 * phrase.height:
            continue
        if any(gap(phrase, other.rect) < gap(phrase, rect) for other in boxes if other is not box):
            continue
        options.append(phrase)
    if not options:
        return None
    return min(options, key=lambda p: gap(p, rect))


def _decimals(text: str) -> int:
    """Digits after the point of the number in a label ("0.20 s": 2)."""
    match = re.search(r"\d+(?:\.(\d+))?", text)
    return len(match[1] or "") if match is not None else 0


def _usual_decimals(texts: list[str]) -> int:
    """The decimals the labels print: the most any shows (OCR drops a label's last digits
    far more often than it adds some; a label read so is only read again)."""
    return max((_decimals(text) for text in texts), default=0)


def _read_alone(rgb: np.ndarray, label: Phrase, decimals: int,
                settings: OcrSettings) -> Phrase | None:
    """A label read again from its own crop, letters and all; kept where it now prints
    the usual decimals."""
    text = read_label_text(rgb, label.box, settings, widen=True, digits=False).strip()
    value = _printed_value(text)
    if value is None or _decimals(text) != decimals:
        return None
    return Tick(words=label.words, box=label.box, text=text, confidence=80.0, number=value)


def _printed_value(text: str) -> float | None:
    value = parse_number(text)
    return measure_value(text) if value is None else value


@dataclass
class Place:
    """Where a printed median sits relative to its box: across, the gap from the box's side
    (negative: before it); along, the label's middle from the median line; and its size."""

    before: bool
    gap: float
    along: float
    length: float  # along the value axis
    height: float  # across


def _place(box: Placed, label: Phrase) -> Place:
    rect, text = box.rect, label.box
    median = box.along(box.raw.median or 0.0)
    if box.lying:
        before = text.cy < rect.y1
        gap = rect.y1 - text.y2 if before else text.y1 - rect.y2
        return Place(before, gap, text.cx - median, text.width, text.height)
    before = text.cx < rect.x1
    gap = rect.x1 - text.x2 if before else text.x1 - rect.x2
    return Place(before, gap, text.cy - median, text.height, text.width)


def _read_at(rgb: np.ndarray, box: Placed, places: list[Place],
             settings: OcrSettings) -> Phrase | None:
    """The number printed where the other boxes' medians are (the median place of theirs),
    read alone, letters and all (a unit after it)."""
    rect = box.rect
    before = sum(p.before for p in places) >= len(places) / 2
    gap = float(np.median([p.gap for p in places]))
    along = box.along(box.raw.median or 0.0) + float(np.median([p.along for p in places]))
    length = 1.3 * float(max(p.length for p in places))
    height = float(np.median([p.height for p in places]))
    # across, from the box's side (not into it) out past where the others' labels end,
    # with room either way: labels sit a few pixels nearer or further
    reach = max(0.0, gap) + 1.5 * height
    if box.lying:
        y1, y2 = (rect.y1 - reach, rect.y1 - 1) if before else (rect.y2 + 1, rect.y2 + reach)
        area = Box(x1=max(0, int(along - length / 2)), y1=max(0, int(y1)),
                   x2=int(along + length / 2), y2=max(0, int(y2)))
    else:
        x1, x2 = (rect.x1 - reach, rect.x1 - 1) if before else (rect.x2 + 1, rect.x2 + reach)
        area = Box(x1=max(0, int(x1)), y1=max(0, int(along - length / 2)),
                   x2=max(0, int(x2)), y2=int(along + length / 2))
    if area.width < 4 or area.height < 4:
        return None
    text = read_label_text(rgb, area, settings, widen=False, digits=False).strip()
    value = _printed_value(text)
    if value is None:
        return None
    word = Word(text=text, confidence=80.0, box=area)
    return Tick(words=[word], box=area, text=text, confidence=80.0, number=value)


def _chart(
    rgb: np.ndarray, boxes: list[Placed], names: list[str | float], fit: Fit,
    labels: list[Phrase], legend_words: list[Word], bg: np.ndarray, area: Box, title: str,
    ocr_settings: OcrSettings | None,
) -> tuple[Chart, list[Flag]]:
    series_of = cluster_colours([b.raw.colour for b in boxes], 20.0)
    colours = [np.median(np.array([b.raw.colour for b, s in zip(boxes, series_of, strict=True)
                                   if s == k]), axis=0) for k in range(max(series_of) + 1)]
    # a printed median beside its box ("0.95s") is no legend entry though a patch is near
    names_only = [w for w in legend_words if _printed_value(w.text) is None]
    legend, _ = legend_names(rgb, names_only, colours, bg, patches=True, area=area)
    if not any(legend):  # a colour per box is decoration: one series
        series_of, legend, colours = [0] * len(boxes), [""], [np.median(colours, axis=0)]
    series = [Series(name=name, colour=hex_colour(colour), style="box")
              for name, colour in zip(legend, colours, strict=True)]
    tolerance = MISMATCH_SHARE * fit.value_range
    flags: list[Flag] = []
    bound = {id(box): _label_of(box, labels, boxes) for box in boxes}
    if ocr_settings is not None:  # labels OCR read short ("3.9" for "3.93 s"), read alone
        usual = _usual_decimals([label.text for label in bound.values() if label is not None])
        for key, label in bound.items():
            if label is not None and _decimals(label.text) < usual:
                bound[key] = _read_alone(rgb, label, usual, ocr_settings) or label
    places = [_place(box, label) for box in boxes
              if (label := bound[id(box)]) is not None and box.raw.median is not None]
    for box, index, name in zip(boxes, series_of, names, strict=True):
        raw = box.raw
        # a row's value at its middle
        ends = sorted(fit.value(box.along(row + 0.5)) for row in (raw.w_lo, raw.w_hi))
        quartile = sorted(fit.value(box.along(row + 0.5)) for row in (raw.q_lo, raw.q_hi))
        measured = None if raw.median is None else fit.value(box.along(raw.median))
        label = bound[id(box)]
        if label is None and places and ocr_settings is not None and raw.median is not None:
            # the other boxes carry their medians printed: this one's, OCR lost, is read
            # alone where theirs are
            label = _read_at(rgb, box, places, ocr_settings)
        printed = None if label is None else label.value
        if printed is not None and not (
                quartile[0] - tolerance <= printed <= quartile[1] + tolerance):
            printed = None  # a number beside the box that is not within it names no median
        value: float | None = measured
        confidence = confidence_of(fit)
        provenance: Literal["label", "measured"] = "measured"
        if label is not None and printed is not None:
            agrees = measured is None or abs(printed - measured) <= tolerance
            if not agrees and ocr_settings is not None and measured is not None:
                second = read_label(rgb, label.box, ocr_settings)
                if second is not None and abs(second - measured) <= tolerance:
                    flags.append(repaired_flag(title, label.text, second, measured))
                    printed, agrees = second, True
            # a printed number bound to the box and within its quartiles is its median,
            # though the line may be drawn elsewhere (flagged below)
            if agrees or quartile[0] <= printed <= quartile[1]:
                value, confidence = printed, (0.95 if agrees else 0.6)
                provenance = "label"
            if not agrees and measured is not None:
                flags.append(mismatch_flag(title, series[index].name, name, label, measured))
        if value is None:
            continue
        centre_along = box.along(raw.median if raw.median is not None else
                                 (raw.q_lo + raw.q_hi) / 2)
        centre_across = box.across(raw.centre)
        px, py = (centre_along, centre_across) if box.lying else (centre_across, centre_along)
        series[index].points.append(ChartPoint(
            x=name, y=round(value, 4), px=round(px, 1), py=round(py, 1),
            label=label.text if label is not None and provenance == "label" else None,
            confidence=confidence, provenance=provenance,
            uncertainty=(round(fit.uncertainty(box.along(raw.median)), 4)
                         if provenance == "measured" and raw.median is not None else None),
            quartiles=Quartiles(low=round(ends[0], 4), q1=round(quartile[0], 4),
                                q3=round(quartile[1], 4), high=round(ends[1], 4)),
        ))
    rects = [b.rect for b in boxes]
    chart_box = Box(x1=min(r.x1 for r in rects), y1=min(r.y1 for r in rects),
                    x2=max(r.x2 for r in rects), y2=max(r.y2 for r in rects))
    return Chart(kind="box", box=chart_box, title=title,
                 axes=[fit.to_axis()], series=[s for s in series if s.points]), flags
