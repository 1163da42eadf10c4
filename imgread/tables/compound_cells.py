"""Cells that print more than one number: a score and, after it, its spread, interval or
count in brackets ("45.2 (±1.3)", "45.2 [43.9, 46.5]", "45.2 (43.9–46.5)", "85% (17/20)").

OCR gives such a cell as several words, and the bracketed part is a number of its own: two
numbers a word space apart are two cells ("40 39.22"), so the part after the score became
a column, and took the header's names with it. The words of one cell are joined before
the page is laid out, where the words after a number open a bracket and, together with it,
read as one score with its spread, interval or count (``units.main_of_compound``), each a
word space from the last (a column gap is wider). So are a score and its spread set small
after it ("53.5 ±0.1", a subscript or grey), whose "±" reads "+" where its minus is lost.
The cell's value is its first number."""

from __future__ import annotations

import re

from .. import ocr
from ..record import Word
from ..units import main_of_compound, parse_number

# Words after the score that a bracketed part can take: "(±1.3)" is one, "[43.9," "46.5]"
# two, "(" "43.9" "-" "46.5" ")" five.
_MOST_PARTS = 5
# A word space, not a column gap: the gap before each part, in heights of the score's text.
_WORD_SPACE = 0.8
# A spread read on its own, signed: "±0.1", or as small type reads it, "+1.9" (the minus
# lost), "=0.3", "=+0.5", "+05" (the point lost too).
_SIGNED_SPREAD_RE = re.compile(r"^(?:±|\+|=\+?)\d{1,2}(?:\.\d{1,3})?%?$")
# A spread set small: its text this much the score's height at most.
_SMALLER = 0.9


def _small_spread(score: Word, after: Word) -> bool:
    """``after`` is the score's spread set small ("53.5" then "±0.1" a subscript or in
    grey): signed, in smaller type, a word space on."""
    height = max(score.box.height, 1)
    return (
        bool(_SIGNED_SPREAD_RE.match(after.text.strip()))
        and after.box.height <= _SMALLER * height
        and after.box.x1 - score.box.x2 <= _WORD_SPACE * height
        and parse_number(score.text) is not None
    )


def _cell_end(line: list[Word], start: int) -> int:
    """The index after the last word of the compound cell opened by ``line[start]``, or
    ``start + 1`` where that word is no score followed by its spread, interval or count."""
    first = line[start]
    if start + 1 < len(line) and _small_spread(first, line[start + 1]):
        return start + 2
    height = max(first.box.height, 1)
    end = start + 1
    for stop in range(start + 2, min(start + 2 + _MOST_PARTS, len(line) + 1)):
        if line[stop - 1].box.x1 - line[stop - 2].box.x2 > _WORD_SPACE * height:
            break
        if main_of_compound(" ".join(w.text for w in line[start:stop])) is not None:
            end = stop
    return end


def _joined(words: list[Word]) -> Word:
    """One word for a compound cell: its box spans the parts; its confidence is the
    score's (the part after it, its "±" above all, is what OCR reads unsurely)."""
    box = words[0].box
    for word in words[1:]:
        box = box.union(word.box)
    texts = [w.text for w in words]
    if len(texts) == 2 and _SIGNED_SPREAD_RE.match(texts[1]):
        texts[1] = "±" + texts[1].lstrip("±+=")  # a small "±" as OCR reads it
    return words[0].model_copy(update={"text": " ".join(texts), "box": box})


def join_compound_cells(words: list[Word]) -> list[Word]:
    """``words`` with the words of each compound cell joined into one."""
    joined: list[Word] = []
    for members in ocr.group_lines(words):
        line = [words[i] for i in members]
        start = 0
        while start < len(line):
            end = _cell_end(line, start)
            joined.append(_joined(line[start:end]) if end > start + 1 else line[start])
            start = end
    return joined
