"""A floating box drawn over part of a table: a tooltip, a popover, a context menu.

A web leaderboard shows a dark rounded box of a few lines ("Qwen-14B", "evaluated 20 Mar",
"harness v0.4, greedy decoding") over the cells of the rows under the selected one. Its
lines run across the gutter between two columns, so the layout took the two for one and
lost both for every row, and its words became cells. The box hides only what it covers:
its words are no cells, and the cells under it are empty.

The box is found by its shape in the loaded image's pixels: a solid block of a ground far
from the page's (text strokes are thinner than it and fall away under an opening), nearly
filling its bounding rectangle (rounded corners allowed), holding two or more lines of
text, narrower than the table, with the table's words level with it on its left and
table words above it across its width (it hangs under a row, inside the table: a header
cell on a dark band has nothing above it).
A coloured header band spans the table; a tinted cell, a badge or a data bar holds one
line; a code block holding a whole table has no table around it: none of them is taken.
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from .. import ocr
from ..record import Box, Word

if TYPE_CHECKING:
    from ..preprocess import Prepared

# Grey levels (any channel) by which a box's ground differs from the page's: a selected
# row's pale tint (20-30 off white) is no floating box, a dark tooltip (200 off) is.
BOX_STEP = 70
# A floating box fills this share of its bounding rectangle at the least (rounded corners
# and the text punched out of a solid fill leave more than this).
FILLED = 0.85
# Lines of text a floating box holds: at least two (one line on a ground is a tinted cell
# or a badge), at most a menu's few.
MIN_LINES, MAX_LINES = 2, 8
# A word that ends this close to a box's edge (glyph heights) runs under it.
CUT_REACH = 0.6
# A floating box is narrower than this share of the table's words' extent.
NARROW = 0.5


def _page_ground(rgb: np.ndarray) -> np.ndarray:
    """The page's colour: the median of a sparse sample of its pixels."""
    step = max(1, int(np.sqrt(rgb.shape[0] * rgb.shape[1] / 40_000)))
    return np.median(rgb[::step, ::step].reshape(-1, rgb.shape[2]), axis=0)


def solid_blocks(rgb: np.ndarray, stroke: int) -> list[Box]:
    """Blocks of a ground far from the page's, in image pixels: pixels off the page's
    colour, opened by a square wider than a text stroke (so text falls away and a filled
    block stays), each block's bounding box where its outline nearly fills it."""
    ground = _page_ground(rgb)
    off = (np.abs(rgb.astype(np.int16) - ground.astype(np.int16)).max(axis=2) > BOX_STEP)
    mask = off.astype(np.uint8)
    size = max(3, 2 * stroke + 1)
    kernel = np.ones((size, size), np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
    # Light text punched out of a dark fill leaves holes: a block's outline alone counts.
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    blocks = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if w > 4 * size and h > 2 * size and cv2.contourArea(contour) >= FILLED * w * h:
            blocks.append(Box(x1=x, y1=y, x2=x + w, y2=y + h))
    return blocks


def _inside(word: Word, box: Box) -> bool:
    return box.x1 <= word.box.cx <= box.x2 and box.y1 <= word.box.cy <= box.y2


def _cut_by(word: Word, box: Box, height: float) -> bool:
    """``word`` stands level with ``box`` and reaches its left or right edge."""
    if word.box.y2 <= box.y1 or word.box.y1 >= box.y2:
        return False
    reach = CUT_REACH * height
    return (box.x1 - reach <= word.box.x2 <= box.x2) or (box.x1 <= word.box.x1 <= box.x2 + reach)


def _floats_over_table(box: Box, words: list[Word], inside: list[Word]) -> bool:
    """``box`` holds a few lines of text and lies inside the table the other words make:
    narrower than they spread, words level with it on its left, words above or below it
    across its width."""
    lines = ocr.group_lines(inside)
    if not MIN_LINES <= len(lines) <= MAX_LINES:
        return False
    outside = [word for word in words if not _inside(word, box)]
    if not outside:
        return False
    spread = max(w.box.x2 for w in outside) - min(w.box.x1 for w in outside)
    if box.width > NARROW * spread:
        return False
    level_left = any(w.box.x2 < box.x1 and box.y1 <= w.box.cy <= box.y2 for w in outside)
    # It hangs under a row of the table (a header cell on a dark band has none above it).
    above = any(w.box.y2 <= box.y1 and w.box.x2 > box.x1 and w.box.x1 < box.x2
                for w in outside)
    return level_left and above


def _painted_over(prepared: Prepared, blocks: list[Box]) -> Prepared:
    """A copy of ``prepared`` whose pixels under ``blocks`` (image pixels) are the page's
    ground: the readers that look again at an empty cell's pixels find it empty."""
    assert prepared.rgb is not None
    rgb, grey = prepared.rgb.copy(), prepared.grey.copy()
    ground = _page_ground(rgb)
    paper = 255 if grey.ndim == 2 else np.array([255] * grey.shape[2])
    for block in blocks:
        rgb[block.y1:block.y2, block.x1:block.x2] = ground
        upright = prepared.to_upright(block)
        s = prepared.scale
        grey[int(upright.y1 * s):int(upright.y2 * s) + 1,
             int(upright.x1 * s):int(upright.x2 * s) + 1] = paper
    return replace(prepared, rgb=rgb, grey=grey)


def hide_floating_boxes(
    words: list[Word], prepared: Prepared | None
) -> tuple[list[Word], Prepared | None]:
    """``words`` less those inside a floating box over the table (see the module's note),
    and the pixels the tables stage reads with each such box painted the page's ground."""
    if prepared is None or prepared.rgb is None or prepared.rgb.ndim != 3 or len(words) < 8:
        return words, prepared
    height = float(median(word.box.height for word in words))
    stroke = max(1, round(0.15 * height))
    dropped: set[int] = set()
    hidden = []
    for block in solid_blocks(prepared.rgb, stroke):
        box = prepared.to_upright(block)
        inside = [word for word in words if _inside(word, box)]
        if inside and _floats_over_table(box, words, inside):
            # A cell's text that runs under the box's edge shows only its start ("80." of
            # "80.5"): the box hides that cell too.
            cut = [word for word in words if _cut_by(word, box, height)]
            dropped |= {id(word) for word in [*inside, *cut]}
            hidden += [block, *(prepared.from_upright(word.box) for word in cut)]
    if not hidden:
        return words, prepared
    return [word for word in words if id(word) not in dropped], _painted_over(prepared, hidden)
