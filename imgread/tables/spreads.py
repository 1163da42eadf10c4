"""Columns of means with their spreads ("66.6 ± 0.4", a paper's table of runs).

A serif "±" is read as another glyph, often a digit, and the spread's small point is lost
with it: "79.7±1.4" reads "79.7414". ``units.mean_of_misread_spread`` knows such a cell
only while the spread keeps its point. Down a column that prints its means with their
spreads, a cell that is the column's mean shape (digits, a point, the column's decimals)
followed by one glyph and two or three digits is a mean whose spread lost its point: its
value is the mean. So is a cell that reads as a mean with more decimals than the column's
("74.6241.2" for "74.6±1.2": the "±" read as two glyphs). A spread read without its mean
("±0.6") gives no score.
"""

from __future__ import annotations

import re
from collections import Counter

from ..record import Flag, Table
from ..units import is_missing, mean_of_misread_spread

# "66.6±0.4", "66.6 ± 0.4", "66.6+0.4" (the minus lost): a mean with a printed spread.
_SPREAD_CELL_RE = re.compile(r"^(?P<mean>\d{1,3}\.(?P<places>\d{1,3}))\s*(?:±|\+/?-?)\s*\d")


# A spread whose mean was lost ("±0.6").
_LONE_SPREAD_RE = re.compile(r"^(?:±|\+/?-)\s*\d")


def _mean_places(text: str) -> int | None:
    """The decimals of the mean when ``text`` reads as a mean with its spread."""
    match = _SPREAD_CELL_RE.match(text.strip())
    if match:
        return len(match.group("places"))
    mean = mean_of_misread_spread(text)
    return len(mean.split(".")[1]) if mean else None


def repair_spread_column(table: Table, column: int) -> list[Flag]:
    """Cells of a column of means with spreads whose spread lost its point: the mean."""
    from .repairs import repair_cell

    cells = [row[column] for row in table.body if not is_missing(row[column].text)]
    places = [p for p in (_mean_places(cell.text) for cell in cells) if p is not None]
    if len(places) < 2 or len(places) < 0.5 * len(cells):
        return []
    usual = Counter(places).most_common(1)[0][0]
    flags = []
    # the mean with the column's decimals, one glyph for "±", the spread's digits
    pointless = re.compile(rf"^(?P<mean>\d{{1,3}}\.\d{{{usual}}})\S(?P<spread>\d{{2,3}})$")
    # the mean with the column's decimals, "±" read as two glyphs ("74.6±1.2" read
    # "74.6241.2", which alone reads as the mean 74.62 and the spread 1.2)
    two_glyphs = re.compile(rf"^(?P<mean>\d{{1,3}}\.\d{{{usual}}})\S\S(?P<spread>\d\.\d{{1,2}})$")
    for cell in cells:
        if _LONE_SPREAD_RE.match(cell.text.strip()) and cell.value is not None:
            # the mean was not read: the spread is no score, and no reading is better
            # than a wrong one
            cell.value = None
            flags.append(
                Flag(
                    kind="low_confidence",
                    message=f"read {cell.text!r}: a spread without its mean (column "
                    f"{table.columns[column] or column + 1}); no score",
                    severity="info",
                    source="ocr",
                    span=cell.text,
                    evidence={"text": cell.text, "row": cell.row, "col": cell.col},
                )
            )
            continue
        match = pointless.match(cell.text.strip())
        if match is None and _mean_places(cell.text) != usual:
            match = two_glyphs.match(cell.text.strip())
        if match is None:
            continue
        after = f"{match.group('mean')}±{match.group('spread')}"
        why = "the column prints means with spreads; the '±' was read as a glyph"
        flags.append(repair_cell(table, cell, after, why))
    return flags
