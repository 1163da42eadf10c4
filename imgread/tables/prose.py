"""What a paper's page prints around a table: running text (paragraphs above and below,
a caption) and, on a two-column page, the other column's text beside the table. Neither
is a row, and the other column's lines must not be read into the table's rows."""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

from .. import ocr
from ..ocr.phrase import Phrase
from ..record import Word
from .lines import TextLine, chunk_line

# A word of running text: letters only, with the punctuation a sentence puts after it.
PROSE_WORD_RE = re.compile(r"^[A-Za-z]+(?:[-'’][A-Za-z]+)*[,.;:]?$")
PROSE_WORDS = 7  # a cell or a section label holds a few words ("Base models of every size")
PROSE_LOWER = 4  # names are capitalised ("Llama Chat Base"); a sentence's words are not
PIECE_WORDS = 3.5  # words a piece of running text holds, on average, at the least


def _is_running_text(words: list[Word]) -> bool:
    plain = [w.text for w in words if PROSE_WORD_RE.match(w.text)]
    lower = sum(1 for text in plain if text[:1].islower())
    return len(plain) >= PROSE_WORDS and lower >= PROSE_LOWER


def is_prose(chunk: Phrase) -> bool:
    """Running text: seven or more words of letters, four of them in lower case. A model
    name ("Llama 2 70B Chat"), a column name or a section label is shorter or capitalised."""
    return _is_running_text(chunk.words)


def is_prose_line(line: TextLine) -> bool:
    """A line of running text, however OCR cut it into a few long pieces ("in fewer
    following g runs" and "oning using from tokens"): no table row or header line. A
    header's pieces are short, however many words they hold together ("avarage of 7
    benchmarks" among settings)."""
    words = [w for chunk in line.chunks for w in chunk.words]
    return len(words) >= PIECE_WORDS * len(line.chunks) and _is_running_text(words)



# A table's caption opens with its number: "Table 3:", "Table 3 – continued from previous
# page", "TABLE II.", "Tab. 4".
CAPTION_RE = re.compile(r"^(?:table|tab\.)\s*(?:\d+|[IVXL]+)\b", re.IGNORECASE)


def is_caption_line(line: TextLine) -> bool:
    """A table's caption (or its "continued from previous page" on the next page): it
    names no column, however its words fall over them."""
    words = [w.text for chunk in line.chunks for w in chunk.words]
    return len(words) >= 2 and bool(CAPTION_RE.match(" ".join(words)))


def page_columns(words: list[Word]) -> list[list[Word]]:
    """The words of a two-column page, split at its gutter where running text stands on
    both sides of it (the table of one column and the other column's paragraphs beside it
    are read apart); a table or title across the gutter stays whole. One part when the
    page has one column."""
    if len(words) < 20:
        return [words]
    prose = [
        chunk
        for line in ocr.group_lines(words)
        for chunk in chunk_line([words[i] for i in line])
        if is_prose(chunk)
    ]
    gutter = _gutter(prose)
    if gutter is None:
        return [words]
    x1, x2 = gutter
    # Words that cross the gutter cut the page into bands; within a band with running text
    # on both sides, the two sides are two columns.
    crossing = sorted(
        (w.box.y1, w.box.y2) for w in words if w.box.x1 < x2 - 1 and w.box.x2 > x1 + 1
    )
    bands: list[tuple[float, float]] = []
    top = float("-inf")
    for y1, y2 in crossing:
        if y1 > top:
            bands.append((top, y1))
        top = max(top, y2)
    bands.append((top, float("inf")))
    middle = (x1 + x2) / 2
    left: list[Word] = []
    right: list[Word] = []
    rest: list[Word] = []
    for start, end in bands:
        inside = [
            w
            for w in words
            if start <= w.box.cy <= end and (w.box.x2 <= x1 + 1 or w.box.x1 >= x2 - 1)
        ]
        sides = [
            sum(1 for c in prose if start <= c.box.cy <= end and (c.box.cx < middle) == is_left)
            for is_left in (True, False)
        ]
        if min(sides) >= 2:
            left += [w for w in inside if w.box.cx < middle]
            right += [w for w in inside if w.box.cx >= middle]
        else:
            rest += inside
    taken = {id(w) for w in [*left, *right, *rest]}
    rest += [w for w in words if id(w) not in taken]
    return [part for part in (rest, left, right) if part]


def _gutter(prose: list[Phrase]) -> tuple[float, float] | None:
    """The gap between a page's two columns: running text starts at two left margins, and
    none of the text from the first reaches the second."""
    if len(prose) < 6:
        return None
    height = float(median(c.box.height for c in prose))
    margins: list[list[Phrase]] = []
    for chunk in sorted(prose, key=lambda c: c.box.x1):
        if margins and chunk.box.x1 - margins[-1][0].box.x1 <= 1.5 * height:
            margins[-1].append(chunk)
        else:
            margins.append([chunk])
    margins = [group for group in margins if len(group) >= 3]
    for first, second in pairwise(margins):
        start = min(c.box.x1 for c in second)
        end = max(c.box.x2 for c in first)
        if end < start - height:
            return end, start
    return None


# A line whose centre is this share of the body's row pitch or more above a row is a row of
# its own (a section label); the lines of one cell sit closer.
LABEL_PITCH_SHARE = 0.75


def heads_rows(line: TextLine, row: TextLine, pitch: float) -> bool:
    """A line of text a whole row pitch above a row whose own name is there: a section
    label over the rows below ("Proprietary models"), not the first line of that name."""
    return pitch > 0 and row.box.cy - line.box.cy >= LABEL_PITCH_SHARE * pitch
