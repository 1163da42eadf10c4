"""Box plots' boxes found by their shape, not their colour: in a view of the plot where the
value axis runs down the rows, each connected shape is measured row by row (its width from
the first to the last inked pixel, so a hollow box counts as filled). The box is the longest
run of rows at the shape's full width whose two sides stay straight; the whiskers are the
thin rows out of its ends, centred on it; the median is the row inside the box, clear of its
edges, whose pixels differ from the box's fill across most of its width (a dashed line too).
Bars have no whisker out of their free end and no median line, a legend patch and a logo
neither, so none of them is a box. The boxes of one plot are alike (``alike``,
``boxes_plausible``); ``Placed`` puts a view's box back into the image's pixels."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ..record import Box
from .pixels import distance

INK = 28.0  # colour distance from the plot's background: a mark's pixel
RULE_SHARE = 0.6  # of the plot's width: a row of ink this long is a gridline, not a mark
WIDE = 0.6  # of a shape's widest row: rows this wide belong to the box
STRAIGHT_PX = 2  # a box's sides stay within this of their median
STRAIGHT_SHARE = 0.8  # of the box's rows
THIN = 0.4  # of the box's width: a whisker row is at most this wide
MEDIAN_CONTRAST = 40.0  # colour distance from the box's fill: the median line's pixels
MEDIAN_SHARE = 0.35  # of a row across the box: a median line (dashed ones cover half)


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
