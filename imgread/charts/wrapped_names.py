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
    bars: "3.1", "13B" in "Llama 3.1 405B", a line "2024" under "GPT-4o mini") belong to a
    name with words in it."""
    centres = sorted(b.cy for b in bars)
    pitch = float(np.median(np.diff(centres))) if len(centres) > 1 else 2 * bar.thickness
    near = [p for p in texts + numerals if abs(p.box.cy - bar.cy) <= 0.5 * pitch
            and min(bars, key=lambda b: abs(b.cy - p.box.cy)) is bar]
    lines = _lines(near)
    if len(lines) >= 2:
        top, bottom = lines[0][0].box.y1, max(p.box.y2 for p in lines[-1])
        if abs((top + bottom) / 2 - bar.cy) <= CENTRED * bar.thickness:
            return _worded([p for line in lines for p in line], texts)
    return _worded([p for line in _lines([p for p in near if bar.y1 <= p.box.cy <= bar.y2])
                    for p in line], texts)


def _worded(name: list[Phrase], texts: list[Phrase]) -> list[Phrase]:
    """``name`` where words are in it; none where it is numbers alone."""
    return name if any(any(p is t for t in texts) for p in name) else []


def _lines(texts: list[Phrase]) -> list[list[Phrase]]:
    """``texts`` in lines, top to bottom, each left to right."""
    lines: list[list[Phrase]] = []
    for phrase in sorted(texts, key=lambda p: p.box.cy):
        if lines and abs(phrase.box.cy - lines[-1][-1].box.cy) <= LINE * phrase.height:
            lines[-1].append(phrase)
        else:
            lines.append([phrase])
    return [sorted(line, key=lambda p: p.box.x1) for line in lines]
