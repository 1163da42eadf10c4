"""Benchmark names printed turned over their columns: a paper table with narrow columns of
numbers prints each long name ("HellaSwag (10-shot)") slanting up to the right at 45 or 60
degrees, or upright reading bottom to top, its foot on the top of its column, while the
model column's own header stays level. Read level, such names are single letters or
nothing, so no benchmark is named.

Where most of the names over a table's numeric columns are unread and ink stands above
them, that band's angle is the turn that gathers its ink into the sharpest rows; turned by
it, each name lies level on a line of its own. Each line is cut out alone (its neighbours
left out), read as one line, by the second engine too where Tesseract is unsure, and bound
to the column under its foot: its lower end, where it stands on the top of the body."""

from __future__ import annotations

from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from .. import ocr
from ..names import closest_benchmark, is_known_benchmark
from ..ocr import rapid
from ..ocr.rapid import wanted as second_engine
from ..record import Box, Cell, Table
from .columns import model_column, split_setting
from .lines import Layout, is_numeric_text, tidy_label
from .name_rereads import set_header
from .rotated import has_word, level_angle, turn

if TYPE_CHECKING:
    from ..config import OcrSettings
    from ..preprocess import Prepared

# How far above the body a turned band may reach, in glyph heights of the body's text.
BAND_REACH = 40
# The gap, in glyph heights, that ends the band (a caption above it is no name).
BAND_GAP = 1.5
# A band less tall than this many glyph heights holds level text, not turned names.
MIN_BAND = 2.5
# A name's foot stands at most this many glyph heights above the body.
FOOT_REACH = 4.0
# Rows of a turned line closer than this share of a glyph are one line (an i's dot).
LINE_JOIN = 0.3
# A level header's name read at this confidence or more is no turned name read as noise.
SURE_LEVEL = 70.0
# Under this Tesseract confidence, the second engine reads the name too.
SURE = 80.0
MIN_CONFIDENCE = 60.0


def _band_bottom_up(ink: np.ndarray, glyph: float) -> int | None:
    """The first row of the band that ``ink`` (rows above the body, the body's top last)
    holds, counting from its foot: rows up to the first gap over ``BAND_GAP`` glyphs;
    None when no ink stands within ``FOOT_REACH`` glyphs of the body."""
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0 or ink.shape[0] - rows[-1] > FOOT_REACH * glyph:
        return None
    top = int(rows[-1])
    for row in rows[::-1]:
        if top - row > BAND_GAP * glyph:
            break
        top = int(row)
    return top


def _without_rules(ink: np.ndarray, glyph: float) -> np.ndarray:
    """``ink`` less its long straight rules (booktabs rules, a grid's column rules): no
    stroke of turned text runs straight for several glyphs."""
    length = max(3, int(4 * glyph))
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((length, 1), np.uint8))
    return np.where((across > 0) | (down > 0), 0, ink).astype(np.uint8)


def _refined_angle(ink: np.ndarray) -> float:
    """The band's angle to the degree: the coarse search's best, searched again a step
    either side."""
    coarse = level_angle(255 - ink)
    return level_angle(255 - ink, [coarse + step for step in range(-4, 5)])


def _lines(turned_ink: np.ndarray, glyph: float) -> list[tuple[int, int, int, int]]:
    """The level lines of a turned band: (x1, y1, x2, y2) of each run of inked rows, split
    where a gap wider than three glyphs parts its ink."""
    rows = np.flatnonzero(turned_ink.any(axis=1))
    runs: list[list[int]] = []
    for row in rows:
        if runs and row - runs[-1][1] <= max(1.0, LINE_JOIN * glyph):
            runs[-1][1] = int(row)
        else:
            runs.append([int(row), int(row)])
    found = []
    for y1, y2 in runs:
        if y2 - y1 < 0.4 * glyph:
            continue
        columns = np.flatnonzero(turned_ink[y1 : y2 + 1].any(axis=0))
        start = int(columns[0])
        for left, right in pairwise(columns):
            if right - left > 3 * glyph:
                found.append((start, y1, int(left), y2))
                start = int(right)
        found.append((start, y1, int(columns[-1]), y2))
    return found


