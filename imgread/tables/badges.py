"""Badges after a model's name: a leaderboard sets a tag ("Extra data", "New") on a small
filled pill beside the name it qualifies. The tag is no part of the name, which the rows
and scores are keyed by. What tells it from the name's own last word is its ground: the
pill's fill, where the name stands on the cell's, a change from one word to the next (the
light across a photographed page changes slowly), and its smaller type."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..record import Box, Table, Word
from .grounds import GROUND_STEP, _ground

if TYPE_CHECKING:
    from ..preprocess import Prepared

# A tag's type is this much smaller than the name's at most ("Extra data" at 10 px after
# a name at 14).
SMALLER = 0.85


def _ground_of(word: Word, prepared: Prepared) -> np.ndarray | None:
    """The colour just above and below a word's ink (its ground), across its width."""
    assert prepared.rgb is not None
    box = prepared.from_upright(word.box)
    depth = max(1, box.height // 6)
    above = _ground(prepared.rgb, box.x1, box.x2, box.y1 - 1 - depth, box.y1 - 1)
    below = _ground(prepared.rgb, box.x1, box.x2, box.y2 + 1, box.y2 + 1 + depth)
    if above is None or below is None or np.abs(above - below).max() > GROUND_STEP:
        return None  # no one ground round this word: a rule or an edge runs by it
    return (above + below) / 2


def _fill_starts(before: Word, word: Word, prepared: Prepared) -> bool:
    """The ground changes within the gap between two words: a pill's padding before the
    tag, where a photographed page's light only drifts from one word to the next."""
    assert prepared.rgb is not None
    left, right = prepared.from_upright(before.box), prepared.from_upright(word.box)
    gap = right.x1 - left.x2
    depth = 3  # pixels of ground read at either end of the gap
    if gap < 3 * depth:
        return False
    y1, y2 = right.y1 + right.height // 4, right.y2 - right.height // 4
    after_name = _ground(prepared.rgb, left.x2 + 1, left.x2 + 1 + depth, y1, y2)
    before_tag = _ground(prepared.rgb, right.x1 - 1 - depth, right.x1 - 1, y1, y2)
    if after_name is None or before_tag is None:
        return False
    return float(np.abs(after_name - before_tag).max()) > GROUND_STEP


def _inside(word: Word, box: Box) -> bool:
    return box.x1 <= word.box.cx <= box.x2 and box.y1 <= word.box.cy <= box.y2


def strip_badges(
    table: Table, model_col: int | None, words: list[Word], prepared: Prepared | None
) -> None:
    """Cut from each name the words from the first that stands on another ground than the
    word before it: a tag on a pill of its own."""
    if model_col is None or prepared is None or prepared.rgb is None or prepared.rgb.ndim != 3:
        return
    for row in table.body:
        cell = row[model_col]
        if cell.box is None:
            continue
        inside = sorted((w for w in words if _inside(w, cell.box)), key=lambda w: w.box.x1)
        if len(inside) < 2:
            continue
        before, last = _ground_of(inside[0], prepared), inside[0]
        for at, word in enumerate(inside[1:], 1):
            if not any(ch.isalnum() for ch in word.text):
                continue  # a pill's edge read as a dash: no word of the name or the tag
            # Each word against the one before it: a photographed page's light changes
            # slowly across a name, a pill's fill at once.
            ground = _ground_of(word, prepared)
            if before is None or ground is None or np.abs(ground - before).max() <= GROUND_STEP:
                before, last = ground, word
                continue
            if word.box.height > SMALLER * inside[0].box.height or not _fill_starts(
                last, word, prepared
            ):
                break  # a tag is set smaller, on a fill that starts in the gap before it
            # The name as the votes settled it ends with the tag's words, in whatever case
            # each engine read them.
            tag = [w.text for w in inside[at:]]
            text = cell.text.split()
            if len(text) > len(tag) and [t.casefold() for t in text[-len(tag) :]] == [
                t.casefold() for t in tag
            ]:
                cell.text = " ".join(text[: -len(tag)])
                cell.readings["badge"] = " ".join(tag)
            break
