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
layout uses, as drawn ones do.

A table typed by hand (Markdown's ``| Model | MMLU |`` in an editor, each cell only as wide
as its text) has its pipes at other x on every line, so no column rule runs down it and no
column lines up. Lines that agree on how many pipes they hold are split at their pipes, line
by line, and their pieces moved sideways until every line's pipes stand one under the other
(``delimited_moves``, in the colour image too): the table is then read as a typed one whose
columns line up, and the delimiter line under its header (``|---|:--:|``) as its row rule.

Works in the grey image's pixels, dark text on light, with the local background brightness
``preprocess.steps.background`` gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
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
# Lines split at their pipes: each holds at least this many pipes (two cells with no outer
# pipes), and at least MIN_PIPES such lines, close one under the other, agree on the count.
MIN_DELIMITERS = 2
# This share of a run's lines at least agree on their count of pipes.
AGREE = 0.6
# Pipes that stand one under the other within this many glyph heights are in line: a
# grid's leftover strokes jitter by a few pixels, a hand-typed table's pipes by whole
# characters, more with every cell before them.
ALIGNED = 2.0
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
    erase, columns, rows, _ = _find(grey, light, x_height, align=False)
    return erase, columns, rows


def _find(
    grey: np.ndarray, light: np.ndarray, x_height: float, align: bool
) -> tuple[np.ndarray, list[TypedRule], list[TypedRule], list[Move]]:
    """``find_typed_rules``; with ``align``, the moves that line up a hand-typed table's
    pipes first, when there are any (then nothing else is found: the moved image is looked
    at again)."""
    ink = cv2.subtract(light, grey) >= INK_CONTRAST
    erase = np.zeros(grey.shape, dtype=bool)
    if x_height <= 0 or not ink.any():
        return erase, [], [], []
    cap = 1.4 * x_height
    pieces, labels = _pieces(ink)
    pipes = _pipes(pieces, labels, cap)
    if align and (moves := delimited_moves(pipes, ink, cap)):
        return erase, [], [], moves
    columns = column_rules(pipes, cap)
    rows = dashed_rules(pieces, labels, cap)
    chosen = {p.label for _, chain in columns for p in chain}
    chosen |= {p.label for chain in rows for p in chain}
    if not chosen:
        return erase, [], [], []
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
    return erase, [rule for rule, _ in columns], row_rules, []


@dataclass(frozen=True)
class Move:
    """A piece of a typed line (pixel rows ``top`` to ``bottom``, columns ``start`` to
    ``end``) moved ``shift`` pixels to the right."""

    top: int
    bottom: int
    start: int
    end: int
    shift: int
    # a delimiter line (``|---|:--:|``) is cleared rather than moved: it becomes a row
    # rule across the lined-up table (its dashes, cut apart, would be too few to be one)
    rule: bool = False


def _pipe_lines(pipes: list[Piece]) -> list[list[Piece]]:
    """Pipes by the line of text they stand on, top to bottom, each line left to right."""
    lines: list[list[Piece]] = []
    for pipe in sorted(pipes, key=lambda p: p.cy):
        last = lines[-1] if lines else None
        if last is not None and min(p.bottom for p in last) > pipe.cy > max(p.y for p in last):
            last.append(pipe)
        else:
            lines.append([pipe])
    return [sorted(line, key=lambda p: p.x) for line in lines]


def _runs(lines: list[list[Piece]]) -> list[list[list[Piece]]]:
    """Lines of pipes one under the other with at most a line between them (a delimiter
    line, whose pipes run into its dashes), each run the lines that agree with most of its
    lines on how many pipes they hold (a line whose pipe was missed is left as it is)."""
    runs: list[list[list[Piece]]] = []
    for line in lines:
        height = float(median(p.h for p in line))
        if runs and line[0].y - max(p.bottom for p in runs[-1][-1]) <= 2.5 * height:
            runs[-1].append(line)
        else:
            runs.append([line])
    agreed = []
    for run in runs:
        counts = [len(line) for line in run]
        common = max(set(counts), key=counts.count)
        kept = [line for line in run if len(line) == common]
        # most lines agree (a line or two whose pipe ran into a letter are left as they
        # are); where they do not, the pipes were found too seldom to cut the lines by
        if (
            common >= MIN_DELIMITERS
            and len(kept) >= max(MIN_PIPES, AGREE * len(run))
            and _steady_pitch([min(p.y for p in line) for line in kept])
        ):
            agreed.append(kept)
    return agreed


