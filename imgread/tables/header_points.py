"""A point that ends a column's name, dropped by OCR ("Avg." read "Avg").

Tesseract drops a lone full stop after a word it knows: the point is a speck beside a whole
word, and the dictionary reading wins without it. The name then is not the name printed
("Avg." names its column as printed, "Avg" is another spelling). The point is put back
where the pixels show it: one small round mark, on the name's baseline, just after its last
letter, and no other ink before the next name.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from ..record import Table

if TYPE_CHECKING:
    from ..preprocess import Prepared


def _line_height(table: Table) -> float:
    """One line of the table's text, tall: the median body cell's box."""
    heights = [cell.box.height for row in table.body for cell in row if cell.box is not None]
    return float(median(heights)) if heights else 0.0


def point_after(grey: np.ndarray, scale: float, x2: int, y2: int, height: float) -> bool:
    """A lone full stop right after a word whose box ends at (``x2``, ``y2``) and is
    ``height`` tall (upright pixels): the marks within one glyph's width after it are one
    small, squarish blob whose foot is in the lower part of the line."""
    top, bottom = int((y2 - height) * scale), int(y2 * scale) + 1
    left, right = int(x2 * scale) + 1, int((x2 + 0.9 * height) * scale)
    window = grey[max(0, top) : bottom, max(0, left) : max(0, right)]
    if window.shape[0] < 4 or window.shape[1] < 3:
        return False
    ink = (window < 128).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    blobs = [tuple(int(v) for v in stats[i]) for i in range(1, count) if stats[i][4] >= 2]
    if len(blobs) != 1:
        return False
    x, y, w, h, _area = blobs[0]
    glyph = height * scale
    small = 0.06 * glyph <= min(w, h) and max(w, h) <= 0.3 * glyph and 0.5 <= w / h <= 2.0
    return small and y + h >= 0.6 * window.shape[0] and x <= 0.5 * glyph


def restore_header_points(table: Table, prepared: Prepared | None) -> None:
    """Column names that end in a letter and are followed by a point in the pixels get it
    back (in ``columns`` too)."""
    if prepared is None or not table.header_rows:
        return
    height = _line_height(table)
    if height <= 0:
        return
    for c, cell in enumerate(table.header_rows[0]):
        text = cell.text.rstrip()
        if cell.box is None or not text[-1:].isalpha() or cell.readings.get("point"):
            continue
        if point_after(prepared.grey, prepared.scale, cell.box.x2, cell.box.y2, height):
            cell.readings["point"] = "a full stop after the name in the pixels"
            cell.text = text + "."
            if c < len(table.columns) and table.columns[c].rstrip() == text:
                table.columns[c] = cell.text
