"""Rows wrapped inside a grid ruled row by row: the lines between two row rules are one row.

A narrow table (a phone's screen, a README squeezed beside its sidebar) wraps its cells:
"Qwen1.5-" over "14B", "142" over "亿", "参数" over "量", "C-" over "Eval". OCR returns each
piece on a line of its own, and the lower line ("14B 亿") looks like a row by itself, or
like the end of the header. Where rules run across the table between its rows, the rules
say which lines are one row: every line between two neighbouring rules. Each piece of the
lower line that continues a piece of the upper one (they share columns) is joined to it;
pieces standing alone (a name set on two lines beside numbers set on one) stay as they are.

Lines are not joined where a missed rule would make two rows look like one: two numbers
stacked in one column are two rows; a piece over two pieces of the other line is a group
title over its columns, not a wrapped cell; a settings line ("5-shot") under the names
stays a line of its own; and a band taller than a few lines holds more than one row.
"""

from __future__ import annotations

from statistics import median

from ..ocr.phrase import Phrase
from ..ocr.script import HAN
from ..record import Box
from .header import is_settings_line
from .lines import TextLine, is_numeric_text

# A row band holds at most this many heights of its words' boxes (two lines of a wrapped
# cell at a README's line height of 1.5, and the cell's padding, measure about 5.3); a
# taller one lies between the rules of a table ruled only around its header.
MAX_BAND_HEIGHTS = 6.5
# A grid ruled row by row has at least this many rules across it.
MIN_ROW_RULES = 4


def _overlap(a: Box, b: Box) -> bool:
    return min(a.x2, b.x2) > max(a.x1, b.x1)


def _pairs(upper: TextLine, lower: TextLine) -> dict[int, int] | None:
    """Lower piece -> the upper piece it continues, or None when the lines are two rows
    (or a title over names) rather than one row wrapped."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for j, below in enumerate(lower.chunks):
        over = [i for i, above in enumerate(upper.chunks) if _overlap(above.box, below.box)]
        if len(over) > 1:
            return None
        if not over:
            continue
        i = over[0]
        if i in taken or (is_numeric_text(upper.chunks[i].text) and is_numeric_text(below.text)):
            return None
        taken.add(i)
        pairs[j] = i
    return pairs


def joined_text(upper: str, lower: str) -> str:
    """A cell's two lines as one text: no space after a hyphen or beside Han script
    ("Qwen1.5-" "14B", "142" "亿", "参数" "量")."""
    if upper.endswith("-") or HAN.match(upper[-1:]) or HAN.match(lower[:1]):
        return upper + lower
    return f"{upper} {lower}"


def _join(upper: TextLine, lower: TextLine, pairs: dict[int, int]) -> TextLine:
    chunks = list(upper.chunks)
    for j, i in pairs.items():
        above, below = chunks[i], lower.chunks[j]
        chunks[i] = Phrase(
            words=[*above.words, *below.words],
            box=above.box.union(below.box),
            text=joined_text(above.text, below.text),
            confidence=min(above.confidence, below.confidence),
        )
    chunks += [chunk for j, chunk in enumerate(lower.chunks) if j not in pairs]
    return TextLine(chunks=sorted(chunks, key=lambda c: c.box.x1), box=upper.box.union(lower.box))


def ruled_rows(lines: list[TextLine], row_rules: list[Box]) -> list[list[TextLine]]:
    """``lines`` (top to bottom) in groups: the lines of one ruled row band that continue
    each other, each group one row (most groups are one line)."""
    if len(lines) < 2 or len(row_rules) < MIN_ROW_RULES:
        return [[line] for line in lines]
    height = float(median(chunk.box.height for line in lines for chunk in line.chunks))

    def band(line: TextLine) -> tuple[float, float] | None:
        spanning = sorted(
            rule.cy
            for rule in row_rules
            if rule.x1 - 3 <= line.box.x1 and rule.x2 + 3 >= line.box.x2
        )
        if len(spanning) < MIN_ROW_RULES:
            return None
        above = [y for y in spanning if y <= line.box.y1 + 2]
        below = [y for y in spanning if y >= line.box.y2 - 2]
        if not above or not below or below[0] - above[-1] > MAX_BAND_HEIGHTS * height:
            return None
        return (above[-1], below[0])

    groups = [[lines[0]]]
    joined = lines[0]
    last_band = band(joined)
    for line in lines[1:]:
        here = band(line)
        pairs = None
        # A line of names over a line of numbers is a header over its first row (the rule
        # between them not found), not one row.
        names_over_numbers = joined.numeric == 0 and line.numeric >= 2
        # Lines of names alone are a header's, which ``header.py`` joins knowing group
        # titles ("Code" over "HumanEval") from names wrapped in their cells.
        names_only = joined.numeric == 0 and line.numeric == 0
        if (
            here is not None
            and here == last_band
            and not names_over_numbers
            and not names_only
            and not is_settings_line(line)
        ):
            pairs = _pairs(joined, line)
        if pairs is None:
            groups.append([line])
            joined, last_band = line, here
            continue
        groups[-1].append(line)
        joined = _join(joined, line, pairs)
        last_band = band(joined)
    return groups


def join_group(group: list[TextLine]) -> TextLine:
    """A group's lines as one line: each piece joined to the piece above it that it
    continues."""
    joined = group[0]
    for line in group[1:]:
        pairs = _pairs(joined, line)
        joined = _join(joined, line, pairs or {})
    return joined


def join_ruled_rows(lines: list[TextLine], row_rules: list[Box]) -> list[TextLine]:
    """``lines`` (top to bottom) with the lines of each ruled row band joined into one."""
    return [join_group(group) for group in ruled_rows(lines, row_rules)]


def split_rows(
    body: list[TextLine], wrapped: dict[int, list[TextLine]], groups: list[list[TextLine]]
) -> tuple[list[TextLine], dict[int, list[TextLine]]]:
    """Body rows that were joined from several lines given back as their lines: the line
    with the most numbers is the row, the others continue its cells (``Layout.wrapped``),
    so that each line of a wrapped name is read again on its own."""
    body, wrapped = list(body), dict(wrapped)
    for position, group in enumerate(groups):
        if len(group) < 2:
            continue
        head = max(group, key=lambda line: (line.numeric, len(line.chunks)))
        body[position] = head
        wrapped[position] = [line for line in group if line is not head] + wrapped.get(
            position, []
        )
    return body, wrapped
