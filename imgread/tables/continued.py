"""A longtable over two pages is one table: its second fragment repeats the header, and the
two copies vote on each column's name.

A paper's table continued on the next page ("Table 3 (continued)", the header printed
again) was read as two tables, each with its own header; a name misread in one copy stayed
misread. Two tables one under the other, over the same columns (as many, overlapping
across), whose headers agree column by column (every name but one the same, and at least
two), are one: the rows of both, the header once. Where the copies differ, the name that
is a known benchmark, else the surer reading, names the column. Nothing here looks for the
word "continued": a repeated header is the evidence.
"""

from __future__ import annotations

from ..names import is_known_benchmark
from ..record import Cell, Table
from .lines import tidy_label

# The fragments share their columns: each one's width overlaps the other's by this share.
MIN_ACROSS_OVERLAP = 0.6


def _folded(name: str) -> str:
    return "".join(ch for ch in tidy_label(name).lower() if ch.isalnum())


def _same_columns(upper: Table, lower: Table) -> bool:
    if upper.n_cols != lower.n_cols or len(upper.columns) != len(lower.columns):
        return False
    if lower.box.y1 < upper.box.y2:  # the second fragment lies below the first
        return False
    across = min(upper.box.x2, lower.box.x2) - max(upper.box.x1, lower.box.x1)
    narrower = min(upper.box.width, lower.box.width)
    if narrower <= 0 or across < MIN_ACROSS_OVERLAP * narrower:
        return False
    agree = sum(1 for a, b in zip(upper.columns, lower.columns, strict=True)
                if _folded(a) and _folded(a) == _folded(b))
    return agree >= 2 and agree >= len(upper.columns) - 1


def _header_confidence(table: Table, column: int) -> float:
    cells = [row[column] for row in table.header_rows if column < len(row)]
    return min((cell.confidence for cell in cells if cell.text), default=0.0)


def _voted_name(upper: Table, lower: Table, column: int) -> str:
    first, second = upper.columns[column], lower.columns[column]
    if _folded(first) == _folded(second):
        return first
    known = [name for name in (first, second) if is_known_benchmark(name)]
    if len(known) == 1:
        return known[0]
    if _header_confidence(lower, column) > _header_confidence(upper, column):
        return second
    return first


def _renumbered(rows: list[list[Cell]], start: int) -> list[list[Cell]]:
    return [[cell.model_copy(update={"row": start + r}) for cell in row]
            for r, row in enumerate(rows)]


def _joined(upper: Table, lower: Table) -> Table:
    columns = [_voted_name(upper, lower, c) for c in range(len(upper.columns))]
    settings = [a if a is not None else b
                for a, b in zip(upper.settings, lower.settings, strict=False)]
    body = upper.body + _renumbered(lower.body, len(upper.header_rows) + len(upper.body))
    return upper.model_copy(update={
        "box": upper.box.union(lower.box),
        "n_rows": len(upper.header_rows) + len(body),
        "columns": columns,
        "settings": settings or upper.settings,
        "body": body,
        "summary": upper.summary + lower.summary,
    })


def join_continued(tables: list[Table]) -> list[Table]:
    """``tables`` with each fragment that continues the one above it joined to it, in the
    order the first fragments came."""
    order = sorted(range(len(tables)), key=lambda i: (tables[i].box.y1, tables[i].box.x1))
    joined: dict[int, Table] = {}
    last: int | None = None
    for index in order:
        if last is not None and _same_columns(joined[last], tables[index]):
            joined[last] = _joined(joined[last], tables[index])
        else:
            joined[index] = tables[index]
            last = index
    return [joined[i] for i in sorted(joined)]
