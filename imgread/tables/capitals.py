"""Look-alike glyphs inside a column name's upper-case words: Tesseract reads a capital
"I" as a lower-case "l" or a bar ("95% Cl", "PlQA", "AGlEval"), and an "O" between capitals
as a zero. A column name must match the header as printed, and a lower-case "l" never
stands among capitals only: the one read there is an "I"."""

from __future__ import annotations

import re

from ..record import Table

_WORD_RE = re.compile(r"[A-Za-z0-9|]+")
# What OCR reads a capital as, and that capital.
_LOOKALIKES = {"l": "I", "|": "I", "1": "I", "0": "O"}


def _capital_between(word: str, i: int) -> bool:
    """Every neighbour of ``word[i]`` inside the word is a capital letter; a lower-case "l"
    or a bar may have one neighbour only (at the word's end: "Cl"), a digit needs two."""
    neighbours = [word[j] for j in (i - 1, i + 1) if 0 <= j < len(word)]
    if word[i] in "10" and len(neighbours) < 2:
        return False
    return bool(neighbours) and all("A" <= ch <= "Z" for ch in neighbours)


def _restored(word: str) -> str:
    return "".join(
        _LOOKALIKES[ch] if ch in _LOOKALIKES and _capital_between(word, i) else ch
        for i, ch in enumerate(word)
    )


def restore_capitals(name: str) -> str:
    """``name`` with the look-alikes inside its upper-case words read as the capitals."""
    return _WORD_RE.sub(lambda match: _restored(match.group()), name)


def restore_header_capitals(table: Table) -> None:
    """Every column name and header cell with its capitals restored."""
    table.columns = [restore_capitals(name) for name in table.columns]
    for row in table.header_rows:
        for cell in row:
            cell.text = restore_capitals(cell.text)
