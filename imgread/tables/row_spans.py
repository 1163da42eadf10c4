"""Cells merged over several rows (HTML ``rowspan``, LaTeX ``\\multirow``) in a column of
values: a family's size printed once, centred on the family's rows or at their top, the
other rows of the block blank in that column. The value belongs to every row it spans, so
each of them gets a copy.

Which rows a cell spans is told by geometry, never by what the cells say:

- **the rules that stop at it**: where a row rule (or a band's edge, a stripe) runs between
  two rows across the names but not across the column, the column's cell goes on over
  both rows;
- **its vertical extent against the rows' bands**: a value whose middle lies nearer the
  boundary between two rows than either row's middle is neither row's alone.

A block of rows joined so, holding one value in the column and blanks in its other rows,
is one merged cell. A blank cell with a rule under and over it in its column (a value
missing from one row of a ruled table) is no part of any merged cell and stays blank.
"""

from __future__ import annotations

import numpy as np

from ..preprocess import Prepared
from ..record import Table
from .columns import model_column, numeric_columns

# A rule's pixels differ from the ground between two rows by at least this much (grey
# levels): the palest web rules (#eee on white) differ by 17, JPEG noise by a few.
RULE_CONTRAST = 8
# Share of a column's width a row of pixels must cover to be a rule across that column.
RULE_COVER = 0.85
MIN_GAP = 2  # pixels between two rows' text for a rule to lie in


def _bands(table: Table, skip: int) -> list[tuple[float, float] | None]:
    """Each body row's text from top to bottom, without column ``skip`` (the merged value
    itself would stretch the row it was placed in)."""
    bands: list[tuple[float, float] | None] = []
    for row in table.body:
        boxes = [cell.box for cell in row if cell.col != skip and cell.box is not None]
        bands.append((min(b.y1 for b in boxes), max(b.y2 for b in boxes)) if boxes else None)
    return bands


def _extent(table: Table, c: int) -> tuple[int, int] | None:
    """Column ``c``'s text from left to right over the body."""
    boxes = [box for row in table.body if row[c].text and (box := row[c].box) is not None]
    if not boxes:
        return None
    return min(b.x1 for b in boxes), max(b.x2 for b in boxes)


def _ruled(image: np.ndarray, top: int, bottom: int, x1: int, x2: int) -> bool | None:
    """A rule (or a ground's edge) runs across ``x1..x2`` somewhere between ``top`` and
    ``bottom``; None when the strip lies outside the image."""
    strip = image[max(0, top) : max(0, bottom), max(0, x1) : max(0, x2)]
    if strip.shape[0] < 1 or strip.shape[1] < 3:
        return None
    if strip.ndim == 3:
        strip = strip.mean(axis=2)
    ground = float(np.median(strip))
    differs = np.abs(strip.astype(np.int16) - ground) >= RULE_CONTRAST
    return bool((differs.mean(axis=1) >= RULE_COVER).any())


def _joins(table: Table, c: int, names: int, image: np.ndarray | None) -> list[bool]:
    """For each boundary between body rows r and r + 1: does column ``c``'s cell go on over
    both rows?"""
    bands = _bands(table, c)
    joins = [False] * max(0, len(table.body) - 1)
    columns = _extent(table, c)
    names_x = _extent(table, names)
    if image is not None and columns is not None and names_x is not None:
        for r in range(len(joins)):
            above, below = bands[r], bands[r + 1]
            if above is None or below is None or below[0] - above[1] < MIN_GAP:
                continue
            top, bottom = int(above[1]) + 1, int(below[0])
            across_names = _ruled(image, top, bottom, *names_x)
            across_column = _ruled(image, top, bottom, *columns)
            joins[r] = bool(across_names) and across_column is False
    for r, row in enumerate(table.body):
        box = row[c].box
        if not row[c].text or box is None:
            continue
        middle = (box.y1 + box.y2) / 2
        # A value between two rows' middles, nearer their boundary than either middle.
        for s in (r - 1, r):
            if s < 0 or s + 1 >= len(table.body):
                continue
            above, below = bands[s], bands[s + 1]
            if above is None or below is None:
                continue
            centre_above = (above[0] + above[1]) / 2
            centre_below = (below[0] + below[1]) / 2
            boundary = (above[1] + below[0]) / 2
            if centre_above < middle < centre_below and abs(middle - boundary) < min(
                middle - centre_above, centre_below - middle
            ):
                joins[s] = True
    return joins


def _blocks(joins: list[bool]) -> list[list[int]]:
    """Runs of rows joined boundary by boundary."""
    blocks = [[0]]
    for r, joined in enumerate(joins):
        if joined:
            blocks[-1].append(r + 1)
        else:
            blocks.append([r + 1])
    return blocks


def spread_row_spans(table: Table, prepared: Prepared | None) -> None:
    """Each value merged over several rows, copied into every row it spans."""
    names = model_column(table)
    if names is None or len(table.body) < 2:
        return
    # Cheap gate: a column of values with a blank cell beside a filled one.
    candidates = [
        c
        for c in numeric_columns(table)
        if c != names
        and any(
            bool(upper[c].text) != bool(lower[c].text)
            for upper, lower in zip(table.body, table.body[1:], strict=False)
        )
    ]
    if not candidates:
        return
    image = _pixels(prepared)
    for c in candidates:
        for block in _blocks(_joins(table, c, names, image)):
            filled = [r for r in block if table.body[r][c].text]
            if len(block) < 2 or len(filled) != 1:
                continue
            source = table.body[filled[0]][c]
            for r in block:
                if r != filled[0]:
                    table.body[r][c] = source.model_copy(
                        update={"row": table.body[r][names].row, "readings": dict(source.readings)}
                    )


def _pixels(prepared: Prepared | None) -> np.ndarray | None:
    """The loaded image, where cells' boxes are its pixels (no deskew turn): the rules
    are still in it."""
    if prepared is None or prepared.rgb is None or prepared.angle:
        return None
    return prepared.rgb
