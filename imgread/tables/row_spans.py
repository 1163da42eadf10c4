"""Cells merged over several rows (HTML ``rowspan``, LaTeX ``\\multirow``) in a column of
values: a family's size printed once, centred on the family's rows, the other rows of the
block blank in that column. The value belongs to every row it spans, so each of them gets
a copy.

Which rows a cell spans is told by geometry, never by what the cells say:

- **its vertical extent against the rows' bands**: a merged cell's value is centred on
  the rows it spans (on the boundary between two rows of an even span, in the middle row
  of an odd one), so a span is a run of rows, blank but for the value, whose middle is the
  value's middle;
- **the rules that stop at it**: a row rule (or a stripe's edge) that crosses the column
  closes its cells there, so no span runs over it; one that runs under the names but
  stops at the column says the column's cell goes on (a top-aligned value's span is the
  run of rows between two closing rules, open between them);
- **the empty cells around it**: the spans of one column's values do not overlap, and
  together they cover as many of its blank rows as they can.

A column is read so only where it shows a merged cell: a value set between two rows, or a
row rule that stops at the column beside a blank cell. A blank cell of a column of values
printed row by row (a size missing from one model) stays blank.
"""

from __future__ import annotations

import numpy as np

from ..preprocess import Prepared
from ..record import Table
from .columns import model_column, numeric_columns, quantity_columns

# A rule's pixels differ from the ground between two rows by at least this much (grey
# levels): the palest web rules (#eee on white) differ by 17, JPEG noise by a few.
RULE_CONTRAST = 8
# Share of a column's width a row of pixels must cover to be a rule across that column.
RULE_COVER = 0.85
MIN_GAP = 2  # pixels between two rows' text for a rule to lie in
# A value is centred on its span within this share of the rows' pitch (a span of two rows
# puts it half a pitch off either row's middle).
CENTRE_TOLERANCE = 0.25

Span = tuple[int, int]  # first and last row


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


def _boundaries(
    table: Table, c: int, names: int, bands: list[tuple[float, float]], image: np.ndarray | None
) -> list[str]:
    """For each boundary between body rows r and r + 1, what the pixels between them say of
    column ``c``: "closed" (a rule crosses it), "open" (a rule runs under the names but
    stops at it) or "" (no rule there, or no pixels to look at)."""
    states = [""] * (len(bands) - 1)
    columns = _extent(table, c)
    names_x = _extent(table, names)
    if image is None or columns is None or names_x is None:
        return states
    # A value printed across a boundary fills the strip there with its own strokes.
    printed = [box for row in table.body if row[c].text and (box := row[c].box) is not None]
    for r in range(len(states)):
        top, bottom = int(bands[r][1]) + 1, int(bands[r + 1][0])
        if bottom - top < MIN_GAP or any(b.y1 < bottom and b.y2 > top for b in printed):
            continue
        across_column = _ruled(image, top, bottom, *columns)
        if across_column:
            states[r] = "closed"
        elif across_column is False and _ruled(image, top, bottom, *names_x):
            states[r] = "open"
    return states


def _candidates(
    r: int,
    limits: Span,
    middle: float,
    bands: list[tuple[float, float]],
    states: list[str],
    tolerance: float,
) -> list[Span]:
    """The spans the value of row ``r`` may fill within ``limits`` (the rows between its
    neighbours' values), largest first: no closing rule inside, and centred on the value,
    or closed by rules at both ends and open all through (a value set at its span's top).
    The value's own row alone is always one."""
    spans = [(r, r)]
    for a in range(r, limits[0] - 1, -1):
        if a < r and states[a] == "closed":
            break
        for b in range(r, limits[1] + 1):
            if b > r and states[b - 1] == "closed":
                break
            if a == b:
                continue
            centre = (bands[a][0] + bands[b][1]) / 2
            ruled = (
                (a == 0 or states[a - 1] == "closed")
                and (b == len(bands) - 1 or states[b] == "closed")
                and all(state == "open" for state in states[a:b])
            )
            if abs(centre - middle) <= tolerance or ruled:
                spans.append((a, b))
    return sorted(spans, key=lambda span: span[0] - span[1])


def _merged_spans(
    table: Table, c: int, names: int, image: np.ndarray | None
) -> list[tuple[int, Span]]:
    """Column ``c``'s values that are merged cells, each with its row and the rows it
    spans; none when the column shows no merged cell."""
    found = _bands(table, c)
    bands = [band for band in found if band is not None]
    if len(bands) < len(found) or len(bands) < 2:
        return []
    centres = [(top + bottom) / 2 for top, bottom in bands]
    pitch = float(np.median(np.diff(centres)))
    if pitch <= 0:
        return []
    tolerance = CENTRE_TOLERANCE * pitch
    values = [
        (r, (box.y1 + box.y2) / 2)
        for r, row in enumerate(table.body)
        if row[c].text and (box := row[c].box) is not None
    ]
    if not values:
        return []
    states = _boundaries(table, c, names, bands, image)
    blank = [not row[c].text for row in table.body]
    straddles = any(abs(middle - centres[r]) > tolerance for r, middle in values)
    stops = any(state == "open" and (blank[r] or blank[r + 1]) for r, state in enumerate(states))
    if not (straddles or stops):
        return []
    # One span per value, in order, none overlapping, covering the most rows; of two ways
    # as good, the one whose earlier spans are larger. Per last row covered, the best way.
    best: dict[int, tuple[int, tuple[int, ...], list[Span]]] = {-1: (0, (), [])}
    for k, (r, middle) in enumerate(values):
        lowest = values[k - 1][0] + 1 if k else 0
        highest = values[k + 1][0] - 1 if k + 1 < len(values) else len(bands) - 1
        options = _candidates(r, (lowest, highest), middle, bands, states, tolerance)
        grown: dict[int, tuple[int, tuple[int, ...], list[Span]]] = {}
        for end, (covered, sizes, chosen) in best.items():
            for a, b in options:
                if a <= end:
                    continue
                way = (covered + b - a + 1, (*sizes, b - a), [*chosen, (a, b)])
                if b not in grown or way[:2] > grown[b][:2]:
                    grown[b] = way
        if not grown:
            return []
        best = grown
    chosen = max(best.values(), key=lambda way: way[:2])[2]
    return [(r, span) for (r, _), span in zip(values, chosen, strict=True) if span[0] < span[1]]


def spread_row_spans(table: Table, prepared: Prepared | None) -> None:
    """Each value merged over several rows, copied into every row it spans."""
    names = model_column(table)
    if names is None or len(table.body) < 2:
        return
    # Cheap gate: a column of sizes or tokens (what a family's rows share; a score is each
    # row's own, and a chart's labels read as a table are scores) with a blank cell beside
    # a filled one.
    quantities = quantity_columns(table)
    candidates = [
        c
        for c in numeric_columns(table)
        if c != names
        and c in quantities
        and any(
            bool(upper[c].text) != bool(lower[c].text)
            for upper, lower in zip(table.body, table.body[1:], strict=False)
        )
    ]
    if not candidates:
        return
    image = _pixels(prepared)
    for c in candidates:
        for r, (a, b) in _merged_spans(table, c, names, image):
            source = table.body[r][c]
            for s in range(a, b + 1):
                if s != r:
                    table.body[s][c] = source.model_copy(
                        update={"row": table.body[s][names].row, "readings": dict(source.readings)}
                    )


def _pixels(prepared: Prepared | None) -> np.ndarray | None:
    """The loaded image, where cells' boxes are its pixels (no deskew turn): the rules
    are still in it."""
    if prepared is None or prepared.rgb is None or prepared.angle:
        return None
    return prepared.rgb