def _line_crop(turned: np.ndarray, line: tuple[int, int, int, int], glyph: float) -> np.ndarray:
    """One line of a turned band, dark on white, with a margin and nothing of its
    neighbours."""
    x1, y1, x2, y2 = line
    pad = max(2, int(0.3 * glyph))
    crop = np.full((y2 - y1 + 1 + 2 * pad, x2 - x1 + 1 + 2 * pad), 255, np.uint8)
    crop[pad:-pad, pad:-pad] = 255 - turned[y1 : y2 + 1, x1 : x2 + 1]
    return crop


def _upside_down(turned: np.ndarray, glyph: float, settings: OcrSettings) -> bool:
    """Whether upright names came out upside down: a projection cannot tell reading up
    from reading down, so the longest line is read both ways and the surer reading wins."""
    lines = _lines(turned > 64, glyph)
    if not lines:
        return False
    crop = _line_crop(turned, max(lines, key=lambda line: line[2] - line[0]), glyph)

    def sureness(image: np.ndarray) -> float:
        words = [w for w in ocr.read_words(image, settings, psm=7) if w.text.strip()]
        return sum(w.confidence * len(w.text) for w in words)

    return sureness(np.rot90(crop, 2).copy()) > sureness(crop)


def _known(reading: str) -> bool:
    """The reading names a known benchmark, or one OCR's reach from one."""
    name = split_setting(tidy_label(reading))[0]
    return is_known_benchmark(name) or closest_benchmark(name) is not None


def _read_line(crop: np.ndarray, settings: OcrSettings) -> tuple[str, float]:
    """A turned name laid level, read as one line; the second engine reads it too where
    Tesseract is unsure or reads no benchmark it knows, and the reading that names a known
    benchmark (or else the surer one) wins."""
    words = [w for w in ocr.read_words(crop, settings, psm=7) if w.text.strip()]
    text = " ".join(w.text for w in words)
    confidence = min((w.confidence for w in words), default=0.0)
    if (confidence >= SURE and _known(text)) or not second_engine(settings):
        return text, confidence
    other, other_confidence = rapid.text(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR))
    if (_known(other), other_confidence) > (_known(text), confidence):
        return other, other_confidence
    return text, confidence


# A turned name, as found: how far its foot stands from its column's middle, its reading,
# that reading's confidence, and the box it fills on the page.
Name = tuple[float, str, float, Box]


def _names_unsure(table: Table) -> bool:
    """Fewer than half the columns after the first have a name read as a word, surely:
    turned names read level come out as letters, nothing, or short low-confidence noise."""
    header = table.header_rows[0] if table.header_rows else []
    sure = sum(1 for cell in header[1:] if has_word(cell.text) and cell.confidence >= SURE_LEVEL)
    return sure < 0.5 * (table.n_cols - 1)


def _level_line_in_body(table: Table) -> bool:
    """Whether the table's first row is its level header line ("Model" under the turned
    names), taken for a body row because no name over it was read: it names its first
    column and holds no number."""
    if any(cell.text for row in table.header_rows for cell in row) or len(table.body) < 3:
        return False
    def numbers(row: list[Cell]) -> int:
        return sum(1 for cell in row[1:] if cell.text and is_numeric_text(cell.text))

    # the turned names' specks, read level, are sometimes digits
    return has_word(table.body[0][0].text) and numbers(table.body[0]) < 0.5 * numbers(
        table.body[1]
    )


def _turned_band(
    body: list[list[Cell]], spans: list[tuple[int, int]], prepared: Prepared
) -> tuple[np.ndarray, int, int, float] | None:
    """The ink over the numeric columns above ``body`` (rules taken out), its top and left
    in prepared pixels, and the body's glyph height there; None when no band of text taller
    than a level line stands on the body."""
    boxes = [cell.box for row in body for cell in row if cell.box is not None]
    first = [cell.box for cell in body[0] if cell.box is not None]
    if not boxes or not first:
        return None
    scale = prepared.scale
    glyph = float(median(box.height for box in boxes)) * scale
    body_top = min(box.y1 for box in first) * scale
    bottom = int(body_top - 0.15 * glyph)
    left = max(0, int(spans[1][0] * scale - glyph))
    top = max(0, int(body_top - BAND_REACH * glyph))
    if bottom - top < MIN_BAND * glyph or left >= prepared.grey.shape[1]:
        return None
    ink = _without_rules((prepared.grey[top:bottom, left:] < 128).astype(np.uint8) * 255, glyph)
    band_top = _band_bottom_up(ink, glyph)
    if band_top is None or ink.shape[0] - band_top < MIN_BAND * glyph:
        return None
    return ink[band_top:], top + band_top, left, glyph


