"""Rank badges before the model names: a leaderboard draws each row's place as a circled
number (①, a ring round a digit) or a filled disc with a white digit, a gap before the
name. OCR reads the badge as a digit or mark glued to the name ("2Qwen2-72B", "(3) Yi-34B",
"@)Falcon-40B"), and the row is keyed by a name no other reading shares.

The badge is told by its shape, never by the text (names start with digits too: "01-ai",
"3B-Chat"): the leftmost blob of ink in the name's cell is round (as wide as tall), at least
as tall as the name's letters, either a disc (solid but for its digit) or a closed ring with
ink inside it (a letter "O" is empty), and a gap stands between it and the name. The name
is then read again from its pixels with the badge painted out.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from ..config import OcrSettings
from ..record import Table
from .cells import read_crops, reread_frame
from .lines import tidy_label

if TYPE_CHECKING:
    from ..preprocess import Prepared

# As wide as tall, within this ratio either way (a letter "0" or "O" is narrower).
ROUND = 1.25
# A circle's outline fills pi/4 of its box; a square or a bar fills it all, a slanted
# stroke half of it.
FILLED_BOX = (0.6, 0.92)
# The middle of a badge holds ink (its digit, or the disc itself) over this share at least;
# a letter "O" or "C" is empty there.
MIDDLE_INK = 0.15
# A badge's outline is a closed curve: its box's inscribed ellipse meets ink at this share
# of the angles round it at least (an "M", a "G" or a "C" leaves gaps in it).
CLOSED = 0.9
# A circle leaves its box's corners bare (squares of this share of its side); a "B" or a
# "D" fills two of them with its stem.
CORNER = 0.15
# A disc holds its digit in white: its middle is never all ink.
SOLID_MIDDLE = 0.9
# The gap after the badge, in its heights: more than a letter's side bearing.
GAP = 0.12


def _components(ink: np.ndarray) -> tuple[np.ndarray, list[tuple[int, ...]]]:
    """The blobs' labels, and each blob as (label, x, y, width, height), left to right."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        ink.astype(np.uint8), connectivity=8
    )
    blobs = [(i, *(int(v) for v in stats[i][:4])) for i in range(1, count) if stats[i][4] >= 3]
    return labels, sorted(blobs, key=lambda b: b[1])


def _outline_share(blob: np.ndarray) -> float:
    """What share of its box the blob's convex outline covers (a ring broken by the
    scaling, or a digit joined to it, has the outline of a whole one)."""
    points = cv2.findNonZero(blob.astype(np.uint8))
    if points is None:
        return 0.0
    return float(cv2.contourArea(cv2.convexHull(points))) / max(blob.size, 1)


def _closed_share(ink: np.ndarray, x: int, y: int, w: int, h: int) -> float:
    """The share of angles round the box's inscribed ellipse at which ink lies on its rim
    (anywhere from 0.7 to 1.0 of the way out from the middle)."""
    angles = np.linspace(0.0, 2 * np.pi, 48, endpoint=False)
    reach = np.linspace(0.7, 1.0, 7)[:, None]
    xs = np.clip(np.round(x + w / 2 + reach * (w / 2 - 0.5) * np.cos(angles)), 0, ink.shape[1] - 1)
    ys = np.clip(np.round(y + h / 2 + reach * (h / 2 - 0.5) * np.sin(angles)), 0, ink.shape[0] - 1)
    return float(ink[ys.astype(int), xs.astype(int)].any(axis=0).mean())


def _corner_ink(ink: np.ndarray, x: int, y: int, w: int, h: int) -> float:
    """The most ink in any of the four corners of the blob's box."""
    cw, ch = max(1, round(CORNER * w)), max(1, round(CORNER * h))
    box = ink[y : y + h, x : x + w]
    corners = [box[:ch, :cw], box[:ch, -cw:], box[-ch:, :cw], box[-ch:, -cw:]]
    return max(float(corner.mean()) for corner in corners)


def badge_end(crop: np.ndarray) -> int | None:
    """Where, in ``crop`` (dark text on light), the ink of a rank badge that opens it ends:
    None where the first blob is no badge."""
    if crop.size == 0 or crop.min() == crop.max():
        return None
    threshold, _ = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = crop < threshold
    labels, blobs = _components(ink)
    tall = max((b[4] for b in blobs), default=0)
    blobs = [b for b in blobs if b[4] >= 0.3 * tall]  # specks and a JPEG's ringing
    if len(blobs) < 3:
        return None
    label, x, y, w, h = blobs[0]
    if x == 0 or y == 0 or y + h >= crop.shape[0]:
        return None  # cut by the crop's edge: its shape is not known
    inside = [b for b in blobs[1:] if b[1] >= x and b[1] + b[3] <= x + w and b[2] >= y
              and b[2] + b[4] <= y + h]
    after = [b for b in blobs[1:] if b[1] >= x + w]
    if not after or len(inside) + len(after) < len(blobs) - 1:
        return None  # something overlaps it without lying inside it: joined letters
    letters = float(median(b[4] for b in after))
    if not (1 / ROUND <= w / h <= ROUND) or h < 0.9 * letters:
        return None
    if not FILLED_BOX[0] <= _outline_share(labels[y : y + h, x : x + w] == label) <= FILLED_BOX[1]:
        return None
    if _closed_share(ink, x, y, w, h) < CLOSED or _corner_ink(ink, x, y, w, h) > 0.1:
        return None
    middle = ink[y + round(0.3 * h) : y + round(0.7 * h), x + round(0.3 * w) : x + round(0.7 * w)]
    if middle.size == 0 or middle.mean() < MIDDLE_INK:
        return None  # an empty ring: a letter O, not a number in a circle
    if middle.mean() > SOLID_MIDDLE:
        return None  # a bare dot (a tracker's run colour): no digit in it, no rank
    if min(b[1] for b in after) - (x + w) < max(2.0, GAP * h):
        return None
    return x + w


def strip_rank_badges(
    table: Table, model_col: int | None, prepared: Prepared | None, settings: OcrSettings
) -> None:
    """Each model name that opens with a rank badge is read again without it (the page's
    reading is kept as the cell's ``badge`` reading)."""
    if model_col is None or prepared is None:
        return
    cells, crops = [], []
    for row in table.body:
        cell = row[model_col]
        if cell.box is None or not cell.text.strip():
            continue
        glyph = float(cell.box.height)
        # A badge may stand taller than the name's letters. It is looked for only where
        # the page read something of it: a badge it left out is no part of the name.
        grown = cell.box.model_copy(
            update={
                "y1": max(0, round(cell.box.y1 - 0.3 * glyph)),
                "y2": round(cell.box.y2 + 0.3 * glyph),
            }
        )
        crop, _, _, _ = reread_frame(prepared.grey, grown, prepared.scale, glyph)
        end = badge_end(crop)
        if end is None:
            continue
        crop = crop.copy()
        crop[:, : end + 1] = 255
        cells.append(cell)
        crops.append(crop)
    if not crops:
        return
    for cell, words in zip(cells, read_crops(crops, settings, False), strict=True):
        text = tidy_label(" ".join(word.text for word in words))
        if sum(ch.isalnum() for ch in text) >= 2:
            cell.readings["badge"] = cell.text
            cell.text = text
