"""The first line of a column name wrapped in its cell, set left over numbers set right.

A narrow cell wraps its name ("ARC-C" over "(25-shot)", "HellaSwag (10-" over "shot)") and
both lines start at the cell's left edge. Over numbers set right, a short first line lies
wholly in the gap before its column's numbers; on the lowest header line such a piece takes
the column after the gap, but on a line above it was taken for a group's title over the
columns either side, which ended the header there and lost every first line. A piece that
starts where a piece of the line just below starts (within a quarter of its height) and
sits as tight over it as lines of one cell do is that piece's first line: it names the same
column.
"""

from __future__ import annotations

import re

from ..ocr.phrase import Phrase
from .lines import Layout, TextLine, header_column, solid

# Lines of one cell sit closer than this share of their height apart.
TIGHT_GAP = 1.0
# Two lines of one cell set left start within this share of their height of each other.
SAME_START = 0.25


def piece_below(piece: Phrase, below: TextLine) -> Phrase | None:
    """The piece on ``below`` (the next header line down) that ``piece`` starts over and
    sits tight above: the rest of its name."""
    height = max(piece.box.height, 1)
    return next(
        (
            other
            for other in solid(below)
            if other.box.y1 - piece.box.y2 <= TIGHT_GAP * height
            and abs(other.box.x1 - piece.box.x1) <= SAME_START * height
        ),
        None,
    )


def column_below(piece: Phrase, below: TextLine, layout: Layout, lowest: bool) -> int | None:
    """The column of the rest of ``piece``'s name on ``below``; ``lowest``: ``below`` is
    the header line just over the body."""
    other = piece_below(piece, below)
    if other is None:
        return None
    return header_column(other.box, layout.ranges, layout.spans, lowest=lowest)


# A model's size on its own ("70B", "6.7b", "8x7B"): the end of a name wrapped at a space.
SIZE_ONLY_RE = re.compile(r"^\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)?[BbMm]$")


def size_under_name(line: TextLine, row: TextLine) -> bool:
    """``line`` is a model's size alone, starting under the row's first piece (its name):
    a name wrapped at the space before its size ("Lindqvist" over "70B") in a narrow first
    column, as a name broken after its hyphen is ("BLOOM-" over "7.1B")."""
    pieces = solid(line)
    if len(pieces) != 1 or not row.chunks or not SIZE_ONLY_RE.match(pieces[0].text.strip()):
        return False
    name = min(row.chunks, key=lambda chunk: chunk.box.x1).box
    return name.x1 - SAME_START * pieces[0].height <= pieces[0].box.x1 < name.x2
