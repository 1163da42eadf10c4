"""Box plots' category names: beside lying boxes, under upright ones."""

from __future__ import annotations

from ..ocr.phrase import Phrase
from ..record import Box
from .box_shapes import Placed

SURE_NAME = 60  # OCR confidence: a category name read level under an upright box


def names_beside(boxes: list[Placed], found: list[Phrase]) -> list[str | float]:
    """Each lying box's name: the text level with it, left of every box."""
    start = min(b.along(b.raw.w_lo) for b in boxes)
    texts = [p for p in found if p.value is None and p.box.x2 <= start
             and sum(c.isalnum() for c in p.text) >= 2]
    names: list[str | float] = []
    for index, box in enumerate(boxes):
        rect = box.rect
        level = [p for p in texts if rect.y1 <= p.box.cy <= rect.y2]
        if not level:
            names.append(float(index + 1))
            continue
        # from the leftmost text level with the box, the pieces a word space or so apart:
        # a logo set between name and box, further off, may read as words too
        line = sorted(level, key=lambda p: p.box.x1)
        name = [line[0]]
        for piece in line[1:]:
            if piece.box.x1 - name[-1].box.x2 > 1.2 * max(piece.height, name[-1].height):
                break
            name.append(piece)
        names.append(" ".join(p.text for p in name).rstrip(" -—:;|.,"))
    return names


def names_below(boxes: list[Placed], found: list[Phrase], area: Box) -> list[str | float]:
    """Each upright box's name: the text under the plot nearest its middle."""
    # (sure words only: names set at a slant read level come out as unsure scraps)
    texts = [p for p in found if p.value is None and p.box.y1 >= area.y2 - 2
             and p.box.y1 <= area.y2 + 4 * p.height and sum(c.isalnum() for c in p.text) >= 2
             and p.confidence >= SURE_NAME]
    names: list[str | float] = []
    for index, box in enumerate(boxes):
        rect = box.rect
        middle = (rect.x1 + rect.x2) / 2
        under = [p for p in texts if p.box.x1 - 0.5 * rect.width <= middle
                 <= p.box.x2 + 0.5 * rect.width]
        if not under:
            names.append(float(index + 1))
            continue
        top = min(p.box.y1 for p in under)
        first = min((p for p in under if p.box.y1 <= top + 0.5 * p.height),
                    key=lambda p: abs(p.box.cx - middle))
        names.append(first.text)
    return names
