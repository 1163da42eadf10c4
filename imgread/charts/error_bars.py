"""Error bars through a line's points (seaborn's point plots, matplotlib's ``errorbar``).

An error bar is a thin upright stroke of the series' colour that the line runs through at
a data point, often with a short level cap at each end. It is neither a series nor a
point: traced with the line, it made the line jump up and down its whole length at each
point (the corners stacked in columns, and the line was dropped as a box's sides). The
bar and its caps are taken out of the series' pixels before the line is followed; the
point is where the line crosses the bar (a marker's centre), found from the line's
corners at the gap the bar leaves.
"""

from __future__ import annotations

import cv2
import numpy as np

BAR_HEIGHT = 4.0  # line widths: the shortest upright stroke that may be an error bar (a
# small triangle marker on a line of width 3 stands about 3.3 widths tall)
BAR_WIDTH = 2.0  # line widths (plus two pixels): the widest (a marker is wider)
CROSSING_SPREAD = 2.0  # line widths: how far apart the line may meet the bar left and right
PAST_LINE = 1.5  # line widths: how far an error bar reaches past the line at least
RULE_GAP = 4  # pixels: the widest gap a gridline taken out leaves in a bar
CAP_REACH = 12.0  # line widths: the farthest a cap reaches out from its bar


def without_error_bars(own: np.ndarray, thickness: float) -> np.ndarray:
    """``own`` (a series' pixels) less the error bars the line runs through, and their
    caps. An upright stroke the line meets at its ends (a step down, a line falling
    steeply from one point to the next) is the line's own and stays: the line must meet
    it inside, at one row from both sides, with the stroke reaching on past it."""
    width = max(1.0, thickness)
    tall = max(7, round(BAR_HEIGHT * width))
    # (gridlines taken out before cut a bar into pieces: the pieces are joined first)
    joined = cv2.morphologyEx(own.astype(np.uint8), cv2.MORPH_CLOSE,
                              np.ones((RULE_GAP + 1, 1), np.uint8))
    upright = cv2.morphologyEx(joined, cv2.MORPH_OPEN, np.ones((tall, 1), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(upright, connectivity=8)
    cleaned = own
    for index in range(1, count):
        x, y, w, h = (int(v) for v in stats[index, :4])
        if w > BAR_WIDTH * width + 2:
            continue
        row = _crossing(own, (x, y, w, h), width)
        if row is None or max(row - y, y + h - 1 - row) < PAST_LINE * width:
            continue
        if cleaned is own:
            cleaned = own.copy()
        cleaned[labels == index] = False
        for end in (y, y + h - 1):
            if abs(end - row) > 2 * width + 1:
                _erase_cap(cleaned, own, (x, w), end, width)
    return cleaned


def _crossing(own: np.ndarray, bar: tuple[int, int, int, int], width: float) -> float | None:
    """The row at which the line meets an upright stroke, from the pixels beside it
    (left, right) between its ends (a cap lies at an end); None where nothing meets it
    inside, or where the two sides meet it at rows apart (a step, not a crossing)."""
    x, y, w, h = bar
    reach = round(2 * width) + 1
    inside = own[y + round(width) + 1 : y + h - round(width) - 1]
    sides = []
    for first, last in ((max(0, x - reach), x), (x + w, min(own.shape[1], x + w + reach))):
        rows = np.flatnonzero(inside[:, first:last].any(axis=1))
        if len(rows):
            sides.append(float(np.median(rows)) + y + round(width) + 1)
    if not sides or max(sides) - min(sides) > CROSSING_SPREAD * width:
        return None
    return float(np.mean(sides))


def _erase_cap(cleaned: np.ndarray, own: np.ndarray, columns: tuple[int, int], end: int,
               width: float) -> None:
    """The level run across a bar's end (its cap), a line width or so either side of the
    end row, out as far as it is inked on both sides of the bar."""
    x, w = columns
    reach = round(CAP_REACH * width)
    top, bottom = max(0, end - round(width) - 1), min(own.shape[0], end + round(width) + 2)
    band = own[top:bottom]
    inked = np.asarray(band.any(axis=0))
    left = x
    while left > max(0, x - reach) and inked[left - 1]:
        left -= 1
    right = x + w
    while right < min(own.shape[1], x + w + reach) and inked[right]:
        right += 1
    cleaned[top:bottom, left:right] = False
