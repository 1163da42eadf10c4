"""Table rules typed as characters: the pipes, dashes, pluses and colons of a monospaced
table pasted into a code block (Markdown's ``| a | b |`` over ``|---|---|``, ``+---+``
boxes, psql's ``---+---``, Unicode box drawing).

A drawn rule is one long run of ink, which ``preprocess.rules.remove_rules`` finds and erases. A
typed rule is broken at every character and every line: a column rule is one pipe per line,
a row rule one dash per character, so no long run exists, and OCR reads the pieces as
``|``, ``I``, ``-`` or ``eee`` glued to the cells ("19.7 |" read "19"). Here they are found
by the shape of the pieces and how they line up:

- a **pipe** is a solid upright bar that reaches below the baseline of the text beside it
  (no letter or digit is a plain bar that does; "l" and "I" stop at the baseline), and a
  column rule is pipes at one x on several lines one under the other;
- a **dashed rule** is flat thin bars (dashes, or the two strokes of "=") alike in size, at
  one height, evenly spaced along a line, with nothing between them but the crossings of
  the column rules ("+", "|") and the colons of Markdown's alignment marks.

Both are painted over with the background, and the column rules become rules the table
layout uses, as drawn ones do. Works in the grey image's pixels, dark text on light, with
the local background brightness ``preprocess.steps.background`` gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

import cv2
import numpy as np

# Ink is what is clearly darker than the local background: syntax colours set rules in a
# paler grey than the text, which Otsu's threshold over the whole image would lose.
INK_CONTRAST = 40
# A column rule is pipes on at least this many lines (a lone bar can be a letter).
MIN_PIPES = 3
# A dashed rule is at least this many dashes long (or one long stroke).
MIN_DASHES = 3
# A dash is this many times as wide as it is tall, or wider: a bold monospaced dash, or one
# blurred by JPEG, is 6 px by 4 (a point is about square).
DASH_ASPECT = 1.4
# Between the two strokes of "=" (run together with the crossings of a "+===+" rule) lies
# no more ink than this share of the piece's width.
GAP_INK = 0.25


@dataclass(frozen=True)
class TypedRule:
    """A typed rule in the grey image's pixels: where it runs across (a column rule's x, a
    row rule's y) and where it starts and ends along its length."""

    position: int
    start: int
    end: int


@dataclass(frozen=True)
class Piece:
    """One connected piece of ink: its box and how many pixels it has."""

    label: int
    x: int
    y: int
    w: int
    h: int
    area: int

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def bottom(self) -> int:
        return self.y + self.h


def _pieces(ink: np.ndarray) -> tuple[list[Piece], np.ndarray]:
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    pieces = [
        Piece(i, *(int(v) for v in stats[i, :5]))  # x, y, w, h, area
        for i in range(1, count)
    ]
    return pieces, labels


def _is_bar(piece: Piece, labels: np.ndarray, cap: float) -> bool:
    """A straight upright bar at least as tall as a digit (a pipe, a box-drawing line): thin,
    ink on every row, and the same x all the way down (a bracket's curve moves it)."""
    if piece.w > max(3.0, 0.3 * cap) or piece.h < 0.95 * cap:
        return False
    mask = labels[piece.y : piece.bottom, piece.x : piece.x + piece.w] == piece.label
    counts = mask.sum(axis=1)
    if not counts.all():
        return False
    centres = (mask * np.arange(piece.w)).sum(axis=1) / counts
    return float(centres.max() - centres.min()) <= max(1.0, 0.08 * piece.h)


def _beside(bar: Piece, glyphs: list[Piece], cap: float) -> list[Piece]:
    """The letter- and digit-sized pieces on the line of ``bar`` (within a few dozen
    characters of it)."""
    return [
        g
        for g in glyphs
        if bar.y <= g.cy <= bar.bottom and abs(g.cx - bar.cx) <= 30 * cap and g.label != bar.label
    ]


def _pipes(pieces: list[Piece], labels: np.ndarray, cap: float) -> list[Piece]:
    """Bars that are pipes: on a line of text they are taller than the glyphs beside it and
    reach below their baseline (a "1" set as a plain bar is as tall as its neighbours and
    stands on their baseline); a bar as tall as three lines is a rule whatever lies beside
    it, and so is one on a line of no text."""
    glyphs = [p for p in pieces if 0.5 * cap <= p.h <= 1.1 * cap and p.w <= 2 * cap]
    found = []
    for piece in pieces:
        if not _is_bar(piece, labels, cap):
            continue
        beside = _beside(piece, glyphs, cap)
        if piece.h >= 3 * cap or len(beside) < 2:
            found.append(piece)
            continue
        baseline = float(median(g.bottom for g in beside))
        height = float(median(g.h for g in beside))
        if piece.h >= 1.1 * height and piece.bottom >= baseline + max(1.5, 0.12 * cap):
            found.append(piece)
    return found


