"""Whether a page has ink a chart's marks could be drawn with: bars, traces, areas and
filled markers are ink that is neither text nor a thin ruling line. A table page whose ink
is all words and rules has none, whatever its words say, and need not be read again for a
chart: deciding that costs a few milliseconds, the whole-page re-reads 0.2-1 s (a third of
the CPU of a PDF page, a terminal or a sheet whose numbers or frame looked like a chart's).

The test is one-sided: ink it cannot explain (a fill, an icon, a curve, a photo, text the
page reading missed or read unsurely) counts as a possible mark. The hollow boxes of a box
plot are thin level and upright lines alone, as rules are: the caller still gives such a
page its first, cheap reading for a chart.
"""

from __future__ import annotations

from statistics import median

import cv2
import numpy as np

from ..record import Word

INK_CONTRAST = 48  # grey levels from the page's own: ink (a pale bar on white is ~60)
THIN = 5  # px: a ruling line is thinner than this; a bar, a filled cell, thicker
RULE_GLYPHS = 3.0  # a ruling line runs at least this many text heights
WORD_MARGIN = 0.25  # of a word's height, masked around it (anti-aliased edges, accents)
TALLEST_WORD = 2.0  # times the median word height: a taller "word" may be a bar read as text
SURE_WORD = 40  # OCR confidence: a word read worse may be a mark read as letters
MARK_GLYPHS = 4.0  # text heights: unexplained ink this long may be a bar or a trace
MIN_TEXT_HEIGHT = 8.0  # px: the text height assumed where the page read no word


def unexplained_ink(grey: np.ndarray, words: list[Word]) -> tuple[np.ndarray, float]:
    """The ink of ``grey`` that is neither part of a thin level or upright line running
    several text heights (a table's or a frame's rules) nor inside a surely read word's box,
    and the words' usual height (0 where none was read)."""
    page = int(np.median(grey[:: max(1, grey.shape[0] // 100), :: max(1, grey.shape[1] // 100)]))
    ink = (np.abs(grey.astype(np.int16) - page) > INK_CONTRAST).astype(np.uint8)
    boxes = [w.box for w in words if w.confidence >= SURE_WORD and w.text.strip()]
    usual = float(median(box.height for box in boxes)) if boxes else 0.0
    # rules first, on the whole ink: words masked first would cut them into short pieces
    run = max(12, round(RULE_GLYPHS * usual)) if usual else 24
    rules = (_opened(ink, run, 1) | _opened(ink, 1, run)) & (1 - _opened(ink, THIN, THIN))
    left = ink & (1 - rules)
    for box in boxes:
        if box.height > TALLEST_WORD * usual:
            continue
        margin = round(WORD_MARGIN * box.height)
        left[max(0, box.y1 - margin) : box.y2 + margin,
             max(0, box.x1 - margin) : box.x2 + margin] = 0
    return left, usual


def _opened(mask: np.ndarray, width: int, height: int) -> np.ndarray:
    """The parts of ``mask`` a ``width`` by ``height`` rectangle fits inside."""
    shape = cv2.getStructuringElement(cv2.MORPH_RECT, (width, height))
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, shape)


def may_hold_marks(rgb: np.ndarray, words: list[Word]) -> bool:
    """Whether any of the page's unexplained ink could be a chart's mark: a piece running
    ``MARK_GLYPHS`` text heights or more (a bar, a trace, an area), or one with a solid core
    no stroke of text or rule has (a filled marker, a short bar, a fill)."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) if rgb.ndim == 3 else rgb
    left, usual = unexplained_ink(grey, words)
    if _opened(left, THIN, THIN).any():
        return True
    count, _, stats, _ = cv2.connectedComponentsWithStats(left, connectivity=8)
    longest = max((max(int(w), int(h)) for _, _, w, h, _ in stats[1:count]), default=0)
    return longest >= MARK_GLYPHS * max(usual, MIN_TEXT_HEIGHT)
