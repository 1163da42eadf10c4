"""The width a table's own rules give it. A web page sets a table among other things: a
documentation site's navigation runs down its left side, a side panel down its right,
and their lines stand level with the table's rows, so that a row read across the page
takes "FAQ" for its first cell. Row rules that start and end together (a ruled table's
border under every row) bound the table: between the first and the last of them, words
wholly beyond their ends are the page's, not the table's. Likewise the body's columns
bound the header: a name over a column with no text (link icons) is no other column's.
Column rules that run down the whole body (a typed table's pipes, a grid's rules) bound its
height: a line past their ends (a shell prompt under a psql table, its "(4 rows)") is the
page's."""

from __future__ import annotations

from statistics import median

from ..preprocess import Rule
from ..record import Box, Word
from .lines import Layout, TextLine, is_numeric_text

# Rules whose ends lie this close (px) start and end together.
SAME_END = 4
# Fewer rules than this sharing their ends are no table's border (a page's own lines).
MIN_RULES = 3
# A word this far (px) past a rule's end lies beyond it, not on a cell's padding.
BEYOND = 6


def ruled_blocks(horizontal: list[Rule]) -> list[tuple[int, int, int, int]]:
    """(x1, x2, y1, y2) of each set of at least ``MIN_RULES`` row rules sharing both ends."""
    # A rule broken by a tinted column (a leaderboard's sorted column) is one rule.
    joined: list[Rule] = []
    for rule in sorted(horizontal, key=lambda rule: (rule.position, rule.start)):
        last = joined[-1] if joined else None
        if last is not None and abs(rule.position - last.position) <= 2:
            joined[-1] = Rule(last.position, min(last.start, rule.start), max(last.end, rule.end))
        else:
            joined.append(rule)
    blocks = []
    left = sorted(joined, key=lambda rule: (rule.start, rule.end, rule.position))
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

    def beside(word: Word, block: tuple[int, int, int, int]) -> bool:
        x1, x2, y1, y2 = block
        return y1 <= word.box.cy <= y2 and (word.box.x2 < x1 - BEYOND or word.box.x1 > x2 + BEYOND)

    # A number beside the rules is the table's own (rules found under some of its columns
    # only, or a grid boxed cell by cell): such rules bound nothing.
    bounding = [
        block for block in blocks
        if not any(beside(word, block) and is_numeric_text(word.text) for word in words)
    ]
    return [word for word in words if not any(beside(word, block) for block in bounding)]


def header_within_body(layout: Layout) -> list[TextLine]:
    """The header lines without the pieces wholly beyond the body's first or last column:
    a column of icons (a leaderboard's paper and code links) has a name but no text under
    it, and its name would join the name of the last column that has."""
    if not layout.ranges or not layout.body:
        return layout.header
    left, right = layout.ranges[0][0], layout.ranges[-1][1]
    reach = float(median(chunk.box.height for line in layout.body for chunk in line.chunks))
    kept_lines = []
    for line in layout.header:
        kept = [
            chunk for chunk in line.chunks
            if chunk.box.x1 <= right + reach and chunk.box.x2 >= left - reach
        ]
        if len(kept) == len(line.chunks):
            kept_lines.append(line)
        elif kept:
            box = kept[0].box
            for chunk in kept[1:]:
                box = box.union(chunk.box)
            kept_lines.append(TextLine(chunks=kept, box=box))
    return kept_lines


def column_rules_extent(rules: list[Box], body: list[TextLine]) -> tuple[float, float] | None:
    """Top and bottom of the column rules that run down beside every body line and end
    together, where at least ``MIN_RULES`` do, else None. Letters' stems one under the
    other in a monospaced column (every name's capital, a prompt's "m" under them) make
    short rules too, which end wherever the text does; a table's rules end at its edge."""
    if not body:
        return None
    first, last = body[0].box, body[-1].box
    left, right = min(line.box.x1 for line in body), max(line.box.x2 for line in body)
    framing = [
        rule
        for rule in rules
        if rule.y1 <= first.cy and rule.y2 >= last.cy
        and left - first.height <= rule.cx <= right + first.height
    ]
    ends: list[list[Box]] = []
    for rule in sorted(framing, key=lambda rule: rule.y2):
        if ends and rule.y2 - ends[-1][-1].y2 <= SAME_END:
            ends[-1].append(rule)
        else:
            ends.append([rule])
    frame = max(ends, key=len, default=[])
    if len(frame) < MIN_RULES:
        return None
    return min(rule.y1 for rule in frame), max(rule.y2 for rule in frame)


def within_column_rules(lines: list[TextLine], run: list[int], rules: list[Box]) -> list[int]:
    """The run of body lines (indices into ``lines``) without the lines at its end that
    lie below the column rules framing the rest: a ruled table's rows stand between its
    rules, and what is set under its border (a card's footer of counters and avatars,
    "3/5  4 comments", under a table pasted into a task card) is the page's, however
    its counts line up with the columns. Only the end: above the first row, a grid's rules
    found in pieces (a small spreadsheet's) start lower than the row whose cells they
    bound."""
    run = list(run)
    while len(run) > 2:
        frame = column_rules_extent(rules, [lines[i] for i in run[:-1]])
        if frame is None or lines[run[-1]].box.cy <= frame[1]:
            break
        run.pop()
    return run