def column_rules(pipes: list[Piece], cap: float) -> list[tuple[TypedRule, list[Piece]]]:
    """Pipes at one x, one under the other with at most a line or two between them (a
    ``+---+`` line breaks them), joined into column rules, each with its pipes."""
    rules: list[tuple[TypedRule, list[Piece]]] = []
    near = max(1.5, 0.12 * cap)
    columns: list[list[Piece]] = []
    for pipe in sorted(pipes, key=lambda p: p.cx):
        if columns and abs(pipe.cx - median(p.cx for p in columns[-1])) <= near:
            columns[-1].append(pipe)
        else:
            columns.append([pipe])
    for column in columns:
        column.sort(key=lambda p: p.y)
        height = float(median(p.h for p in column))
        chain = [column[0]]
        following: list[Piece | None] = [*column[1:], None]  # None: the column's end
        for below in following:
            if below is not None and below.y - chain[-1].bottom <= 2.5 * height:
                chain.append(below)
                continue
            span = chain[-1].bottom - chain[0].y
            if len(chain) >= MIN_PIPES or span >= 3 * cap:
                x = round(median(p.cx for p in chain))
                rules.append((TypedRule(x, chain[0].y, chain[-1].bottom), chain))
            if below is not None:
                chain = [below]
    return rules


def _stroke_row(piece: Piece, labels: np.ndarray, cap: float) -> float | None:
    """Where a flat piece's strokes run (a dash, a stroke of "=", or dashes run together
    with the "+" between them), or None when the piece is not flat: most of its ink lies on
    a few rows that run along most of it."""
    thin = max(3.0, 0.3 * cap)
    if piece.w < 0.2 * cap or piece.h > 1.6 * cap:
        return None
    if piece.h <= thin:
        return piece.cy if piece.w >= DASH_ASPECT * piece.h else None
    if piece.w < 3 * cap:
        return None
    mask = labels[piece.y : piece.bottom, piece.x : piece.x + piece.w] == piece.label
    counts = mask.sum(axis=1)
    strokes = np.flatnonzero(counts >= 0.5 * piece.w)
    if not strokes.size or counts[strokes].sum() < 0.75 * piece.area:
        return None
    # one or two strokes ("-", "="), each thin: a word's letters run together make one band
    # as tall as their x-height
    bands = np.split(strokes, np.flatnonzero(np.diff(strokes) > 1) + 1)
    if len(bands) > 2 or any(len(band) > thin for band in bands):
        return None
    # the two strokes of "=" have nothing between them (but a crossing's upright); a small
    # serif word run together ("essera") has its letters' uprights there, along half of it
    between = counts[bands[0][-1] + 1 : bands[-1][0]]
    if between.size and between.max() > GAP_INK * piece.w:
        return None
    return piece.y + float(strokes.mean()) + 0.5


def _is_crossing(piece: Piece, labels: np.ndarray, row: float, cap: float) -> bool:
    """A "+" (or a pipe) on a dashed rule's line, perhaps run together with the dashes
    either side: no taller than a line, with a solid upright stroke, and ink on the rule's
    own row."""
    if piece.h > 1.6 * cap or piece.w > 2.2 * cap or not piece.y <= row <= piece.bottom:
        return False
    mask = labels[piece.y : piece.bottom, piece.x : piece.x + piece.w] == piece.label
    upright = int(mask.sum(axis=0).max())
    return upright >= 0.8 * piece.h


def dashed_rules(pieces: list[Piece], labels: np.ndarray, cap: float) -> list[list[Piece]]:
    """Runs of dashes along one line, each with the crossings and colons on it: the pieces
    of one typed row rule."""
    rows_of = {p.label: at for p in pieces if (at := _stroke_row(p, labels, cap)) is not None}
    flat = sorted((p for p in pieces if p.label in rows_of), key=lambda p: rows_of[p.label])
    rows: list[list[Piece]] = []
    for piece in flat:
        if rows and abs(rows_of[piece.label] - rows_of[rows[-1][0].label]) <= 1.5:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    others = [p for p in pieces if p.label not in rows_of]
    found = []
    for row in rows:
        row.sort(key=lambda p: p.x)
        chain = [row[0]]
        following: list[Piece | None] = [*row[1:], None]  # None: the line's end
        for dash in following:
            if dash is not None and _continues(chain[-1], dash, others, labels, cap):
                chain.append(dash)
                continue
            if _regular(chain, cap):
                line = float(median(rows_of[p.label] for p in chain))
                found.append(chain + _marks_on(chain, line, others, labels, cap))
            if dash is not None:
                chain = [dash]
    return found


def _between(left: Piece, right: Piece, others: list[Piece]) -> list[Piece]:
    top, bottom = min(left.y, right.y), max(left.bottom, right.bottom)
    return [
        p
        for p in others
        if p.x < right.x
        and p.x + p.w > left.x + left.w
        and p.y <= bottom + 2
        and p.bottom >= top - 2
    ]


