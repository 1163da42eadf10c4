"""Badges after a model's name: a leaderboard sets a tag ("Extra data", "New") on a small
filled pill beside the name it qualifies. The tag is no part of the name, which the rows
and scores are keyed by. What tells it from the name's own last word is its ground: the
pill's fill, where the name stands on the cell's."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..record import Box, Table, Word
from .grounds import GROUND_STEP, _ground

if TYPE_CHECKING:
    from ..preprocess import Prepared


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


def _inside(word: Word, box: Box) -> bool:
    return box.x1 <= word.box.cx <= box.x2 and box.y1 <= word.box.cy <= box.y2


def strip_badges(
    table: Table, model_col: int | None, words: list[Word], prepared: Prepared | None
) -> None:
    """Cut from each name the words after it that stand on another ground than its first
    word: a tag on a pill of its own."""
    if model_col is None or prepared is None or prepared.rgb is None or prepared.rgb.ndim != 3:
        return
    for row in table.body:
        cell = row[model_col]
        if cell.box is None:
            continue
        inside = sorted((w for w in words if _inside(w, cell.box)), key=lambda w: w.box.x1)
        if len(inside) < 2:
            continue
        name_ground = _ground_of(inside[0], prepared)
        if name_ground is None:
            continue
        for at, word in enumerate(inside[1:], 1):
            ground = _ground_of(word, prepared)
            if ground is None or np.abs(ground - name_ground).max() <= GROUND_STEP:
                continue
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
