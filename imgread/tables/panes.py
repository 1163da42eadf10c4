"""A screenshot of an app with two panes side by side: an editor's LaTeX source beside the
viewer that shows its compiled page, a chat app's list of conversations beside the chat, a
file tree beside a spreadsheet. The lines of the other pane stand level with the table's
rows, and read across the screenshot they become rows or columns of it (the source's
"\\end{tabular}" a model, its line numbers a column). Each pane is a region of its own
ground: where the ground changes colour down nearly the whole height of the screenshot at
one x, and no word there crosses that x, the words on either side are read apart. A pane
that is an editor's listing (its lines numbered one by one) holds no table.

A tinted column of a table (a leaderboard's sorted column, a spreadsheet's row numbers)
changes the ground down its whole height too, but its cells stand level with the rest of
their rows, line by line; a neighbouring pane's lines keep a pitch of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

import numpy as np

from .. import ocr
from ..record import Word
from .lines import is_numeric_text

if TYPE_CHECKING:
    from ..preprocess import Prepared

# Grey levels (any channel) by which the grounds either side of a pane's edge differ: as
# ``grounds.GROUND_STEP``, well over JPEG noise and anti-aliasing.
GROUND_STEP = 10
# The ground changes along this share of the screenshot's height at the least (a menu bar
# across the top, a status bar along the bottom, a page's own margin cut the rest).
EDGE_SHARE = 0.6
# Pixels either side of an edge left out: a divider or an anti-aliased edge lies between.
REACH = 3
# The width (px) of the strip each side whose ground is compared.
STRIP = 5
# Lines of a side that stand level with a line of the other (within this share of a glyph's
# height) are one table's rows; a pane's lines are level with the other's by chance only.
LEVEL_SHARE = 0.2
# A table's tinted column: half of the lines or more are level across it.
LEVEL_LINES = 0.5
# A pane holds a few lines of its own.
MIN_LINES = 3
# A listing's gutter shows this many line numbers at the least (pale, small digits that OCR
# often misses), and less than this share of its lines hold a number in their text.
LISTING_NUMBERS = 3
LISTING_SCORED = 1 / 3


def _edges(rgb: np.ndarray, band: int) -> list[tuple[int, int, int]]:
    """(x, top, bottom) of each x where the ground changes between the pixels ``REACH`` to
    its left and to its right, along one run of bands (each ``band`` px tall) covering
    ``EDGE_SHARE`` of the height; neighbouring such x are one edge (its middle)."""
    height, width = rgb.shape[:2]
    if width <= 2 * (REACH + STRIP) + 2 or height < 2 * band:
        return []
    image = rgb if rgb.ndim == 3 else rgb[:, :, None]
    rows = (height // band) * band
    # The ground of each band at each x: the median of its pixels there (text covers less
    # than half of a pixel column of a band).
    grounds = np.median(image[:rows].reshape(rows // band, band, width, -1), axis=1)
    # Each side's ground over a strip ``STRIP`` px wide: a column rule a pixel or two wide
    # is no ground of its own, so a ruled table's columns show no edge.
    strips = np.median(np.lib.stride_tricks.sliding_window_view(grounds, STRIP, axis=1), axis=-1)
    apart = 2 * REACH + STRIP
    step = np.abs(strips[:, apart:] - strips[:, :-apart]).max(axis=2) > GROUND_STEP
    need = EDGE_SHARE * height / band
    found: list[tuple[int, int, int]] = []
    for offset in np.flatnonzero(step.sum(axis=0) >= need):
        column = step[:, offset]
        best = (0, 0, 0)  # length, first band, last band
        start = None
        for b, on in enumerate([*column, False]):
            if on and start is None:
                start = b
            elif not on and start is not None:
                best = max(best, (b - start, start, b - 1))
                start = None
        if best[0] >= need:
            found.append((int(offset) + REACH + STRIP, best[1] * band, (best[2] + 1) * band))
    edges: list[list[tuple[int, int, int]]] = []
    for edge in found:
        if edges and edge[0] - edges[-1][-1][0] <= 2 * REACH:
            edges[-1].append(edge)
        else:
            edges.append([edge])
    return [group[len(group) // 2] for group in edges]


def _lines(words: list[Word]) -> list[float]:
    """The middle heights of the lines ``words`` make."""
    return [float(median(words[i].box.cy for i in line)) for line in ocr.group_lines(words)]


def _apart(left: list[Word], right: list[Word], height: float) -> bool:
    """The two sides are two panes: each has lines of its own, and most are not level with
    a line of the other (as a table's rows would be across a tinted column)."""
    left_lines, right_lines = _lines(left), _lines(right)
    if len(left_lines) < MIN_LINES or len(right_lines) < MIN_LINES:
        return False
    for these, those in ((left_lines, right_lines), (right_lines, left_lines)):
        level = sum(1 for y in these if any(abs(y - z) <= LEVEL_SHARE * height for z in those))
        if level >= LEVEL_LINES * len(these):
            return False
    return True


def is_listing(words: list[Word]) -> bool:
    """The pane is an editor's listing: a strip at its left edge holds line numbers alone
    (OCR reads some of the pale ones only), the text starts a glyph or more after them, and
    few lines hold a number in their text (a leaderboard's ranks stand before rows of
    scores)."""
    if not words:
        return False
    height = float(median(word.box.height for word in words))
    edge = min(word.box.x1 for word in words)
    strip = [word for word in words if word.box.x1 <= edge + height]
    numbers = [word for word in strip if word.text.isdigit()]
    if len(numbers) < LISTING_NUMBERS or len(numbers) < 0.5 * len(strip):
        return False
    gutter = max(word.box.x2 for word in numbers)
    text = [word for word in words if word.box.x1 > gutter]
    if any(word.box.x1 < gutter + 0.5 * height for word in text):
        return False  # text runs on from the numbers: no gutter between
    lines = ocr.group_lines(text)
    scored = sum(1 for line in lines if any(is_numeric_text(text[i].text) for i in line))
    return len(lines) >= LISTING_NUMBERS and scored < LISTING_SCORED * len(lines)


@dataclass
class Pane:
    """A pane's words and its left and right edges (upright pixels)."""

    words: list[Word]
    left: float = float("-inf")
    right: float = float("inf")

    def holds(self, start: float, end: float) -> bool:
        """A row rule from ``start`` to ``end`` lies inside the pane."""
        return start >= self.left - REACH and end <= self.right + REACH


def split_panes(words: list[Word], prepared: Prepared | None) -> list[Pane]:
    """``words`` in the panes of the screenshot, left to right; one pane when it has one."""
    if prepared is None or prepared.rgb is None or prepared.angle or len(words) < 20:
        return [Pane(words)]
    height = float(median(word.box.height for word in words))
    band = max(6, round(2 * height))
    panes = [Pane(words)]
    for x, top, bottom in _edges(prepared.rgb, band):
        last = panes[-1]
        along = [word for word in last.words if top <= word.box.cy <= bottom]
        if any(word.box.x1 < x < word.box.x2 for word in along):
            continue  # a word crosses it: a band or a tinted cell inside one pane
        left = [word for word in last.words if word.box.cx < x]
        right = [word for word in last.words if word.box.cx >= x]
        if _apart(
            [word for word in left if top <= word.box.cy <= bottom],
            [word for word in right if top <= word.box.cy <= bottom],
            height,
        ):
            panes[-1:] = [Pane(left, last.left, x), Pane(right, x, last.right)]
    # A pane of source text beside the table's page is no table, however its line numbers
    # line up as a column of numbers beside its lines.
    kept = [pane for pane in panes if not is_listing(pane.words)]
    return kept if len(panes) > 1 else panes
