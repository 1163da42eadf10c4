"""Bars drawn as outlines: a dark closed contour round a white or pale fill (matplotlib's
``plt.xkcd()`` sketches, paper figures' hollow bars). The bar reader sees only the contour,
which its opening drops as a rule; here each closed contour's inside is filled, so that the
bar is a block of the contour's colour again, however the hand-drawn edge wobbles.

A closed inside is a hole of the plot's ink: page pixels no path of page pixels joins to
the crop's edge. Holes that are not a bar's inside are left: a glyph's (small), the plot
inside a frame (wide), a grid's cells (a cell has another cell of its size beside it, level
with it, or over it), shapes far from a rectangle (lines crossing). An outline is a thin
line with the page past it: the page between two filled bars, closed by a gridline over it,
is a hole too, but its sides are bars. A hollow bar is empty: a legend's or a text box's
frame holds patches and words. And hollow bars stand on one baseline: two at least share a
foot (a lone framed box is no bar chart).
"""

from __future__ import annotations

import cv2
import numpy as np

from .pixels import close_mask


def filled_outlines(ink: np.ndarray, small: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """``ink`` and ``small`` with each outlined bar's inside filled in its outline's colour,
    or None where there is no such bar."""
    width = ink.shape[1]
    # (closed first: an anti-aliased contour fades to the page here and there, and its
    # inside leaks out through the gap)
    sealed = close_mask(ink, SEAL)
    # the plot area may end a little above the bars' feet: its last row closes them
    sealed[-1] = True
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        (~sealed).astype(np.uint8), connectivity=4)
    edge = set(np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0],
                                         labels[:, -1]])).tolist())
    holes = [(index, *(int(v) for v in stats[index])) for index in range(1, count)
             if index not in edge]
    boxes = [(x, y, x + w, y + h) for _, x, y, w, h, area in holes
             if w >= MIN_SIDE and h >= MIN_SIDE and w < WIDE_SHARE * width
             and area >= RECTANGLE_SHARE * w * h]
    insides = [hole for hole in holes if (hole[1], hole[2], hole[1] + hole[3],
                                          hole[2] + hole[4]) in boxes
               and not _grid_cell(hole, boxes)
               and _empty(labels, hole) and _thinly_outlined(ink, hole)]
    insides = _sharing_a_foot(insides)
    if not insides:
        return None
    ink, small = ink.copy(), small.copy()
    for index, x, y, w, h, _ in insides:
        inside = labels[y : y + h, x : x + w] == index
        # the contour's colour: the ink round the inside, a couple of pixels out
        y1, x1 = max(0, y - 2), max(0, x - 2)
        contour = ink[y1 : y + h + 2, x1 : x + w + 2]
        if not contour.any():
            continue
        colour = np.median(small[y1 : y + h + 2, x1 : x + w + 2][contour].reshape(-1, 3), axis=0)
        ink[y : y + h, x : x + w] |= inside
        small[y : y + h, x : x + w][inside] = colour.astype(small.dtype)
    return ink, small


SEAL = 3  # px: gaps this wide in a contour are closed
MIN_SIDE = 8  # px at the working size: a smaller hole is a glyph's (an "o", a "0")
WIDE_SHARE = 0.5  # of the crop's width: a wider hole is the plot inside its frame
RECTANGLE_SHARE = 0.75  # of its box: a bar's inside fills it, wobbly edges and all


def _grid_cell(hole: tuple[int, ...],
               boxes: list[tuple[int, int, int, int]]) -> bool:
    """Another hole of the kind just over this one, or level with it beside it (the same top
    and foot): the cells of a grid, not a bar (a bar has the page over it; grouped bars beside
    it stand as tall as it only by chance)."""
    _, x, y, w, h, _ = hole
    x2, y2 = x + w, y + h
    for bx1, by1, bx2, by2 in boxes:
        if (bx1, by1, bx2, by2) == (x, y, x2, y2):
            continue
        overlap = min(x2, bx2) - max(x, bx1)
        if y - GAP <= by2 <= y and overlap > 0.5 * min(w, bx2 - bx1):
            return True
        beside = x - GAP <= bx2 <= x or x2 <= bx1 <= x2 + GAP
        if beside and abs(by1 - y) <= 2 and abs(by2 - y2) <= 2:
            return True
    return False


GAP = 6  # px: the width of a gridline (or an outline) between two holes


def _empty(labels: np.ndarray, hole: tuple[int, ...]) -> bool:
    """Nothing inside the hole but the page: ink it encloses (a legend's patches and words,
    a text box's words) is at most a small share of it."""
    index, x, y, w, h, area = hole
    inside = (labels[y : y + h, x : x + w] == index).astype(np.uint8)
    contours, _ = cv2.findContours(inside, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    whole = np.zeros_like(inside)
    cv2.drawContours(whole, contours, -1, 1, thickness=cv2.FILLED)
    return int(whole.sum()) - area <= ENCLOSED_SHARE * area


ENCLOSED_SHARE = 0.05  # of a hollow bar's inside: a value printed in it, at most


def _thinly_outlined(ink: np.ndarray, hole: tuple[int, ...]) -> bool:
    """The hole's outline is a line, not the side of a filled mark: past the outline's
    width, over the hole and on either side of it, most pixels are the page. (Under it lies
    the baseline, an axis line or the area's edge.) Each side on its own: the page between
    two filled bars under a gridline has the page over it, and bars beside it. Past the
    crop's edge counts as no page: a frame drawn round the plot is no bar's outline."""
    _, x, y, w, h, _ = hole
    reach = OUTLINE + PAST
    sides = [(y - reach, y - OUTLINE, x, x + w),  # over it
             (y, y + h, x - reach, x - OUTLINE),  # left of it
             (y, y + h, x + w + OUTLINE, x + w + reach)]  # right of it
    for y1, y2, x1, x2 in sides:
        band = ink[max(0, y1) : max(0, y2), max(0, x1) : max(0, x2)]
        if band.size - int(band.sum()) < PAGE_PAST_SHARE * (y2 - y1) * (x2 - x1):
            return False
    return True


OUTLINE = 6  # px at the working size: an outline this wide at most, wobbles and all
PAST = 4  # px: the band past the outline that shows the page
PAGE_PAST_SHARE = 0.6  # of each band over and beside the hole: page (less a label's glyphs)


def _sharing_a_foot(insides: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """The insides whose feet (their lowest rows) lie level with another's: bars stand on
    one baseline."""
    feet = [y + h for _, _, y, _, h, _ in insides]
    return [hole for hole, foot in zip(insides, feet, strict=True)
            if sum(abs(foot - other) <= FOOT_SLACK for other in feet) >= 2]


FOOT_SLACK = 4  # px at the working size: feet this close stand on one baseline
