"""A table's summary row: "Average", "Mean", "Avg.", "Median" or "Total" in the name
column under the model rows, often bold or after a rule, its values the column means
(medians, sums) of the rows above. It names no model, so it is no model row: it is kept in
``Table.summary``, out of the body that rows and scores are read from.

A row is told by what it says or by what its numbers are, never by where it sits alone (a
real model's row is often last): its label is a summary word of the page's language, or
each of its values is one statistic (the mean, the median or the sum) of the rows above,
within the rounding the table prints.
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import mean, median

from ..record import Cell, Table
from .columns import model_column, models_across, numeric_columns
from .repairs import shape

# Summary labels, English and the other languages tables are read in.
SUMMARY_WORDS = {
    "average",
    "avg",
    "mean",
    "median",
    "total",
    "sum",
    "overall",
    "moyenne",
    "durchschnitt",
    "mittelwert",
    "gesamt",
    "summe",
    "promedio",
    "media",
    "平均",
    "平均值",
    "平均分",
    "均值",
    "合计",
    "总计",
    "总分",
    "合計",
    "総計",
}
# A label is a summary word and a few more words ("Average score", "Mean of all").
LABEL_WORDS = 3
STATISTICS: dict[str, Callable[[list[float]], float]] = {
    "mean": mean,
    "median": median,
    "sum": sum,
}
# Rows a summary needs above it; summary rows a table ends in, at the most.
MIN_ROWS_ABOVE = 2
MAX_SUMMARIES = 3


def is_summary_label(text: str) -> bool:
    """``text`` names a summary, not a model: its first word is a summary word, and no
    word holds a digit (a model's name states a size or a version)."""
    words = text.strip().split()
    if not words or len(words) > LABEL_WORDS or any(c.isdigit() for c in text):
        return False
    return words[0].lower().strip(".:,;*") in SUMMARY_WORDS


def _step(cells: list[Cell]) -> float:
    """Half the last printed decimal's unit, the most a printed cell is off its value."""
    places = max((shape(cell.text)[0] or 0 for cell in cells), default=0)
    return 0.5 * 10.0**-places


def _summarises(row: list[Cell], above: list[list[Cell]], columns: list[int]) -> bool:
    """Each value of ``row`` in ``columns`` (two at least) is one statistic of the column's
    values above it, within the rounding of both."""
    filled = [c for c in columns if row[c].value is not None]
    if len(filled) < 2:
        return False
    for statistic in STATISTICS.values():
        fits = True
        for c in filled:
            cells = [r[c] for r in above if r[c].value is not None]
            if len(cells) < MIN_ROWS_ABOVE:
                fits = False
                break
            values = [float(cell.value) for cell in cells if cell.value is not None]
            slack = _step([row[c]]) + _step(cells) * (len(cells) if statistic is sum else 1)
            if abs(float(row[c].value or 0.0) - statistic(values)) > slack + 1e-9:
                fits = False
                break
        if fits:
            return True
    return False


def move_summary_rows(table: Table) -> None:
    """The summary rows the body ends in, and those labelled so inside it, moved to
    ``table.summary`` (top to bottom)."""
    names = model_column(table)
    if names is None or models_across(table):
        return  # benchmarks in rows: an "Average" row is each model's average score
    columns = [c for c in numeric_columns(table) if c != names]
    moved: list[list[Cell]] = []
    while len(moved) < MAX_SUMMARIES and len(table.body) > MIN_ROWS_ABOVE:
        row, above = table.body[-1], table.body[:-1]
        if not (is_summary_label(row[names].text) or _summarises(row, above, columns)):
            break
        moved.insert(0, table.body.pop())
    # A table grouped in blocks closes each block with its own summary row ("Average" under
    # each family's rows): inside the body its label tells one, or, its name cell blank,
    # its values, each a statistic of its block's (the last rows since the summary before
    # it: a block of one row has no summary of its own between).
    inside: list[int] = []
    for r, row in enumerate(table.body):
        block = table.body[inside[-1] + 1 if inside else 0 : r]
        if r > 0 and (
            is_summary_label(row[names].text)
            or (
                not row[names].text.strip()
                and any(
                    _summarises(row, block[-k:], columns)
                    for k in range(MIN_ROWS_ABOVE, len(block) + 1)
                )
            )
        ):
            inside.append(r)
    if inside:
        moved = [table.body[r] for r in inside] + moved
        table.body = [row for r, row in enumerate(table.body) if r not in set(inside)]
    if moved:
        table.summary = moved + table.summary
