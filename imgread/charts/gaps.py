"""Gaps: tick labels the page reading lost between two it read.

Small tick labels in a pale grey, next to no axis line (a dashboard's panel draws none),
are easily lost: the page reading may keep a column's top and bottom labels only, too few
to fit an axis on. A column of numbers (their right edges aligned, as tick labels are set)
with a gap between two of them wider than its other steps, or with two alone far apart,
is read again down its strip, on its own and enlarged.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from ..config import OcrSettings
from ..record import Box, Word
from .strips import number_strip_words
from .text import parse_number

ALIGN = 0.3  # of a text height: right edges this close set one column
LONE_GAP = 2.5  # text heights between the only two labels of a column: room for another
WIDER = 1.6  # a step this many times the column's smallest is a gap where labels were lost


def tick_gap_words(rgb: np.ndarray, words: list[Word], settings: OcrSettings) -> list[Word]:
    """Words read again down the columns of numbers that have lost some: their strip, the
    image's height (the lost may lie above or below the read ones); none where none is."""
    numbers = sorted((w for w in words if parse_number(w.text) is not None),
                     key=lambda w: w.box.cy)
    found: list[Word] = []
    for column in _columns(numbers):
        height = float(np.median([w.box.height for w in column]))
        steps = [b.box.cy - a.box.cy for a, b in pairwise(column)]
        lost = (len(column) == 2 and steps[0] >= LONE_GAP * height) or (
            len(column) > 2 and max(steps) >= WIDER * min(steps))
        if not lost:
            continue
        box = Box(x1=max(0, int(min(w.box.x1 for w in column) - 1.5 * height)), y1=0,
                  x2=min(rgb.shape[1], max(w.box.x2 for w in column) + 3), y2=rgb.shape[0])
        found += number_strip_words(rgb, box, settings)
    return found


def _columns(numbers: list[Word]) -> list[list[Word]]:
    """Numbers (top to bottom) in columns of right-aligned labels, two at least."""
    columns: list[list[Word]] = []
    for word in numbers:
        home = next((c for c in columns if abs(c[-1].box.x2 - word.box.x2)
                     <= max(3.0, ALIGN * word.box.height)), None)
        if home is None:
            columns.append([word])
        else:
            home.append(word)
    return [c for c in columns if len(c) >= 2]
