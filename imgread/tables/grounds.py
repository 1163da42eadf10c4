"""Header lines on the table's own ground.

A top header line that stands on another ground (the page colour around its text) than the
line under it, and holds only a label or two, is no part of the table: a code block's
title bar ("plaintext ... Copy code") or a chat app's message header, whose words, however
well they line up with the first and last columns, name none of them. The lines of a
coloured header band share its ground, so the band stays whole over a white settings row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..record import Box
from .lines import Layout, TextLine, solid

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


def _names_few_columns(line: TextLine, ranges: list[tuple[int, int]]) -> bool:
    """A line with pieces for at most half the columns: a bar's label or two, not a row of
    column names."""
    return len(solid(line)) <= 0.5 * len(ranges)


def on_table_ground(layout: Layout, prepared: Prepared | None) -> list[TextLine]:
    """The layout's header lines (top to bottom) less, from the top, each line that names
    few columns and stands on another ground than the line under it. A header band's
    lines share their ground, so its names over a white settings row all stay."""
    header = layout.header
    if prepared is None:
        return header
    header = within_column_rules(header, prepared)
    while (
        len(header) >= 2
        and _names_few_columns(header[0], layout.ranges)
        and not same_ground(header[0].box, header[1].box, prepared)
    ):
        header = header[1:]
    return header


# Column rules that frame a table's header: at least this many (a typed table's pipes, a
# grid's rules), so two stray strokes frame nothing.
FRAMING_RULES = 3


def within_column_rules(header: list[TextLine], prepared: Prepared) -> list[TextLine]:
    """The header lines less, from the top, those wholly above the column rules that run
    down beside the lowest header line: the rules frame the table, and a line over their
    tops (a chat message's prose over a typed table on a ground too like the page's, a
    grid's title) is outside it. Rules that run down the body only frame no header."""
    if len(header) < 2:
        return header
    lowest = header[-1].box
    framing = [
        rule
        for rule in prepared.vertical
        if rule.start <= lowest.y1 + 0.5 * lowest.height and rule.end >= lowest.y2
        and lowest.x1 - lowest.height <= rule.position <= lowest.x2 + lowest.height
    ]
    if len(framing) < FRAMING_RULES:
        return header
    top = min(rule.start for rule in framing)
    while len(header) >= 2 and header[0].box.y2 <= top:
        header = header[1:]
    return header
