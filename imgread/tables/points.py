"""Number columns split at a lost decimal point.

A monospaced font gives the point a whole character cell, so where OCR drops the point
("58.7" read as "58" and "7"), the gap it leaves is wider than a word space and the two
digit runs fall into two chunks. When it drops every point of a column, the body shows two
columns of bare digit runs where the table prints one. Such a pair is told from two real
columns by how a printed point sits: the gap is the same in every row (one glyph's room,
however many digits stand either side), under two glyph heights, and the runs after it
all have one length (the column's decimal places). The pair becomes one column whose cells
read "58 7", the form a point read as a space takes, which the numeric re-read and the
column repairs mend.
"""

from __future__ import annotations

import re
from statistics import median

from ..ocr.phrase import Phrase
from ..units import is_missing
from .lines import TextLine

WHOLE_RE = re.compile(r"^\d{1,4}\.?$")  # the point may be read, its digits apart
# The decimals, and the unit a quantity prints after them ("2.0T" split as "2." and "0T").
PLACES_RE = re.compile(r"^\d{1,3}[KMGT%]?$")
# Letters a small monospaced digit is read as ("48" as "4B", "0" as "O"): a run is judged by
# its shape with them folded back.
DIGIT_LOOKALIKES = str.maketrans("BOoDlIiSZ", "800011152")


def _in(chunk: Phrase, span: tuple[int, int]) -> bool:
    return span[0] <= chunk.box.cx <= span[1]


def _pair(line: TextLine, left: tuple[int, int], right: tuple[int, int]) -> tuple | None:
    """The line's chunks in the two ranges: (whole, places); () for a row that leaves the
    column empty, marks it missing, or has the digits of one side only (the other went
    unread with the point); None for anything else."""
    first = [c for c in line.chunks if _in(c, left)]
    second = [c for c in line.chunks if _in(c, right)]
    if len(first) == 1 and len(second) == 1:
        return first[0], second[0]
    if len(first) + len(second) > 1:
        return None
    lone = [*first, *second]
    if not lone or is_missing(lone[0].text) or lone[0].text.strip().rstrip(".").isdigit():
        return ()
    return None


def _digits(places: str) -> str:
    """A run of decimals as its digits: look-alikes folded, a speck read as a point after
    it ("Z." for "2") dropped."""
    return places.strip().rstrip(".,'`").translate(DIGIT_LOOKALIKES)


def split_at_point(body: list[TextLine], left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Two neighbouring ranges that are one number column whose points were all lost."""
    pairs = [_pair(line, left, right) for line in body]
    if any(pair is None for pair in pairs):
        return False
    found = [pair for pair in pairs if pair]
    if len(found) < max(2, 0.3 * len(pairs)):
        return False
    # One pair in four may be misread beyond its look-alikes ("61.59" as "61" and "a9").
    misread = sum(
        1
        for whole, places in found
        if not (
            WHOLE_RE.match(whole.text.strip().translate(DIGIT_LOOKALIKES))
            and PLACES_RE.match(_digits(places.text))
        )
    )
    if misread > len(found) // 4:
        return False
    if len({len(_digits(places.text)) for _, places in found}) != 1:
        return False
    height = float(median(whole.box.height for whole, _ in found))
    gaps = [places.box.x1 - whole.box.x2 for whole, places in found]
    return min(gaps) > 0 and max(gaps) <= 2 * height and max(gaps) - min(gaps) <= 0.3 * height


def _joined(line: TextLine, left: tuple[int, int], right: tuple[int, int]) -> TextLine:
    first = [c for c in line.chunks if _in(c, left)]
    second = [c for c in line.chunks if _in(c, right)]
    if len(first) != 1 or len(second) != 1:
        return line
    whole, places = first[0], second[0]
    merged = Phrase.of([*whole.words, *places.words])
    chunks = [c for c in line.chunks if c is not whole and c is not places]
    return TextLine(chunks=sorted([*chunks, merged], key=lambda c: c.box.x1), box=line.box)


def _under_one_word(
    body: list[TextLine], left: tuple[int, int], right: tuple[int, int], above: TextLine | None
) -> bool:
    """Two neighbouring ranges under one printed word of the line above the body ("Tokens"
    over "12.0T" whose lone whole digits the page lost, so that its "0T"s stood apart from
    the "12."s): a word is never split between columns, so they are one column, where no
    row says otherwise (two pieces a side, or a whole number beside its places farther
    apart than a character's room)."""
    if above is None or not any(
        word.box.x1 < left[1] and word.box.x2 > right[0]
        for chunk in above.chunks
        for word in chunk.words
    ):
        return False
    for line in body:
        first = [c for c in line.chunks if _in(c, left)]
        second = [c for c in line.chunks if _in(c, right)]
        if len(first) > 1 or len(second) > 1:
            return False
        if first and second:
            whole, places = first[0], second[0]
            gap = places.box.x1 - whole.box.x2
            if not WHOLE_RE.match(whole.text.strip().translate(DIGIT_LOOKALIKES)) or not (
                0 < gap <= 1.5 * whole.box.height
            ):
                return False
    return True


def join_point_splits(
    body: list[TextLine], ranges: list[tuple[int, int]], above: TextLine | None = None
) -> tuple[list[TextLine], list[tuple[int, int]]]:
    """``body`` and its column ranges with every pair split at lost points made one (where
    the points alone tell, or one word of the line ``above`` the body spans both)."""
    i = 0
    while i < len(ranges) - 1:
        left, right = ranges[i], ranges[i + 1]
        if split_at_point(body, left, right) or _under_one_word(body, left, right, above):
            body = [_joined(line, left, right) for line in body]
            ranges = [*ranges[:i], (left[0], right[1]), *ranges[i + 2 :]]
        else:
            i += 1
    return body, ranges
