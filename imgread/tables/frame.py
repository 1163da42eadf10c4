"""The width a table's own rules give it. A web page sets a table among other things: a
documentation site's navigation runs down its left side, a side panel down its right,
and their lines stand level with the table's rows, so that a row read across the page
takes "FAQ" for its first cell. Row rules that start and end together (a ruled table's
border under every row) bound the table: between the first and the last of them, words
wholly beyond their ends are the page's, not the table's."""

from __future__ import annotations

from ..preprocess import Rule
from ..record import Word

# Rules whose ends lie this close (px) start and end together.
SAME_END = 4
# Fewer rules than this sharing their ends are no table's border (a page's own lines).
MIN_RULES = 3
# A word this far (px) past a rule's end lies beyond it, not on a cell's padding.
BEYOND = 6


def ruled_blocks(horizontal: list[Rule]) -> list[tuple[int, int, int, int]]:
    """(x1, x2, y1, y2) of each set of at least ``MIN_RULES`` row rules sharing both ends."""
    blocks = []
    left = sorted(horizontal, key=lambda rule: (rule.start, rule.end, rule.position))
    while left:
        first = left[0]
        same = [
            rule for rule in left
            if abs(rule.start - first.start) <= SAME_END and abs(rule.end - first.end) <= SAME_END
        ]
        left = [rule for rule in left if rule not in same]
        if len(same) >= MIN_RULES:
            positions = [rule.position for rule in same]
            blocks.append((first.start, first.end, min(positions), max(positions)))
    return blocks


def beside_ruled_blocks(words: list[Word], horizontal: list[Rule]) -> list[Word]:
    """``words`` without those that stand level with a ruled table but wholly beyond the
    ends of its rules (a docs site's navigation beside the table's rows)."""
    blocks = ruled_blocks(horizontal)
    if not blocks:
        return words

    def beside(word: Word) -> bool:
        return any(
            y1 <= word.box.cy <= y2 and (word.box.x2 < x1 - BEYOND or word.box.x1 > x2 + BEYOND)
            for x1, x2, y1, y2 in blocks
        )

    return [word for word in words if not beside(word)]
