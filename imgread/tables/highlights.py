"""Numbers on a highlight: a slide or a leaderboard marks the best score of a column with a
small filled shape behind it (a dark pill, white digits on it). Inverting the page keeps
the digits but leaves the shape's rounded ends as dark arcs beside them, read as brackets
or letters ("(75.5)", "G48)", "5)" for 69.5), each of which still parses as a number. A
number cell whose reading carries such glyphs and whose text stands on a ground unlike
the page is read again from its colours, by distance from the shape's own colour: the
digits are the ink, the shape the ground, whatever the two colours are."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import cv2
import numpy as np

from ..config import OcrSettings
from ..record import Box, Table
from ..units import parse_number
from .cells import REREAD_GLYPH_HEIGHT, read_crops
from .columns import numeric_columns
from .tinted import INK_DISTANCE, _crop, tinted

if TYPE_CHECKING:
    from ..preprocess import Prepared

# A number as tables print it: nothing else in the cell.
CLEAN_NUMBER_RE = re.compile(r"^[-+]?\d+(?:[.,]\d+)*%?$")


def _without_edge_ink(ink: np.ndarray) -> np.ndarray:
    """``ink`` (dark on white) without the marks that touch its edge: the page round the
    highlight, as far from the highlight's colour as the digits are."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats((ink < 160).astype(np.uint8))
    height, width = ink.shape
    x, y, w, h = (stats[:, i] for i in range(4))
    edge = (x == 0) | (y == 0) | (x + w >= width) | (y + h >= height)
    edge[0] = False
    out = ink.copy()
    out[edge[labels]] = 255
    return out


def reread_highlighted_numbers(table: Table, prepared: Prepared, settings: OcrSettings) -> None:
    """Number cells read with stray glyphs about them, set on a highlight, read again from
    their colours; the reading is the cell's ``numeric``, as ``tinted``'s is."""
    if prepared.rgb is None or prepared.rgb.ndim != 3:
        return
    targets, crops = [], []
    for c in numeric_columns(table):
        for row in table.body:
            cell = row[c]
            text = cell.readings.get("page", cell.text).strip()
            if cell.box is None or not text or CLEAN_NUMBER_RE.match(text):
                continue
            if parse_number(text) is None:
                continue  # no number at all: the other re-reads' work
            box = cell.box
            inner = _crop(prepared, box)
            if inner.shape[0] < 4 or inner.shape[1] < 4 or not tinted(inner):
                continue  # the text stands on the page: its glyphs are its own
            pad = max(2, box.height // 3)
            crop = _crop(
                prepared,
                Box(x1=box.x1 - pad, y1=box.y1 - pad // 2, x2=box.x2 + pad, y2=box.y2 + pad // 2),
            )
            if crop.shape[0] < 4 or crop.shape[1] < 4:
                continue
            ground = np.median(inner.reshape(-1, 3), axis=0)  # the highlight's colour
            distance = np.abs(crop.astype(np.float32) - ground).max(axis=2)
            ink = _without_edge_ink(
                np.clip(255.0 - distance * (255.0 / INK_DISTANCE), 0, 255).astype(np.uint8)
            )
            factor = REREAD_GLYPH_HEIGHT / max(box.height, 1)
            ink = cv2.resize(ink, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
            targets.append(cell)
            crops.append(ink)
    if not crops:
        return
    for cell, words in zip(targets, read_crops(crops, settings, numeric=True), strict=True):
        text = "".join(word.text for word in words)
        if not CLEAN_NUMBER_RE.match(text):
            continue
        cell.readings["numeric"] = text
        cell.readings["numeric_confidence"] = f"{min(w.confidence for w in words):.1f}"
        cell.readings["highlight"] = "read by its distance from the highlight's colour"
