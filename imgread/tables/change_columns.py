"""Change columns that print each change's direction as an arrow ("▲1.2", "▼0.4"), as
model cards and boards print a "Δ vs base" or "change" column.

Tesseract reads the filled triangles as letters: "▲" as "A" or "a" (or "^"), "▼" as "v" or
"V". A cell "A3.6" is no number, so the column was no column of numbers and its changes
went unscored. Where most filled cells of a column are one such mark and a number (the
rest plain numbers, whose arrow a re-read lost), and the marks are arrows or letters of
both directions (a column of versions prints "v1.5" only), the letters are the arrows."""

from __future__ import annotations

import re

from ..record import Table
from ..units import is_missing, parse_number

_UP = "▲△↑⬆"
_DOWN = "▼▽↓⬇"
# What OCR makes of each direction's arrow when it reads it as a letter.
_UP_LETTERS = "Aa^"
_DOWN_LETTERS = "vV"
_MARKED_RE = re.compile(
    rf"^(?P<mark>[{_UP}{_DOWN}{_UP_LETTERS}{_DOWN_LETTERS}])\s?(?P<number>\d+(?:[.,]\d+)?%?)$"
)

_PLAIN_RE = re.compile(r"^\d+(?:[.,]\d+)?%?$")


def mark_change_columns(table: Table) -> None:
    """The arrows of a column of changes read as letters made arrows again. Run before the
    re-reads (which settle against the page's reading) and again after the second engine,
    which reads an arrow that Tesseract took for a digit ("43.6" for "▲3.6")."""
    for c in range(table.n_cols):
        filled = [row[c] for row in table.body if row[c].text and not is_missing(row[c].text)]
        # a cell whose arrow a re-read lost ("0.8") is a plain number among them
        if not all(_MARKED_RE.match(cell.text.strip()) or _PLAIN_RE.match(cell.text.strip())
                   for cell in filled):
            continue
        cells = [cell for cell in filled if _MARKED_RE.match(cell.text.strip())]
        matches = [_MARKED_RE.match(cell.text.strip()) for cell in cells]
        if len(cells) < max(2, 0.5 * len(filled)):
            continue
        marks = {match.group("mark") for match in matches if match}
        glyphs = marks & set(_UP + _DOWN)
        both = marks & set(_UP + _UP_LETTERS) and marks & set(_DOWN + _DOWN_LETTERS)
        if not glyphs and not both:
            continue
        for cell, match in zip(cells, matches, strict=True):
            assert match is not None
            mark = match.group("mark")
            arrow = "▲" if mark in _UP_LETTERS else "▼" if mark in _DOWN_LETTERS else mark
            if arrow != mark:
                # the page's reading is what the re-reads settle against: the arrow's now
                cell.readings["arrow_read_as"] = cell.text
                cell.text = cell.readings["page"] = arrow + match.group("number")
                cell.value = parse_number(cell.text)