def _steady_pitch(tops: list[int]) -> bool:
    """Typed lines follow each other at one pitch (a line left out makes a step two): the
    strokes a removed grid leaves in its cells stand at no steady pitch."""
    steps = [b - a for a, b in pairwise(tops)]
    pitch = min(steps)
    return pitch > 0 and all(abs(s / pitch - round(s / pitch)) <= 0.15 for s in steps)


def _rule_line(above: list[Piece], below: list[Piece], ink: np.ndarray) -> list[Piece] | None:
    """The pipes of a line between two lines of a run, a line's pitch from each, where its
    pipes run into the dashes either side (a delimiter line, ``|---|:--:|``): the columns of
    ink as tall as a pipe, as many as the run's lines hold; None when there are not."""
    height = round(median(p.h for p in [*above, *below]))
    top = round((min(p.y for p in above) + min(p.y for p in below)) / 2)
    pitch = top - min(p.y for p in above)
    if not 1.5 * height <= min(p.y for p in below) - min(p.y for p in above) <= 4 * height:
        return None
    if top + height > ink.shape[0] or pitch < height:
        return None
    tall = np.flatnonzero(ink[top : top + height].sum(axis=0) >= 0.8 * height)
    if not tall.size:
        return None
    groups = np.split(tall, np.flatnonzero(np.diff(tall) > 1) + 1)
    if len(groups) != len(above):
        return None
    return [Piece(-1, int(g[0]), top, len(g), height, len(g) * height) for g in groups]


