"""Numbers on tinted cells: a heat map (pandas ``background_gradient``, a spreadsheet's
colour scale) sets each number on its own colour, and in light type where the colour is
dark. The page's grey image keeps such a number only where its ground happened to be light:
on a mid-tone ground the binarised page loses white digits, and the grey re-read sees them
at a contrast too low to read. Read from the original pixels by their distance from the
cell's own ground colour, each such number is dark on white whatever its colours were."""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from ..config import OcrSettings
from ..record import Box, Table
from ..units import parse_number
from .cell_boxes import box_inside
from .cells import REREAD_GLYPH_HEIGHT, cell_region, read_crops
from .columns import numeric_columns

if TYPE_CHECKING:
    from ..preprocess import Prepared

# How far (largest channel difference) a pixel is from its cell's ground to count as ink at
# full strength: anti-aliased digit edges lie between.
INK_DISTANCE = 110.0
# A ground this far from white in any channel, or this dark, is a tint, not the page.
TINT = 24


def ink_by_distance(rgb: np.ndarray) -> np.ndarray:
    """The crop as dark ink on white: each pixel's distance from the crop's ground colour
    (its median: a cell is mostly ground), whichever of the two is lighter."""
    ground = np.median(rgb.reshape(-1, 3), axis=0)
    distance = np.abs(rgb.astype(np.float32) - ground).max(axis=2)
    return np.clip(255.0 - distance * (255.0 / INK_DISTANCE), 0, 255).astype(np.uint8)


def tinted(rgb: np.ndarray) -> bool:
    """Whether a crop's ground is a colour or grey other than the white of a page."""
    ground = np.median(rgb.reshape(-1, 3), axis=0)
    return bool(ground.max() - ground.min() >= TINT or ground.min() <= 255 - 2 * TINT)


def _crop(prepared: Prepared, region: Box) -> np.ndarray:
    box = prepared.from_upright(region)
    assert prepared.rgb is not None
    height, width = prepared.rgb.shape[:2]
    return prepared.rgb[max(0, box.y1) : min(height, box.y2), max(0, box.x1) : min(width, box.x2)]


def reread_tinted_numbers(
    table: Table, spans: list[tuple[int, int]], prepared: Prepared, settings: OcrSettings
) -> None:
    """Numeric cells that neither the page nor the grey re-read read as a number, set on a
    tinted ground, read again from their colours; the reading is the cell's ``numeric``."""
    if prepared.rgb is None:
        return
    targets: list[tuple[int, int]] = []
    crops: list[np.ndarray] = []
    heights = [
        cell.box.height for row in table.body for cell in row if cell.box is not None
    ]
    glyph = float(median(heights)) if heights else prepared.x_height * 1.4
    for c in numeric_columns(table):
        for r in range(table.n_rows):
            cell = table.body[r][c]
            read = (cell.readings.get("page", cell.text), cell.readings.get("numeric", ""))
            if any(parse_number(text) is not None for text in read):
                continue
            region = cell_region(table, spans, r, c)
            crop = _crop(prepared, region)
            boxed = box_inside(crop, glyph)
            crop = crop if boxed is None else boxed
            if crop.shape[0] < 4 or crop.shape[1] < 4 or not tinted(crop):
                continue
            ink = ink_by_distance(crop)
            factor = REREAD_GLYPH_HEIGHT / max(glyph, 1.0)
            if not 0.8 < factor < 1.25:
                ink = cv2.resize(ink, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
            targets.append((r, c))
            crops.append(ink)
    if not crops:
        return
    for (r, c), words in zip(targets, read_crops(crops, settings, numeric=True), strict=True):
        text = "".join(word.text for word in words)
        if parse_number(text) is None:
            continue
        cell = table.body[r][c]
        cell.readings["numeric"] = text
        cell.readings["numeric_confidence"] = f"{min(w.confidence for w in words):.1f}"
        cell.readings["tinted"] = "read by its distance from the cell's ground colour"
