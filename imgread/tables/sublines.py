"""A second, smaller or lighter line under a name in its cell: no part of the name.

App and web leaderboards set a line under each model's name in its cell (the maker, a
licence, a release date, "7B · instruct"), smaller, greyer or in a lighter weight than the
name. The page's reading joined it to the name ("Falcon-40B BigScience") or, where it reads
as a number ("2023-05-21", "7B · instruct"), made it a row of its own that stole the
values. A long name wrapped over two lines ("Yi-34B-Chat-" over "8bits(GPTQ)") is set in
one style on both; what tells the two apart is the type, not the words: a line whose
glyphs are clearly smaller (and its strokes thinner with them), whose ink is clearly paler
against the cell's ground, or whose strokes are clearly thinner than the line above it in
the same cell is a subtitle, unless another of those measures finds it clearly larger,
darker or bolder: where the evidence is split the line stays, joined to the name. It
belongs to that row and is dropped from the layout (the record has no place for a row's
note), and so is every line under it in the cell.

Each line is measured on its own pixels less the grid's rules (a tight grid's rule touches
the letters), its size from its baseline up, so that what its letters reach below (or a
lower-case line's lack of capitals) does not pass for a change of type.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

import numpy as np

from ..ocr.phrase import Phrase
from ..record import Box, Word
from .layout import chunks_by_column
from .lines import Layout, TextLine, is_numeric_or_missing, text_lines

if TYPE_CHECKING:
    from ..preprocess import Prepared

# Heights in ems of what a line's characters reach above the baseline: ascenders about
# 0.76 em, capitals, digits and brackets about 0.73, a lower-case letter alone about 0.53.
# A line's height from its baseline to its top over that reach is its size; descenders,
# brackets and commas below the baseline are left out, so what the letters reach below
# does not count.
ASCENDING, TALL = set("bdfhklt"), set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ij()[]{}!?#$%&@/")
# The baseline is where the ink profile of the line drops below this share of its peak (the
# x-height band is dense; below it only descenders reach), its top where the profile first
# reaches this smaller share (ascenders and capitals are few but inked).
BASELINE_SHARE, TOP_SHARE = 0.35, 0.08
# A row or column of the crop inked across this share of it is a rule (a tight grid's rule
# touches its letters): no part of the line's type.
RULE_SPAN = 0.85
# A subtitle's glyphs are at most this share of the line above's size (apps set it at 70
# to 85%); a wrapped name's lines measure within a few per cent of each other. Size is
# judged by height and stroke together: a smaller face at one weight has thinner strokes
# in proportion, so the two shares' geometric mean must fall below this, and each below
# SAME_TYPE (a line measured smaller whose strokes are as wide is a misreading, and one
# with thinner strokes but as tall is a lighter weight, judged on its own below).
SMALLER = 0.88
SAME_TYPE = 0.95
# Its ink at most this share of the line above's contrast against the ground (grey under
# black is 0.5 to 0.65; anti-aliasing alone costs a same-size line little).
PALER = 0.75
# Its strokes at most this share of the line above's width (regular under bold: 0.5 to
# 0.7 at one size; a wrapped line of one style: 0.95 to 1.05).
THINNER = 0.75
# A lower line clearly larger, darker or bolder than the line above (the inverse of the
# margins above) contradicts any one cue that calls it smaller: the evidence is split and
# the line is kept, since joining it to the name is the safer failure.
LARGER, DARKER, BOLDER = 1 / SMALLER, 1 / PALER, 1 / THINNER


@dataclass
class Type:
    """How a line of text is set: its size in pixels per em, the contrast of its ink
    against its ground (grey levels) and its typical stroke width (pixels)."""

    em: float
    tone: float
    stroke: float


def _top_reach(text: str) -> float:
    """The height in ems above the baseline that ``text``'s glyphs reach."""
    return 0.76 if ASCENDING & set(text) else 0.73 if TALL & set(text) else 0.53


def _crop(prepared: Prepared, box: Box, pad: int) -> tuple[np.ndarray, tuple[int, int]] | None:
    """The loaded image's pixels around ``box`` (upright pixels), ``pad`` pixels more each
    way, and where ``box`` starts in the crop."""
    assert prepared.rgb is not None
    image = prepared.from_upright(box)
    height, width = prepared.rgb.shape[:2]
    top, left = max(0, image.y1 - pad), max(0, image.x1 - pad)
    bottom, right = min(height, image.y2 + pad), min(width, image.x2 + pad)
    if bottom - top < 3 or right - left < 3:
        return None
    return prepared.rgb[top:bottom, left:right], (image.y1 - top, image.x1 - left)


