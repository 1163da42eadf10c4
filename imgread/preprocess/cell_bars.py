"""Data bars taken out of a table's cells before OCR: a spreadsheet's or a report's bar
behind each score, from the cell's left edge, as long as its value is large.

A number printed over such a bar stands half on the bar and half on the page. Tesseract
binarises the page once: on a saturated bar the digits over it fall on the ink side with
their ground ("60.0" reads "6"), and the inverter takes a dark bar for a dark band and
turns half a number white. A bar is a flat ground under its text, as a heat map's fill
is (``fills.py``): each pixel divided by the ground under it leaves the bar white and the
digits over it as dark as those beside it, so the whole number reads as one.

A bar is told from other fills by where it stands, not by its colour: a solid block about
one text line tall (its text, if any, lies within it), and several of them starting at
one x, one above another (a column of cells), ending at different x (a bar is as long as
its value; cells filled whole all end together), beside another such column whose bars
stand on the same rows (a row of a table holds several scores). A bar chart's bars lying along
an axis share a left edge too, but no second column of bars shares their rows.

On a dark page the bars are found and flattened on the inverted page (light type over a
bar becomes dark type over a mid tone) and the page is turned back, so that the dark
page's own step (``invert_dark_regions``) sees a plain dark table.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .fills import stroke_free_ground
from .steps import binarise, glyph_height

# A bar's ground is at least this much darker than the page's.
BAR_CONTRAST = 20
# A page whose median is darker than this is a dark theme's: bars are found inverted.
DARK_PAGE = 110
# A bar is a solid block: this share of its box is bar.
SOLID_SHARE = 0.85
# A bar's height in text heights: a cell's line of text with its padding, no more.
MIN_HEIGHT, MAX_HEIGHT = 0.8, 3.5
# Bars of one column start within this many text heights of each other (at least 2 px).
EDGE_SLACK = 0.25
# Cells stacked in one column: at least this many bars.
MIN_STACK = 3
# Two columns share a row where their bars' middles are this many bar heights apart.
ROW_SLACK = 0.5


@dataclass
class Bar:
    left: int
    top: int
    right: int
    bottom: int

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> int:
        return self.bottom - self.top


def _bars(ground: np.ndarray, page: float, glyph: float) -> list[Bar]:
    """Solid blocks of ground darker than the page, a text line tall."""
    dark = (ground < page - BAR_CONTRAST).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=4)
    found = []
    for i in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[i])
        if (MIN_HEIGHT * glyph <= h <= MAX_HEIGHT * glyph and w >= 2
                and area >= SOLID_SHARE * w * h):
            found.append(Bar(x, y, x + w, y + h))
    return found


def _stacks(bars: list[Bar], glyph: float) -> list[list[Bar]]:
    """Bars grouped by a shared left edge, one above another: columns of cells."""
    slack = max(2.0, EDGE_SLACK * glyph)
    stacks: list[list[Bar]] = []
    for bar in sorted(bars, key=lambda b: b.left):
        for stack in stacks:
            if abs(stack[0].left - bar.left) <= slack and not any(
                    b.top < bar.bottom and bar.top < b.bottom for b in stack):
                stack.append(bar)
                break
        else:
            stacks.append([bar])
    return [s for s in stacks if len(s) >= MIN_STACK]


def _shared_rows(one: list[Bar], other: list[Bar]) -> int:
    """How many bars of ``one`` stand on the row of a bar of ``other``."""
    return sum(any(abs(a.middle - b.middle) <= ROW_SLACK * a.height for b in other)
               for a in one)


def _bars_in_grid(ground: np.ndarray, page: float, glyph: float) -> list[Bar]:
    """Stacks of bars beside another stack whose bars stand on the same rows."""
    slack = max(2.0, EDGE_SLACK * glyph)
    # A data bar is as long as its value: a stack whose bars all end together is a column
    # of cells filled whole (a heat map's, perhaps under light type), left to ``fills``.
    stacks = [stack for stack in _stacks(_bars(ground, page, glyph), glyph)
              if max(b.right for b in stack) - min(b.right for b in stack) > slack]
    kept: list[Bar] = []
    for i, stack in enumerate(stacks):
        if any(_shared_rows(stack, other) >= MIN_STACK
               for j, other in enumerate(stacks) if j != i):
            kept.extend(stack)
    return kept


def _measures(grey: np.ndarray) -> tuple[float, float, np.ndarray, int]:
    """The page's level, its text height, the ground under each pixel and its window."""
    glyph = glyph_height(binarise(grey)) or 12.0
    ground, side = stroke_free_ground(grey, glyph)
    return float(np.median(grey)), glyph, ground, side


def cell_bars(grey: np.ndarray) -> list[Bar]:
    """The data bars of a light page's table."""
    page, glyph, ground, _ = _measures(grey)
    return _bars_in_grid(ground, page, glyph)


def _flatten_light(grey: np.ndarray) -> np.ndarray | None:
    """The bars' pixels divided by their ground and brought to the page's level."""
    page, glyph, ground, side = _measures(grey)
    bars = _bars_in_grid(ground, page, glyph)
    if not bars:
        return None
    mask = np.zeros(grey.shape, dtype=np.uint8)
    for bar in bars:
        mask[bar.top:bar.bottom, bar.left:bar.right] = 1
    # a little wider than the bar, so its anti-aliased edge goes with it
    keep = cv2.dilate(mask, np.ones((side, side), np.uint8)) > 0
    flat = grey.astype(np.float32) * (page / np.maximum(ground.astype(np.float32), 1.0))
    out = grey.copy()
    out[keep] = np.clip(flat[keep], 0, 255).astype(np.uint8)
    return out


def flatten_cell_bars(grey: np.ndarray) -> np.ndarray:
    """``grey`` with its tables' data bars made the page's ground and their numbers kept;
    the same array where there are none."""
    dark = float(np.median(grey)) < DARK_PAGE
    flat = _flatten_light(255 - grey if dark else grey)
    if flat is None:
        return grey
    return 255 - flat if dark else flat
