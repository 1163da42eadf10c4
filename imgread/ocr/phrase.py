"""Words of one text line close enough to be one piece of text: the one type the tables
stage (a cell's text) and the charts stage (a tick label, a legend entry, a title) group
OCR words into."""

from __future__ import annotations

from dataclasses import dataclass

from ..record import Box, Word
from ..units import parse_number


@dataclass
class Phrase:
    words: list[Word]
    box: Box
    text: str = ""
    confidence: float = 0.0

    @classmethod
    def of(cls, words: list[Word], weakest: bool = True) -> Phrase:
        """The phrase of ``words`` (left to right); its confidence is the weakest word's,
        or with ``weakest=False`` the words' mean."""
        box = words[0].box
        for word in words[1:]:
            box = box.union(word.box)
        confidences = [word.confidence for word in words]
        return cls(
            words=words,
            box=box,
            text=" ".join(word.text for word in words),
            confidence=min(confidences) if weakest else sum(confidences) / len(confidences),
        )

    @property
    def height(self) -> int:
        return max(1, self.box.height)

    @property
    def value(self) -> float | None:
        """The phrase as one number ("45.3", "1,000", "80%"), else None ("GSM8K")."""
        return parse_number(self.text, whole=True)
