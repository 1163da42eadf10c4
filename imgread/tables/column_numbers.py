"""A row of column numbers under a paper's header: "(1) (2) (3) ... (7)", "[1]", "C1" or
bare digits, one centred under each column, the name column left empty or numbered "(0)".
Read as part of the header, the numbers were glued to the names ("HellaSwag (3)") so no
score matched its benchmark; read as a row, "1 2 3 ... 7" became a model's scores.

The row is told by what it holds and where: short pieces only, most of them indices that
count up by one from left to right (OCR misreads one or two: "@)", "a"), standing between
a line of several names above and the body below, as many pieces as the names above. A
data row opens with a name, and a header whose names end in a digit ("Top-1", "ARC (25)")
holds letters; neither is such a row. It is dropped before the table is laid out.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from statistics import median

from .. import ocr
from ..record import Word

# An index as printed: "(3)", "[3]", "C3", "3", perhaps with a bracket lost at an edge.
_INDEX_RE = re.compile(r"^[(\[]?[Cc]?(\d{1,2})[)\]]?$")
# Indices in a row: at least this many, and this share of the row's pieces, count up by
# one from the left.
LEAST_INDICES = 3
COUNTED = 0.6
# A misread index is a short piece ("@)", "a").
SHORT = 3
# The first index: the name column's "(0)", or "(1)" over either the names or the first
# column after them.
FIRST_INDICES = (0, 1, 2)


def _index(text: str) -> int | None:
    match = _INDEX_RE.match(text.strip())
    return int(match.group(1)) if match else None


def _counts_up(words: list[Word]) -> bool:
    """Most pieces are indices equal to their place in the row plus one start."""
    if len(words) < LEAST_INDICES or any(
        _index(w.text) is None and len(w.text.strip()) > SHORT for w in words
    ):
        return False
    starts = Counter(
        n - place for place, w in enumerate(words) if (n := _index(w.text)) is not None
    )
    if not starts:
        return False
    start, counted = starts.most_common(1)[0]
    return (
        start in FIRST_INDICES
        and counted >= LEAST_INDICES
        and counted >= COUNTED * len(words)
    )


def _pieces(words: list[Word]) -> int:
    """How many separate pieces of text a line holds: words closer than a glyph's height
    are one piece ("Params (B)")."""
    height = float(median(w.box.height for w in words))
    ordered = sorted(words, key=lambda w: w.box.x1)
    return 1 + sum(1 for a, b in pairwise(ordered) if b.box.x1 - a.box.x2 > height)


def _names_line(words: list[Word]) -> bool:
    return any(any(ch.isalpha() for ch in w.text) for w in words)


def without_column_numbers(words: list[Word]) -> list[Word]:
    """``words`` less each row of column numbers that stands between a line of column
    names (as many pieces, letters among them) and a line of the body."""
    lines = ocr.group_lines(words)
    dropped: set[int] = set()
    for k in range(1, len(lines) - 1):
        row = [words[i] for i in lines[k]]
        if not _counts_up(row):
            continue
        above = [words[i] for i in lines[k - 1]]
        below = [words[i] for i in lines[k + 1]]
        enough = COUNTED * len(row)
        if _names_line(above) and _pieces(above) >= enough and _pieces(below) >= enough:
            dropped.update(lines[k])
    return [w for i, w in enumerate(words) if i not in dropped] if dropped else words
