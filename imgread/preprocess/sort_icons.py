"""Sort icons in a sortable table's header (a wiki's ``wikitable sortable``, a data grid):
two small solid triangles, one pointing up and one down, stacked or side by side, at a
header cell's right edge or after its name; one triangle alone on the column the table is
sorted by. OCR reads them as a letter or a digit glued to the name ("BBH" + "4" = "BB4",
"Name 1"), so the header line reads as a row of numbers and the caption above takes its
place. They are found by shape, not as text, and painted over before OCR."""

from __future__ import annotations

import cv2
import numpy as np

from .steps import binarise, paint_over

# A triangle's size, in x-heights: from a shrunk wiki's 3 px up to a large glyph's.
LEAST_SIDE = 3
MOST_HEIGHT = 1.6


def _direction(mask: np.ndarray) -> int:
    """+1 for a solid triangle pointing up, -1 pointing down, 0 for anything else: each row
    one run of ink, centred, the runs widening steadily from a narrow apex to a full base."""
    h, w = mask.shape
    if h < LEAST_SIDE or w < LEAST_SIDE + 1 or w < 0.9 * h or w > 2.6 * h:
        return 0
    widths = []
    for row in mask:
        ink = np.flatnonzero(row)
        if ink.size == 0 or ink[-1] - ink[0] + 1 != ink.size:
            return 0  # a gap in the row: a letter's strokes, not a solid shape
        if abs((ink[0] + ink[-1]) / 2 - (w - 1) / 2) > max(1.0, 0.12 * w):
            return 0  # off the axis: not symmetric
        widths.append(int(ink.size))
    steps = np.diff(widths)
    if widths[0] <= 0.5 * widths[-1] and widths[-1] >= 0.8 * w and (steps >= -1).all():
        return 1
    if widths[-1] <= 0.5 * widths[0] and widths[0] >= 0.8 * w and (steps <= 1).all():
        return -1
    return 0


def _paired(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Two triangles of a sort icon: opposite ways, stacked on one axis (up over down) or
    side by side on one line, no further apart than a triangle."""
    ax, ay, aw, ah, ad = a
    bx, by, bw, bh, bd = b
    if ad == bd or abs(aw - bw) > 2 or abs(ah - bh) > 2:
        return False
    stacked = abs((ax + aw / 2) - (bx + bw / 2)) <= 1.5 and 0 <= (by - (ay + ah) if ad > 0 else
                                                                    ay - (by + bh)) <= ah
    level = abs((ay + ah / 2) - (by + bh / 2)) <= max(2, ah / 2) and abs(ax - bx) <= 2 * aw + 2
    return stacked or level


def erase_sort_icons(grey: np.ndarray, x_height: float) -> tuple[np.ndarray, bool]:
    """The grey image with sort icons painted in the ground's colour: triangle pairs, and
    lone triangles level with a pair (the column the table is sorted by)."""
    if x_height <= 0:
        return grey, False
    ink = binarise(grey) > 0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        ink.astype(np.uint8), connectivity=8
    )
    tallest = MOST_HEIGHT * x_height
    triangles = []
    for label in range(1, count):
        x, y, w, h, _ = stats[label].tolist()
        if h > tallest or w > 2.6 * tallest:
            continue
        direction = _direction(labels[y : y + h, x : x + w] == label)
        if direction:
            triangles.append((x, y, w, h, direction, label))
    icons = {
        t[5] for t in triangles for u in triangles if t is not u and _paired(t[:5], u[:5])
    }
    if not icons:
        return grey, False
    bands = [(t[1], t[1] + t[3]) for t in triangles if t[5] in icons]
    for _x, y, _w, h, _, label in triangles:
        middle = y + h / 2
        if any(top - h <= middle <= bottom + h for top, bottom in bands):
            icons.add(label)
    erase = np.isin(labels, list(icons))
    return paint_over(grey, ink, erase)
