"""Chinese running text around a table: an article's paragraph above a phone's table.

Chinese has no spaces, so OCR cuts a paragraph's line into pieces wherever its characters
happen to stand apart, and the pieces can each sit inside one of the table's columns, as a
header line's names do. What gives the line away is its punctuation: a sentence's comma,
full stop or enumeration comma after a Han character ("越好，加粗为同规模最佳。"). No column
name carries one (units and settings use brackets, which are not counted here).
"""

from __future__ import annotations

import re

from .lines import TextLine

# A Han character followed by sentence punctuation: full-width, or the ASCII comma and
# semicolon OCR may read those as.
HAN_SENTENCE_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]\s*[。，、；！？：,;]")


def is_han_sentence(line: TextLine) -> bool:
    """A line of Chinese running text: sentence punctuation right after a Han character."""
    return any(HAN_SENTENCE_RE.search(chunk.text) for chunk in line.chunks)
