"""A table's (model, column, value) structure as the checks see it, where the table reader
named its rows from the wrong column.

A page's sidebar or a row number beside a table can be read as the table's first column;
the reader then names each row from it ("FAQ", "", "", ...) and every score loses its
model. The column that names the rows is the one with the most distinct names in it: the
checks take each row's name from there. Only the evidence the checks use changes; the
record keeps what the reader read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..record import Row, Score, Table
from ..units import normalise_model_name

# A name has letters: "72B", "61.2" and "–" name no row.
_NAME_RE = re.compile(r"[^\W\d_]{2}")
# The reader's names must be this many fewer than the column's for the column to win.
NAMES_AHEAD = 2


def _names(cells: Sequence[str]) -> set[str]:
    return {text.strip() for text in cells if _NAME_RE.search(text)}


def _name_column(table: Table) -> int | None:
    """The column with the most distinct names; None for a table of fewer than two rows."""
    if len(table.body) < 2:
        return None
    width = max(len(line) for line in table.body)
    counts = [len(_names([line[c].text for line in table.body if c < len(line)]))
              for c in range(width)]
    best = max(range(width), key=lambda c: (counts[c], -c), default=None)
    return best if best is not None and counts[best] >= 2 else None


def _renamer(table: Table, named: Sequence[str | None]) -> dict[int, str] | None:
    """New names by the cells' row number, where the column with the most names has
    ``NAMES_AHEAD`` more than the reader gave the rows (``named``: its name per row)."""
    column = _name_column(table)
    if column is None:
        return None
    given = _names([name or "" for name in named])
    found = {line[column].row: line[column].text.strip() for line in table.body
             if column < len(line) and _NAME_RE.search(line[column].text)}
    if len(set(found.values())) < len(given) + NAMES_AHEAD:
        return None
    return found


def renamed(
    tables: Sequence[Table], rows: Sequence[Row], scores: Sequence[Score]
) -> tuple[list[Row], list[Score]]:
    """Rows and scores of each table named from its column of names (copies where changed)."""
    new_rows, new_scores = list(rows), list(scores)
    for index, table in enumerate(tables):
        mine = [s for s in scores if s.evidence.get("table") == index
                and isinstance(s.evidence.get("row"), int)]
        ids = {id(s) for s in mine}
        by_row: dict[int, str] = {}
        for score in mine:
            by_row.setdefault(score.evidence["row"], score.model)
        lines = {line[0].row: line for line in table.body if line}
        if not all(any(cell.text.strip() == model.strip() for cell in lines.get(row, []))
                   for row, model in by_row.items() if model.strip()):
            continue  # names not taken from a column of the table as printed (turned)
        names = _renamer(table, [by_row.get(row) for row in lines])
        if not names:
            continue
        for i, score in enumerate(new_scores):
            if id(score) in ids and score.evidence["row"] in names:
                name = names[score.evidence["row"]]
                new_scores[i] = score.model_copy(update={
                    "model": name, "model_normalised": normalise_model_name(name)})
        body_rows = [line[0].row for line in table.body if line]
        for i, row in enumerate(new_rows):
            where = row.evidence
            if where.get("table") != index or not isinstance(where.get("row"), int):
                continue
            cell_row = body_rows[where["row"]] if where["row"] < len(body_rows) else None
            if cell_row in names:
                new_rows[i] = row.model_copy(update={"model": names[cell_row]})
    return new_rows, new_scores
