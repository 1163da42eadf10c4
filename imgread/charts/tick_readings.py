"""Other readings of y tick labels: what a label may have said where OCR read its tick
mark (or a lost point) into it. The axis fit keeps the readings that line up."""

from __future__ import annotations

from ..ocr.phrase import Phrase
from .text import Tick, parse_number


def other_readings(column: list[Phrase], shortest: int = 3) -> list[Phrase]:
    """Other readings of y tick labels: the tick mark right of a label is often read as a
    last digit or two ("45—" as "454", "20—" as "2074"), and a point can be lost ("675" for
    67.5). The axis fit keeps the reading that lines up with the rest. Labels of
    ``shortest`` characters and up lose their last ones."""
    others: list[Phrase] = []
    for phrase in column:
        text = phrase.text.strip()
        readings = [text[:-cut] for cut in (1, 2)
                    if len(text) >= shortest and text[:-cut][-1:].isdigit()]
        if text.isdigit() and len(text) >= 3:  # or a lost point: "675" for 67.5
            readings.append(f"{text[:-1]}.{text[-1]}")
        for rest in readings:
            value = parse_number(rest)
            if value is not None:
                others.append(Tick(words=phrase.words, box=phrase.box, text=rest,
                                   confidence=phrase.confidence, number=value))
    return others
