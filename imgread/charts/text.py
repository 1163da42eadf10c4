"""OCR words regrouped for chart reading: phrases on one text line, and numbers in them."""

from __future__ import annotations

import re

from .. import units
from ..ocr.phrase import Phrase
from ..record import Box, Word

_JUNK = re.compile(r"^[\W_]+$")


def parse_number(text: str) -> float | None:
    """A tick or value label as a number (``45.3``, ``1,000``, ``80,7``, ``−5``, ``80%``),
    else None: :func:`imgread.units.parse_number` reading the label as a whole, so that a
    word with a digit in it ("GSM8K") is not a number."""
    return units.parse_number(text, whole=True)


def clean_words(words: list[Word], min_confidence: float = 30.0) -> list[Word]:
    """Drop empty, punctuation-only and very unsure words (graphics read as text)."""
    return [
        word
        for word in words
        if word.text.strip()
        and not _JUNK.match(word.text.strip())
        and (word.confidence >= min_confidence or parse_number(word.text) is not None)
    ]


def _same_line(a: Box, b: Box) -> bool:
    overlap = min(a.y2, b.y2) - max(a.y1, b.y1)
    return overlap > 0.5 * min(a.height, b.height)


def phrases(words: list[Word], gap: float = 0.9) -> list[Phrase]:
    """Group words left to right into phrases: same line, gap under ``gap`` x the text height.

    Two numbers never join, so that "42.3 45.3" above adjacent bars stay apart.
    """
    ordered = sorted(words, key=lambda w: (w.box.x1, w.box.y1))
    groups: list[list[Word]] = []
    for word in ordered:
        is_number = parse_number(word.text) is not None
        for group in groups:
            last = group[-1]
            height = max(1, min(last.box.height, word.box.height))
            joinable = not (is_number and parse_number(last.text) is not None)
            if (
                joinable
                and _same_line(last.box, word.box)
                and -0.3 * height <= word.box.x1 - last.box.x2 <= gap * height
            ):
                group.append(word)
                break
        else:
            groups.append([word])
    return [Phrase.of(group, weakest=False) for group in groups]


# "24.825.3", or "73.8746" where OCR also lost the second point
_TWO_DECIMALS = re.compile(r"^(\d+\.\d)(\d+)\.?(\d)$")


def split_merged_numbers(words: list[Word]) -> list[Word]:
    """OCR joins the labels of two adjacent bars ("24.825.3"); split them at the middle."""
    out: list[Word] = []
    for word in words:
        match = _TWO_DECIMALS.match(word.text.strip().rstrip(","))
        if not match:
            out.append(word)
            continue
        box, middle = word.box, (word.box.x1 + word.box.x2) // 2
        second = f"{match[2]}.{match[3]}"
        for text, x1, x2 in ((match[1], box.x1, middle), (second, middle, box.x2)):
            out.append(word.model_copy(update={
                "text": text, "box": Box(x1=x1, y1=box.y1, x2=x2, y2=box.y2),
            }))
    return out