def _read_turned(
    body: list[list[Cell]], spans: list[tuple[int, int]], prepared: Prepared,
    settings: OcrSettings,
) -> dict[int, Name]:
    """The turned names standing on ``body``, by the column under each one's foot."""
    band = _turned_band(body, spans, prepared)
    if band is None:
        return {}
    ink, top, left, glyph = band
    angle = _refined_angle(ink)
    turned, matrix = turn(ink, angle, border=0)
    if abs(angle) > 80 and _upside_down(turned, glyph, settings):
        turned, matrix = turn(ink, angle + 180, border=0)
    back = cv2.invertAffineTransform(matrix)
    scale = prepared.scale
    centres = [(x1 + x2) / 2 * scale for x1, x2 in spans]
    pitch = float(np.median(np.diff(centres[1:]))) if len(centres) > 2 else glyph * 4
    names: dict[int, Name] = {}
    for x1, y1, x2, y2 in _lines(turned > 64, glyph):
        middle = (y1 + y2) / 2
        ends = [back @ np.array([x, middle, 1.0]) for x in (x1, x2)]
        foot_x, foot_y = max(ends, key=lambda point: point[1])
        if ink.shape[0] - foot_y > FOOT_REACH * glyph:
            continue
        page_x = left + foot_x
        column = min(range(1, len(spans)), key=lambda c: abs(centres[c] - page_x))
        off = abs(centres[column] - page_x)
        if off > 0.6 * pitch or (column in names and names[column][0] <= off):
            continue
        text, confidence = _read_line(_line_crop(turned, (x1, y1, x2, y2), glyph), settings)
        corners = np.array([back @ np.array([x, y, 1.0]) for x in (x1, x2) for y in (y1, y2)])
        (bx1, by1), (bx2, by2) = corners.min(axis=0), corners.max(axis=0)
        box = Box(x1=int((left + bx1) / scale), y1=int((top + by1) / scale),
                  x2=int((left + bx2) / scale) + 1, y2=int((top + by2) / scale) + 1)
        names[column] = (off, tidy_label(text).strip("-'\".,:;|_ "), confidence, box)
    # text at another angle (a level line, a caption) read turned is noise, read unsurely
    return {c: name for c, name in names.items() if name[2] >= MIN_CONFIDENCE}


def read_turned_headers(
    table: Table, layout: Layout, prepared: Prepared, settings: OcrSettings
) -> None:
    """Names of a table's numeric columns read at their angle, where the level reading
    left most of them unsure and the model column is the first."""
    if table.n_cols < 3 or len(table.body) < 2 or not _names_unsure(table):
        return
    if model_column(table) != 0:
        return
    in_body = _level_line_in_body(table)
    found = _read_turned(table.body[1:] if in_body else table.body, layout.spans, prepared,
                         settings)
    if sum(has_word(name[1]) for name in found.values()) < 0.5 * (table.n_cols - 1):
        return
    if in_body:  # the level line is the header, the names over it its cells
        line = table.body.pop(0)
        table.n_rows = len(table.body)
        for r, row in enumerate(table.body):
            for cell in row:
                cell.row = r
        set_header(table, [cell.model_copy(update={"row": 0}) for cell in line])
    elif not table.header_rows:
        set_header(table, [Cell(row=0, col=c, text="") for c in range(table.n_cols)])
    for c, (_, name, confidence, box) in found.items():
        table.columns[c] = name
        # the name's own place and sureness: later readers of the level line leave it be
        cell = table.header_rows[0][c]
        cell.text, cell.confidence, cell.box = name, confidence, box
        cell.readings.update({"turned": name})
