"""A documentation site's side navigation ("Getting started", "Models", "FAQ") runs down the
page's left edge beside the article, and its last items stand beside the table's header and
first rows: read across the page, "FAQ" became the first row's first cell and "Fine-tuning"
a column name. Where the table's rules bound it, ``frame.beside_ruled_blocks`` drops such
words; this finds the navigation by its own shape, ruled table or not: a stack of short
lines at the page's left edge, apart from the rest by a gutter that nothing crosses along
the stack, beside the article's running text, and most of it level with no number (a
table's name column is level with its row's numbers, line by line)."""

from __future__ import annotations

from statistics import median

from .. import ocr
from ..ocr.phrase import Phrase
from ..record import Word
from .lines import chunk_line, is_numeric_text
from .prose import is_prose

# A navigation item is a few words ("Getting started", "API reference").
ITEM_WORDS = 3
# Fewer items than this are no navigation (a table's header over one row, a caption).
MIN_ITEMS = 3
# Items this many glyph heights apart or more belong to separate stacks.
ITEM_GAP = 3.0
# The navigation starts this close to the page's left edge (glyph heights): its items may
# be indented under a section's caption.
EDGE = 3.0
# The gutter between the navigation and the article, in glyph heights at the least.
GUTTER = 2.0


def _is_item(chunk: Phrase) -> bool:
    return len(chunk.words) <= ITEM_WORDS and not any(
        is_numeric_text(word.text) for word in chunk.words
    )


def _stacks(firsts: list[Phrase], height: float) -> list[list[Phrase]]:
    """Items one under another (top to bottom), split where a wide gap parts them."""
    stacks: list[list[Phrase]] = []
    for chunk in sorted(firsts, key=lambda c: c.box.cy):
        if stacks and chunk.box.y1 - stacks[-1][-1].box.y2 <= ITEM_GAP * height:
            stacks[-1].append(chunk)
        else:
            stacks.append([chunk])
    return [stack for stack in stacks if len(stack) >= MIN_ITEMS]


def _is_navigation(stack: list[Phrase], words: list[Word], height: float) -> bool:
    ids = {id(word) for chunk in stack for word in chunk.words}
    top, bottom = stack[0].box.y1, stack[-1].box.y2
    gutter = max(chunk.box.x2 for chunk in stack)
    along = [
        word for word in words
        if id(word) not in ids and word.box.y2 >= top and word.box.y1 <= bottom
    ]
    if any(word.box.x1 < gutter + GUTTER * height for word in along):
        return False  # something crosses the gutter: the stack is one column of a block
    article = [
        chunk
        for line in ocr.group_lines(along)
        for chunk in chunk_line([along[i] for i in line])
    ]
    if not any(is_prose(chunk) for chunk in article):
        return False  # a table alone: its name column has no running text beside it
    numbers = [word.box for word in along if is_numeric_text(word.text)]
    unlevel = [
        chunk for chunk in stack
        if not any(box.y1 < chunk.box.y2 and box.y2 > chunk.box.y1 for box in numbers)
    ]
    return len(unlevel) >= MIN_ITEMS


def without_side_navigation(words: list[Word]) -> list[Word]:
    """``words`` without a documentation site's side navigation down the page's left."""
    if len(words) < 20:
        return words
    height = float(median(word.box.height for word in words))
    edge = min(word.box.x1 for word in words) + EDGE * height
    firsts = []
    for line in ocr.group_lines(words):
        first = chunk_line([words[i] for i in line])[0]
        if first.box.x1 <= edge and _is_item(first):
            firsts.append(first)
    dropped = {
        id(word)
        for stack in _stacks(firsts, height)
        if _is_navigation(stack, words, height)
        for chunk in stack
        for word in chunk.words
    }
    return [word for word in words if id(word) not in dropped] if dropped else words