def _continues(
    last: Piece, dash: Piece, others: list[Piece], labels: np.ndarray, cap: float
) -> bool:
    """``dash`` follows ``last`` on one typed rule: close (a crossing, or the two spaces
    between a plain table's columns) and nothing between them but crossings."""
    if dash.x - (last.x + last.w) > 2.5 * cap:
        return False
    row = (last.cy + dash.cy) / 2
    return all(_is_crossing(p, labels, row, cap) for p in _between(last, dash, others))


def _regular(chain: list[Piece], cap: float) -> bool:
    """A row rule's pieces: a line of several dashes (a typed dash covers under half of its
    character, and a shrunk image runs some together) or one long stroke (box drawing)."""
    extent = chain[-1].x + chain[-1].w - chain[0].x
    if extent < 2.5 * cap or sum(p.w for p in chain) < 0.3 * extent:
        return False
    return len(chain) >= MIN_DASHES or any(p.w >= 3 * cap for p in chain)


def _marks_on(
    chain: list[Piece], row: float, others: list[Piece], labels: np.ndarray, cap: float
) -> list[Piece]:
    """What else a typed rule's line (at ``row``) carries: the crossings between and at the
    ends of its dashes, and the colons of alignment marks next to them."""
    left, right = chain[0].x - 1.5 * cap, chain[-1].x + chain[-1].w + 1.5 * cap
    near = [p for p in others if left <= p.cx <= right and abs(p.cy - row) <= cap]
    dots = [p for p in near if p.w <= 0.35 * cap and p.h <= 0.35 * cap]
    # A colon is two dots, one over the rule's row and one under it, at one x; a lone dot
    # by a rule is a decimal point of the row it runs under.
    colons = [
        p
        for p in dots
        if any(abs(q.cx - p.cx) <= 1.5 and (q.cy - row) * (p.cy - row) < 0 for q in dots)
    ]
    # A crossing reaches as far below the rule as above it; a letter standing on a solid
    # underline (a link's), or reaching it with a descender, lies above it.
    return colons + [
        p
        for p in near
        if p not in dots
        and _is_crossing(p, labels, row, cap)
        and p.bottom - row >= 0.3 * p.h
    ]


def find_typed_rules(
    grey: np.ndarray, light: np.ndarray, x_height: float
) -> tuple[np.ndarray, list[TypedRule], list[TypedRule]]:
    """The mask of typed rule pixels to erase, and the column and row rules they draw.
    ``light`` is the local background brightness."""
    ink = cv2.subtract(light, grey) >= INK_CONTRAST
    erase = np.zeros(grey.shape, dtype=bool)
    if x_height <= 0 or not ink.any():
        return erase, [], []
    cap = 1.4 * x_height
    pieces, labels = _pieces(ink)
    columns = column_rules(_pipes(pieces, labels, cap), cap)
    rows = dashed_rules(pieces, labels, cap)
    chosen = {p.label for _, chain in columns for p in chain}
    chosen |= {p.label for chain in rows for p in chain}
    if not chosen:
        return erase, [], []
    lookup = np.zeros(len(pieces) + 1, dtype=bool)
    lookup[list(chosen)] = True
    erase = lookup[labels]
    for chain in rows:
        for piece in chain:
            _spare_glyphs_above(erase, piece, labels)
    row_rules = [
        TypedRule(
            round(median(p.cy for p in chain)),
            min(p.x for p in chain),
            max(p.x + p.w for p in chain),
        )
        for chain in rows
    ]
    return erase, [rule for rule, _ in columns], row_rules


def _spare_glyphs_above(erase: np.ndarray, piece: Piece, labels: np.ndarray) -> None:
    """A flat piece with ink above its stroke and none below is a solid underline that
    letters' descenders touch (a link's "g", "p", "y"): only the stroke goes, the letters
    stay. (A "+" run together with dashes reaches below the stroke as far as above it.)"""
    mask = labels[piece.y : piece.bottom, piece.x : piece.x + piece.w] == piece.label
    counts = mask.sum(axis=1)
    strokes = np.flatnonzero(counts >= 0.5 * piece.w)
    if not strokes.size:
        return
    top, bottom = int(strokes[0]) - 1, int(strokes[-1]) + 1
    if top <= 0 or mask[bottom + 1 :].any():
        return
    region = erase[piece.y : piece.bottom, piece.x : piece.x + piece.w]
    region[:top][mask[:top]] = False


def erase_typed_rules(
    grey: np.ndarray, light: np.ndarray, x_height: float
) -> tuple[np.ndarray, list[TypedRule], list[TypedRule]]:
    """The grey image with its typed rules painted over with the background (``light``),
    their paler edge pixels too, and the column and row rules they drew. The image is
    returned as given when there is nothing to erase."""
    erase, columns, rows = find_typed_rules(grey, light, x_height)
    if not erase.any():
        return grey, [], []
    grown = cv2.dilate(erase.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    out = grey.copy()
    out[grown] = light[grown]
    return out, columns, rows
