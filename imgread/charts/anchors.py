"""Where an x tick label marks its value: at its tick mark, which is not always its centre.

Vega-Lite (``labelFlush``) sets the first and last labels of a continuous x axis beside
their tick, not centred on it, so that they stay inside the plot's width: "1,000" starts at
the axis's left end. Measured from the label's centre, the axis is shifted by half a label,
which on a log axis read from two decades is a sixth of the data off. The short rule drawn
above a label (its tick mark) says where it belongs.
"""

from __future__ import annotations

import re
from dataclasses import replace

import cv2
import numpy as np

from ..ocr.phrase import Phrase
from ..record import Box, Word
from .axes import Fit
from .pixels import distance

MARK_INK = 60.0  # colour distance from the page: a tick mark's pixels
MARK_CHROMA = 60  # max - min channel: tick marks are grey
MARK_WIDTH = 3  # px: the widest a tick mark is drawn
OFF_CENTRE = 0.25  # of the label's width: a mark further than this from its centre anchors it


def tick_mark(rgb: np.ndarray, label: Phrase, text_height: float, page: np.ndarray
              ) -> float | None:
    """The x of the one short grey upright stroke just above ``label`` (within its width),
    else None. The label's box may take in the mark: the text is its lowest
    ``text_height`` rows."""
    box = label.box
    top = int(box.y2 - text_height)
    y1, y2 = max(0, int(top - 1.2 * text_height)), max(0, top - 1)
    x1, x2 = max(0, box.x1 - 1), min(rgb.shape[1], box.x2 + 2)
    strip = rgb[y1:y2, x1:x2]
    if strip.size == 0 or strip.shape[0] < 3:
        return None
    pixels = strip.astype(np.int16)
    ink = (distance(strip, page) > MARK_INK) & (pixels.max(axis=-1) - pixels.min(axis=-1)
                                                < MARK_CHROMA)
    ink[ink.mean(axis=1) > 0.5] = False  # the axis line across the strip is no mark
    columns = np.flatnonzero(ink.sum(axis=0) >= 3)
    if not len(columns) or np.ptp(columns) + 1 > MARK_WIDTH:
        return None  # no mark, or text or a line's crossing rather than one stroke
    return x1 + float(columns.mean()) + 0.5


def at_marks(labels: list[Phrase], rgb: np.ndarray) -> list[Phrase]:
    """``labels`` (x tick labels), each moved to its tick mark where the mark stands well off
    the label's centre (a flush label); the others as they are (the same objects)."""
    if not labels:
        return labels
    page = np.median(rgb.reshape(-1, 3), axis=0)
    text_height = float(np.median([p.height for p in labels]))
    moved: list[Phrase] = []
    for tick in labels:
        mark = tick_mark(rgb, tick, text_height, page)
        shift = 0.0 if mark is None else mark - tick.box.cx
        if abs(shift) <= OFF_CENTRE * tick.box.width:
            moved.append(tick)
            continue
        box = tick.box.model_copy(update={"x1": round(tick.box.x1 + shift),
                                          "x2": round(tick.box.x2 + shift)})
        moved.append(replace(tick, box=box))
    return moved


def anchored(fit: Fit, rgb: np.ndarray) -> Fit:
    """``fit`` refitted with each tick label placed at its tick mark where the mark stands
    well off the label's centre (a flush label); unchanged where none does."""
    if fit.orientation != "x":
        return fit
    moved = at_marks(fit.ticks, rgb)
    if all(m is t for m, t in zip(moved, fit.ticks, strict=True)):
        return fit
    pixels = np.array([p.box.cx for p in moved], dtype=float)
    values = np.array([float(p.value or 0.0) for p in moved])
    if fit.scale == "log":
        values = np.log10(values)
    a, b = (float(v) for v in np.polyfit(pixels, values, 1))
    if a <= 0:
        return fit
    residual = float(np.abs((values - b) / a - pixels).max())
    return Fit(fit.orientation, fit.scale, a, b, moved, residual)


TALL_BOX = 1.3  # of the sure words' median height: a taller number's box may take in marks
TEXT_INK = 60  # grey levels from a box's median: ink


def cut_to_text(rgb: np.ndarray, words: list[Word]) -> list[Word]:
    """Numbers whose boxes OCR drew up over the axis line or the tick marks above them
    (matplotlib's ticks drawn inward, a frame's edge) cut down to their text: the lowest
    band of inked rows, rows inked across the box (a rule) left out. Too tall, such a box
    is dropped as a bar's or hatching's, and its centre is off its row of labels."""
    sure = [w.box.height for w in words if w.confidence >= 80]
    if not sure:
        return words
    usual = float(np.median(sure))
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    out: list[Word] = []
    for word in words:
        box = word.box
        if box.height <= TALL_BOX * usual or not any(c.isdigit() for c in word.text):
            out.append(word)
            continue
        crop = grey[max(0, box.y1) : box.y2, max(0, box.x1) : box.x2].astype(np.int16)
        ink = np.abs(crop - np.median(crop)) > TEXT_INK if crop.size else crop > 0
        rows = np.flatnonzero(ink.any(axis=1) & (ink.mean(axis=1) <= 0.8))
        if not len(rows):
            out.append(word)
            continue
        band = np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1)[-1]
        height = int(band[-1]) - int(band[0]) + 1
        if band[0] == rows[0] or height < 0.5 * usual:  # one band, or a scrap under a mark
            out.append(word)
            continue
        top = max(0, box.y1) + int(band[0])
        out.append(word.model_copy(update={"box": box.model_copy(
            update={"y1": top, "y2": top + height})}))
    return out


# (a mark read as a letter or a bracket: "20+" and "70-" are tick marks outside the axis,
# which the text's own readings cut to their digits)
_NUMBER_AND_MARK = re.compile(r"^(?P<number>\d+(?:[.,]\d+)?)(?P<mark>[A-Za-z\[\]|]{1,2})$")
AXIS_REACH = 2.0  # label heights: how far an axis line runs on above and below its label


def off_the_axis_line(rgb: np.ndarray, words: list[Word]) -> list[Word]:
    """y tick labels read with the axis line they touch ("60F", "55F": matplotlib's ticks
    drawn inward make an F of the line beside the label) cut back to their digits: where
    a mark follows the digits and an upright line runs through the box's right part, far
    above and below the label, the word is its number, its box ending before the line."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.int16)
    out: list[Word] = []
    for word in words:
        match = _NUMBER_AND_MARK.match(word.text.strip())
        line = _axis_line_in(grey, word.box) if match is not None else None
        if match is None or line is None:
            out.append(word)
            continue
        out.append(word.model_copy(update={"text": match["number"], "box": word.box.model_copy(
            update={"x2": line - 1})}))
    return out


def _axis_line_in(grey: np.ndarray, box: Box) -> int | None:
    """The leftmost column in the right half of ``box`` where an upright line runs through
    the box and on, well above and below it; None where none does."""
    reach = int(AXIS_REACH * box.height)
    y1, y2 = max(0, box.y1 - reach), min(grey.shape[0], box.y2 + reach)
    x1, x2 = box.x1 + box.width // 2, min(grey.shape[1], box.x2 + 1)
    if y2 - y1 < 3 * box.height or x2 <= x1:
        return None
    strip = grey[y1:y2, x1:x2]
    ink = np.abs(strip - int(np.median(grey[y1:y2, max(0, box.x1 - box.height) : x2]))) > 60
    full = np.flatnonzero(ink.mean(axis=0) >= 0.95)
    return x1 + int(full[0]) if len(full) else None
