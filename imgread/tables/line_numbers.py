"""Line numbers in a page's margin: a paper under review prints a grey number (212, 213,
214, ...) beside every line of the page, in a narrow strip at its left (or right) edge.
Beside a table the strip was read as a column of it (cells keyed "214", and "3um" where a
number was misread), and it joined the rows' lines with the text around the table.

The strip is told by what it holds and where, never by the table: whole numbers alone,
stacked in one column (their edges aligned), rising as they go down the page, most by one
from the line before (OCR drops some pale numbers and misreads a few), and nothing on the
page further out beside them. It is dropped before the table is laid out.

An editor's gutter whose pale numbers the page read missed (one or two read, the rest
found again by the re-reads) still makes a first column; it is told after the re-reads by
its header: a line number stands on the header's line too, a rank column is headed by a
word or by nothing (``without_gutter_column``).
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from statistics import median

from ..record import Table, Word
from .lines import Layout

# A strip holds this many numbers at least.
LEAST_NUMBERS = 6
# A margin numbers the page's every line, the table's and the prose's and the blank ones:
# this share of its numbers at least stands level with no other number (a leaderboard's
# ranks each stand beside a row of scores).
PAST_ROWS = 0.3
# This share of the numbers at least counts the lines exactly.
STEADY = 0.6
# The numbers' edges (right edges for a strip set right, left for one set left) agree
# within this many glyph heights.
ALIGNED = 0.6


def _number(word: Word) -> int | None:
    text = word.text.strip()
    return int(text) if text.isdigit() and len(text) <= 5 else None


def _steady(numbers: list[tuple[Word, int]], pitch: float) -> bool:
    """The numbers count the page's lines: each is its line's place (at the strip's own
    pitch, from the first) plus one offset, the first line's number, for most of them (a
    number misread or read in part, "31" for 431, misses)."""
    if pitch <= 0:
        return False
    top = numbers[0][0].box.cy
    offsets = Counter(n - round((w.box.cy - top) / pitch) for w, n in numbers)
    return offsets.most_common(1)[0][1] >= STEADY * len(numbers)


def _beside_rows(words: list[Word], strip: set[int], margins: set[int]) -> float:
    """The share of the strip's numbers level with another number on the page (a margin's
    numbers on the other side aside)."""
    numbers = [w for i, w in enumerate(words) if i not in margins and _looks_numeric(w)]
    level = sum(
        any(min(words[i].box.y2, n.box.y2) - max(words[i].box.y1, n.box.y1)
            > 0.5 * words[i].box.height for n in numbers)
        for i in strip
    )
    return level / len(strip)


def _looks_numeric(word: Word) -> bool:
    return sum(ch.isdigit() for ch in word.text) > 0.5 * max(len(word.text), 1)


def _strip(words: list[Word], left: bool) -> set[int]:
    """Indices of the words of a line-number strip at the page's left (or right) edge."""
    numbered = [(i, w, n) for i, w in enumerate(words) if (n := _number(w)) is not None]
    if len(numbered) < LEAST_NUMBERS:
        return set()
    glyph = float(median(w.box.height for _, w, _ in numbered))
    edge = (lambda w: w.box.x2) if left else (lambda w: w.box.x1)
    # The outermost edge that enough numbers share (a number read in part, "4" of "435",
    # has an edge of its own).
    shared = [
        edge(w) for _, w, _ in numbered
        if sum(abs(edge(v) - edge(w)) <= ALIGNED * glyph for _, v, _ in numbered)
        >= LEAST_NUMBERS
    ]
    if not shared:
        return set()
    first = min(shared) if left else max(shared)
    column = sorted(
        [(i, w, n) for i, w, n in numbered if abs(edge(w) - first) <= ALIGNED * glyph],
        key=lambda item: item[1].box.cy,
    )
    top, bottom = column[0][1].box.y1, column[-1][1].box.y2
    members = {i for i, _, _ in column}
    inner = min(w.box.x1 for _, w, _ in column) if left else max(w.box.x2 for _, w, _ in column)
    outside = [
        w for i, w in enumerate(words)
        if i not in members and w.box.y2 > top and w.box.y1 < bottom
        and (w.box.x2 < inner if left else w.box.x1 > inner)
    ]
    if outside:
        return set()  # something stands further out: the numbers are no margin's
    # The strip's pitch is its usual step; a dropped number makes one step two.
    steps = sorted(b.box.cy - a.box.cy for (_, a, _), (_, b, _) in pairwise(column))
    if not _steady([(w, n) for _, w, n in column], steps[len(steps) // 4]):
        return set()
    # A number misread as letters ("3um") lies inside the strip too.
    x1 = min(w.box.x1 for _, w, _ in column)
    x2 = max(w.box.x2 for _, w, _ in column)
    misread = {
        i for i, w in enumerate(words)
        if len(w.text) <= 5 and w.box.x1 >= x1 - 2 and w.box.x2 <= x2 + 2
        and top <= w.box.cy <= bottom
    }
    return members | misread


def without_line_numbers(words: list[Word]) -> list[Word]:
    """``words`` less the line numbers in the page's left and right margins."""
    strips = [strip for strip in (_strip(words, left=True), _strip(words, left=False)) if strip]
    margins = set().union(*strips)
    dropped = {
        i for strip in strips if _beside_rows(words, strip, margins) <= 1 - PAST_ROWS
        for i in strip
    }
    return [w for i, w in enumerate(words) if i not in dropped] if dropped else words


def without_gutter_column(table: Table, layout: Layout) -> None:
    """Drop a first column of line numbers: whole numbers only, the header's line holding
    one too, each the header's number plus the lines it stands below it (a typed rule's
    line between them has a number of its own)."""
    if table.n_cols < 3 or not table.header_rows:
        return
    rows = [table.header_rows[-1], *table.body]
    if any(not row[0].text.strip().isdigit() for row in rows):
        return
    # a number found again by a re-read has no box: its row's other cells tell the height
    heights = [
        median(c.box.cy for c in row if c.box is not None)
        for row in rows
        if any(c.box is not None for c in row)
    ]
    if len(heights) < len(rows):
        return
    numbers = [int(row[0].text) for row in rows]
    steps = [
        (b - a, y2 - y1)
        for (a, b), (y1, y2) in zip(pairwise(numbers), pairwise(heights), strict=True)
    ]
    if any(lines < 1 or drop <= 0 for lines, drop in steps):
        return
    pitch = min(drop / lines for lines, drop in steps)
    if any(abs(drop - lines * pitch) > 0.25 * pitch for lines, drop in steps):
        return
    for row in [*table.header_rows, *table.body, *table.summary]:
        del row[0]
        for cell in row:
            cell.col -= 1
    for values in (table.columns, table.settings, table.groups):
        if values:
            del values[0]
    table.n_cols -= 1
    del layout.spans[0]
    if layout.ranges:
        del layout.ranges[0]
