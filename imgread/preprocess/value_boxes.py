"""Values in coloured boxes: a monitoring dashboard's table colours each value by a
threshold (green, amber, red), filling the whole cell or a rounded box set inside it, the
number in black or white on it.

In grey such a box is a mid tone on a dark panel: the inverter turns part of it, the
binarised page keeps its edges as strokes beside the digits ("42.0" read "142.0") and
loses white digits on amber. Each box is found by its colour and shape, never by its text,
and painted as its text on white: each pixel's distance from the box's own colour, so the
number is dark on white whatever its colours were, and the box's edge and the ground
around it are gone.

A value box is a connected blob of one saturated colour, wider than tall, filled (only
other marks inside it, its text), holding text; three or more of them, two at least on
one row, on three rows or more (a table's scores: a coloured header band's cells, or a
highlighted row's, are names and stand on a row or two). A name's badge is about square
and holds no number's width; a bar chart's bars stand on one baseline, not side by side in
rows of a table.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# Saturation and value (OpenCV's 0-255 HSV) of a box's fill: any saturated colour that is
# not near black; greys, black and white are text and page.
SATURATED = 90
LEAST_VALUE = 60
# The fill's outline covers this share of its bounding box (rounded corners lose little).
SOLID = 0.85
# Wider than tall by this much at least: a number's box, not a square badge.
LEAST_ASPECT = 1.4
LEAST_HEIGHT = 8  # pixels
# Largest channel difference from the box's colour for a pixel to be its ground (JPEG
# noise and a gradient's slight change stay under it), and over which a pixel is ink.
GROUND_SPREAD = 24
INK_DISTANCE = 110
# The text inside covers this share of the outline, its lines this share of its height.
TEXT_SHARE = (0.02, 0.6)
TEXT_HEIGHT = 0.25
LEAST_BOXES = 3
LEAST_ROWS = 3  # rows of a table's values the boxes stand on
# Largest channel change across 3 pixels inside one fill: a fill's edge changes more.
COLOUR_CHANGE = 30
ROW_SLACK = 0.5  # of a box's height: two boxes' middles this close share a row
EDGE = 2  # pixels of the outline's anti-aliased edge, either side, painted white


@dataclass
class ValueBox:
    x: int
    y: int
    width: int
    height: int
    outline: np.ndarray  # filled outline, the box's bounding rectangle's size
    colour: np.ndarray  # RGB

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def _box(rgb: np.ndarray, contour: np.ndarray) -> ValueBox | None:
    x, y, width, height = cv2.boundingRect(contour)
    if height < LEAST_HEIGHT or width < LEAST_ASPECT * height:
        return None
    if cv2.contourArea(contour) < SOLID * width * height:
        return None
    outline = np.zeros((height, width), np.uint8)
    cv2.drawContours(outline, [contour - [x, y]], -1, 1, thickness=cv2.FILLED)
    inside = outline.astype(bool)
    pixels = rgb[y : y + height, x : x + width].astype(np.int16)
    colour = np.median(pixels[inside], axis=0)
    distance = np.abs(pixels - colour).max(axis=2)
    ink = inside & (distance > GROUND_SPREAD * 2)
    share = ink.sum() / max(inside.sum(), 1)
    if not TEXT_SHARE[0] <= share <= TEXT_SHARE[1]:
        return None
    ink_rows = np.flatnonzero(ink.any(axis=1))
    if ink_rows.size == 0 or ink_rows[-1] - ink_rows[0] + 1 < TEXT_HEIGHT * height:
        return None
    return ValueBox(x, y, width, height, outline, colour)


def value_boxes(rgb: np.ndarray) -> list[ValueBox]:
    """The page's value boxes: none unless there are a table's worth of them."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    # two fills side by side (a green cell beside a red one) are two boxes: cut where the
    # colour changes sharply
    square = np.ones((3, 3), np.uint8)
    change = (cv2.dilate(rgb, square).astype(np.int16) - cv2.erode(rgb, square)).max(axis=2)
    fill = (
        (hsv[..., 1] >= SATURATED) & (hsv[..., 2] >= LEAST_VALUE) & (change <= COLOUR_CHANGE)
    ).astype(np.uint8)
    if fill.sum() < LEAST_BOXES * LEAST_HEIGHT * LEAST_HEIGHT * LEAST_ASPECT:
        return []
    contours, _ = cv2.findContours(fill, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    found = [box for contour in contours if (box := _box(rgb, contour)) is not None]
    if len(found) < LEAST_BOXES:
        return []
    shared_row = any(
        a is not b
        and abs(a.middle - b.middle) <= ROW_SLACK * min(a.height, b.height)
        and (a.x + a.width <= b.x or b.x + b.width <= a.x)
        for a in found
        for b in found
    )
    # a coloured header band's cells, or a highlighted row's, stand on a row or two
    rows, last = 0, -np.inf
    for box in sorted(found, key=lambda box: box.middle):
        if box.middle - last > ROW_SLACK * box.height:
            rows += 1
        last = box.middle
    return found if shared_row and rows >= LEAST_ROWS else []


def flatten_value_boxes(rgb: np.ndarray, grey: np.ndarray) -> np.ndarray:
    """``grey`` (the loaded image's size, dark text on light) with each value box painted
    as its text on white; ``grey`` itself where there are none."""
    boxes = value_boxes(rgb)
    if not boxes:
        return grey
    out = grey.copy()
    kernel = np.ones((2 * EDGE + 1, 2 * EDGE + 1), np.uint8)
    height, width = grey.shape[:2]
    for box in boxes:
        top, left = max(0, box.y - EDGE), max(0, box.x - EDGE)
        bottom = min(height, box.y + box.height + EDGE)
        right = min(width, box.x + box.width + EDGE)
        outline = np.zeros((bottom - top, right - left), np.uint8)
        oy, ox = box.y - top, box.x - left
        outline[oy : oy + box.height, ox : ox + box.width] = box.outline
        within = cv2.erode(outline, kernel).astype(bool)
        edge = cv2.dilate(outline, kernel).astype(bool) & ~within
        crop = rgb[top:bottom, left:right].copy()
        crop[~within] = box.colour.astype(np.uint8)
        # the box's ground where each pixel is (a gradient fill changes along the box): a
        # median wider than the text's strokes
        ground = cv2.medianBlur(crop, min(255, box.height | 1)).astype(np.int16)
        distance = np.abs(crop.astype(np.int16) - ground).max(axis=2).astype(np.float32)
        ink = np.clip(255.0 - (distance - GROUND_SPREAD) * (255.0 / INK_DISTANCE), 0, 255)
        region = out[top:bottom, left:right]
        region[within] = ink[within].astype(np.uint8)
        region[edge] = 255
    return out
