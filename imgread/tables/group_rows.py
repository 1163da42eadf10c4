"""Rows of group titles told by geometry. A header line above the column names whose
pieces straddle the names of two columns or more, fewer pieces than the line below names
columns, is a row of group titles ("General" centred over "LiveBench" and "AGIEval",
"Code & Math" over one or two), whatever its words say: its titles are taken out of the
header, so none is glued to (or cut into) the names under it, and kept per column as the
table's groups."""

from __future__ import annotations

import re
from statistics import median

from ..names import closest_benchmark, is_known_benchmark
from ..ocr.phrase import Phrase
from ..record import Box
from .lines import Layout, TextLine, solid, tidy_label

# A word of a title, as the lexicon would name a benchmark ("Math" of "Code & Math").
WORD_RE = re.compile(r"[^\s&/,+]+")
# Pieces of one line no further apart than this many text heights are one phrase: a word
# space, not the room between two columns' names ("Code" "&" "Math" is one title).
PHRASE_GAP = 0.6
# A one-column piece of a group row set this close (in text heights) over a name below is
# that name's first line, wrapped in its cell, not a group's title: a group's title is set
# apart by the cells' padding and often a rule.
WRAPPED_GAP = 0.6


def take_group_rows(
    lines: list[TextLine], layout: Layout
) -> tuple[list[TextLine], list[str | None]]:
    """The header's name lines without their group titles, and each column's group title
    (None where it has none; the first column, the models', never has one). The lowest line
    names single columns; each line above it is looked at over the line just below."""
    groups: list[str | None] = [None] * len(layout.spans)
    kept = list(lines)
    for i in range(len(kept) - 2, -1, -1):
        titles = _group_titles(kept[i], kept[i + 1], layout)
        if not titles:
            continue
        for phrase, columns in titles:
            text = tidy_label(" ".join(chunk.text for chunk in phrase))
            for c in columns:
                groups[c] = groups[c] or text
        taken = {id(chunk) for phrase, _ in titles for chunk in phrase}
        rest = [chunk for chunk in kept[i].chunks if id(chunk) not in taken]
        if solid(TextLine(chunks=rest, box=kept[i].box)):
            kept[i] = TextLine(chunks=rest, box=kept[i].box)
        else:
            del kept[i]
    return kept, groups


def _phrases(line: TextLine) -> list[list[Phrase]]:
    """The line's pieces in phrases: pieces no more than a word space apart (a title cut
    at a column's edge, "Gene" "ral", is one). A piece broken after its hyphen ends its
    phrase: the word goes on in the line below, in its own cell."""
    pieces = sorted(solid(line), key=lambda c: c.box.x1)
    height = _height(pieces)
    phrases: list[list[Phrase]] = []
    for piece in pieces:
        if (phrases and not _broken(phrases[-1])
                and piece.box.x1 - phrases[-1][-1].box.x2 <= PHRASE_GAP * height):
            phrases[-1].append(piece)
        else:
            phrases.append([piece])
    return phrases


def _broken(phrase: list[Phrase]) -> bool:
    """The phrase ends in a word broken after its hyphen (its rest on the line below)."""
    return phrase[-1].text.rstrip().endswith(("-", "\u2010", "\u00ad"))


def _height(pieces: list[Phrase]) -> float:
    return max(1.0, float(median(p.box.height for p in pieces))) if pieces else 1.0


def _reached(box: Box, below: list[tuple[Phrase, int]]) -> set[int]:
    """The columns whose names below a piece of the line above reaches over; a piece over
    neither of two names, in the gap between them, reaches both."""
    over = {c for chunk, c in below if min(box.x2, chunk.box.x2) > max(box.x1, chunk.box.x1)}
    if not over:
        left = [(chunk.box.x2, c) for chunk, c in below if chunk.box.x2 <= box.x1]
        right = [(chunk.box.x1, c) for chunk, c in below if chunk.box.x1 >= box.x2]
        if left and right:
            over = {max(left)[1], min(right)[1]}
    return over


def _centred_run(
    box: Box, reached: set[int], extents: dict[int, tuple[int, int]], others: set[int],
    height: float,
) -> list[int]:
    """The run of named columns a piece is centred over: it holds every column the piece
    reaches and none that another piece of its line reaches, and its middle (from its first
    column's name or cells to its last's) is the piece's, give or take a text height and a
    tenth of the run; of runs centred as well, the shortest. Empty when none is."""
    order = sorted(extents)
    best: tuple[float, int, list[int]] | None = None
    for i in range(len(order)):
        for j in range(i, len(order)):
            run = order[i : j + 1]
            if not reached <= set(run) or others & set(run):
                continue
            x1, x2 = extents[run[0]][0], extents[run[-1]][1]
            off = abs(box.cx - (x1 + x2) / 2)
            if x1 <= box.cx <= x2 and off <= height + 0.1 * (x2 - x1):
                fit = (round(off / height), len(run), run)
                best = fit if best is None or fit[:2] < best[:2] else best
    return best[2] if best else []


