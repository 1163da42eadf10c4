"""Dates under a line chart ("Sep 18", "Sep 25", "Oct 2", a point over each): categories.

A tick label of a month's name and a day's number names its place as printed, however
its days step (weeks across a month's end make no numeric progression, and the day
numbers alone, "18" "25" "2", would fit a numeric axis where OCR kept a few of them).
Where the row's labels are mostly such dates, they stand on an even grid: each place on
it, out to the plot's ends, takes the date printed there, and a place whose label OCR
lost, cut ("Apr" for "Apr 13", "20" for "Apr 20") or misread ("Age 29", "Febz3") is read
again alone, as one box from one step's middle to the next (month and day together).
"""

from __future__ import annotations

import re

import cv2
import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Word
from .categories import STEP_SLACK, even_grid
from .text import read_label_text

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_DATE = re.compile(r"^([A-Za-z]+)(\.?\s*)(\d{1,2})((?:,?\s*\d{2,4})?)$")
JUNK = " .,;:'`\"&|_~-\u2018\u2019"  # marks OCR reads at a label's ends
LEAST_DATES = 3
ROW_REACH = 3.0  # tick label heights under the plot: where the date row may lie
INK = 90.0  # grey levels off the page: a label's ink in a place to read again
LEAST_INK = 6  # pixels of ink: fewer is a tick mark's crumbs, no label


def is_date(text: str) -> bool:
    """A month's name and a day ("Sep 18", "Sept 18", "Oct 2, 2024")."""
    match = _DATE.match(text.strip(JUNK))
    return match is not None and 1 <= int(match.group(3)) <= 31 and _month(
        match.group(1)) is not None


def _month(word: str) -> str | None:
    """The month's name in ``word`` as printed, whole or cut to three letters or more; a
    stray letter OCR read before it ("jJan": a tick mark, a JPEG's smear) left off."""
    for name in (word, word[1:] if word[:1].islower() and word[1:2].isupper() else ""):
        if len(name) >= 3 and any(month.startswith(name.lower()) for month in MONTHS):
            return name
    return None


def date_row(rgb: np.ndarray, found: list[Phrase], area: Box, tick_height: float,
             settings: OcrSettings | None) -> list[Phrase]:
    """The row of dates under the plot, a label for each place on its even grid (read
    again where OCR lost or misread it, with ``settings``); [] where the row under the
    plot is no row of dates."""
    band = [p for p in found if area.y2 - 2 <= p.box.y1 <= area.y2 + ROW_REACH * tick_height
            and area.x1 - 20 <= p.box.cx <= area.x2 + 20]
    dates = [p for p in band if is_date(p.text)]
    rows: list[list[Phrase]] = [
        [q for q in dates if abs(q.box.cy - p.box.cy) <= 0.5 * p.height] for p in dates]
    if not rows:
        return []
    longest: list[Phrase] = max(rows, key=len)
    row = sorted(longest, key=lambda p: p.box.cx)
    if len(row) < LEAST_DATES or not even_grid([p.box.cx for p in row],
                                               1.2 * float(np.median([p.height for p in row]))):
        return []
    centres = [p.box.cx for p in row]
    step = float(np.min(np.diff(centres)))
    top, bottom = min(p.box.y1 for p in row), max(p.box.y2 for p in row)
    others = [p for p in band if p not in row and top - 2 <= p.box.cy <= bottom + 2]
    first = centres[0] - step * int((centres[0] - area.x1 + 0.5 * step) // step)
    page = np.median(rgb[top:bottom + 1].reshape(-1, 3), axis=0)
    out: list[Phrase] = []
    spaced = sum(" " in p.text for p in row) * 2 > len(row)
    for place in np.arange(first, area.x2 + 0.5 * step, step):
        printed = next((p for p in row if abs(p.box.cx - place) <= STEP_SLACK * step), None)
        if printed is not None:
            out.append(printed)
            continue
        box = Box(x1=max(0, int(place - 0.48 * step)), y1=max(0, top - 2),
                  x2=min(rgb.shape[1] - 1, int(place + 0.48 * step)),
                  y2=min(rgb.shape[0] - 1, bottom + 2))
        scrap = next((p for p in others if box.x1 <= p.box.cx <= box.x2), None)
        if settings is not None and _inked(rgb, box, page):
            text = read_label_text(rgb, box, settings, widen=False, digits=False).strip()
            if is_date(text):
                word = Word(text=text, confidence=80.0, box=box)
                out.append(Phrase.of([word]))
                continue
        if scrap is not None:  # not read again as a date: kept as printed
            out.append(scrap)
    return [_as_the_row_prints(p, spaced) for p in out]


def _as_the_row_prints(phrase: Phrase, spaced: bool) -> Phrase:
    """A date as the row prints its dates: the month's name capitalised, and parted from
    the day where the row parts them (OCR loses the space, "Aug7", and reads marks at the
    ends, "jun8&"); other labels as read."""
    match = _DATE.match(phrase.text.strip(JUNK))
    if match is None or not is_date(phrase.text):
        return phrase
    month, _, day, year = match.groups()
    month = _month(month) or month
    text = f"{month[0].upper()}{month[1:]}{' ' if spaced else ''}{day}{year}"
    return Phrase(words=phrase.words, box=phrase.box, text=text, confidence=phrase.confidence)


def _inked(rgb: np.ndarray, box: Box, page: np.ndarray) -> bool:
    """Whether the box holds a label's ink (pixels far off the page's colour)."""
    crop = rgb[box.y1 : box.y2 + 1, box.x1 : box.x2 + 1].astype(np.float32)
    if crop.size == 0:
        return False
    off = np.abs(cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY) - float(np.mean(page)))
    return int((off > INK).sum()) >= LEAST_INK
