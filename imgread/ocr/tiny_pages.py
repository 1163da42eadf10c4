"""Pages whose text is too small and blurred for Tesseract: a screenshot shrunk to a few
hundred pixels and saved as a rough JPEG (a table forwarded through a chat app), its
letters 4-5 px tall and smeared by the JPEG's blocks. Upscaled, Tesseract reads them as
noise ("ieee", "ftumaulivel") and reads it unsurely; the second engine's detector and
recogniser, trained on such text, read the loaded pixels nearly whole. There, and only
where Tesseract was unsure of the page, the second engine reads the whole page and its
words stand in for Tesseract's when it is the surer reader.

A page photographed off a screen (flattened by ``preprocess/rectify.py``) is the same case
at any size: moire, blur and the JPEG's blocks smear its letters, bold and closed up, and
Tesseract reads a chart's rotated names under its columns as noise ("Wexio", "LUmicy"),
unsurely; the second engine reads them whole."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..config import OcrSettings
from ..record import Box, Word
from . import rapid

if TYPE_CHECKING:
    from ..preprocess import Prepared

# x-height in loaded pixels at or under which Tesseract is doubted (digits about 7 px tall)
TINY_X_HEIGHT = 5.0
# Tesseract's mean word confidence under which its page reading is doubted
UNSURE = 60.0


def mean_confidence(words: list[Word]) -> float:
    return sum(word.confidence for word in words) / len(words) if words else 0.0


def _tight(rgb: np.ndarray, box: Box) -> Box:
    """A detected line's box cut to its ink: the detector widens each box by about half
    the text's height all round, which in a tight table runs into the next cell."""
    x1, y1, x2, y2 = rapid.ink_span(rgb[box.y1 : box.y2, box.x1 : box.x2])
    return Box(x1=box.x1 + x1, y1=box.y1 + y1, x2=box.x1 + x2, y2=box.y1 + y2)


def second_page_reading(prepared: Prepared, words: list[Word], settings: OcrSettings,
                        photographed: bool = False) -> list[Word] | None:
    """The second engine's words for a tiny, blurred page, or a ``photographed`` one (in
    loaded-image pixels) where they are surer than Tesseract's ``words``; None where
    Tesseract's reading stands."""
    tiny = 0 < prepared.x_height <= TINY_X_HEIGHT
    if not (tiny or photographed) or prepared.angle or prepared.rgb is None:
        return None
    if not settings.tiny_pages or mean_confidence(words) >= UNSURE or not rapid.wanted(settings):
        return None
    found = [
        word.model_copy(update={"block": block + 1})
        for block, (text, score, box) in enumerate(rapid.read(prepared.rgb, detect=True))
        for word in rapid.split_line(text, round(100 * score, 2), _tight(prepared.rgb, box))
    ]
    if len(found) < len(words) / 2 or mean_confidence(found) <= mean_confidence(words):
        return None
    return found