def _named_columns(line: TextLine, layout: Layout) -> list[tuple[Phrase, int]]:
    """The lower line's names, each with the one column whose cells it overlaps most."""
    named = []
    for chunk in solid(line):
        overlaps = [
            (min(chunk.box.x2, x2) - max(chunk.box.x1, x1), c)
            for c, (x1, x2) in enumerate(layout.ranges)
        ]
        overlap, column = max(overlaps, default=(0, -1))
        if overlap > 0:
            named.append((chunk, column))
    return named


def _benchmark_like(text: str) -> bool:
    """A known benchmark, or one misreading from one ("AGIlEval")."""
    name = tidy_label(text)
    return is_known_benchmark(name) or (len(name) >= 5 and closest_benchmark(name) is not None)


def _over_variants(title: str, names: list[str]) -> bool:
    """A benchmark over its variants ("HumanEval" over "Python" and "Multilingual",
    "HumanEval benchmark" too) is part of their names: the phrase is a benchmark, or names
    one where none of the names under it is one ("Code & Math" over "HumanEval" and "MBPP"
    is a group)."""
    if _benchmark_like(title):
        return True
    return any(is_known_benchmark(word) for word in WORD_RE.findall(title)) and not any(
        _benchmark_like(name) for name in names
    )


def _group_titles(
    upper: TextLine, lower: TextLine, layout: Layout
) -> list[tuple[list[Phrase], list[int]]]:
    """The phrases of ``upper`` that are group titles over ``lower``, each with the columns
    it heads; none unless ``upper`` is a row of group titles: fewer phrases than ``lower``
    names columns, one of them (no benchmark's name) over two columns or more."""
    below = [(chunk, c) for chunk, c in _named_columns(lower, layout) if c != 0]
    extents: dict[int, tuple[int, int]] = {}
    for chunk, c in below:
        x1, x2 = extents.get(c, layout.ranges[c])
        extents[c] = (min(x1, chunk.box.x1), max(x2, chunk.box.x2))
    height = _height(solid(lower))
    # The models' column's own name ("Model" set at the top of a two-line header) and a
    # piece over nothing (a caption's end) head no group.
    found = [(phrase, _reached(_box(phrase), below)) for phrase in _phrases(upper)]
    found = [(phrase, reached) for phrase, reached in found if reached]
    phrases = []
    for k, (phrase, reached) in enumerate(found):
        others = {c for m, (_, theirs) in enumerate(found) if m != k for c in theirs}
        run = _centred_run(_box(phrase), reached, extents, others, height)
        phrases.append((phrase, run or sorted(reached)))
    if len(extents) < 2 or not phrases or len(phrases) >= len(extents):
        return []
    if len(phrases) == 1 and set(phrases[0][1]) >= set(extents):
        return []  # one phrase over every column: the table's title, not a group's
    # A word broken after its hyphen ("Hella-" over "Swag") is a name's first line, whatever
    # it reaches over; so is a piece already joined with its rest below (its box reaches
    # down into the names' line). Like a benchmark over its variants, it heads no group, but
    # it is counted among the line's phrases (a line of them is a line of names).
    floor = min((chunk.box.y1 for chunk, _ in below), default=upper.box.y2) + 0.5 * height
    variants = [
        _broken(phrase) or _box(phrase).y2 > floor or _over_variants(
            " ".join(piece.text for piece in phrase),
            [chunk.text for chunk, c in below if c in columns],
        )
        for phrase, columns in phrases
    ]
    if not any(
        len(columns) >= 2 and not over
        for (_, columns), over in zip(phrases, variants, strict=True)
    ):
        return []
    return [
        (phrase, columns)
        for (phrase, columns), over in zip(phrases, variants, strict=True)
        # a piece set as tight over one name as a cell's own lines is its first line
        if not over and not (len(columns) == 1 and _tight(phrase, below, height))
    ]


def _tight(phrase: list[Phrase], below: list[tuple[Phrase, int]], height: float) -> bool:
    """The phrase sits over a name below as close as a name's own lines are set."""
    box = _box(phrase)
    return any(
        min(box.x2, chunk.box.x2) > max(box.x1, chunk.box.x1)
        and chunk.box.y1 - box.y2 <= WRAPPED_GAP * height
        for chunk, _ in below
    )


def _box(phrase: list[Phrase]) -> Box:
    box = phrase[0].box
    for piece in phrase[1:]:
        box = box.union(piece.box)
    return box
