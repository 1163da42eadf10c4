"""A decimal comma the OCR lost in a size or a token count: a European table prints
"1,4 T" and "4,5T" beside scores like "67,3", and a small comma between two digits is
often read as nothing ("14T", "45T"). A size column's values span orders of magnitude,
so no range tells 14 from 1.4: the ink does. In a table whose cells print decimal commas
(``units.prints_decimal_commas``), a size's cell read as bare digits whose box holds a
small mark on the baseline between two of its digits gets its comma back there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..record import Box, Flag, Table
from ..units import PARAMS_COLUMN_RE, TOKENS_COLUMN_RE, prints_decimal_commas
from .cells import ink_marks
from .repairs import repair_cell

if TYPE_CHECKING:
    from ..preprocess import Prepared

# A size read as bare digits, perhaps with its unit ("14T", "45 Bio.").
_BARE_SIZE_RE = re.compile(r"(?P<digits>\d{2,4})(?P<unit>\s*[^\d\s.,][^\d]*)?")
# A glyph (digit or letter) stands this share of the box's height at least; a comma is
# at most this small, in the box's lower part.
GLYPH = 0.5
MARK = 0.4


def _comma_after(prepared: Prepared, box: Box, digits: int) -> int | None:
    """How many of the box's first ``digits`` digits stand before a comma-sized mark on
    their baseline, when one stands between two of them; else None."""
    scale = prepared.scale
    top, bottom = int(box.y1 * scale), int(box.y2 * scale) + 1
    left, right = int(box.x1 * scale), int(box.x2 * scale) + 1
    window = prepared.grey[max(0, top) : bottom, max(0, left) : right]
    if window.shape[0] < 6 or window.shape[1] < 6:
        return None
    rows = window.shape[0]
    marks = ink_marks(window)
    glyphs = sorted(x + w / 2 for x, y, w, h, _ in marks if h >= GLYPH * rows)
    for x, y, w, h, area in marks:
        small = 0.08 * rows <= h <= MARK * rows and w <= MARK * rows and area >= 3
        if not small or y < 0.45 * rows:
            continue
        before = sum(1 for centre in glyphs if centre < x + w / 2)
        if 1 <= before < digits:
            return before
    return None


def restore_lost_commas(table: Table, prepared: Prepared | None) -> list[Flag]:
    """Size and token cells of a decimal-comma table read without their comma, mended."""
    if prepared is None or not prints_decimal_commas(
        [cell.text for row in table.body for cell in row]
    ):
        return []
    flags = []
    for c, name in enumerate(table.columns):
        if not (PARAMS_COLUMN_RE.search(name) or TOKENS_COLUMN_RE.search(name)):
            continue
        for row in table.body:
            cell = row[c]
            bare = _BARE_SIZE_RE.fullmatch(cell.text.strip())
            if cell.box is None or bare is None:
                continue
            digits = bare.group("digits")
            at = _comma_after(prepared, cell.box, len(digits))
            if at is None:
                continue
            after = f"{digits[:at]},{digits[at:]}{bare.group('unit') or ''}"
            why = "the table prints decimal commas, and a comma's ink stands between its digits"
            flags.append(repair_cell(table, cell, after, why))
    return flags
