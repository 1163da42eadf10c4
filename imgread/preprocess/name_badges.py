"""Badges before the names: a web leaderboard draws a small rounded square or disc of a
saturated colour before each model's name, holding white initials ("M1", "K7") or nothing
(an avatar, a logo's colour). In grey such a badge is as dark as text: OCR read it into
the name ("(2)-vexa-2-14b", "Y4 Yi-34B") or as a column of its own, which split the
header's "NAME" in two.

A badge is found by its colour and shape, never by its text, and painted in the ground's
colour before OCR: a connected blob of saturated colour, about square, filled (only
lighter marks inside it), at least as tall as the letters of the dark, unsaturated text
that starts just after it on its line, and one of three or more such blobs whose left
edges stand in one column. A heat map's coloured cells stand beside other fills, not
alone before text; a blue link's letters are strokes, not filled squares.
"""

from __future__ import annotations

import cv2
import numpy as np

# Saturation and value (OpenCV's 0-255 HSV) of a badge's fill: any saturated colour that
# is not near black; greys, black and white are text and page.
SATURATED = 90
LEAST_VALUE = 60
# A badge is about square: width over height within these.
SQUARE = (0.75, 1.35)
# The fill covers this share of its box with its marks inside counted as fill (a disc
# pi/4, a rounded square nearly all), and this share without them (its initials are
# thin strokes).
FILLED_OUTLINE = 0.72
FILLED_INK = 0.45
# Its side in pixels: a badge shrunk to text size or a large avatar.
SIDE = (8, 64)
# The name's letters start within this many badge heights after it.
NAME_GAP = 1.2
# Three badges or more in one column (their left edges within this share of a height).
LEAST_COLUMN = 3
COLUMN_SLACK = 0.3


def _filled_share(blob: np.ndarray) -> float:
    """The share of the blob's box its outer outline encloses."""
    contours, _ = cv2.findContours(blob.astype(np.uint8), cv2.RETR_EXTERNAL,
                                   cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros(blob.shape, np.uint8)
    cv2.drawContours(filled, contours, -1, 1, thickness=-1)
    return float(filled.mean())


def _text_after(grey: np.ndarray, saturated: np.ndarray, box: tuple[int, int, int, int],
                ground: float) -> bool:
    """Whether dark, unsaturated ink (a name's letters) starts on the badge's line within
    ``NAME_GAP`` of its height after it."""
    x, y, w, h = box
    right = min(grey.shape[1], x + w + round((NAME_GAP + 1.5) * h))
    strip = grey[y : y + h, x + w : right].astype(int)
    if saturated[y : y + h, x + w : right].mean() > 0.2:
        return False  # another fill beside it (a heat map's next cell): no name on the ground
    ink = (np.abs(strip - ground) > 60) & ~saturated[y : y + h, x + w : right]
    columns = np.flatnonzero(ink.any(axis=0))
    return columns.size >= 2 and columns[0] <= NAME_GAP * h


def find_name_badges(rgb: np.ndarray, grey: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The boxes (x, y, width, height) of badges before names, in loaded-image pixels."""
    if rgb.ndim != 3:
        return []
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    saturated = (hsv[:, :, 1] >= SATURATED) & (hsv[:, :, 2] >= LEAST_VALUE)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        saturated.astype(np.uint8), connectivity=8
    )
    candidates = []
    for label in range(1, count):
        x, y, w, h, area = stats[label].tolist()
        if not (SIDE[0] <= h <= SIDE[1] and SQUARE[0] <= w / h <= SQUARE[1]):
            continue
        if area < FILLED_INK * w * h or x == 0 or y == 0:
            continue
        blob = labels[y : y + h, x : x + w] == label
        if _filled_share(blob) < FILLED_OUTLINE:
            continue
        fill = float(np.median(grey[y : y + h, x : x + w][blob]))
        marks = grey[y : y + h, x : x + w][~blob]
        inner = marks[(marks < fill - 30)] if marks.size else marks
        if inner.size > 0.05 * w * h:
            continue  # dark marks inside: a cell's number on a fill, not initials
        ring = np.concatenate([grey[y - 1, x : x + w], grey[min(y + h, grey.shape[0] - 1),
                               x : x + w]])
        if saturated[y : y + h, max(0, x - h) : x].mean() > 0.2:
            continue  # a fill just before it: a row of fills (a heat map), not a badge
        if _text_after(grey, saturated, (x, y, w, h), float(np.median(ring))):
            candidates.append((x, y, w, h))
    badges = []
    for box in candidates:
        x, _, _, h = box
        column = [c for c in candidates
                  if abs(c[0] - x) <= COLUMN_SLACK * h and 0.75 <= c[3] / h <= 1.33]
        if len(column) >= LEAST_COLUMN:
            badges.append(box)
    return badges


def erase_name_badges(rgb: np.ndarray, grey: np.ndarray) -> tuple[np.ndarray, bool]:
    """``grey`` with each badge before a name (and its anti-aliased rim) painted in the
    colour of the ground round it; whether any was."""
    badges = find_name_badges(rgb, grey)
    if not badges:
        return grey, False
    out = grey.copy()
    for x, y, w, h in badges:
        rim = max(1, round(0.1 * h))
        x1, y1 = max(0, x - rim), max(0, y - rim)
        x2, y2 = min(grey.shape[1], x + w + rim), min(grey.shape[0], y + h + rim)
        around = np.concatenate([
            grey[max(0, y1 - 1), x1:x2], grey[min(grey.shape[0] - 1, y2), x1:x2],
            grey[y1:y2, max(0, x1 - 1)],
        ])
        out[y1:y2, x1:x2] = int(np.median(around))
    return out, True
