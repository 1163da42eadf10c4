"""Field-type icons drawn before (or after) a column's name, told by their ink.

A no-code grid (Airtable, Baserow, a database view) draws a small icon for each field's type
in the header cell: a "#", an "A", a calendar, a "%" drawn as a picture. OCR reads it as a
character glued on ("%BBH", "& MMLU", "日 MMLU"), and a list of the characters it may be read
as is never complete. The ink tells instead: at the left (or right) end of the name's box, a
lone glyph set apart by a word space or more, and unlike the name's letters, either in size
(an icon is drawn smaller or larger than the capitals) or in tone (drawn in a grey the text
is not). A name's first word ("Avg", "5-shot") is several glyphs close together and has the
letters' height and tone, so it stays.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from ..record import Cell, Table

if TYPE_CHECKING:
    from ..preprocess import Prepared

# Glyphs closer than this (in the text's capital height) are one word.
WORD_GAP = 0.3
# An icon is this far from the capitals' height at least (smaller or larger), ...
SIZE_APART = 0.18
# ... or its ink this much lighter, of the way from the text's ink to the ground.
TONE_APART = 0.3
# An icon is about as wide as it is tall, never a run of letters.
ICON_ASPECT = 1.6


def _clusters(window: np.ndarray) -> list[tuple[int, int, int, int, float]]:
    """The runs of glyphs across ``window``, left to right: (x1, y1, x2, y2, ink tone)."""
    ink, ground = np.percentile(window, (1, 95))
    if ground - ink < 40:
        return []
    mask = (window < ground - 0.25 * (ground - ink)).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    pieces = [
        (int(x), int(y), int(x + w), int(y + h), i)
        for i, (x, y, w, h, area) in enumerate(stats)
        if i and area >= 3 and h < 0.95 * window.shape[0] and w < 0.9 * window.shape[1]
    ]
    if not pieces:
        return []
    cap = max(y2 - y1 for _, y1, _, y2, _ in pieces)
    pieces.sort()
    runs: list[list[tuple[int, int, int, int, int]]] = []
    for piece in pieces:
        if runs and piece[0] - max(p[2] for p in runs[-1]) <= WORD_GAP * cap:
            runs[-1].append(piece)
        else:
            runs.append([piece])
    found = []
    for run in runs:
        # Its darkest tenth: thin strokes are mostly antialiased edge, whatever their ink.
        tone = float(np.percentile(window[np.isin(labels, [p[4] for p in run])], 10))
        found.append((
            min(p[0] for p in run), min(p[1] for p in run),
            max(p[2] for p in run), max(p[3] for p in run), (tone - ink) / (ground - ink),
        ))
    return found


def _is_icon(run: tuple[int, int, int, int, float], text: list[tuple]) -> bool:
    """One run at a name's end unlike the name's glyphs in size or tone."""
    x1, y1, x2, y2, tone = run
    cap = float(median(b[3] - b[1] for b in text))
    text_tone = float(median(b[4] for b in text))
    height = y2 - y1
    if x2 - x1 > ICON_ASPECT * height:
        return False  # a word of several letters
    return abs(height - cap) >= SIZE_APART * cap or tone - text_tone >= TONE_APART


def _without_icons(text: str, before: bool, after: bool) -> str:
    """``text`` less what the icons at its ends were read as: a short word of its own, or a
    sign glued on ("%BBH")."""
    words = text.split()
    if before and len(words) > 1 and len(words[0]) <= 2:
        words = words[1:]
    elif before and len(words[0]) > 2 and not words[0][0].isalnum() and words[0][0] not in "([":
        words[0] = words[0][1:]
    if after and len(words) > 1 and len(words[-1]) <= 2:
        words = words[:-1]
    elif after and len(words[-1]) > 2 and not words[-1][-1].isalnum() and words[-1][-1] not in ")]":
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _icon_ends(prepared: Prepared, cell: Cell) -> tuple[bool, bool]:
    """Whether the ink of ``cell``'s name starts, and ends, with a type icon."""
    if cell.box is None:
        return False, False
    s = prepared.scale
    pad = max(2, int(0.3 * cell.box.height * s))
    window = prepared.grey[
        max(0, int(cell.box.y1 * s) - pad) : int(cell.box.y2 * s) + pad,
        max(0, int(cell.box.x1 * s) - 1) : int(cell.box.x2 * s) + 2,
    ]
    if window.shape[0] < 6 or window.shape[1] < 6:
        return False, False
    runs = _clusters(window)
    if len(runs) < 2:
        return False, False
    before = _is_icon(runs[0], runs[1:])
    after = len(runs) >= 3 and _is_icon(runs[-1], runs[int(before) : -1])
    return before, after


def strip_type_icon_ink(table: Table, prepared: Prepared | None) -> None:
    """Cut from each column name the characters a field-type icon at its ends was read as,
    where the ink shows the icon (see the module's docstring). Where two names or more
    carry one, as a grid's icons come, every name's icon goes; a lone one is left (the ends
of two names set close may hold two)."""
    if prepared is None or not table.header_rows:
        return
    header = table.header_rows[-1]
    ends = {cell.col: _icon_ends(prepared, cell) for cell in header if cell.col > 0 and cell.text}
    if sum(before + after for before, after in ends.values()) < 2:
        return
    for cell in header:
        before, after = ends.get(cell.col, (False, False))
        if not (before or after):
            continue
        name = _without_icons(cell.text, before, after)
        if name == cell.text or len(name) < 2:
            continue
        if cell.col < len(table.columns) and table.columns[cell.col] == cell.text:
            table.columns[cell.col] = name
        cell.readings.setdefault("page", cell.text)
        cell.text = name
