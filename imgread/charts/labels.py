"""Value labels read alone: the glyphs printed at a bar's top, bound to it by geometry, read
by two engines, and the reading its height confirms chosen.

A fixed box around a bar's top cuts a label short or takes in a neighbour's glyphs (labels of
narrow bars touch: "23.323.3"). Here the ink just above the bar (or inside it, at its top)
is split into glyphs; a glyph belongs to the bar whose centre is nearest among the bars
standing about as tall (whose labels share its text line), and everything else in the crop
is painted over. The crop is enlarged and read by Tesseract (digits only) and by RapidOCR,
where installed; of their readings, the one printed like the chart's other labels and
nearest the bar's measured value is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from .. import ocr
from ..config import OcrSettings
from ..ocr import rapid
from .bars import RawBar
from .binding import conformed, places
from .pixels import distance

INK_CONTRAST = 60.0  # RGB distance from the page (or the bar) that counts as ink
TEXT_HEIGHT = 40  # px: the height a label's glyphs are enlarged to before reading
PAD = 0.35  # of the text height: page kept around the glyphs


@dataclass
class Glyph:
    x1: int  # pixels of the searched region
    y1: int
    x2: int
    y2: int
    index: int  # its connected component

    @property
    def cx(self) -> float:
        return (self.x1 + self.x2) / 2


def label_crop(
    rgb: np.ndarray, bar: RawBar, bars: list[RawBar], height: float, bg: np.ndarray,
    place: str,
) -> np.ndarray | None:
    """The label printed ``place`` ("above" or "inside") the top of ``bar``: its glyphs alone
    on a plain ground, or None when no text line is found there. ``height``: the labels'
    text height (px)."""
    if place == "inside":
        return _inside_crop(rgb, bar, height)
    others = [b for b in bars if b is not bar]
    pitch = min([abs(b.cx - bar.cx) for b in others] or [2 * bar.width])
    x1 = max(0, int(bar.cx - 1.5 * max(pitch, height)))
    x2 = min(rgb.shape[1], int(bar.cx + 1.5 * max(pitch, height)) + 1)
    y1, y2 = max(0, int(bar.top - 3 * height)), min(rgb.shape[0], int(bar.top) + 1)
    region = rgb[y1:y2, x1:x2]
    if region.size == 0:
        return None
    ink = distance(region, bg) > INK_CONTRAST
    for other in bars:  # the bars' own pixels (and their anti-aliased edges) are no glyphs
        ink[max(0, int(other.top) - 1 - y1):, max(0, int(other.x1) - 2 - x1):
            max(0, int(np.ceil(other.x2)) + 2 - x1)] = False
    ink &= ~_rules(ink, height)
    rivals = [b.cx - x1 for b in others if abs(b.top - bar.top) <= 1.5 * height]
    labels, glyphs = _glyphs(ink, height)
    # the text line nearest the bar's top: glyphs ending within a text height and a half of it
    centre = bar.cx - x1
    low = [g for g in glyphs if g.y2 >= (bar.top - y1) - 1.5 * height
           and g.y2 - g.y1 >= 0.5 * height and _owned(g, centre, rivals, pitch)]
    if not low:
        return None
    top = float(np.median([g.y1 for g in low]))
    bottom = float(np.median([g.y2 for g in low]))
    line = [g for g in glyphs if g.y1 < bottom and g.y2 > top - 0.2 * height
            and _owned(g, centre, rivals, pitch)]
    return _cut(region, labels, _run_around(line, centre, height), height, bg)


def _rules(ink: np.ndarray, height: float) -> np.ndarray:
    """Gridlines in the ink: level runs far longer than a label. A gridline through a label
    joins its glyphs into one shape too wide for a glyph ("77.5" on the line at 80)."""
    length = max(3, int(RULE_LENGTH * height))
    return cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_OPEN,
                            np.ones((1, length), np.uint8)).astype(bool)


RULE_LENGTH = 3.0  # text heights: an unbroken level run this long is a rule, not text


def _inside_crop(rgb: np.ndarray, bar: RawBar, height: float) -> np.ndarray | None:
    """A label printed inside the bar, at its top: ink that differs from the bar's colour,
    away from the bar's edges (rounded corners show the page there)."""
    x1, x2 = int(np.ceil(bar.x1)) + 1, int(bar.x2) - 1
    y1, y2 = int(bar.top) + 1, min(rgb.shape[0], int(bar.top + 3 * height))
    region = rgb[y1:y2, x1:x2]
    if region.size == 0 or x2 - x1 < 4:
        return None
    ink = distance(region, bar.colour) > INK_CONTRAST
    labels, glyphs = _glyphs(ink, height)
    width = region.shape[1]
    glyphs = [g for g in glyphs if g.x1 > 0 and g.x2 < width]  # page beyond a rounded edge
    digits = [g for g in glyphs if g.y2 - g.y1 >= 0.5 * height]
    if not digits:
        return None
    first = min(g.y1 for g in digits)  # the first text line from the bar's top
    line = [g for g in digits if g.y1 <= first + 0.5 * height]
    top = float(np.median([g.y1 for g in line]))
    bottom = float(np.median([g.y2 for g in line]))
    line = [g for g in glyphs if g.y1 < bottom and g.y2 > top - 0.2 * height]
    return _cut(region, labels, _run_around(line, width / 2, height), height, bar.colour)


