"""A web data table's pager under its rows: "Showing 1 to 6 of 55 entries" at the left and
page buttons "Previous 1 2 3 4 5 Next" at the right (the same in any language: "Mostrando 1
a 6 de 55 registros", "显示第 1 至 6 项结果"). Its pieces stand where the table's columns
are, so by the columns it filled it read as a row (a model "Showing 1 to 4 of 49
entries"), and its buttons, taken for columns, left every row too few values: no table.

It is told by structure, not by its words: a sentence holding numbers that runs across a
gutter between columns (a row's cells keep to their columns), or a run of page buttons,
consecutive whole numbers set at one step, far closer together than the table's columns.
"""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

from ..ocr.phrase import Phrase
from .lines import TextLine, column_ranges

# A page button as read: a whole number, perhaps with a stroke of its box ("1\"", "5.").
_BUTTON_RE = re.compile(r"^\W?(\d{1,3})\W?$")
# Page buttons: at least this many in a run.
LEAST_BUTTONS = 3
# Their step varies by no more than this share (a wider "10" button) ...
EVEN_STEP = 0.5
# ... and is under this share of the narrowest step between the table's columns.
PACKED = 0.6
# A sentence: at least this many words of letters (this long), and this many counts.
SENTENCE_LETTERS = 2
LONG_WORD = 3
SENTENCE_NUMBERS = 2
# A count as a pager prints it: "55", "4,231".
_COUNT_RE = re.compile(r"^\d{1,3}(?:,\d{3})*$")
# Pieces closer than this many glyph heights are one sentence ("Showing 1" "to 4 of 49").
SENTENCE_GAP = 1.5


def _glyph(line: TextLine) -> float:
    return float(median(chunk.box.height for chunk in line.chunks))


def _page_buttons(line: TextLine, ranges: list[tuple[int, int]]) -> bool:
    """Three pieces or more in a row, each a number one more than the last, at one step
    far narrower than the columns' (a rank table's "1 2 3" stand one a column)."""
    centres = [(a + b) / 2 for a, b in ranges]
    column_step = min((b - a for a, b in pairwise(centres)), default=0.0)
    chunks = sorted(line.chunks, key=lambda chunk: chunk.box.x1)
    run: list[Phrase] = []
    previous: int | None = None
    for chunk in chunks:
        match = _BUTTON_RE.match(chunk.text.strip())
        number = int(match.group(1)) if match else None
        if number is None:
            run = []
        elif previous is not None and number == previous + 1:
            run.append(chunk)
        else:
            run = [chunk]
        previous = number
        if len(run) >= LEAST_BUTTONS:
            steps = [b.box.cx - a.box.cx for a, b in pairwise(run)]
            usual = float(median(steps))
            if (all(abs(step - usual) <= EVEN_STEP * usual for step in steps)
                    and usual < PACKED * column_step):
                return True
    return False


def _sentences(line: TextLine) -> list[list[Phrase]]:
    """The line's pieces joined where they stand closer than a word space or two."""
    gap = SENTENCE_GAP * _glyph(line)
    groups: list[list[Phrase]] = []
    for chunk in sorted(line.chunks, key=lambda chunk: chunk.box.x1):
        if groups and chunk.box.x1 - groups[-1][-1].box.x2 <= gap:
            groups[-1].append(chunk)
        else:
            groups.append([chunk])
    return groups


def _sentence_across(line: TextLine, ranges: list[tuple[int, int]]) -> bool:
    """A sentence over two columns or more: words of letters only (two of three letters
    or more), and counts (whole numbers), no decimal among them. A row's cells set close
    (a photo's tight columns) are scores and names with digits in them ("7B"), no such
    sentence."""
    for group in _sentences(line):
        words = [word.text.strip(",.:;()，。：") for chunk in group for word in chunk.words]
        counts = sum(1 for word in words if _COUNT_RE.match(word))
        letters = [word for word in words if word.isalpha()]
        # stray letters ("c (0) 2 c", a text table's specks read) make no sentence
        long_words = sum(1 for word in letters if len(word) >= LONG_WORD)
        if counts + len(letters) < len(words) or long_words < SENTENCE_LETTERS:
            continue
        x1, x2 = group[0].box.x1, group[-1].box.x2
        over = sum(1 for a, b in ranges if min(x2, b) > max(x1, a))
        if counts >= SENTENCE_NUMBERS and over >= 2:
            return True
    return False


def is_pager_line(line: TextLine, others: list[TextLine]) -> bool:
    """``line``, at an end of the rows ``others``, is a pager: a counting sentence across
    the columns, or a run of page buttons."""
    if not line.chunks:
        return False
    ranges = column_ranges(others)
    return _sentence_across(line, ranges) or _page_buttons(line, ranges)
