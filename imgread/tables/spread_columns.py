"""Spreads set apart from their means. A paper's table often sets each mean's spread in
smaller type after it ("18.7 ±0.2", the spread a subscript), with a gap wider than a word
space: the body then shows a column of means and, beside each, a column of spreads that
names nothing, and the header's names fall over the wrong columns. A range every one of
whose pieces stands right after a mean of the range before it, in smaller type than those
means, every piece shaped as a spread and some signed ("±0.2", "+1.8" where the minus was
lost; other signs read as a digit, "41.6" for "±1.6"), is that column's spreads: the two
ranges are one column whose cells read "18.7 ±0.2", the form ``spreads`` knows. So is a
range whose every piece, after the mean before it, reads as one score with its interval,
count or percent spread ("73.0" and "72.5, 75.3]", a bracket lost; "80.5" and "1.8%", the
"±" lost), in type of any size.
"""

from __future__ import annotations

import re
from statistics import median

from ..ocr.phrase import Phrase
from ..units import main_of_compound
from .lines import TextLine

# A spread read on its own: "±0.2", "+1.8", "+ 0.9" (its sign read as a plus).
LONE_SPREAD_RE = re.compile(r"^(?:±|\+/?-?)\s*\d{1,2}(?:\.\d{1,2})?$")
# A spread whose sign was read as a digit or lost ("41.6" for "±1.6", "1.2").
SPREAD_SHAPE_RE = re.compile(r"^(?:±|\+/?-?)?\s*\d{1,3}(?:\.\d{1,2})?$")
# A mean: the number a spread follows.
MEAN_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3})?%?$")
# Share of a range's pieces that must read as signed spreads (the rest lost their sign).
SPREAD_SHARE = 0.25
# A spread's type is this much smaller than its mean's at most.
SMALLER = 0.9


def _in(chunk: Phrase, span: tuple[int, int]) -> bool:
    return span[0] <= chunk.box.cx <= span[1]


def _pairs(body: list[TextLine], left: tuple[int, int], right: tuple[int, int]) -> list | None:
    """(mean, spread) per line that has a piece in ``right``; None when a piece there has
    no mean before it on its line. The pieces of one line there are one spread (an
    interval's two bounds are two numbers)."""
    pairs = []
    for line in body:
        means = [c for c in line.chunks if _in(c, left)]
        spreads = [c for c in line.chunks if _in(c, right)]
        if not spreads:
            continue
        if len(means) != 1 or not MEAN_RE.match(means[0].text.strip()):
            return None
        pairs.append((means[0], Phrase.of([w for c in spreads for w in c.words])))
    return pairs


def spreads_apart(body: list[TextLine], left: tuple[int, int], right: tuple[int, int]) -> bool:
    """``right`` is the spreads of the means in ``left``."""
    pairs = _pairs(body, left, right)
    if not pairs or len(pairs) < 2:
        return False
    mean_height = median(mean.box.height for mean, _ in pairs)
    if max(spread.box.x1 - mean.box.x2 for mean, spread in pairs) > 2 * mean_height:
        return False
    # An interval, a count or a percent spread split from its score (a bracket or the "±"
    # lost with the word space after it): each pair reads as one cell, in any type size.
    if all(main_of_compound(f"{mean.text} {spread.text}") for mean, spread in pairs):
        return True
    texts = [spread.text.strip() for _, spread in pairs]
    signed = sum(1 for text in texts if LONE_SPREAD_RE.match(text))
    if signed < SPREAD_SHARE * len(pairs) or not all(SPREAD_SHAPE_RE.match(t) for t in texts):
        return False
    spread_height = median(spread.box.height for _, spread in pairs)
    return spread_height <= SMALLER * mean_height


def _joined(line: TextLine, left: tuple[int, int], right: tuple[int, int]) -> TextLine:
    means = [c for c in line.chunks if _in(c, left)]
    spreads = [c for c in line.chunks if _in(c, right)]
    if len(means) != 1 or not spreads:
        return line
    merged = Phrase.of([*means[0].words, *(w for c in spreads for w in c.words)])
    chunks = [c for c in line.chunks if not any(c is p for p in [means[0], *spreads])]
    return TextLine(chunks=sorted([*chunks, merged], key=lambda c: c.box.x1), box=line.box)


def join_spread_columns(
    body: list[TextLine], ranges: list[tuple[int, int]]
) -> tuple[list[TextLine], list[tuple[int, int]]]:
    """``body`` and its column ranges with every column of spreads joined to its means. An
    interval's bounds, a word space apart, may make two ranges of their own."""
    i = 0
    while i < len(ranges) - 1:
        for width in (1, 2):
            if i + width >= len(ranges):
                break
            left, right = ranges[i], (ranges[i + 1][0], ranges[i + width][1])
            if spreads_apart(body, left, right):
                body = [_joined(line, left, right) for line in body]
                ranges = [*ranges[:i], (left[0], right[1]), *ranges[i + 1 + width :]]
                break
        i += 1
    return body, ranges