def delimited_moves(pipes: list[Piece], ink: np.ndarray, cap: float) -> list[Move]:
    """How to move the pieces of a table typed by hand, whose pipes stand at other x on
    every line, so that they stand one under the other: each line is cut just before each
    of its pipes, and the piece from one cut to the next goes as far right as the widest
    such piece of any line needs. Nothing, where every run's pipes already line up."""
    moves = []
    # a bar through several lines is a drawn rule, no character of one line
    typed = [p for p in pipes if p.h < 2 * cap]
    for found in _runs(_pipe_lines(typed)):
        run = found[:1]
        for line in found[1:]:
            between = _rule_line(run[-1], line, ink)
            run += [between, line] if between is not None else [line]
        cuts = [[p.x - 1 for p in line] for line in run]
        if all(max(xs) - min(xs) <= ALIGNED * cap for xs in zip(*cuts, strict=True)):
            continue
        targets = [max(xs[0] for xs in cuts)]
        for k in range(1, len(cuts[0])):
            targets.append(targets[-1] + max(xs[k] - xs[k - 1] for xs in cuts))
        tops = [min(p.y for p in line) for line in run]
        bottoms = [max(p.bottom for p in line) for line in run]
        for i, (line, xs) in enumerate(zip(run, cuts, strict=True)):
            reach = round(0.25 * median(p.h for p in line))
            top = tops[i] - reach
            if i > 0:
                top = max(top, (bottoms[i - 1] + tops[i]) // 2)
            bottom = (
                bottoms[i] + reach
                if i == len(run) - 1
                else min(bottoms[i] + reach, (bottoms[i] + tops[i + 1]) // 2)
            )
            ends = [*xs[1:], _ink_end(ink[top:bottom], xs[-1], cap)]
            if _dashes_only(ink[top:bottom, xs[0] : ends[-1]], [p.x - xs[0] for p in line]):
                end = max(ends[-1], targets[-1] + line[-1].w + 2)
                moves.append(Move(top, bottom, xs[0], end, 0, rule=True))
                continue
            moves += [
                Move(top, bottom, start, end, target - start)
                for start, end, target in zip(xs, ends, targets, strict=True)
            ]
    return moves


def _dashes_only(band: np.ndarray, pipes: list[int]) -> bool:
    """A line whose ink, but for its pipes (at ``pipes``), is flat strokes on a few rows
    (dashes, and the small colons of alignment marks): a delimiter line, no row of text."""
    rest = band.copy()
    for x in pipes:
        rest[:, max(0, x - 1) : x + 4] = False
    counts = rest.sum(axis=1)
    if not counts.any():
        return False
    strokes = counts >= 0.5 * counts.max()
    # most inked columns are the strokes' (a colon's dots are two pixels wide)
    inked = rest.any(axis=0).sum()
    return bool(strokes.sum() <= max(3, 0.15 * band.shape[0])) and bool(
        rest[strokes].any(axis=0).sum() >= 0.7 * inked
    )


def _ink_end(band: np.ndarray, start: int, cap: float) -> int:
    """Where a line's ink ends after ``start``: before the first gap three glyphs wide (the
    editor's margin, a ruler or a minimap lies past it, and stays)."""
    columns = band[:, start:].any(axis=0)
    gap = round(3 * cap)
    end = 0
    for x in np.flatnonzero(columns):
        if x - end > gap:
            break
        end = int(x) + 1
    return start + end


def move_pieces(image: np.ndarray, moves: list[Move]) -> np.ndarray:
    """``image`` (grey or colour) with ``moves`` made: each line's pieces moved right, the
    room they leave filled, row by row, with the line's ground just past its ink; wider by
    as much as the pieces moved past its right edge (the edge column repeated)."""
    width = image.shape[1]
    extra = max(0, max(m.end + m.shift for m in moves) - width)
    out = image if not extra else cv2.copyMakeBorder(image, 0, 0, 0, extra, cv2.BORDER_REPLICATE)
    out = out.copy() if out is image else out
    lines: dict[tuple[int, int], list[Move]] = {}
    for move in moves:
        lines.setdefault((move.top, move.bottom), []).append(move)
    for (top, bottom), pieces in lines.items():
        first = min(m.start for m in pieces)
        # the ground a little past the line's ink, row by row (a JPEG's ringing fades)
        past = min(max(m.end for m in pieces) + 2, width - 1)
        strip = image[top:bottom, past : min(past + 6, width)]
        ground = np.median(strip, axis=1, keepdims=True).astype(image.dtype)
        reach = max(m.end + m.shift for m in pieces)
        out[top:bottom, first:reach] = ground
        for m in pieces:
            if not m.rule:
                out[top:bottom, m.start + m.shift : m.end + m.shift] = image[
                    top:bottom, m.start : m.end
                ]
    return out


def delimiter_rules(moves: list[Move]) -> list[TypedRule]:
    """The row rules that the cleared delimiter lines among ``moves`` stand for, each as
    long as the lined-up lines around it."""
    return [TypedRule((m.top + m.bottom) // 2, m.start, m.end) for m in moves if m.rule]


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
    grey: np.ndarray, light: np.ndarray, x_height: float, rgb: np.ndarray | None = None
) -> tuple[np.ndarray, list[TypedRule], list[TypedRule], np.ndarray | None]:
    """The grey image with its typed rules painted over with the background (``light``),
    their paler edge pixels too, the column and row rules they drew, and ``rgb``. Given
    ``rgb`` (the same pixels in colour), a table typed by hand has its pipes lined up first
    (``delimited_moves``), in both images alike, so that later crops of the colour image
    show what the grey one does. The image is returned as given when nothing changed."""
    erase, columns, rows, moves = _find(grey, light, x_height, align=rgb is not None)
    if moves:
        assert rgb is not None
        grey, rgb = move_pieces(grey, moves), move_pieces(rgb, moves)
        light = move_pieces(light, moves)
        erase, columns, rows, _ = _find(grey, light, x_height, align=False)
        rows = sorted([*rows, *delimiter_rules(moves)], key=lambda rule: rule.position)
    if not erase.any():
        return grey, columns, rows, rgb
    grown = cv2.dilate(erase.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    out = grey.copy()
    out[grown] = light[grown]
    return out, columns, rows, rgb
