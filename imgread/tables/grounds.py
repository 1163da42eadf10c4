"""Header lines on the table's own ground.

A header line above the lowest one is only the table's when it stands on the same ground
(the page colour around its text): a code block's title bar ("plaintext ... Copy code"),
a chat app's message header or a slide's band above a table are set on another colour,
and their words, however well they line up with the columns, name none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..record import Box
from .lines import TextLine

if TYPE_CHECKING:
    from ..preprocess import Prepared

# Grey levels (any channel) by which two grounds differ to be two: JPEG noise and
# anti-aliasing stay well under it; a title bar on a code block is 15 to 40 apart.
GROUND_STEP = 10


def _ground(rgb: np.ndarray, x1: int, x2: int, y1: int, y2: int) -> np.ndarray | None:
    """The usual colour of a strip of the image (its median per channel)."""
    height, width = rgb.shape[:2]
    x1, x2, y1, y2 = max(0, x1), min(width, x2), max(0, y1), min(height, y2)
    if x2 - x1 < 3 or y2 <= y1:
        return None
    strip = rgb[y1:y2, x1:x2].reshape(-1, rgb.shape[2]).astype(np.int32)
    return np.median(strip, axis=0)


def same_ground(upper: Box, lower: Box, prepared: Prepared) -> bool:
    """The ground just under ``upper`` and just over ``lower`` (upright pixels), across the
    width they share, is one colour."""
    if prepared.rgb is None or prepared.rgb.ndim != 3:
        return True
    upper_image, lower_image = prepared.from_upright(upper), prepared.from_upright(lower)
    x1 = max(upper_image.x1, lower_image.x1)
    x2 = min(upper_image.x2, lower_image.x2)
    if x2 - x1 < 3:
        x1, x2 = min(upper_image.x1, lower_image.x1), max(upper_image.x2, lower_image.x2)
    gap = lower_image.y1 - upper_image.y2
    if gap < 4:
        return True  # lines that touch share their ground
    depth = max(1, min(3, gap // 3))
    below_upper = _ground(prepared.rgb, x1, x2, upper_image.y2 + 1, upper_image.y2 + 1 + depth)
    above_lower = _ground(prepared.rgb, x1, x2, lower_image.y1 - 1 - depth, lower_image.y1 - 1)
    if below_upper is None or above_lower is None:
        return True
    return float(np.abs(below_upper - above_lower).max()) <= GROUND_STEP


def on_table_ground(header: list[TextLine], prepared: Prepared | None) -> list[TextLine]:
    """``header`` (top to bottom) less the lines above the first change of ground, read
    upwards from the line nearest the body."""
    if prepared is None or len(header) < 2:
        return header
    kept = [header[-1]]
    for line in reversed(header[:-1]):
        if not same_ground(line.box, kept[0].box, prepared):
            break
        kept.insert(0, line)
    return kept
