"""Text set in a grid of rows and columns: a table's cells, which no chart's axis makes.

A column of a table's numbers steps evenly enough down the page to fit as a y axis (a
model-size column, 12, 6, 1.8 ... on a log scale; a column of scores), and the fills,
rules and page edges beside it then pass for bars. A chart's y tick labels stand alone on
their rows: the plot area beside them holds marks, and the text in it (value labels,
legend entries) does not continue each tick's row in the same columns. A table's column
does: every row goes on, left or right, into cells that line up down the rows.
"""

from __future__ import annotations

from ..ocr.phrase import Phrase
from .axes import Fit

GRID_ROWS = 2  # tick rows at least that continue into columns they share
GRID_COLUMNS = 2  # shared columns at least beside the tick's own on each such row
ROW_GAP = 12.0  # text heights: the widest gap between neighbouring cells of one row
LEVEL = 0.5  # text heights: the most a cell's middle stands off its neighbour's
OVERRUN = 0.3  # text heights: neighbouring boxes may overlap this much (loose OCR boxes)


def table_column(fit: Fit, found: list[Phrase]) -> bool:
    """The ticks of ``fit`` (a y axis) are a table's column: on most of their rows, and
    three at least, the tick's row runs on (no wider gap than a few text heights) into two
    cells or more that stand in columns shared with the other ticks' rows."""
    ticks = _distinct_rows(fit.ticks)
    rows = [_row_cells(tick, found) for tick in ticks]
    spans = [[(cell.box.x1, cell.box.x2) for cell in row] for row in rows]
    gridded = 0
    for i, row in enumerate(spans):
        shared = sum(
            1 + sum(any(_overlap(span, other) for other in others)
                    for j, others in enumerate(spans) if j != i) >= GRID_ROWS
            for span in row)
        gridded += shared >= GRID_COLUMNS
    return gridded >= GRID_ROWS and gridded >= 0.5 * len(ticks)


def _distinct_rows(ticks: list[Phrase]) -> list[Phrase]:
    """One tick a row: two readings of one label (or of two labels side by side) at one
    height are one row of the grid."""
    rows: list[Phrase] = []
    for tick in sorted(ticks, key=lambda p: p.box.cy):
        if not rows or abs(tick.box.cy - rows[-1].box.cy) > LEVEL * tick.height:
            rows.append(tick)
    return rows


def _row_cells(tick: Phrase, found: list[Phrase]) -> list[Phrase]:
    """The text that continues ``tick``'s row either way: each next piece level with the
    last one taken (a slanted photo's rows drift) and no further than ``ROW_GAP`` text
    heights from it."""
    others = [p for p in found if not _overlap((p.box.x1, p.box.x2), (tick.box.x1, tick.box.x2))
              or abs(p.box.cy - tick.box.cy) > LEVEL * tick.height]
    cells: list[Phrase] = []
    for leftwards in (False, True):
        last = tick
        while True:
            reach = ROW_GAP * last.height
            beside = [p for p in others if abs(p.box.cy - last.box.cy) <= LEVEL * last.height
                      and -OVERRUN * last.height <= _gap(last, p, leftwards) <= reach]
            if not beside:
                break
            last = min(beside, key=lambda p: _gap(last, p, leftwards))
            cells.append(last)
            others.remove(last)
    return cells


def _gap(last: Phrase, other: Phrase, leftwards: bool) -> float:
    """How far ``other`` starts past ``last`` going right (or left); negative behind it."""
    if leftwards:
        return float(last.box.x1 - other.box.x2)
    return float(other.box.x1 - last.box.x2)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])
