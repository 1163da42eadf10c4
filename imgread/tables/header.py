"""Header lines: the lines just above the body whose chunks each sit in one column, less a
title on top; names over several columns; a "5-shot"-like settings line; joined into one
row of column names."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from statistics import median

from ..names import closest_benchmark, is_known_benchmark
from ..ocr.phrase import Phrase
from ..ocr.script import HAN
from ..record import Box, Cell, Table, Word
from .chrome import crowds_a_column, names_with_sort_marks, repeats_names
from .han_prose import is_han_sentence
from .header_gaps import settle_gap_pieces
from .lines import (
    LOW_CONFIDENCE,
    Layout,
    TextLine,
    header_column,
    is_body_line,
    is_group_label,
    is_ruler,
    is_speck,
    left_set,
    solid,
    tidy_label,
)
from .prose import is_caption_line, is_prose_line
from .stacked_names import column_below, piece_below

SETTING_RE = re.compile(
    r"\d+\s*-?\s*shots?\b|\b[\dSOIl]{1,2}\s*-?\s*sho[tl]s?\b|\bshot\b|\bav[ae]rage\b|\bavg\b|pass@|maj@|\bcot\b|\bem\b|\bacc\b|"
    r"\bf1\b|\bmc[12]\b|\bzero-shot\b|\bfew-shot\b",
    re.IGNORECASE,
)


def _aligned(box: Box, column: tuple[int, int]) -> bool:
    """A name sits over its column as cells do: centred on it, or flush left or right."""
    x1, x2 = column
    edge = 0.6 * box.height
    return (
        abs(box.cx - (x1 + x2) / 2) <= max(edge, 0.1 * box.width)
        or abs(box.x1 - x1) <= edge
        or abs(box.x2 - x2) <= edge
    )


def _runs_by_owner(words: list[Word], owners: list[int | None]) -> list[list[Word]]:
    """``words`` cut into runs of neighbours with one owner each."""
    groups: list[list[Word]] = []
    for i, word in enumerate(words):
        if i and owners[i] == owners[i - 1]:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def split_at_columns(line: TextLine, ranges: list[tuple[int, int]]) -> TextLine:
    """Column names set close together ("GSM8K+Python MATH+Python") are read as one chunk:
    split it where its words fall in different columns, when each word falls in one."""
    chunks: list[Phrase] = []
    for chunk in line.chunks:
        columns = [
            [i for i, (x1, x2) in enumerate(ranges) if min(w.box.x2, x2) > max(w.box.x1, x1)]
            for w in chunk.words
        ]
        if len(chunk.words) < 2 or any(len(found) > 1 for found in columns):
            chunks.append(chunk)
            continue
        # A word over no column goes with the next word that is over one ("training
        # tokens" over a narrow number column), or else the one before; but Chinese has no
        # spaces: a Han word set close after a Han word is the rest of its name ("训练"
        # "数据(T)" before "C-Eval").
        owners = [found[0] if found else None for found in columns]
        for i in range(1, len(owners)):
            if owners[i] is None and owners[i - 1] is not None and HAN.match(
                    chunk.words[i - 1].text[-1:]) and HAN.match(chunk.words[i].text[:1]):
                owners[i] = owners[i - 1]
        for i in range(len(owners) - 2, -1, -1):
            owners[i] = owners[i] if owners[i] is not None else owners[i + 1]
        for i in range(1, len(owners)):
            owners[i] = owners[i] if owners[i] is not None else owners[i - 1]
        groups = _runs_by_owner(chunk.words, owners)
        pieces = [Phrase.of(group) for group in groups]
        owned = [owners[chunk.words.index(group[0])] for group in groups]
        if all(
            column is not None and _aligned(piece.box, ranges[column])
            for piece, column in zip(pieces, owned, strict=True)
        ):
            chunks.extend(pieces)
        else:  # a sentence over the columns (a group label), not names set close
            chunks.append(chunk)
    return TextLine(chunks=chunks, box=line.box) if len(chunks) != len(line.chunks) else line


# A wrapped name's lines stand this close (line heights) at the most.
TIGHT_LINES = 0.6


def split_over_pieces(line: TextLine, below: TextLine) -> TextLine:
    """A wrapped header's upper line read as one chunk across narrow columns ("(10- MMLU-
    C (25- Truth-" over "shot) Pro shot) fulQA"): split it where its words stand over
    different pieces of the line below, when each part sits over its piece as a name's
    lines stack (centred on it, or flush with it). A group title over several names is
    not split: its words do not stack over theirs."""
    if below.box.y1 - line.box.y2 > TIGHT_LINES * max(line.box.height, 1):
        return line  # apart from the line below: no line of the same wrapped names
    pieces = [(chunk.box.x1, chunk.box.x2) for chunk in below.chunks]
    chunks: list[Phrase] = []
    for chunk in line.chunks:
        owners = [
            next((i for i, (x1, x2) in enumerate(pieces)
                  if min(w.box.x2, x2) > max(w.box.x1, x1)), None)
            for w in chunk.words
        ]
        if len(chunk.words) < 2 or None in owners or len(set(owners)) < 2:
            chunks.append(chunk)
            continue
        groups = _runs_by_owner(chunk.words, owners)
        parts = [Phrase.of(group) for group in groups]
        under = [i for i in (owners[chunk.words.index(g[0])] for g in groups) if i is not None]
        if len(set(under)) == len(under) and all(
            _aligned(part.box, pieces[i]) for part, i in zip(parts, under, strict=True)
        ):
            chunks.extend(parts)
        else:
            chunks.append(chunk)
    return TextLine(chunks=chunks, box=line.box) if len(chunks) != len(line.chunks) else line


def spanned(box: Box, ranges: list[tuple[int, int]]) -> list[int]:
    """The columns a group name sits over ("HumanEval" over "Python" and "Multilingual"):
    two or more, not the first (names) and not all (a title)."""
    touched = [i for i, (x1, x2) in enumerate(ranges) if min(box.x2, x2) > max(box.x1, x1)]
    if len(touched) < 2 or touched[0] == 0 or len(touched) == len(ranges):
        return []
    return touched


def _text_height(line: TextLine) -> float:
    """The usual height of a line's pieces (a line's own box takes in specks and bands)."""
    heights = [chunk.box.height for chunk in solid(line)]
    return float(median(heights)) if heights else 0.0


def is_title_above(line: TextLine, below: TextLine) -> bool:
    """One piece of text above a header line of several: a title or caption, set apart by
    a gap, not the first line of a wrapped column name (which sits as close to the line
    below as lines of one cell do)."""
    if len(solid(below)) >= 2 and _text_height(line) >= 2.2 * max(_text_height(below), 1):
        return True  # set far larger than the column names: a headline, a meme's caption
    if _phrases(line) != 1 or len(solid(below)) < 2:
        return False
    return below.box.y1 - line.box.y2 > 0.5 * max(line.box.height, 1)


def _phrases(line: TextLine) -> int:
    """How many pieces of text a line holds, taking a monospaced font's word space (as wide
    as a character, wider than the chunks allow) as a space: "Open model comparison" set
    in a code font is one title, not three names."""
    pieces = sorted(solid(line), key=lambda c: c.box.x1)
    height = _text_height(line)
    return sum(
        1
        for i, piece in enumerate(pieces)
        if i == 0 or piece.box.x1 - pieces[i - 1].box.x2 > 1.2 * height
    )


def header_lines(
    lines: list[TextLine],
    first_body: int,
    layout: Layout,
    pitch: float,
    skip: set[int],
    row_rules: list[Box] | None = None,
) -> list[TextLine]:
    """Lines just above the body whose chunks each sit inside one column, less a title on
    top. A group label over the first rows ("Pre-Trained Models") is passed over; a line
    that is itself a row of numbers (another table's) ends the header. A row rule between
    two lines (``row_rules``; a typed one takes a line of its own) adds a row's pitch to
    the gap allowed between them."""
    header: list[TextLine] = []
    below = lines[first_body]
    for index in range(first_body - 1, max(-1, first_body - 6), -1):
        if index in skip or not solid(lines[index]):
            continue  # a line of specks only (a band's edge read as "al") is noise
        if all(set(chunk.text.strip()) <= set("-–—_=~") for chunk in solid(lines[index])):
            continue  # dashes only: what is left of a rule or a band's edge names nothing
        # The lowest line of names names single columns (under it there may be a line of
        # settings, "5-shot"); lines above may name groups.
        line = lines[index]
        if all(is_settings_line(found) for found in header):
            line = split_at_columns(line, layout.ranges)
        else:
            line = split_over_pieces(line, header[0])
        limit = max(2.5 * min(line.box.height, below.box.height), 1.4 * pitch)
        if _rule_between(line, below, row_rules or []):
            limit += pitch
        row = is_body_line(line) and not names_with_sort_marks(line)
        if below.box.y1 - line.box.y2 > limit or row or is_ruler(line):
            break
        if is_prose_line(line) or is_han_sentence(line) or is_caption_line(line):
            break  # a paragraph's line or the caption above the table names no column
        if not header and below is lines[first_body] and _labels_rows(line, lines[:index]):
            below = line
            continue
        if any(
            header_column(c.box, layout.ranges, layout.spans, lowest=not header) is None
            and not (header and len(spanned(c.box, layout.ranges)) > 1)
            and not (header and column_below(c, header[0], layout, len(header) == 1) is not None)
            for c in solid(line)
            if c.confidence >= LOW_CONFIDENCE  # an unsure smudge between columns is noise
        ):
            if not header and below is lines[first_body] and is_group_label(line):
                below = line
                continue
            break
        if line.numeric == len(line.chunks) and len(line.chunks) > 1:
            break
        if header and crowds_a_column(line, layout.ranges):
            break  # a page's filter chips over the column names
        if header and repeats_names(line, header):
            break  # the page's list of its columns over the column names
        header.insert(0, line)
        below = line
    # A title ends the header upward: what lies above it (a phone's status and app bars,
    # the page above) names no column either. A line that goes on from a name just above
    # it ("Common-sense" over "Reasoning") is that name's second line, not a title.
    titles = [
        j
        for j in range(len(header) - 1)
        if is_title_above(header[j], header[j + 1])
        and not names_an_empty_column(header[j], header[j + 1], layout)
        and not (j and continues(header[j - 1], header[j]))
        and not _stacked_over(solid(header[j]), solid(header[j + 1]))
    ]
    return header[titles[-1] + 1 :] if titles else header


def continues(upper: TextLine, line: TextLine) -> bool:
    """``line`` sits just under a piece of ``upper`` (within about a line's height), as the
    second line of a name wrapped in its cell does."""
    gap = line.box.y1 - upper.box.y2
    if gap > 1.2 * max(_text_height(line), 1):
        return False
    return any(
        min(a.box.x2, b.box.x2) > max(a.box.x1, b.box.x1)
        for a in solid(upper)
        for b in solid(line)
    )


def _labels_rows(line: TextLine, above: list[TextLine]) -> bool:
    """A line of one piece just over the body, set well apart from a header line of several
    pieces above it: a section label of the first rows ("Base models" under the header
    rule), not the end of a column name wrapped onto a second line (set as tight as one
    cell's lines)."""
    if not is_group_label(line):
        return False
    named = next((other for other in reversed(above) if solid(other)), None)
    return (
        named is not None
        and len(solid(named)) >= 2
        and line.box.y1 - named.box.y2 > 0.8 * max(_text_height(line), 1)
    )


def _rule_between(upper: TextLine, lower: TextLine, rules: list[Box]) -> bool:
    """A row rule in the gap between two lines that runs under most of the upper one."""
    return any(
        upper.box.y2 <= rule.cy <= lower.box.y1
        and min(rule.x2, upper.box.x2) - max(rule.x1, upper.box.x1) >= 0.5 * upper.box.width
        for rule in rules
    )


def names_an_empty_column(line: TextLine, below: TextLine, layout: Layout) -> bool:
    """One piece over a single column that the header line below leaves empty ("Models"
    above a settings line "5-shot 0-shot" that starts further right): that column's name,
    not a title."""
    pieces = solid(line)
    if len(pieces) != 1 or _text_height(line) >= 1.5 * max(_text_height(below), 1):
        return False
    column = header_column(pieces[0].box, layout.ranges, layout.spans, lowest=True)
    return column is not None and all(
        header_column(chunk.box, layout.ranges, layout.spans, lowest=True) != column
        for chunk in solid(below)
    )


def reading_order(chunks: list[Phrase]) -> list[Phrase]:
    """Top to bottom, and left to right among pieces that share a line ("#" and "Params",
    read as two lines a pixel apart, stay in the order printed)."""
    rows: list[list[Phrase]] = []
    for chunk in sorted(chunks, key=lambda c: c.box.cy):
        last = rows[-1][-1].box if rows else None
        overlap = 0 if last is None else min(last.y2, chunk.box.y2) - max(last.y1, chunk.box.y1)
        if last is not None and overlap > 0.5 * min(last.height, chunk.box.height):
            rows[-1].append(chunk)
        else:
            rows.append([chunk])
    return [chunk for row in rows for chunk in sorted(row, key=lambda c: c.box.x1)]


def join_header(
    lines: list[TextLine], layout: Layout, settings: list[TextLine] | None = None
) -> list[Cell]:
    """Several header lines into one row of cells, each column's text top to bottom.
    ``settings``: the settings lines under them, which place a name's first line only."""
    spans = layout.spans
    texts: dict[int, list[str]] = {}
    boxes: dict[int, Box] = {}
    confidences: dict[int, float] = {}
    placed: dict[int, int | None] = {}  # id(chunk) -> column
    for line in lines:
        previous: tuple[Box, int] | None = None
        lowest = line is lines[-1]
        ordered = sorted(line.chunks, key=lambda c: c.box.x1)
        for chunk in ordered:
            column = header_column(chunk.box, layout.ranges, spans, previous, lowest)
            placed[id(chunk)] = column
            chained = previous is not None and column == previous[1]
            previous = (
                (chunk.box, column)
                if column is not None
                and (chained or left_set(chunk.box, column, layout.ranges))
                else None
            )
        if lowest:
            settled = settle_gap_pieces(
                [chunk.box for chunk in ordered], [placed[id(c)] for c in ordered], layout.ranges
            )
            placed.update((id(c), column) for c, column in zip(ordered, settled, strict=True))
    # A piece in a gap over the rest of its name set left in one cell names that column.
    for upper, lower in reversed(list(pairwise(lines))):
        for chunk in upper.chunks:
            rest = piece_below(chunk, lower) if placed[id(chunk)] is None else None
            if rest is not None and placed.get(id(rest)) is not None:
                placed[id(chunk)] = placed[id(rest)]
    for chunk in [c for line in lines for c in line.chunks] if settings else []:
        if placed[id(chunk)] is None and settings:  # "ARC-C" over its setting "(25-shot)"
            placed[id(chunk)] = column_below(chunk, settings[0], layout, lowest=True)
    named = _known_names(lines, placed) if len(lines) > 1 else set()
    titles = _group_titles(lines, placed)
    for chunk in reading_order([c for line in lines for c in line.chunks]):
        if is_speck(chunk) or id(chunk) in titles:
            continue
        column = placed[id(chunk)]
        if column is None and chunk.confidence < LOW_CONFIDENCE and not is_known_benchmark(
            chunk.text
        ):
            continue  # an unsure smudge over two columns; a benchmark's name is no smudge
        under = [column] if column is not None else spanned(chunk.box, layout.ranges)
        if len(lines) > 1 and chunk.box.y2 <= lines[1].box.y1 and under and set(under) <= named:
            continue  # a group's title ("Reasoning") over benchmarks named in full below
        for c in under:
            texts.setdefault(c, []).append(chunk.text)
            boxes[c] = boxes[c].union(chunk.box) if c in boxes else chunk.box
            confidences[c] = min(confidences.get(c, 100.0), chunk.confidence)
    return [
        Cell(
            row=0,
            col=c,
            text=tidy_label(" ".join(texts.get(c, []))),
            box=boxes.get(c),
            confidence=confidences.get(c, 0.0),
        )
        for c in range(len(spans))
    ]


def _group_titles(lines: list[TextLine], placed: dict[int, int | None]) -> set[int]:
    """The chunks (by id) of group titles over the lowest header line: a phrase of a line
    above it (its pieces no more than a word space apart: a title cut at a column's edge,
    "Gene" "ral", is one; two wrapped names set close, "Skywork-" "Falcon-40B-", are two)
    that stretches over two names of the line below set in different columns ("General"
    centred over "LiveBench" and "AGIEval"), where one of those names, as read
    or one misreading away, is a benchmark and the phrase is none. A wrapped name's first
    line stays within its own column, so it spans no two names; a benchmark over its
    variants ("HumanEval" over "Python" and "Multilingual") is part of their names."""
    titles: set[int] = set()
    for upper, lower in pairwise(lines):
        height = max(1.0, float(median(c.box.height for c in upper.chunks)))
        phrases: list[list[Phrase]] = []
        for chunk in sorted(upper.chunks, key=lambda c: c.box.x1):
            if phrases and chunk.box.x1 - phrases[-1][-1].box.x2 <= 0.6 * height:
                phrases[-1].append(chunk)
            else:
                phrases.append([chunk])
        for phrase in phrases:
            x1, x2 = phrase[0].box.x1, phrase[-1].box.x2
            under = [
                c
                for c in solid(lower)
                if min(x2, c.box.x2) > max(x1, c.box.x1) and placed.get(id(c)) is not None
            ]
            if (
                len({placed.get(id(c)) for c in under}) >= 2
                and any(_benchmark_like(c.text) for c in under)
                and not _benchmark_like(" ".join(c.text for c in phrase))
                and not _stacked_over(phrase, under)
            ):
                titles.update(id(chunk) for chunk in phrase)
    return titles


def _stacked_over(phrase: list[Phrase], under: list[Phrase]) -> bool:
    """Each piece of ``phrase`` sits over a piece of its own below, as a wrapped name's
    lines stack ("GSM8K" "ARC-" set close over "(5-" and "C (25-"): names set close, not
    one title over several."""
    if len(phrase) < 2:
        return False
    over = [
        next((i for i, c in enumerate(under) if _aligned(piece.box, (c.box.x1, c.box.x2))), None)
        for piece in phrase
    ]
    return None not in over and len(set(over)) == len(over)


def _benchmark_like(text: str) -> bool:
    """A known benchmark, or one misreading from one ("AGIlEval"); a short piece ("13B" of
    a wrapped model name) is one edit from too many names to count."""
    name = tidy_label(text)
    return is_known_benchmark(name) or (len(name) >= 5 and closest_benchmark(name) is not None)


def _known_names(lines: list[TextLine], placed: dict[int, int | None]) -> set[int]:
    """The columns whose name on the lowest header line is a known benchmark by itself, or
    whose name set on two lines under the top one is ("Hella" over "Swag")."""
    known = {
        column
        for chunk in lines[-1].chunks
        if (column := placed.get(id(chunk))) is not None
        # a near miss may be a name's broken end ("Eval"); a rule's leftover is no part of
        # the name ("BBH -": the short rule under a group's title, read as a dash)
        and is_known_benchmark(tidy_label(chunk.text))
    }
    below: dict[int, list[str]] = {}
    for line in lines[1:]:
        for chunk in line.chunks:
            if (column := placed.get(id(chunk))) is not None:
                below.setdefault(column, []).append(chunk.text)
    return known | {
        c for c, texts in below.items() if is_known_benchmark(tidy_label(" ".join(texts)))
    }


# A column's name with its setting in brackets after it ("MMLU (5-shot)"): a name.
NAMED_SETTING_RE = re.compile(r"^(.*?[^\W\d_].*?)\s*[(\[（][^()\[\]（）]+[)\]）]$")


def states_a_setting(text: str) -> bool:
    """A piece of a settings line: "5-shot", "(3-shot)", "5-shot (CoT)"; not a name that
    carries its setting in brackets ("MMLU (5-shot)", as slides print them)."""
    if not SETTING_RE.search(text):
        return False
    named = NAMED_SETTING_RE.match(text.strip())
    return named is None or bool(SETTING_RE.search(named.group(1)))


def is_settings_line(line: TextLine) -> bool:
    chunks = [chunk for chunk in line.chunks if not is_speck(chunk)]
    hits = sum(1 for chunk in chunks if states_a_setting(chunk.text))
    return hits >= max(1, len(chunks) / 2)


# Small print of "5-shot" read with letters for its digits ("S-shot", "O-shol"), or
# with its hyphen lost ("Sshot").
SHOTS_MISREAD_RE = re.compile(r"\b([\dSOIl]{1,2})(\s*-?\s*)sho[tl](s?)\b")


def tidy_setting(text: str) -> str:
    return SHOTS_MISREAD_RE.sub(
        lambda m: m.group(1).translate(str.maketrans("SOIl", "5011")) + "-shot" + m.group(3),
        text,
    )


def join_hyphen_breaks(header: list[TextLine]) -> list[TextLine]:
    """A header piece broken after a hyphen ("3-5-" over "shot") joined with the piece
    under it in the next line, as one piece ("3-5-shot"): a narrow column wraps its
    setting, and half a setting reads as part of the column's name."""
    lines = [TextLine(chunks=list(line.chunks), box=line.box) for line in header]
    for upper, lower in pairwise(lines):
        for i, chunk in enumerate(upper.chunks):
            if not chunk.text.endswith("-"):
                continue
            under = next(
                (
                    other for other in lower.chunks
                    if min(other.box.x2, chunk.box.x2) - max(other.box.x1, chunk.box.x1)
                    > 0.5 * min(other.box.width, chunk.box.width)
                ),
                None,
            )
            # a continuation starts in lower case ("shot"); "5-shot" under "MMLU-" is the
            # column's own setting, under a name read with a stray dash
            if under is None or not under.text[:1].islower():
                continue
            upper.chunks[i] = replace(chunk, text=chunk.text + under.text,
                                      box=chunk.box.union(under.box))
            lower.chunks.remove(under)
    return [line for line in lines if line.chunks]


def split_settings(header: list[TextLine]) -> tuple[list[TextLine], list[TextLine]]:
    """Header lines into name lines and settings lines. On a settings line ("(All)",
    "(3-shot)", "(5-shot)"), a piece that states no setting is the end of its column's
    name ("Mean" over "(All)"), and brackets around a setting are dropped."""
    names: list[TextLine] = []
    settings: list[TextLine] = []
    for line in header:
        if not is_settings_line(line):
            names.append(line)
            continue
        states = [states_a_setting(chunk.text) for chunk in line.chunks]
        parts = [
            chunk for chunk, is_setting in zip(line.chunks, states, strict=True) if not is_setting
        ]
        if parts:
            names.append(TextLine(chunks=parts, box=line.box))
        settings.append(
            TextLine(
                chunks=[
                    replace(chunk, text=tidy_setting(chunk.text.strip("()[] ")))
                    for chunk, is_setting in zip(line.chunks, states, strict=True)
                    if is_setting
                ],
                box=line.box,
            )
        )
    return names, settings


def settings_as_names(table: Table) -> None:
    """A setting with no column name above it, once every re-read is done, is its column's
    name ("Model | EM | F1": "EM" is read as a setting like "5-shot")."""
    if len(table.header_rows) < 2:
        return
    for named, stated in zip(table.header_rows[0], table.header_rows[-1], strict=True):
        if not named.text and stated.text:
            named.text, named.box, named.confidence = stated.text, stated.box, stated.confidence
            stated.text = ""
            table.columns[named.col] = named.text
            table.settings[named.col] = None
