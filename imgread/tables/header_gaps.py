"""Header pieces that lie in the gap between two columns' cells, on the lowest header line.

A name wider than its narrow column of numbers reaches past it: "HumanEval 0-shot" centred
over "16.1" leaves "0-shot" wholly in the gap before the next column. Such a piece went
with the next column's name ("0-shot MATH 4-shot"). A header cell's words belong to the
column whose cells they sit over, and a shrunk table's word space is two or three pixels,
its column padding only a few more: so the gap is measured against the text's height, and
the piece goes to the column under which the names, with it or without it, sit best.
"""

from __future__ import annotations

from ..record import Box

# A word space is at most this share of its words' height; two columns' names stand
# further apart (a column's padding, twice over, lies between them).
WORD_SPACE = 0.8


# Moved, the names sit this much better over their cells at least (a name's edge may
# meet its column's by chance).
BETTER = 0.6


def _word_space_after(boxes: list[Box], i: int) -> bool:
    return boxes[i].x1 - boxes[i - 1].x2 <= WORD_SPACE * boxes[i].height


def _misalignment(boxes: list[Box], column: tuple[int, int]) -> float:
    """How far a column's name sits from its cells: centred on them, or flush left or
    right, whichever it comes closest to."""
    x1, x2 = min(box.x1 for box in boxes), max(box.x2 for box in boxes)
    return min(abs((x1 + x2) - (column[0] + column[1])) / 2, abs(x1 - column[0]),
               abs(x2 - column[1]))


def _over_a_column(box: Box, ranges: list[tuple[int, int]]) -> bool:
    return any(min(box.x2, x2) > max(box.x1, x1) for x1, x2 in ranges)


def settle_gap_pieces(
    boxes: list[Box], columns: list[int | None], ranges: list[tuple[int, int]]
) -> list[int | None]:
    """The columns of a header line's pieces (left to right), where a piece over no
    column that was given the next column's name, a word space after the previous
    column's name, moves back to it when both names then sit better over their cells.
    A column is never left without a name by the move."""
    columns = list(columns)
    for k in range(1, len(boxes)):
        here, before = columns[k], columns[k - 1]
        if here is None or before is None or here == before:
            continue
        # At 6-8 px the boxes OCR gives words cannot tell a word space from a column's
        # padding (either may measure two pixels or four): how the names sit over their
        # cells decides.
        if _over_a_column(boxes[k], ranges) or not _word_space_after(boxes, k):
            continue
        rest = [boxes[j] for j in range(k + 1, len(boxes)) if columns[j] == here]
        if not rest:
            continue
        left = [boxes[j] for j in range(k) if columns[j] == before]
        now = _misalignment(left, ranges[before]) + _misalignment(
            [boxes[k], *rest], ranges[here]
        )
        moved = _misalignment([*left, boxes[k]], ranges[before]) + _misalignment(
            rest, ranges[here]
        )
        if moved < BETTER * now:
            columns[k] = before
    return columns
