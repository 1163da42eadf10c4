"""Names left of lying bars, wrapped over two lines (or more): each line of one name sits
above or below the bar's middle, often outside the bar's own rows when the bars are thin,
and the block of lines is centred on the bar. A line is not a name of its own: the lines
nearest one bar (nearer it than any other bar), whose block is centred on it, are its name,
read top line first."""

from __future__ import annotations

import numpy as np

from ..ocr.phrase import Phrase
from .bars import Lying

CENTRED = 0.5  # of a bar's thickness: how far a block of lines' middle may lie off the bar's
LINE = 0.5  # of a text's height: words this close in their middles share a line


def name_lines(bar: Lying, bars: list[Lying], texts: list[Phrase], numerals: list[Phrase]
               ) -> list[Phrase]:
    """The texts that name ``bar``, in reading order: the lines of a wrapped name centred on
    it, else the words level with it (left to right). ``numerals`` (numbers left of the
    bars: "13B" in "OLMo 2 13B", a line "2024" under "GPT-4o mini") belong to a wrapped
    name with words in it, where they are no lone digit beside its words (a tick mark read
    as "4")."""
    level = sorted((p for p in texts if bar.y1 <= p.box.cy <= bar.y2), key=lambda p: p.box.x1)
    centres = sorted(b.cy for b in bars)
    pitch = float(np.median(np.diff(centres))) if len(centres) > 1 else 2 * bar.thickness
    near = [p for p in texts + numerals if abs(p.box.cy - bar.cy) <= 0.5 * pitch
            and min(bars, key=lambda b: abs(b.cy - p.box.cy)) is bar]
    lines = [[p for p in line if not _lone_digit(p, line, numerals)] for line in _lines(near)]
    lines = [line for line in lines if line]
    if len(lines) < 2 or not any(any(p is t for t in texts) for line in lines for p in line):
        return level
    top, bottom = lines[0][0].box.y1, max(p.box.y2 for p in lines[-1])
    if abs((top + bottom) / 2 - bar.cy) > CENTRED * bar.thickness:
        return level
    return [p for line in lines for p in line]


def _lone_digit(phrase: Phrase, line: list[Phrase], numerals: list[Phrase]) -> bool:
    """A number of one character not between two words of its line."""
    if not any(phrase is n for n in numerals) or sum(c.isalnum() for c in phrase.text) >= 2:
        return False
    words = [p for p in line if not any(p is n for n in numerals)]
    return not (any(w.box.x2 <= phrase.box.x1 for w in words)
                and any(w.box.x1 >= phrase.box.x2 for w in words))


def _lines(texts: list[Phrase]) -> list[list[Phrase]]:
    """``texts`` in lines, top to bottom, each left to right."""
    lines: list[list[Phrase]] = []
    for phrase in sorted(texts, key=lambda p: p.box.cy):
        if lines and abs(phrase.box.cy - lines[-1][-1].box.cy) <= LINE * phrase.height:
            lines[-1].append(phrase)
        else:
            lines.append([phrase])
    return [sorted(line, key=lambda p: p.box.x1) for line in lines]
