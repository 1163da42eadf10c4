"""A note's arrow on a line chart ("best: 83.0", "lr decay" with an arrow to a point): a
straight neutral stroke from the note's text to a point of a series. Traced by colour it
is a line of its own, named by whatever text lies near it; it is no series, and its note
names none.

A leader is told by where its ends lie, not by its look (a plain stroke, an open or a
filled head): one end at a note's text, the other on another line's point or path.
"""

from __future__ import annotations

import numpy as np

from ..ocr.phrase import Phrase
from ..record import Box
from .lines import GREY_CHROMA, Trace

# An end within this many text heights of a box or a line "lies at" it (matplotlib leaves
# a few pixels between an arrow and its text and its point).
END_REACH = 1.2
# Straight: no point of it further from the line through its ends than this share of its
# length, and a few pixels (an arrowhead widens the stroke near one end).
STRAIGHT_SHARE = 0.08
STRAIGHT_PX = 3.0
# A note's arrow is short beside the plot: under this share of its width.
PLOT_SHARE = 0.6


def _stroke(trace: Trace) -> np.ndarray:
    if trace.path is not None and len(trace.path) >= 2:
        return np.asarray(trace.path, dtype=float)
    return np.asarray(trace.points, dtype=float)


def _straight(stroke: np.ndarray) -> bool:
    start, end = stroke[0], stroke[-1]
    length = float(np.hypot(*(end - start)))
    if length == 0:
        return False
    normal = np.array([start[1] - end[1], end[0] - start[0]]) / length
    off = np.abs((stroke - start) @ normal)
    return float(off.max()) <= STRAIGHT_SHARE * length + STRAIGHT_PX


def _gap_to_box(point: np.ndarray, box: Box) -> float:
    dx = max(box.x1 - point[0], 0.0, point[0] - box.x2)
    dy = max(box.y1 - point[1], 0.0, point[1] - box.y2)
    return float(np.hypot(dx, dy))


def _gap_to_line(point: np.ndarray, other: Trace) -> float:
    stroke = _stroke(other)
    return float(np.hypot(*(stroke - point).T).min()) if len(stroke) else float("inf")


def split_leaders(
    traced: list[Trace], found: list[Phrase], area: Box, text_height: float
) -> tuple[list[Trace], list[Box]]:
    """The traces that are series, and the boxes of the notes whose arrows were taken out."""
    reach = END_REACH * text_height
    notes: list[Box] = []
    kept: list[Trace] = []
    for trace in traced:
        note = _note_of(trace, traced, found, area, reach)
        if note is None:
            kept.append(trace)
        else:
            notes.append(note)
    return kept, notes


def _note_of(
    trace: Trace, traced: list[Trace], found: list[Phrase], area: Box, reach: float
) -> Box | None:
    """The note ``trace`` points from, when it is a note's arrow."""
    colour = np.asarray(trace.colour, dtype=float)
    if trace.style != "line" or float(colour.max() - colour.min()) >= GREY_CHROMA:
        return None
    stroke = _stroke(trace)
    if len(stroke) < 2 or not _straight(stroke):
        return None
    length = float(np.hypot(*(stroke[-1] - stroke[0])))
    if length < reach or abs(stroke[-1][0] - stroke[0][0]) > PLOT_SHARE * area.width:
        return None
    others = [t for t in traced if t is not trace]
    for tail, head in ((stroke[0], stroke[-1]), (stroke[-1], stroke[0])):
        near = [p.box for p in found if _gap_to_box(tail, p.box) <= reach]
        if near and any(_gap_to_line(head, other) <= reach for other in others):
            return min(near, key=lambda box: _gap_to_box(tail, box))
    return None
