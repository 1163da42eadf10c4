"""Footnote marks set raised and small after a word (a wiki's ``<sup>[12]</sup>``, a paper's
"†", "*", "‡"): OCR reads them as more digits of the number they follow ("45.7‡" as
"45.77", "24.5[16]" as "24.5116") or as letters glued to a name. They are known by where
they stand, not by what they read as: after a glyph that stands on the line, their feet well
above its baseline, their tops at or above its top, smaller than it, and at the end of the
word. Such a run is painted over before OCR.

What stays: a letter's dot or accent, and a "%" or ":" (another piece of the glyph lies
under them); an apostrophe inside a word (a letter follows it); a hyphen (its top is below
the letters' tops)."""

from __future__ import annotations

import cv2
import numpy as np

from .steps import binarise, paint_over

# Gaps, in x-heights: between a word and its mark, and between a mark's pieces ("[note 2]"
# holds a small space).
MOST_GAP_BEFORE = 0.8
MOST_GAP_WITHIN = 1.0
# A letter's gap inside a word: a glyph on the line this close after the run makes it part
# of the word (an apostrophe), not a mark after it.
LETTER_GAP = 0.3


class _Pieces:
    """The connected pieces of ink, as arrays of their boxes."""

    def __init__(self, stats: np.ndarray) -> None:
        self.x, self.y = stats[:, 0], stats[:, 1]
        self.w, self.h = stats[:, 2], stats[:, 3]
        self.right, self.bottom = self.x + self.w, self.y + self.h

    def nearest_left(self, i: int, gap: float, standing: np.ndarray) -> int | None:
        """The glyph standing on the line that ends nearest before piece ``i`` starts,
        within ``gap``, whose top lies no more than most of its height under ``i``'s top (a
        "%" stands by its slash, not by its rings)."""
        near = (
            standing
            & (self.right <= self.x[i] + 1)
            & (self.x[i] - self.right <= gap)
            & (self.y[i] < self.bottom)
            & (self.y[i] >= self.y - 0.7 * self.h)
        )
        near[i] = False
        found = np.flatnonzero(near)
        return int(found[np.argmax(self.right[found])]) if found.size else None

    def baseline(self, base: int, standing: np.ndarray, reach: float) -> float:
        """The line's baseline at ``base``: the middle of the feet of the glyphs standing on
        the line up to ``reach`` before it (a descender's feet are few)."""
        near = (
            standing
            & (self.right <= self.right[base])
            & (self.right >= self.x[base] - reach)
            & (self.y < self.bottom[base])
            & (self.bottom > self.y[base])
        )
        return float(np.median(self.bottom[near])) if near.any() else float(self.bottom[base])

    def above_line(self, i: int, base: int, baseline: float, x_height: float) -> bool:
        """Piece ``i`` has its feet well above the line's baseline, is no taller than a
        raised bracket and no higher than a raised mark goes beside ``base``."""
        h = self.h[base]
        return bool(
            self.h[i] <= 1.2 * max(h, x_height)
            and self.bottom[i] <= baseline - max(1.0, 0.25 * x_height)
            and self.y[i] >= self.y[base] - 0.7 * h
        )

    def raised_over(self, i: int, base: int, baseline: float, x_height: float) -> bool:
        """Piece ``i`` starts a raised mark beside ``base``: above the line, and its top
        above the base's top (a letter after a descender, "g" then "h", has its feet above
        the "g"'s too, but not above the line)."""
        return self.above_line(i, base, baseline, x_height) and bool(
            self.y[i] <= self.y[base] - max(1.0, 0.08 * self.h[base])
        )

    def under(self, i: int, baseline: float, run: set[int], x_height: float) -> bool:
        """A piece that stands on the line lies under piece ``i``: ``i`` is the upper part
        of a glyph (a dot, an accent, a "%"'s ring), not a mark of its own."""
        overlap = (self.x < self.right[i]) & (self.right > self.x[i])
        below = (self.y >= self.bottom[i] - 1) & (
            self.bottom > baseline - max(1.0, 0.25 * x_height)
        )
        hits = overlap & below & (self.y <= baseline)
        hits[list(run)] = False
        return bool(hits.any())

    def within(self, run: set[int], base: int, baseline: float, x_height: float) -> set[int]:
        """The raised pieces inside the run's span: a thin bracket broken in two by the
        threshold has a piece that starts left of where the run was walked from."""
        members = list(run)
        x1, x2 = self.x[members].min() - 2, self.right[members].max() + 1
        inside = (self.x >= x1) & (self.right <= x2)
        return run | {
            int(i)
            for i in np.flatnonzero(inside)
            if self.above_line(int(i), base, baseline, x_height)
        }


def _run_after(
    pieces: _Pieces, first: int, base: int, baseline: float, x_height: float
) -> set[int] | None:
    """The raised run that starts with ``first`` after ``base``, when it ends its word."""
    run = {first}
    last = first
    while True:
        near = (
            (pieces.x >= pieces.right[last] - 1)
            & (pieces.x - pieces.right[last] <= MOST_GAP_WITHIN * x_height)
            & (pieces.y < pieces.bottom[base])
            & (pieces.bottom > pieces.y[base] - 0.7 * pieces.h[base])
        )
        near[list(run)] = False
        found = np.flatnonzero(near)
        if not found.size:
            break
        after = int(found[np.argmin(pieces.x[found])])
        if not pieces.above_line(after, base, baseline, x_height):  # the mark's next glyph
            if pieces.x[after] - pieces.right[last] <= LETTER_GAP * x_height:
                return None  # a glyph on the line right after it: inside a word
            break
        run.add(after)
        last = after
    run = pieces.within(run, base, baseline, x_height)
    if any(pieces.under(i, baseline, run, x_height) for i in run):
        return None
    return run


def erase_raised_marks(grey: np.ndarray, x_height: float) -> tuple[np.ndarray, bool]:
    """The grey image with raised footnote marks at words' ends painted in the ground's
    colour."""
    if x_height <= 0:
        return grey, False
    ink = binarise(grey) > 0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        ink.astype(np.uint8), connectivity=8
    )
    if count <= 2:
        return grey, False
    pieces = _Pieces(stats[1:count])
    # Glyphs standing on the line: as tall as a lower-case letter or taller, no taller than
    # a line of text.
    standing = (pieces.h >= 0.9 * x_height) & (pieces.h <= 3.5 * x_height)
    small = np.flatnonzero((pieces.h <= 1.6 * x_height) & (pieces.w <= 3 * x_height))
    marks: set[int] = set()
    for i in small.tolist():
        if i in marks:
            continue
        base = pieces.nearest_left(i, MOST_GAP_BEFORE * x_height, standing)
        if base is None:
            continue
        baseline = pieces.baseline(base, standing, 8 * x_height)
        if not pieces.raised_over(i, base, baseline, x_height):
            continue
        run = _run_after(pieces, i, base, baseline, x_height)
        if run:
            marks |= run
    if not marks:
        return grey, False
    erase = np.isin(labels, [i + 1 for i in marks])
    return paint_over(grey, ink, erase)