def _without_rules(contrast: np.ndarray, tone: float) -> np.ndarray:
    """``contrast`` less the rows and columns inked across the crop: the rules of a grid,
    which would add their length to the strokes and their height to the line's."""
    faint = contrast > 0.25 * tone
    kept = contrast.copy()
    kept[faint.mean(axis=1) >= RULE_SPAN, :] = 0
    kept[:, faint.mean(axis=0) >= RULE_SPAN] = 0
    return kept


# Coverage under this share of the ink's tone is the ground's grain, no ink: a washed-out
# photo's noise and JPEG ringing, summed along a row, pass the top's small share of the
# profile's peak above the letters and make the line measure taller than it is.
GRAIN = 0.15


def _em(coverage: np.ndarray, text: str) -> float | None:
    """Pixels per em: from the baseline to the line's top, over what its letters reach."""
    profile = np.clip((coverage - GRAIN) / (1.0 - GRAIN), 0.0, 1.0).sum(axis=1)
    peak = float(profile.max())
    if peak <= 0:
        return None
    dense = np.flatnonzero(profile >= BASELINE_SHARE * peak)
    inked = np.flatnonzero(profile >= TOP_SHARE * peak)
    return float(dense[-1] + 1 - inked[0]) / _top_reach(text)


def _stroke(coverage: np.ndarray) -> float:
    """The median width of the ink's runs along its rows (a pixel of anti-aliasing either
    side counted by its share): the width of upright stems, which most glyphs have; a
    hyphen's or a bar's long run is one run among many."""
    inked = coverage > 0.5
    edges = np.diff(np.pad(inked.astype(np.int8), ((0, 0), (1, 1))), axis=1)
    widths = []
    for row, (starts, ends) in enumerate(
        zip(
            (np.flatnonzero(line > 0) for line in edges),
            (np.flatnonzero(line < 0) for line in edges),
            strict=True,
        )
    ):
        for start, end in zip(starts, ends, strict=True):
            widths.append(float(coverage[row, max(0, start - 1) : end + 1].sum()))
    return float(median(widths)) if widths else 0.0


def type_in(crop: np.ndarray, box: Box, text: str) -> Type | None:
    """How the line of ``text`` whose glyphs ``box`` bounds in ``crop`` (RGB pixels with a
    margin around it) is set."""
    ground = np.median(crop.reshape(-1, crop.shape[-1]), axis=0)
    contrast = np.abs(crop.astype(np.float32) - ground).max(axis=2)
    # a pixel's margin either way: OCR's boxes come from an enlarged, thresholded page
    rows, columns = slice(max(0, box.y1 - 1), box.y2 + 1), slice(max(0, box.x1), box.x2)
    if contrast[rows, columns].size == 0:
        return None
    inner = _without_rules(contrast, float(np.percentile(contrast[rows, columns], 95)))
    inner = inner[rows, columns]
    tone = float(np.percentile(inner, 95))
    if tone <= 0:
        return None
    coverage = np.clip(inner / tone, 0.0, 1.0)
    em = _em(coverage, text)
    if em is None:
        return None
    return Type(em=em, tone=tone, stroke=_stroke(coverage))


def type_of(chunks: list[Phrase], prepared: Prepared) -> Type | None:
    """How one line of a cell is set, from the pixels under its words' boxes."""
    words = [word for chunk in chunks for word in chunk.words if word.text.strip()]
    if not words:
        return None
    box = words[0].box
    for word in words[1:]:
        box = box.union(word.box)
    found = _crop(prepared, box, max(2, round(0.4 * box.height)))
    if found is None:
        return None
    crop, (y, x) = found
    inside = Box(x1=x, y1=y, x2=x + box.width, y2=y + box.height)
    return type_in(crop, inside, "".join(word.text for word in words))


def set_below(lower: Type, upper: Type) -> bool:
    """``lower`` is set smaller, paler or thinner than ``upper`` by a clear margin, and
    in no way larger, darker or bolder: a subtitle."""
    size, tone, stroke = lower.em / upper.em, lower.tone / upper.tone, lower.stroke / upper.stroke
    if size > LARGER or tone > DARKER or stroke > BOLDER:
        return False
    smaller = max(size, stroke) < SAME_TYPE and (size * stroke) ** 0.5 < SMALLER
    return smaller or tone < PALER or stroke < THINNER


# Lines of one cell sit closer than this share of the upper line's height apart.
TIGHT_GAP = 1.0
# Two lines of one cell start (or centre, or end) within this share of its height.
SAME_EDGE = 0.6
# A piece in another column whose centre lies this near a line's (shares of the upper
# line's height) stands level with it: the line is a row of its own with its values, not
# a name's second line (numbers centred on a two-line name lie between its lines).
LEVEL = 0.3


