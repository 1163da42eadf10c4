"""Box plots' printed medians: the number beside each box, within its quartiles, read again
alone where OCR read it short, and read where the other boxes print theirs where OCR lost
it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Word
from .box_shapes import Placed
from .text import Tick, measure_value, parse_number, read_label_text


def _label_of(box: Placed, labels: list[Phrase], boxes: list[Placed]) -> Phrase | None:
    """The number printed beside the box (above or below a lying one, either side of an
    upright one), along the value axis within its quartiles, nearer this box than any
    other."""
    rect = box.rect

    def gap(phrase: Phrase, other: Box) -> float:
        if box.lying:
            return max(other.y1 - phrase.box.y2, phrase.box.y1 - other.y2, 0)
        return max(other.x1 - phrase.box.x2, phrase.box.x1 - other.x2, 0)

    options = []
    for phrase in labels:
        along = phrase.box.cx if box.lying else phrase.box.cy
        low, high = (rect.x1, rect.x2) if box.lying else (rect.y1, rect.y2)
        if not low - phrase.height <= along <= high + phrase.height:
            continue
        if gap(phrase, rect) > 1.5 * phrase.height:
            continue
        if any(gap(phrase, other.rect) < gap(phrase, rect) for other in boxes if other is not box):
            continue
        options.append(phrase)
    if not options:
        return None
    return min(options, key=lambda p: gap(p, rect))


def _decimals(text: str) -> int:
    """Digits after the point of the number in a label ("0.20 s": 2)."""
    match = re.search(r"\d+(?:\.(\d+))?", text)
    return len(match[1] or "") if match is not None else 0


def _usual_decimals(texts: list[str]) -> int:
    """The decimals the labels print: the most any shows (OCR drops a label's last digits
    far more often than it adds some; a label read so is only read again)."""
    return max((_decimals(text) for text in texts), default=0)


def _read_alone(rgb: np.ndarray, label: Phrase, decimals: int,
                settings: OcrSettings) -> Phrase | None:
    """A label read again from its own crop, letters and all; kept where it now prints
    the usual decimals."""
    text = read_label_text(rgb, label.box, settings, widen=True, digits=False).strip()
    value = printed_value(text)
    if value is None or _decimals(text) != decimals:
        return None
    return Tick(words=label.words, box=label.box, text=text, confidence=80.0, number=value)


def printed_value(text: str) -> float | None:
    value = parse_number(text)
    return measure_value(text) if value is None else value


@dataclass
class Place:
    """Where a printed median sits relative to its box: across, the gap from the box's side
    (negative: before it); along, the label's middle from the median line; and its size."""

    before: bool
    gap: float
    along: float
    length: float  # along the value axis
    height: float  # across


def _place(box: Placed, label: Phrase) -> Place:
    rect, text = box.rect, label.box
    median = box.along(box.raw.median or 0.0)
    if box.lying:
        before = text.cy < rect.y1
        gap = rect.y1 - text.y2 if before else text.y1 - rect.y2
        return Place(before, gap, text.cx - median, text.width, text.height)
    before = text.cx < rect.x1
    gap = rect.x1 - text.x2 if before else text.x1 - rect.x2
    return Place(before, gap, text.cy - median, text.height, text.width)


def read_at(rgb: np.ndarray, box: Placed, places: list[Place],
            settings: OcrSettings) -> Phrase | None:
    """The number printed where the other boxes' medians are (the median place of theirs),
    read alone, letters and all (a unit after it)."""
    rect = box.rect
    before = sum(p.before for p in places) >= len(places) / 2
    gap = float(np.median([p.gap for p in places]))
    along = box.along(box.raw.median or 0.0) + float(np.median([p.along for p in places]))
    length = 1.3 * float(max(p.length for p in places))
    height = float(np.median([p.height for p in places]))
    # across, from the box's side (not into it) out past where the others' labels end,
    # with room either way: labels sit a few pixels nearer or further
    reach = max(0.0, gap) + 1.5 * height
    if box.lying:
        y1, y2 = (rect.y1 - reach, rect.y1 - 1) if before else (rect.y2 + 1, rect.y2 + reach)
        area = Box(x1=max(0, int(along - length / 2)), y1=max(0, int(y1)),
                   x2=int(along + length / 2), y2=max(0, int(y2)))
    else:
        x1, x2 = (rect.x1 - reach, rect.x1 - 1) if before else (rect.x2 + 1, rect.x2 + reach)
        area = Box(x1=max(0, int(x1)), y1=max(0, int(along - length / 2)),
                   x2=max(0, int(x2)), y2=int(along + length / 2))
    if area.width < 4 or area.height < 4:
        return None
    text = read_label_text(rgb, area, settings, widen=False, digits=False).strip()
    value = printed_value(text)
    if value is None:
        return None
    word = Word(text=text, confidence=80.0, box=area)
    return Tick(words=[word], box=area, text=text, confidence=80.0, number=value)


def printed_medians(
    rgb: np.ndarray, boxes: list[Placed], labels: list[Phrase], ocr_settings: OcrSettings | None,
) -> tuple[dict[int, Phrase | None], list[Place]]:
    """The number printed beside each box (by ``id`` of the box; None where there is none),
    and where those of the boxes with a median line sit, for ``read_at``."""
    bound = {id(box): _label_of(box, labels, boxes) for box in boxes}
    if ocr_settings is not None:  # labels OCR read short ("3.9" for "3.93 s"), read alone
        usual = _usual_decimals([label.text for label in bound.values() if label is not None])
        for key, label in bound.items():
            if label is not None and _decimals(label.text) < usual:
                bound[key] = _read_alone(rgb, label, usual, ocr_settings) or label
    places = [_place(box, label) for box in boxes
              if (label := bound[id(box)]) is not None and box.raw.median is not None]
    return bound, places
