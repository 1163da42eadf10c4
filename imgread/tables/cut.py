"""A column cut off at the right edge: a wide leaderboard scrolled inside its frame, or a
screenshot cropped through a table, shows its last column only in part ("88.4" of "88.43",
"AlpacaEv" of "AlpacaEval"). What shows of it is no reading of that column: its numbers
would be wrong, so it is left out.

A column is cut where its text runs right up to the clip: each of its pieces ends at one x,
and the picture or its frame (a ruling line running down the rows) ends there, with no
padding between. A column set right in a framed table ends at one x too, but its cells
keep their padding from the frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..record import Table

if TYPE_CHECKING:
    from ..preprocess import Prepared

# Share of the last column's pieces that must end at the clip, and the most pixels between
# a piece's end and the clip (a ruling line's centre, or the picture's last pixel) for it to
# be cut there: a cut runs through the letters, while a cell set right keeps its padding
# (four pixels and more at any zoom: padding scales with the page's).
ENDING_AT_CLIP = 0.7
PADDING_PIXELS = 3


def clip_edge(table: Table, prepared: Prepared) -> int | None:
    """Where the table is clipped on the right: the picture's edge, or a ruling line down
    most of the body's height at the table's right end."""
    if prepared.angle:
        return None  # rules are in the loaded image's pixels; a turned page is no capture
    width = prepared.size[0]
    top, bottom = table.box.y1, table.box.y2
    edges = [width - 1]
    for rule in prepared.vertical:
        reach = min(rule.end, bottom) - max(rule.start, top)
        if reach >= 0.4 * (bottom - top):  # a frame's rule is found in pieces
            edges.append(rule.position)
    return min((x for x in edges if x >= table.box.x2 - PADDING_PIXELS), default=None)


def cut_column(table: Table, prepared: Prepared) -> int | None:
    """The last column, when it is cut at the clip."""
    if table.n_cols < 3 or not table.body:
        return None
    last = table.n_cols - 1
    boxes = [
        box for row in table.body if row[last].text.strip() and (box := row[last].box) is not None
    ]
    if len(boxes) < 3:
        return None
    edge = clip_edge(table, prepared)
    if edge is None:
        return None
    at_clip = 0
    for box in boxes:
        right = _ink_end(prepared, box.x1, box.y1, box.y2, edge)
        if right is not None and edge - right <= PADDING_PIXELS:
            at_clip += 1
    return last if at_clip >= ENDING_AT_CLIP * len(boxes) else None


def _ink_end(prepared: Prepared, left: int, top: int, bottom: int, edge: int) -> float | None:
    """The right end of the ink in a cell's band, short of the clip itself (the cell's box
    may have been widened by a re-read; a frame's rule, where it was not erased, is no
    letter): in loaded-image pixels."""
    scale = prepared.scale
    x1, x2 = int(left * scale), int((edge - 1) * scale)
    band = prepared.grey[int(top * scale) : int(bottom * scale) + 1, max(0, x1) : max(0, x2)]
    if band.size == 0:
        return None
    columns = np.flatnonzero((band < 128).any(axis=0))
    if columns.size == 0:
        return None
    return (max(0, x1) + int(columns[-1]) + 1) / scale


def drop_cut_column(table: Table, prepared: Prepared | None) -> None:
    """Empties the last column and its name when it is cut at the clip."""
    if prepared is None:
        return
    column = cut_column(table, prepared)
    if column is None:
        return
    for row in [*table.header_rows, *table.body]:
        if column < len(row):
            cell = row[column]
            cell.readings["cut"] = f"ends at the picture's right edge: {cell.text!r}"
            cell.text, cell.value = "", None
    if column < len(table.columns):
        table.columns[column] = ""