def _text_columns(layout: Layout) -> set[int]:
    """Columns whose body cells mostly hold text: where names (and subtitles) are."""
    found = set()
    for column in range(len(layout.spans)):
        texts = [
            " ".join(chunk.text for part in parts for chunk in part)
            for r, line in enumerate(layout.body)
            for parts in [chunks_by_column(line, layout.spans, layout.wrapped.get(r, [])).get(
                column, [])]
            if parts
        ]
        if texts and sum(not is_numeric_or_missing(text) for text in texts) > len(texts) / 2:
            found.add(column)
    return found


def _column(box: Box, spans: list[tuple[int, int]]) -> int:
    """The column whose span holds the piece's left edge, else the nearest by centre."""
    for index, (x1, x2) in enumerate(spans):
        if x1 <= box.x1 < x2:
            return index
    return min(range(len(spans)), key=lambda i: abs((spans[i][0] + spans[i][1]) / 2 - box.cx))


def _aligned(piece: Box, upper: Box, height: int) -> bool:
    """Two lines of one cell: set left, centred or right alike, or mostly over each other
    (where the page lost a line's first letters, "en-14B" for "Qwen-14B")."""
    edges = min(abs(piece.x1 - upper.x1), abs(piece.cx - upper.cx), abs(piece.x2 - upper.x2))
    shared = min(piece.x2, upper.x2) - max(piece.x1, upper.x1)
    return edges <= SAME_EDGE * height or shared >= 0.5 * min(piece.width, upper.width)


def _cell_above(piece: Phrase, pieces: list[Phrase]) -> Phrase | None:
    """The piece just above ``piece`` in its cell: set tight over it and aligned with it."""
    above = [
        other
        for other in pieces
        if other.box.cy < piece.box.y1
        and -0.3 * other.height <= piece.box.y1 - other.box.y2 <= TIGHT_GAP * other.height
        and _aligned(piece.box, other.box, other.height)
    ]
    return max(above, key=lambda other: other.box.y2, default=None)


def _cell_lines(
    layout: Layout, lines: list[TextLine], columns: set[int]
) -> tuple[dict[int, list[Phrase]], list[Phrase]]:
    """The lines of text around the layout's body cut at its columns: each name column's
    pieces, one a line (a subtitle's words may be read as pieces apart, "7B", "·",
    "instruct"), and the pieces in the other columns."""
    rows = [*layout.body, *(line for group in layout.wrapped.values() for line in group)]
    top = min(line.box.y1 for line in rows)
    bottom = max(line.box.y2 for line in rows) + 2 * median(line.box.height for line in rows)
    names: dict[int, list[Phrase]] = {column: [] for column in columns}
    others: list[Phrase] = []
    for line in lines:
        if not top <= line.box.cy <= bottom:
            continue
        here: dict[int, list[Phrase]] = {}
        for chunk in line.chunks:
            if chunk.text.strip():
                here.setdefault(_column(chunk.box, layout.spans), []).append(chunk)
        for column, chunks in here.items():
            if column in columns:
                names[column].append(Phrase.of([word for chunk in chunks for word in chunk.words]))
            else:
                others.extend(chunks)
    return names, others


def subtitle_boxes(
    layout: Layout, lines: list[TextLine], prepared: Prepared | None
) -> list[Box]:
    """The boxes of the lines in the layout's name columns that are a name's subtitle:
    set tight under a line of their cell, with nothing level with them in the other
    columns, and set smaller, paler or thinner than that line."""
    if prepared is None or prepared.rgb is None or not layout.body:
        return []
    columns = _text_columns(layout)
    if not columns:
        return []
    names, others = _cell_lines(layout, lines, columns)
    found = []
    for pieces in names.values():
        for piece in pieces:
            upper = _cell_above(piece, pieces)
            if upper is None or any(
                abs(other.box.cy - piece.box.cy) <= LEVEL * upper.height for other in others
            ):
                continue
            below, above = type_of([piece], prepared), type_of([upper], prepared)
            if below is not None and above is not None and set_below(below, above):
                found.append(piece.box)
    return found

def without_subtitles(
    words: list[Word], layouts: list[Layout], rules: list[Box], prepared: Prepared | None
) -> list[Word]:
    """``words`` less those of the layouts' names' subtitles."""
    if prepared is None or prepared.rgb is None:
        return words
    lines = text_lines(words, rules)
    boxes = [box for layout in layouts for box in subtitle_boxes(layout, lines, prepared)]
    return [
        word
        for word in words
        if not any(
            box.x1 <= word.box.cx <= box.x2 and box.y1 <= word.box.cy <= box.y2 for box in boxes
        )
    ]
