"""Footnote and citation marks in brackets, as wikis and papers set them after a name, a
value or a column name: "Llama 2 70B[note 2]", "70.0%[13]", "MMLU[a]", "[注 1]". A mark is
no part of what it follows. OCR reads it whole, or loses its closing bracket at a cell's
edge ("[注9", "[note"), or sets it apart as a cell of its own, which made a column of marks
under a copy of its neighbour's name."""

from __future__ import annotations

import re

from ..record import Cell, Table, Word
from ..units import is_missing, parse_number

# A mark's inside: a number, a lower-case letter, or a note's label and its number.
_INSIDE = r"(?:\d{1,3}|[a-z]|(?:note|nb|n|注|註|脚注)\s?\d{0,3}|citation needed)"
# One mark or more at the end of a text, the last one's closing bracket perhaps lost.
# A bracket left open at the end is what stays of a mark whose rest was lost (no name ends
# in one).
TRAILING_MARKS_RE = re.compile(rf"(?:\s*\[{_INSIDE}\])*\s*\[(?:{_INSIDE}\]?)?\s*$")
ONLY_MARKS_RE = re.compile(rf"^(?:\s*\[{_INSIDE}\]?)+\s*$")
# A labelled note whose thin brackets OCR lost ("Finch-9B note 2"): the label says what it is.
LABELLED_NOTE_RE = re.compile(r"\s+\[?(?:note|注|註)\s?\d{1,3}\]?\s*$")


def without_note_marks(text: str) -> str:
    """``text`` without the bracketed marks at its end; a text that is nothing but marks is
    kept (a column of them is dropped whole, not emptied cell by cell)."""
    stem = LABELLED_NOTE_RE.sub("", TRAILING_MARKS_RE.sub("", text))
    return stem if stem.strip() else text


# A labelled mark OCR cut in two at its space: "[note" then "2]".
_LABEL_OPENS_RE = re.compile(r"^\[(?:note|nb|注|註|脚注)$")
_LABEL_CLOSES_RE = re.compile(r"^\d{1,3}\]$")


def without_note_words(words: list[Word]) -> list[Word]:
    """The page's words without note marks, before the table is laid out: a mark read as a
    word of its own is dropped, one glued to a word is cut off it. A value that still
    carried its mark ("71.9[a]") was no number, and its row too few numbers to be a row.
    The box stays whole: the mark's ink is no unread part of the value to read again."""
    kept = []
    label_open = False
    for word in words:
        text = word.text
        if ONLY_MARKS_RE.match(text) or (label_open and _LABEL_CLOSES_RE.match(text)):
            label_open = bool(_LABEL_OPENS_RE.search(text))
            continue
        stem = without_note_marks(text)
        label_open = bool(_LABEL_OPENS_RE.search(text[len(stem) :].strip()))
        kept.append(word.model_copy(update={"text": stem}) if stem != text else word)
    return kept


def _strip_cell(cell: Cell) -> None:
    text = without_note_marks(cell.text)
    if text != cell.text:
        cell.text = text
        cell.value = None if is_missing(text) else parse_number(text)
    for key, reading in cell.readings.items():
        cell.readings[key] = without_note_marks(reading)


def _only_marks(table: Table, c: int) -> bool:
    cells = [row[c].text for row in table.body if c < len(row) and row[c].text.strip()]
    return bool(cells) and all(ONLY_MARKS_RE.match(text) for text in cells)


def strip_note_marks(table: Table) -> None:
    """Cut the marks off every cell and column name, and drop columns that hold nothing but
    marks (a mark OCR set apart from the value it follows)."""
    for row in [*table.header_rows, *table.body]:
        for cell in row:
            _strip_cell(cell)
    table.columns = [without_note_marks(name) for name in table.columns]
    marks_only = [c for c in range(table.n_cols) if _only_marks(table, c)]
    for c in reversed(marks_only):
        for row in [*table.header_rows, *table.body]:
            if c < len(row):
                del row[c]
                for cell in row[c:]:
                    cell.col -= 1
        for names in (table.columns, table.settings, table.groups):
            if c < len(names):
                del names[c]
        table.n_cols -= 1
