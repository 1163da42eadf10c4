"""Dots on category rows: a Cleveland dot plot (or a dumbbell chart) is a lying chart.

Each category is a row (its name left of the plot), and each series a filled dot of its
colour on the row, at its value on the x axis below; a light line, or a bar joining a
row's dots, may run along the row. Nothing stands on a baseline, so the bar readers see
nothing. Here the plot's ink, with text and thin rules (level or upright runs a few pixels
thick: the rows' lines, a dumbbell's bar, the axis lines) opened away, is split into
shapes; a dot is one about as tall as wide and mostly filled. A legend's sample dot has
its name just right of it, and is no mark. Dots on three rows or more, a few on each, most
rows named at their left, are the chart's marks: each a lying bar from the plot's left to
the dot's centre, read as the lying bar reader reads bars (``hbars``).
"""

from __future__ import annotations

import cv2
import numpy as np

from ..ocr.phrase import Phrase
from ..record import Box, Word
from .bars import Lying
from .pixels import distance, open_mask, plot_background

DOT_INK = 70.0  # RGB distance from the plot's background: a dot's (a row's light line is fainter)
RULE_THICKNESS = 5  # px: runs thinner than this (rules, a dumbbell's bar) are opened away
MIN_DOT = 5  # px: a dot's least width and height
MAX_DOT_SHARE = 0.12  # of the plot's height: a dot is smaller than this
ROUND = 1.4  # a dot's width to height (either way) is at most this
FILLED = 0.6  # a dot fills this share of its bounding box, at least
LEAST_ROWS = 3
MOST_PER_ROW = 4
NAMED_SHARE = 0.6  # of the rows: named by text left of their dots


Dot = tuple[float, float, float, float, np.ndarray]  # x1, y1, x2, y2 (image pixels), colour


def row_dots(rgb: np.ndarray, area: Box, plot_left: float, words: list[Word],
             found: list[Phrase]) -> list[Lying]:
    """The dots of a dot plot in ``area`` (image pixels), each as a lying bar from the
    plot's left edge (``plot_left``, the axis's first tick, or the leftmost dot) to its
    centre, bottom row first; none unless they stand in named rows."""
    crop = rgb[area.y1 : area.y2, area.x1 : area.x2]
    if crop.size == 0:
        return []
    ink = distance(crop, plot_background(crop)) > DOT_INK
    # (text is not erased: OCR reads dots as words, "@" "ee"; strokes are opened away)
    ink[:, : max(0, int(plot_left) - area.x1 - 2 * RULE_THICKNESS)] = False  # the names
    # a dumbbell's bar may be thicker than a rule: opened away by a wider opening, which a
    # dot larger still survives; the opening that leaves the most dots in rows is the one
    best: list[list[Dot]] = []
    for opening in OPENINGS:
        rows = _named_rows(_dots(crop, ink, opening, area, words), found)
        if sum(map(len, rows)) > sum(map(len, best)):
            best = rows
    if not best:
        return []
    base = min(plot_left, min(d[0] for row in best for d in row)) - 1
    return [Lying(y1=d[1], y2=d[3], base=base, end=(d[0] + d[2]) / 2, colour=d[4])
            for row in sorted(best, key=lambda r: -r[0][1])
            for d in sorted(row, key=lambda d: d[0])]


OPENINGS = (RULE_THICKNESS, 9, 13)  # px: the openings tried


def _dots(crop: np.ndarray, ink: np.ndarray, opening: int, area: Box, words: list[Word]
          ) -> list[Dot]:
    """The round filled shapes left of ``ink`` opened by ``opening`` both ways, of about one
    size, legend samples left out."""
    opened = open_mask(open_mask(ink, 1, opening), opening, 1)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        opened.astype(np.uint8), connectivity=8)
    largest = MAX_DOT_SHARE * crop.shape[0]
    dots: list[Dot] = []
    for index in range(1, count):
        x, y, w, h, filled = (int(v) for v in stats[index])
        if (min(w, h) < MIN_DOT or max(w, h) > largest or max(w, h) > ROUND * min(w, h)
                or filled < FILLED * w * h):
            continue
        own = labels[y : y + h, x : x + w] == index
        colour = np.median(crop[y : y + h, x : x + w][own].astype(np.float64), axis=0)
        dots.append((area.x1 + x, area.y1 + y, area.x1 + x + w, area.y1 + y + h, colour))
    dots = [d for d in dots if not _legend_sample(d, words)]
    if not dots:
        return []
    size = float(np.median([d[3] - d[1] for d in dots]))
    return [d for d in dots if 0.6 * size <= d[3] - d[1] <= 1.6 * size]


def _named_rows(dots: list[Dot], found: list[Phrase]) -> list[list[Dot]]:
    """The dots by row, where they stand on three rows or more, a few on each, most rows
    named by text left of the dots; else none."""
    if not dots:
        return []
    size = float(np.median([d[3] - d[1] for d in dots]))
    rows = _rows(dots, size)
    if len(rows) < LEAST_ROWS or max(len(r) for r in rows) > MOST_PER_ROW:
        return []
    left = min(d[0] for d in dots)
    named = sum(any(p.value is None and p.box.x2 < left
                    and abs(p.box.cy - np.mean([(d[1] + d[3]) / 2 for d in row])) < 0.6 * size
                    + 0.5 * p.height for p in found) for row in rows)
    return rows if named >= NAMED_SHARE * len(rows) else []


def _legend_sample(dot: Dot, words: list[Word]
                   ) -> bool:
    """A dot with a name just right of it, level with it: a legend's sample."""
    height = dot[3] - dot[1]
    cy = (dot[1] + dot[3]) / 2
    return any(
        any(c.isalpha() for c in w.text)
        and -2 <= w.box.x1 - dot[2] <= 2.5 * height + 4
        and abs(w.box.cy - cy) <= 0.5 * max(height, w.box.height)
        for w in words
    )


def _rows(dots: list[Dot], size: float) -> list[list[Dot]]:
    """The dots grouped by their centre's row (within half a dot), top row first."""
    rows: list[list[Dot]] = []
    for dot in sorted(dots, key=lambda d: d[1] + d[3]):
        cy = (dot[1] + dot[3]) / 2
        if rows and abs(cy - (rows[-1][-1][1] + rows[-1][-1][3]) / 2) <= 0.5 * size:
            rows[-1].append(dot)
        else:
            rows.append([dot])
    return rows