def _glyphs(ink: np.ndarray, height: float) -> tuple[np.ndarray, list[Glyph]]:
    """Connected pieces of ink the size of characters (rules and marks dropped)."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        ink.astype(np.uint8), connectivity=8)
    glyphs = []
    for index in range(1, count):
        x, y, w, h = (int(v) for v in stats[index, :4])
        if h > 1.6 * height or w > 3 * height:  # a rule, a frame, a legend swatch
            continue
        if h <= 2 and w > 0.6 * height:  # a gridline's dash
            continue
        glyphs.append(Glyph(x1=x, y1=y, x2=x + w, y2=y + h, index=index))
    return labels, glyphs


def _owned(glyph: Glyph, centre: float, rivals: list[float], pitch: float) -> bool:
    """Nearer this bar's centre than any bar of about its height (whose label shares the
    text line), and no further than a bar's pitch from it."""
    gap = abs(glyph.cx - centre)
    return gap <= max(pitch, 1.0) and all(gap <= abs(glyph.cx - other) for other in rivals)


def _run_around(line: list[Glyph], centre: float, height: float) -> list[Glyph]:
    """The glyphs that run on, without a word gap, from the one nearest ``centre``."""
    if not line:
        return []
    line = sorted(line, key=lambda g: g.x1)
    start = min(range(len(line)), key=lambda i: abs(line[i].cx - centre))
    left = right = start
    while left > 0 and line[left].x1 - line[left - 1].x2 <= 0.6 * height:
        left -= 1
    while right < len(line) - 1 and line[right + 1].x1 - line[right].x2 <= 0.6 * height:
        right += 1
    return line[left : right + 1]


def _cut(
    region: np.ndarray, labels: np.ndarray, glyphs: list[Glyph], height: float,
    ground: np.ndarray,
) -> np.ndarray | None:
    """The glyphs' box (padded) from ``region``, every other pixel in the ground colour."""
    if not glyphs:
        return None
    pad = max(2, int(PAD * height))
    x1 = max(0, min(g.x1 for g in glyphs) - pad)
    y1 = max(0, min(g.y1 for g in glyphs) - pad)
    x2 = min(region.shape[1], max(g.x2 for g in glyphs) + pad)
    y2 = min(region.shape[0], max(g.y2 for g in glyphs) + pad)
    keep = np.isin(labels[y1:y2, x1:x2], [g.index for g in glyphs]).astype(np.uint8)
    keep = cv2.dilate(keep, np.ones((3, 3), np.uint8)).astype(bool)  # antialiased edges
    crop = np.empty_like(region[y1:y2, x1:x2])
    crop[:] = np.asarray(ground, dtype=np.float64).round().astype(np.uint8)
    crop[keep] = region[y1:y2, x1:x2][keep]
    return crop


def readings(
    crop: np.ndarray, settings: OcrSettings, enough: Callable[[str], bool] = lambda _: False
) -> list[str]:
    """The crop's text by Tesseract (digits, one line, enlarged, dark on light) and, unless
    ``enough`` accepts that reading, by RapidOCR as well (where installed and wanted)."""
    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    if float(np.median(grey)) < 128:
        grey = 255 - grey
    rows = np.flatnonzero((grey < 160).any(axis=1))
    ink_height = int(rows[-1] - rows[0] + 1) if rows.size else grey.shape[0]
    scale = max(1.0, TEXT_HEIGHT / max(1, ink_height))
    grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    grey = cv2.copyMakeBorder(grey, 10, 10, 10, 10, cv2.BORDER_REPLICATE)
    image = np.ascontiguousarray(cv2.cvtColor(grey, cv2.COLOR_GRAY2RGB))
    texts: list[str] = []
    try:
        texts.append("".join(w.text for w in ocr.read_words(image, settings, psm=7,
                                                            numeric=True)))
    except RuntimeError:  # tesserocr: no text in the crop
        texts.append("")
    if not enough(texts[0]) and second_engine(settings):
        texts.append(rapid.texts([image])[0][0].replace(" ", ""))
    return texts


def second_engine(settings: OcrSettings) -> bool:
    if settings.second_engine == "none":
        return False
    return settings.second_engine == "rapidocr" or rapid.available()


def chosen(
    texts: list[str], decimals: int | None, measured: float, tolerance: float,
    unanimous: bool = False,
) -> float | None:
    """The reading to keep: one both engines give, else (unless ``unanimous``) the one
    printed with the labels' decimals, nearest the measured value; None when the bar
    confirms none."""
    read = [(v, t) for t in texts if t
            if (v := conformed(t, decimals, measured, tolerance)) is not None]
    if not read:
        return None
    values = [v for v, _ in read]
    agreed = [v for v in values if values.count(v) > 1]
    if agreed:
        return agreed[0]
    if unanimous:
        return None
    usual = [v for v, t in read if decimals is None or places(t.strip("-.,")) == decimals]
    return min(usual or values, key=lambda v: abs(v - measured))


def read_bar_label(
    rgb: np.ndarray, bar: RawBar, bars: list[RawBar], height: float, bg: np.ndarray,
    place: str, settings: OcrSettings, decimals: int | None, measured: float,
    tolerance: float, unanimous: bool = False,
) -> tuple[float, str] | None:
    """The value printed at ``bar``'s top, read alone, and the texts read; None when
    nothing the bar's height confirms is read there (``unanimous``: by both engines)."""
    crop = label_crop(rgb, bar, bars, height, bg, place)
    if crop is None:
        return None
    def enough(text: str) -> bool:  # the second engine's time is spent only on doubt
        value = conformed(text, decimals, measured, tolerance)
        return not unanimous and value is not None and (
            decimals is None or places(text.strip("-.,")) == decimals)

    texts = readings(crop, settings, enough)
    value = chosen(texts, decimals, measured, tolerance, unanimous)
    return None if value is None else (value, "|".join(texts))
