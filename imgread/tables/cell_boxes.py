"""Numbers printed in a coloured box set inside their cell: a dashboard's threshold colours
(green, amber, red) drawn as a rounded box around each value, on the panel's own ground.

Read over the whole cell, the box's edge beside the number is one more upright stroke: both
engines read it as a "1" or "|" ("42.0" read "142.0"), and a crop's median ground is the
panel's, not the box's, so the box's inside is "ink". Cut to the box and painted in its own
colour outside its outline, the crop holds the number alone on one ground, as a cell filled
with colour does.
"""

from __future__ import annotations

import cv2
import numpy as np

# Largest channel difference from the cell's ground (its outer ring) for a pixel to be
# another colour: JPEG noise and anti-aliasing stay well under it.
GROUND_STEP = 40
# Largest channel difference from the box's colour for a pixel to be the box.
FILL_STEP = 30
# Share of the box's outline (holes filled) its colour covers: the box's ground around its
# digits. A number's own strokes, taken for a "box", cover far less of their outline.
SOLID_SHARE = 0.6
# A box's colour is this far from grey at least (largest less smallest channel): threshold
# colours are saturated, text is black, white or grey.
LEAST_CHROMA = 40
# A box is at least this many glyph heights tall: it holds a line of text with room.
LEAST_HEIGHT = 1.1


def box_inside(crop: np.ndarray, glyph: float) -> np.ndarray | None:
    """The crop (RGB) cut to the coloured box its text stands in, where the box is set
    inside the crop on another ground; the ground outside the box's outline (its rounded
    corners) painted in the box's colour. None where there is no such box."""
    height, width = crop.shape[:2]
    if height < 6 or width < 6 or crop.ndim != 3:
        return None
    pixels = crop.astype(np.int16)
    ring = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    ground = np.median(ring, axis=0)
    other = np.abs(pixels - ground).max(axis=2) > GROUND_STEP
    if other.sum() < 0.1 * height * width:
        return None
    fill = np.median(pixels[other], axis=0)
    if fill.max() - fill.min() < LEAST_CHROMA:
        return None  # grey: the text's own ink (a blurred number is a blob of it), no box
    boxed = (np.abs(pixels - fill).max(axis=2) <= FILL_STEP).astype(np.uint8)
    contours, _ = cv2.findContours(boxed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = max(contours, key=cv2.contourArea)
    x, y, w, h = cv2.boundingRect(outline)
    inset = x > 0 or y > 0 or x + w < width or y + h < height
    if not inset or h < LEAST_HEIGHT * glyph or w < h:
        return None
    mask = np.zeros((height, width), np.uint8)
    cv2.drawContours(mask, [outline], -1, 1, thickness=cv2.FILLED)
    inside = mask.astype(bool)
    if boxed[inside].mean() < SOLID_SHARE or boxed[inside].mean() > 0.99:
        return None  # a number's own strokes, or a box with nothing in it
    out = crop.copy()
    out[~inside] = fill.astype(crop.dtype)
    # the outline's own anti-aliased edge is no part of the box's inside
    edge = 1 if min(w, h) > 8 else 0
    return out[y + edge : y + h - edge, x + edge : x + w - edge]
