"""Model names set at an angle over their columns: a table that lists its models across
the header often turns their names (upright, reading bottom to top, or slanted 30-60
degrees) so narrow columns can hold long names. Read level, such names are single letters
or nothing; here the band above the body is turned until its lines lie level, read once,
and each name goes to the column its first letter stands over."""

from __future__ import annotations

from collections.abc import Iterable
from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from .. import ocr
from ..record import Table
from .columns import benchmarks_down, models_across
from .lines import Layout, tidy_label

if TYPE_CHECKING:
    from ..config import OcrSettings
    from ..preprocess import Prepared

# How far the names rise, in degrees counterclockwise: the turn that lays them level is
# the one whose rows of ink are the sharpest (a projection profile's energy).
ANGLES = (*range(20, 95, 5), -90)
# A name's line in the turned band: its words closer than this many glyph heights.
WORD_GAP = 1.5
# A header is unread when fewer than this share of its model columns hold a word.
READ_SHARE = 0.5
MIN_CONFIDENCE = 25.0


def has_word(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= 3


def turn(
    image: np.ndarray, degrees: float, border: int = 255
) -> tuple[np.ndarray, np.ndarray]:
    """``image`` turned clockwise by ``degrees`` on a canvas that holds all of it, and the
    2x3 matrix that took its pixels there; ``border`` fills the corners."""
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = int(h * sin + w * cos) + 1, int(h * cos + w * sin) + 1
    matrix[0, 2] += new_w / 2 - w / 2
    matrix[1, 2] += new_h / 2 - h / 2
    turned = cv2.warpAffine(image, matrix, (new_w, new_h), flags=cv2.INTER_LINEAR,
                            borderValue=border)
    return turned, matrix


def level_angle(band: np.ndarray, angles: Iterable[float] = ANGLES) -> float:
    """The angle, of ``angles``, at which the band's text rises: turning it back by that
    much gives the sharpest rows of ink."""
    ink = (band < 128).astype(np.float32)
    best, sharpest = 0.0, -1.0
    for angle in angles:
        turned, _ = turn(ink * 255, angle, border=0)
        profile = (turned > 64).sum(axis=1).astype(np.float64)
        # the ink is the same at every angle: the more it gathers into few rows, the
        # larger the sum of the rows' squares
        sharpness = float((profile**2).sum() / max(profile.sum(), 1.0))
        if sharpness > sharpest:
            best, sharpest = float(angle), sharpness
    return best


def header_unread(table: Table) -> bool:
    names = table.columns[1:]
    return bool(names) and sum(has_word(name) for name in names) < READ_SHARE * len(names)


def read_turned_names(
    table: Table, layout: Layout, prepared: Prepared, settings: OcrSettings
) -> None:
    """Names over the columns of a table whose models run across, read at their angle,
    where the level reading left most of them unread."""
    if table.n_cols < 3 or not table.body or not header_unread(table):
        return
    if not (benchmarks_down(table) or models_across(table)):
        return
    boxes = [cell.box for row in table.body for cell in row if cell.box is not None]
    if not boxes:
        return
    glyph = float(median(box.height for box in boxes))
    body_top = min(cell.box.y1 for cell in table.body[0] if cell.box is not None)
    spans = layout.spans
    scale = prepared.scale
    grey = prepared.grey
    top = max(0, int((body_top - 14 * glyph) * scale))
    bottom = int((body_top - 0.2 * glyph) * scale)
    left = max(0, int((spans[1][0] - glyph) * scale))
    right = min(grey.shape[1], int((spans[-1][1] + 10 * glyph) * scale))
    if bottom - top < 2 * glyph * scale or right <= left:
        return
    band = grey[top:bottom, left:right]
    angle = level_angle(band)
    turned, matrix = turn(band, angle)
    words = [w for w in ocr.read_words(turned, settings, psm=11) if w.text.strip()]
    back = cv2.invertAffineTransform(matrix)
    names: dict[int, list[tuple[str, float]]] = {}
    for line in ocr.group_lines(words):
        groups: list[list[int]] = []
        for i in sorted(line, key=lambda k: words[k].box.x1):
            if groups and words[i].box.x1 - words[groups[-1][-1]].box.x2 < WORD_GAP * glyph * scale:
                groups[-1].append(i)
            else:
                groups.append([i])
        for group in groups:
            first = words[group[0]].box
            x, _y = back @ np.array([first.x1, first.cy, 1.0])
            page_x = (x + left) / scale
            column = next((c for c, (x1, x2) in enumerate(spans) if x1 - glyph <= page_x <= x2),
                          None)
            if column is None or column == 0:
                continue
            text = " ".join(words[i].text for i in group)
            confidence = min(words[i].confidence for i in group)
            names.setdefault(column, []).append((text, confidence))
    found = {
        # a speck past a name's end, read with it at an angle ("Llama-2-70B-'")
        c: tidy_label(" ".join(text for text, _ in parts)).rstrip("-'\".,:;")
        for c, parts in names.items()
        if min(conf for _, conf in parts) >= MIN_CONFIDENCE
    }
    if sum(has_word(name) for name in found.values()) < READ_SHARE * (table.n_cols - 1):
        return
    for c, name in found.items():
        table.columns[c] = name
        for row in table.header_rows[:1]:
            row[c].text = name
            row[c].readings.update({"turned": name})
