"""Strips of a chart read again on their own, enlarged: the rows and columns of tick labels
beside its axes, and names beside lying bars, that the page reading lost."""

from __future__ import annotations

import re

import cv2
import numpy as np

from .. import ocr
from ..config import OcrSettings
from ..record import Box, Word
from .text import parse_number, power_value, same_line

STRIP_ZOOM = 3.0  # tick labels along an axis line are read at up to three times their size
STRIP_SIDE = 100  # px: the strip's short side is enlarged to about this
RULE_LENGTH = 0.3  # of the image's side: a straight line this long may be an axis


def axis_strip_words(rgb: np.ndarray, settings: OcrSettings) -> list[Word]:
    """Tick labels the page reading missed (lone digits are easily lost): the strip just
    below the lowest long horizontal line and the one just left of the leftmost long
    vertical line (the axes), each read on its own, enlarged. Words in image pixels."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    ink = (np.abs(grey.astype(np.int16) - int(np.median(grey))) > 60).astype(np.uint8)
    height, width = grey.shape
    found: list[Word] = []
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                                  np.ones((1, max(20, int(RULE_LENGTH * width))), np.uint8))
    rows = np.flatnonzero(horizontal.any(axis=1))
    reach = max(30, int(0.06 * height))
    if len(rows):
        line = int(rows[-1])
        columns = np.flatnonzero(horizontal[line])
        box = (max(0, int(columns[0]) - 20), min(height, line + 2),
               min(width, int(columns[-1]) + 20), min(height, line + reach))
        found += _strip_words(rgb, box, settings, psm=7)  # one line of labels
    feet = gridline_feet(grey)
    if feet is not None and (not len(rows) or feet[0] > rows[-1] + 2):
        # no axis line drawn (a web chart's light grid alone; its lowest long line a
        # lying bar): the labels stand under the feet of its upright gridlines
        line, left, right = feet
        found += _strip_words(rgb, (max(0, left - 40), min(height, line + 1),
                                    min(width, right + 40), min(height, line + reach)),
                              settings, psm=7)
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                                np.ones((max(20, int(RULE_LENGTH * height)), 1), np.uint8))
    columns = np.flatnonzero(vertical.any(axis=0))
    if len(columns):
        line = int(columns[0])
        rows = np.flatnonzero(vertical[:, line])
        reach = max(40, int(0.12 * width))
        box = (max(0, line - reach), max(0, int(rows[0]) - 10), max(0, line - 2),
               min(height, int(rows[-1]) + 10))
        digits = _strip_words(rgb, box, settings, psm=6)  # a column of them
        # and as text: a log axis's labels printed as powers ("3×10⁰") read as digits lose
        # their × and their raised exponent ("310"); read as words, they keep them
        powers = printed_powers(_strip_words(rgb, box, settings, psm=6, numbers=False))
        found += powers + [w for w in digits if not any(same_line(w.box, p.box) and min(
            w.box.x2, p.box.x2) > max(w.box.x1, p.box.x1) for p in powers)]
    return found


def gridline_feet(grey: np.ndarray) -> tuple[int, int, int] | None:
    """The row where three or more long upright gridlines, faint ones too, end together,
    and the leftmost and rightmost of them; None where there is no such row."""
    height = grey.shape[0]
    faint = (np.abs(grey.astype(np.int16) - int(np.median(grey))) > FAINT_RULE).astype(np.uint8)
    # (short runs too: bars drawn over the grid cut its lines)
    upright = cv2.morphologyEx(faint, cv2.MORPH_OPEN,
                               np.ones((max(15, int(GRID_RUN * height)), 1), np.uint8))
    columns = np.flatnonzero(upright.any(axis=0))
    if len(columns) < GRIDLINES:
        return None
    # a gridline is a run of adjacent columns; its foot, its lowest inked row
    starts = np.flatnonzero(np.diff(np.r_[-2, columns]) > 1)
    lines = np.split(columns, starts[1:])
    feet = np.array([height - 1 - int(np.argmax(upright[::-1, line].any(axis=1)))
                     for line in lines])
    # the level most of them end at (a legend or a bar standing on some cuts them short:
    # their feet split around a median that no line ends at), the lowest of equals
    foot = int(max(feet, key=lambda f: (int(np.sum(np.abs(feet - f) <= 2)), int(f))))
    level = [line for line, end in zip(lines, feet, strict=True) if abs(int(end) - foot) <= 2]
    if len(level) < GRIDLINES:
        return None
    return foot, int(level[0][0]), int(level[-1][-1])


FAINT_RULE = 6  # grey levels off the page: a light gridline's ink (blended over two columns)
GRID_RUN = 0.05  # of the image's height: a gridline's run between bars at least
GRIDLINES = 3  # upright gridlines ending level at least, for a row of labels under them


# a power of ten as OCR reads it, perhaps in two words: the mantissa and its times sign
# ("3x"), the ten and its raised exponent ("10°", "10?", "10^1")
_MANTISSA_TIMES = re.compile(r"^\d(?:\.\d+)?[×xX*·]$")
TICK_MARK_GLYPHS = "-—–_"


def printed_powers(words: list[Word]) -> list[Word]:
    """The powers of ten among ``words`` (a mantissa read apart from its ten joined to it),
    a tick mark read after one cut off."""
    words = sorted(words, key=lambda w: w.box.x1)
    out = []
    for index, word in enumerate(words):
        text = word.text.strip().rstrip(TICK_MARK_GLYPHS) or word.text
        if _MANTISSA_TIMES.match(text):
            continue  # joined to the ten right of it below
        before = next((w for w in reversed(words[:index]) if same_line(w.box, word.box)
                       and _MANTISSA_TIMES.match(w.text.strip())
                       and word.box.x1 - w.box.x2 <= w.box.height), None)
        box = word.box
        if before is not None:
            text = before.text.strip() + text
            box = Box(x1=before.box.x1, y1=min(box.y1, before.box.y1), x2=box.x2,
                      y2=max(box.y2, before.box.y2))
        if power_value(text) is not None:
            out.append(word.model_copy(update={"text": text, "box": box}))
    return out


def label_row_words(rgb: np.ndarray, box: Box, settings: OcrSettings) -> list[Word]:
    """The numbers in one row of tick labels, read on its own, enlarged, as one line (a
    lone digit the page reading lost is found so). Words in image pixels."""
    return _strip_words(rgb, (box.x1, box.y1, box.x2, box.y2), settings, psm=7)


def number_strip_words(rgb: np.ndarray, box: Box, settings: OcrSettings) -> list[Word]:
    """The numbers in a strip (a column of tick labels), read on its own, enlarged, as a
    column of lines. Words in image pixels."""
    return _strip_words(rgb, (box.x1, box.y1, box.x2, box.y2), settings, psm=6)


def name_strip_words(rgb: np.ndarray, box: Box, settings: OcrSettings) -> list[Word]:
    """The names in a strip (beside lying bars, where the page reading saw only a picture),
    read on its own, enlarged, as a column of lines. Words in image pixels."""
    return _strip_words(rgb, (box.x1, box.y1, box.x2, box.y2), settings, psm=6,
                        numbers=False)


def _strip_words(rgb: np.ndarray, box: tuple[int, int, int, int], settings: OcrSettings,
                 psm: int, numbers: bool = True) -> list[Word]:
    x1, y1, x2, y2 = box
    crop = rgb[y1:y2, x1:x2]
    if crop.size == 0 or min(crop.shape[:2]) < 8:
        return []
    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    if float(np.median(grey)) < 128:
        grey = 255 - grey
    # small labels are enlarged; a large screenshot's are big enough already (and a wide
    # strip enlarged three times is slow to read)
    zoom = min(STRIP_ZOOM, max(1.0, STRIP_SIDE / min(crop.shape[:2])))
    grey = cv2.resize(grey, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_CUBIC)
    image = np.ascontiguousarray(cv2.cvtColor(grey, cv2.COLOR_GRAY2RGB))
    try:
        words = ocr.read_words(image, settings, psm=psm, numeric=numbers)
    except RuntimeError:  # tesserocr: no text in the strip
        return []
    return [
        word.model_copy(update={"box": Box(
            x1=x1 + int(word.box.x1 / zoom), y1=y1 + int(word.box.y1 / zoom),
            x2=x1 + round(word.box.x2 / zoom), y2=y1 + round(word.box.y2 / zoom),
        )})
        for word in words if not numbers or parse_number(word.text) is not None
    ]
