"""Solid underlines under links (a wiki's model names, a README's links): a stroke one or two
pixels thick right under a word's baseline, as long as the word. At small sizes and in JPEGs
Tesseract reads the word and its line as one shape and loses the word ("Llama 2 70B" read as
nothing, "MPT-30B" as "MPT-308"). Such strokes are painted over before OCR, as table rules
are: the letters' strokes that cross them (descenders) stay."""

from __future__ import annotations

import cv2
import numpy as np

from .steps import binarise, paint_over

# A link's underline is at least this many x-heights long (a short word: "Phi-2").
LEAST_LENGTH = 2.0
# How far under the letters' feet it may lie, in x-heights (the underline offset plus
# blur), and how thick it may be.
MOST_GAP = 0.45
MOST_THICKNESS = 0.3


def _text_above(ink: np.ndarray, y: int, x1: int, x2: int, x_height: float) -> bool:
    """Text stands on the stroke: letters' feet just above it, and letters above those,
    spanning the stroke from end to end (a rule under a cell's text runs past the text)."""
    gap = max(2, round(MOST_GAP * x_height))
    feet = ink[max(0, y - gap) : y, x1:x2].any(axis=0)
    body = ink[max(0, y - round(1.2 * x_height)) : max(0, y - gap // 2), x1:x2].any(axis=0)
    if feet.mean() < 0.2 or body.mean() < 0.3:
        return False
    columns = np.flatnonzero(body)
    slack = max(2.0, 0.8 * x_height)
    return columns[0] <= slack and (x2 - x1) - 1 - columns[-1] <= slack


def erase_solid_underlines(grey: np.ndarray, x_height: float) -> tuple[np.ndarray, bool]:
    """The grey image with solid underlines under words painted in the ground's colour."""
    if x_height <= 0:
        return grey, False
    ink = binarise(grey) > 0
    length = max(8, round(LEAST_LENGTH * x_height))
    strokes = cv2.morphologyEx(
        ink.astype(np.uint8), cv2.MORPH_OPEN, np.ones((1, length), np.uint8)
    )
    count, _, stats, _ = cv2.connectedComponentsWithStats(strokes, connectivity=8)
    thickest = max(2, round(MOST_THICKNESS * x_height))
    erase = np.zeros(ink.shape, dtype=bool)
    for x, y, w, h, _ in stats[1:count].tolist():
        if h > thickest or not _text_above(ink, y, x, x + w, x_height):
            continue
        below = ink[y + h : y + h + 2, x : x + w]
        if below.size and below.any(axis=0).mean() > 0.3:
            continue  # the top of a bar or a filled shape, not a stroke under text
        # A descender crossing the line keeps its pixels: ink right above and right below.
        crossing = ink[max(0, y - 1), x : x + w] & (
            below.any(axis=0) if below.size else np.zeros(w, dtype=bool)
        )
        band = ink[y : y + h, x : x + w] & ~crossing[None, :]
        erase[y : y + h, x : x + w] |= band
    return paint_over(grey, ink, erase, across_only=True)
