"""Names under upright bars read one by one where the page reading lost or doubted them.

Small level names under the bars of a shrunk or JPEG'd chart (a post's picture) come out of
the page reading unsure ("Umbra-34B8" at 43) or not at all, and the strip read whole fares
no better: Tesseract reads a long, mostly empty line of small blurred text poorly. Read
alone, each name's own line (the first line of ink under its group of bars, between the
middles of the gaps to its neighbours) enlarged to a comfortable height, it reads well; a
reading Tesseract is unsure of is read again by RapidOCR, and the surer of the two is kept.
"""

from __future__ import annotations

import cv2
import numpy as np

from .. import ocr
from ..config import OcrSettings
from ..ocr import rapid
from ..ocr.phrase import Phrase
from .bars import RawBar
from .binding import EDGE_MARKS, gap_groups, group_spans, wordlike
from .labels import second_engine
from .panels import Panel

SURE = 80.0  # OCR confidence: a name read this sure on the page is not read again
KEEP = 70.0  # a name read alone is kept from this confidence (the surer engine's)
TEXT_PX = 30.0  # a name's height enlarged for OCR
MAX_ZOOM = 4.0
REACH = 3.5  # tick label heights under the baseline where a name's first line may start
INK = 60  # grey levels from the page: a glyph's stroke
PAD = 12  # px of page around an enlarged name


def names_read_alone(
    rgb: np.ndarray, panel: Panel, bars: list[RawBar], categories: list[str | float],
    found: list[Phrase], settings: OcrSettings,
) -> list[str | float]:
    """``categories`` with each group's name read again alone where it is missing (the
    group's index), shared with another group, or read unsure on the page; a name read
    alone replaces it only where OCR is sure of it."""
    groups = gap_groups(bars)
    spans = group_spans(bars)
    keys = sorted(spans, key=lambda k: spans[k][0])
    unsure = {p.text.strip(EDGE_MARKS) for p in found if p.value is None and p.confidence < SURE}
    named: dict[str | float, str | float] = {}
    for key in keys:
        members = {categories[i] for i, g in enumerate(groups) if g == key}
        if len(members) == 1:
            named[key] = members.pop()
    names = [n for n in named.values() if isinstance(n, str)]
    doubtful = [key for key, name in named.items() if not isinstance(name, str)
                or names.count(name) > 1 or name in unsure]
    if not doubtful:
        return categories
    baseline = int(max(bar.bottom for bar in bars))
    out = list(categories)
    for key in doubtful:
        window = _window(keys, spans, key, rgb.shape[1])
        read = _read_name(rgb, baseline, window, panel.tick_height, settings)
        if read is None:
            continue
        for i, g in enumerate(groups):
            if g == key:
                out[i] = read
    return out


def _window(keys: list[str | float], spans: dict[str | float, tuple[float, float]],
            key: str | float, width: int) -> tuple[int, int]:
    """From the middle of the gap to the group on the left to the middle of the gap to the
    one on the right (at the ends, as far out as the inner side reaches)."""
    index = keys.index(key)
    left, right = spans[key]
    inner = [(spans[keys[index - 1]][1] + left) / 2] if index > 0 else []
    outer = [(right + spans[keys[index + 1]][0]) / 2] if index + 1 < len(keys) else []
    if not inner and not outer:
        return max(0, int(left)), min(width, int(right))
    x1 = inner[0] if inner else left - (outer[0] - right)
    x2 = outer[0] if outer else right + (left - x1)
    return max(0, int(x1)), min(width, int(x2))


def _read_name(rgb: np.ndarray, baseline: int, window: tuple[int, int], height: float,
               settings: OcrSettings) -> str | None:
    """The first line of text under the baseline in ``window``, read alone by Tesseract and,
    where it is unsure, by RapidOCR; None where neither is sure or no level line is there."""
    x1, x2 = window
    crop = rgb[baseline + 2 : min(rgb.shape[0], int(baseline + 2 + REACH * height)), x1:x2]
    line = _first_line(crop, height)
    if line is None:
        return None
    grey = cv2.cvtColor(crop[line[0] : line[1]], cv2.COLOR_RGB2GRAY)
    if float(np.median(grey)) < 128:
        grey = 255 - grey
    zoom = min(MAX_ZOOM, max(1.0, TEXT_PX / max(1, line[1] - line[0])))
    grey = cv2.resize(grey, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_CUBIC)
    grey = cv2.copyMakeBorder(grey, PAD, PAD, PAD, PAD, cv2.BORDER_REPLICATE)
    image = np.ascontiguousarray(cv2.cvtColor(grey, cv2.COLOR_GRAY2RGB))
    readings: list[tuple[float, str]] = []
    try:
        words = ocr.read_words(image, settings, psm=7)
    except RuntimeError:  # tesserocr: no text in the crop
        words = []
    if words:
        readings.append((float(np.mean([w.confidence for w in words])),
                         " ".join(w.text for w in words)))
    if (not readings or readings[0][0] < SURE) and second_engine(settings):
        text, confidence = rapid.text(image)
        readings.append((confidence, text))
    usable = [(c, t.strip(EDGE_MARKS)) for c, t in readings
              if wordlike(t) and sum(ch.isalnum() for ch in t) >= 3]
    if not usable:
        return None
    texts = [t for _, t in usable]
    if len(texts) == 2 and texts[0].replace(" ", "") == texts[1].replace(" ", ""):
        return texts[1]
    confidence, text = max(usable)
    return text if confidence >= KEEP else None


def _first_line(crop: np.ndarray, height: float) -> tuple[int, int] | None:
    """The rows of the first band of ink at least half a text line tall (a tick mark's
    stub is shorter) and at most two (a slanted name runs down further): a level name."""
    if crop.size == 0:
        return None
    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY).astype(np.int16)
    page = float(np.median(grey))
    rows = (np.abs(grey - page) > INK).any(axis=1)
    bands = np.split(np.flatnonzero(rows), np.flatnonzero(np.diff(np.flatnonzero(rows)) > 1) + 1)
    for band in bands:
        if len(band) and band[-1] - band[0] + 1 >= 0.5 * height:
            top, bottom = int(band[0]), int(band[-1]) + 1
            if bottom - top > 2 * height or bottom >= crop.shape[0]:
                return None
            return max(0, top - 2), min(crop.shape[0], bottom + 2)
    return None
