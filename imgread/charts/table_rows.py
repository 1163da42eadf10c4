"""A table's data bars are no chart: bars that stand on the rows of a table the tables
stage read, each row holding a name and several numbers.

A dashboard or spreadsheet draws a bar behind each score (Excel's and Power BI's "data
bars"): a column of them, each from its cell's left edge and as long as its value, is
what a lying bar chart looks like, and the numbers over them fit as its labels or as an
axis. What a chart's bars never do is share their rows with other numbers: a lying bar
chart's row holds a category name, its bar and at most that bar's value. So where the
table reader found rows and columns there, and most of the chart's bars fall on body rows
that hold a name and two numbers or more, the page is the table it was read as.
"""

from __future__ import annotations

from ..record import Cell, Chart, Table

# Bars that must stand on a table's rows before the chart is called the table's.
MIN_BARS = 3
# Of the chart's bars: this share on rows of a table.
ROW_SHARE = 2 / 3
# A row of a table, as opposed to a chart's row of a name and its value: numbers in it.
MIN_NUMBERS = 2


def _is_name(cell: Cell) -> bool:
    return cell.value is None and sum(c.isalpha() for c in cell.text) >= 2


def _table_row_at(x: float, y: float, table: Table) -> bool:
    """The point lies in a body row of ``table`` that holds a name and several numbers."""
    box = table.box
    if not (box.x1 <= x <= box.x2 and box.y1 <= y <= box.y2):
        return False
    for row in table.body:
        boxes = [cell.box for cell in row if cell.box is not None and cell.text]
        if not boxes:
            continue
        top, bottom = min(b.y1 for b in boxes), max(b.y2 for b in boxes)
        reach = 0.5 * (bottom - top)  # a bar is taller than its row's text
        if top - reach <= y <= bottom + reach:
            numbers = sum(cell.value is not None for cell in row)
            return numbers >= MIN_NUMBERS and any(_is_name(cell) for cell in row)
    return False


def bars_on_table_rows(chart: Chart, tables: list[Table]) -> bool:
    """Most of a bar chart's bars (three at least) stand on rows of a table read that
    hold a name and several numbers: the chart is that table's data bars."""
    if chart.kind not in ("bar", "hbar") or not tables:
        return False
    points = [p for series in chart.series for p in series.points]
    on_rows = sum(any(_table_row_at(p.px, p.py, t) for t in tables) for p in points)
    return on_rows >= MIN_BARS and on_rows >= ROW_SHARE * len(points)
