"""A direction arrow printed after one column's name ("HumanEval (pass@1) ↑"), read as a
letter or a stroke ("1", "t", "T", "|").

``chrome.strip_sort_marks`` takes marks off where many names carry one alike; a page that
sets its arrows on a line of their own under wrapped names loses most of them as specks, and
the few read beside a name stay ("BBH (3-shot) t"), so the name is no longer the name
printed. A lone arrow-shaped reading after a known benchmark's name (its setting in brackets
aside) is no part of it: no benchmark's name ends in a word of one such stroke.
"""

from __future__ import annotations

import re

from ..names import is_known_benchmark
from ..record import Table
from .columns import split_setting

# What Tesseract makes of an upright arrow standing alone: a stroke with a head, or two
# strokes ("ti": a sort arrow's pair, ▲ over ▼).
ARROW_READING_RE = re.compile(r"^(?:[1tTlI|↑↓⬆⬇]|ti)$")


def strip_arrow_marks(table: Table) -> None:
    """Column names that are a known benchmark and one arrow-shaped word lose the word."""
    if not table.header_rows:
        return
    for c, cell in enumerate(table.header_rows[0]):
        words = cell.text.split()
        if len(words) < 2 or not ARROW_READING_RE.match(words[-1]):
            continue
        rest = " ".join(words[:-1])
        if is_known_benchmark(split_setting(rest)[0]):
            cell.readings["arrow"] = words[-1]
            cell.text = rest
            if c < len(table.columns):
                table.columns[c] = rest
