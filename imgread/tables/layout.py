"""Table layout from OCR words: lines of chunks, the body, columns and header lines.

Works in upright pixels (after the deskew turn). Words in a line are merged into chunks
(a cell's text) where their gap is small and no rule separates them; the body is the
longest run of lines holding several chunks, mostly numbers; columns are the x-ranges the
body's chunks cover; header lines are the lines just above the body whose chunks each sit
in one column (a "5-shot"-like line is the settings row).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING

from .. import ocr
from ..ocr.phrase import Phrase
from ..ocr.script import close_cjk_spaces
from ..record import Box, Cell, Table, Word
from ..units import (
    is_missing,
)

if TYPE_CHECKING:
    pass


SETTING_RE = re.compile(
    r"\d+\s*-?\s*shots?\b|\bshot\b|\bav[ae]rage\b|\bavg\b|pass@|maj@|\bcot\b|\bem\b|\bacc\b|"
    r"\bf1\b|\bzero-shot\b|\bfew-shot\b",
    re.IGNORECASE,
)


NUMERIC_TEXT_RE = re.compile(r"^[-+\u2212]?[\d.,]*\d[\d.,]*\s*(%|[kmbt]|bn)?[*†‡]?$", re.IGNORECASE)

# Below this confidence (0..100) a cell's number is flagged rather than presented as fact.
LOW_CONFIDENCE = 60.0


@dataclass
class TextLine:
    chunks: list[Phrase]
    box: Box

    @property
    def numeric(self) -> int:
        return sum(1 for chunk in self.chunks if is_numeric_text(chunk.text))


@dataclass
class Layout:
    """Geometry of one table before its cells are read."""

    spans: list[tuple[int, int]]  # column x-ranges, extended to the midpoints between columns
    header: list[TextLine]
    body: list[TextLine]
    ranges: list[tuple[int, int]] = field(default_factory=list)  # what body cells cover
    # Lines continuing a body row's text cells (wrapped names), by position in ``body``.
    wrapped: dict[int, list[TextLine]] = field(default_factory=dict)


def is_numeric_text(text: str) -> bool:
    return bool(NUMERIC_TEXT_RE.match(text.strip()))


def is_numeric_or_missing(text: str) -> bool:
    return is_numeric_text(text) or is_missing(text)


def _separated(left: Box, right: Box, barriers: list[Box]) -> bool:
    """A vertical rule (or a "|" Tesseract read) stands between two words of a line."""
    return any(
        left.x2 - 2 <= barrier.cx <= right.x1 + 2
        and barrier.y1 <= max(left.cy, right.cy)
        and barrier.y2 >= min(left.cy, right.cy)
        for barrier in barriers
    )


def chunk_line(
    words: list[Word], gap_factor: float = 0.8, barriers: list[Box] | None = None
) -> list[Phrase]:
    """Merge a line's words (left to right) where the gap is under ``gap_factor`` times the
    text height and no rule separates them: the space inside "Llama 2 70B" is narrow, a
    column gap is wide."""
    chunks: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.box.x1):
        if chunks:
            last = chunks[-1][-1]
            height = max(min(last.box.height, word.box.height), 1)
            if word.box.x1 - last.box.x2 < gap_factor * height and not _separated(
                last.box, word.box, barriers or []
            ):
                chunks[-1].append(word)
                continue
        chunks.append([word])
    return [Phrase.of(group) for group in chunks]


# Letters Tesseract reads for digits in a number ("$4.8" for 54.8, "6O.1" for 60.1).
DIGIT_LOOKALIKES = str.maketrans({"$": "5", "S": "5", "O": "0", "o": "0", "l": "1", "I": "1"})


def as_number_text(text: str) -> str:
    """``text`` with one digit look-alike mended when that makes it a number; else as is."""
    mended = text.translate(DIGIT_LOOKALIKES)
    changed = sum(1 for a, b in zip(text, mended, strict=True) if a != b)
    if changed == 1 and any(ch.isdigit() for ch in text) and is_numeric_text(mended):
        return mended
    return text


def clean_words(words: list[Word]) -> tuple[list[Word], list[Box]]:
    """Vertical rules read as "|" are dropped (and returned as barriers) or stripped from a
    word's ends; digit look-alikes are mended."""
    kept = []
    barriers = []
    for word in words:
        text = as_number_text(word.text.strip("|[]!_"))
        if not is_missing(text) and not any(ch.isalnum() or ch in "#%&@" for ch in text):
            if "|" in word.text or "[" in word.text or "]" in word.text:
                barriers.append(word.box)
            continue  # rule ends and specks: "=", "~", "_"
        if text and text != word.text:
            kept.append(word.model_copy(update={"text": text}))
        elif text:
            kept.append(word)
    return kept, barriers


def crosses_a_rule(word: Word, rules: list[Box]) -> bool:
    """An unsure "word" running across a cell border ("[ae" over a rule and the next cell)
    is the rule and noise read together: no text crosses a ruled border."""
    if word.confidence >= LOW_CONFIDENCE:
        return False
    box = word.box
    return any(box.x1 + 3 < rule.cx < box.x2 - 3 and rule.y1 <= box.cy <= rule.y2 for rule in rules)


def text_lines(words: list[Word], rules: list[Box] | None = None) -> list[TextLine]:
    """Words -> lines of chunks; ``rules`` are vertical ruling lines (loaded-image pixels)."""
    words, barriers = clean_words(words)
    words = [word for word in words if not crosses_a_rule(word, rules or [])]
    barriers += rules or []
    lines: list[TextLine] = []
    for members in ocr.group_lines(words):
        chunks = chunk_line([words[i] for i in members], barriers=barriers)
        box = chunks[0].box
        for chunk in chunks[1:]:
            box = box.union(chunk.box)
        line = TextLine(chunks=chunks, box=box)
        if lines and side_by_side(lines[-1], line):
            lines[-1] = TextLine(
                chunks=sorted([*lines[-1].chunks, *chunks], key=lambda c: c.box.x1),
                box=lines[-1].box.union(box),
            )
        else:
            lines.append(line)
    return lines


def side_by_side(upper: TextLine, lower: TextLine) -> bool:
    """Two lines that touch and share no column are one row: cells set at different
    heights (a name centred on two lines beside numbers on one), which OCR splits. Only
    surely read pieces measure the lines (a speck can be as tall as two lines)."""
    sure = [
        [c.box for c in line.chunks if c.confidence >= LOW_CONFIDENCE] for line in (upper, lower)
    ]
    if not sure[0] or not sure[1]:
        return False
    top = max(box.y2 for box in sure[0])
    bottom = min(box.y1 for box in sure[1])
    height = min(max(box.height for box in boxes) for boxes in sure)
    if bottom - top > 0.2 * height or bottom - min(box.y1 for box in sure[0]) < 0.3 * height:
        return False
    return not any(
        min(a.box.x2, b.box.x2) > max(a.box.x1, b.box.x1)
        for a in upper.chunks
        for b in lower.chunks
    )


def is_body_line(line: TextLine) -> bool:
    """Several chunks, mostly numbers; a low-confidence word after the first chunk counts
    as a smudged number, so that one bad cell does not drop its row."""
    values = sum(
        1
        for i, chunk in enumerate(line.chunks)
        if is_numeric_or_missing(chunk.text) or (i and chunk.confidence < LOW_CONFIDENCE)
    )
    return (
        len(line.chunks) >= 2
        and line.numeric >= 1
        and values >= len(line.chunks) / 2
        and not is_ruler(line)  # "8 C D E": a spreadsheet's letters, one read as a digit
    )


def body_runs(lines: list[TextLine]) -> list[list[int]]:
    """Runs of body lines, the gap between neighbours no more than about twice the usual
    row pitch, plus room for each group label between them ("Code", "Instruction-Tuned
    Models"); other lines in between (a rule read as "EES SSS") are skipped without
    breaking the run. Longest first."""
    runs: list[list[int]] = []
    for i, line in enumerate(lines):
        if not is_body_line(line):
            continue
        if runs:
            previous = lines[runs[-1][-1]]
            pitch = _pitch([lines[j] for j in runs[-1]]) or 3 * previous.box.height
            labels = sum(1 for j in range(runs[-1][-1] + 1, i) if is_group_label(lines[j]))
            if line.box.cy - previous.box.cy > (2.2 + 2.0 * labels) * pitch:
                runs.append([])
        else:
            runs.append([])
        runs[-1].append(i)
    return sorted(runs, key=len, reverse=True)


def is_group_label(line: TextLine) -> bool:
    """A line of one piece of text and no number: a section of rows ("Open models")."""
    return len(_solid(line)) == 1 and not line.numeric


def _pitch(lines: list[TextLine]) -> float:
    gaps = [b.box.cy - a.box.cy for a, b in pairwise(lines)]
    return float(median(gaps)) if gaps else 0.0


def column_ranges(body: list[TextLine]) -> list[tuple[int, int]]:
    """The x-ranges covered by body chunks, merged: one per column, left to right."""
    intervals = sorted((chunk.box.x1, chunk.box.x2) for line in body for chunk in line.chunks)
    merged: list[list[int]] = []
    for x1, x2 in intervals:
        if merged and x1 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x2)
        else:
            merged.append([x1, x2])
    return [(a, b) for a, b in merged]


def extend(ranges: list[tuple[int, int]], left: int, right: int) -> list[tuple[int, int]]:
    """Column ranges grown to the midpoints between columns (headers are wider than cells)."""
    spans = []
    for i, (x1, x2) in enumerate(ranges):
        start = left if i == 0 else (ranges[i - 1][1] + x1) // 2
        end = right if i == len(ranges) - 1 else (x2 + ranges[i + 1][0]) // 2
        spans.append((start, end))
    return spans


def column_of(box: Box, spans: list[tuple[int, int]]) -> int | None:
    """The column holding most of ``box``, or None when it straddles (a title, a caption)."""
    best, best_overlap = None, 0
    for index, (x1, x2) in enumerate(spans):
        overlap = min(box.x2, x2) - max(box.x1, x1)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    if best is None or best_overlap < 0.8 * max(box.width, 1):
        return None
    return best


def _aligned(box: Box, column: tuple[int, int]) -> bool:
    """A name sits over its column as cells do: centred on it, or flush left or right."""
    x1, x2 = column
    edge = 0.6 * box.height
    return (
        abs(box.cx - (x1 + x2) / 2) <= max(edge, 0.1 * box.width)
        or abs(box.x1 - x1) <= edge
        or abs(box.x2 - x2) <= edge
    )


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
        # tokens" over a narrow number column), or else the one before.
        owners = [found[0] if found else None for found in columns]
        for i in range(len(owners) - 2, -1, -1):
            owners[i] = owners[i] if owners[i] is not None else owners[i + 1]
        for i in range(1, len(owners)):
            owners[i] = owners[i] if owners[i] is not None else owners[i - 1]
        groups: list[list[Word]] = []
        for i, word in enumerate(chunk.words):
            if i and owners[i] == owners[i - 1]:
                groups[-1].append(word)
            else:
                groups.append([word])
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


def spanned(box: Box, ranges: list[tuple[int, int]]) -> list[int]:
    """The columns a group name sits over ("HumanEval" over "Python" and "Multilingual"):
    two or more, not the first (names) and not all (a title)."""
    touched = [i for i, (x1, x2) in enumerate(ranges) if min(box.x2, x2) > max(box.x1, x1)]
    if len(touched) < 2 or touched[0] == 0 or len(touched) == len(ranges):
        return []
    return touched


def header_column(
    box: Box, ranges: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> int | None:
    """A header chunk's column: the one body column it overlaps (headers are often wider
    than their cells and aligned differently), None when it overlaps several (a title)."""
    touched = [i for i, (x1, x2) in enumerate(ranges) if min(box.x2, x2) > max(box.x1, x1)]
    if len(touched) == 1:
        return touched[0]
    if not touched:
        return column_of(box, spans)
    return None


def _solid(line: TextLine) -> list[Phrase]:
    return [chunk for chunk in line.chunks if not is_speck(chunk)]


def is_ruler(line: TextLine) -> bool:
    """A spreadsheet's ruler of column letters ("A B C D") over the header: short pieces
    whose letters run on in alphabetical order, one letter a column ("8B" for a B read
    with an 8 still counts; "EM F1 EM F1" does not run on), or four or more lone
    characters, mostly letters."""
    pieces = [chunk.text.strip() for chunk in line.chunks if chunk.text.strip()]
    if len(pieces) < 3 or any(len(piece) > 2 for piece in pieces):
        return False
    lone = [piece for piece in pieces if len(piece) == 1]
    if len(lone) == len(pieces) >= 4 and sum(p.isalpha() for p in lone) >= len(lone) / 2:
        return True  # a row of lone letters, some misread ("8 c o E F")
    letters = [
        (i, next(ch for ch in piece if ch.isupper()))
        for i, piece in enumerate(pieces)
        if any(ch.isupper() for ch in piece)
    ]
    return len(letters) >= 3 and all(
        ord(b) - ord(a) == j - i for (i, a), (j, b) in pairwise(letters)
    )


def is_title_above(line: TextLine, below: TextLine) -> bool:
    """One piece of text above a header line of several: a title or caption, set apart by
    a gap, not the first line of a wrapped column name (which sits as close to the line
    below as lines of one cell do)."""
    if len(_solid(line)) != 1 or len(_solid(below)) < 2:
        return False
    return below.box.y1 - line.box.y2 > 0.5 * max(line.box.height, 1)


def header_lines(
    lines: list[TextLine], first_body: int, layout: Layout, pitch: float, skip: set[int]
) -> list[TextLine]:
    """Lines just above the body whose chunks each sit inside one column, less a title on
    top. A group label over the first rows ("Pre-Trained Models") is passed over; a line
    that is itself a row of numbers (another table's) ends the header."""
    header: list[TextLine] = []
    below = lines[first_body]
    for index in range(first_body - 1, max(-1, first_body - 6), -1):
        if index in skip:
            continue
        # The lowest header line names single columns; lines above may name groups.
        line = lines[index]
        if not header:
            line = split_at_columns(line, layout.ranges)
        limit = max(2.5 * line.box.height, 1.4 * pitch)
        if below.box.y1 - line.box.y2 > limit or is_body_line(line) or is_ruler(line):
            break
        if any(
            header_column(c.box, layout.ranges, layout.spans) is None
            and not (header and len(spanned(c.box, layout.ranges)) > 1)
            for c in _solid(line)
            if c.confidence >= LOW_CONFIDENCE  # an unsure smudge between columns is noise
        ):
            if not header and below is lines[first_body] and is_group_label(line):
                below = line
                continue
            break
        if line.numeric == len(line.chunks) and len(line.chunks) > 1:
            break
        header.insert(0, line)
        below = line
    while len(header) > 1 and is_title_above(header[0], header[1]):
        header.pop(0)
    return header


def _row_gap(lines: list[TextLine], run: list[int]) -> float | None:
    """The usual blank height between two body rows that follow each other directly."""
    gaps = [lines[b].box.y1 - lines[a].box.y2 for a, b in pairwise(run) if b == a + 1]
    return float(median(gaps)) if gaps else None


def _covers(line: TextLine, chunk: Phrase) -> bool:
    """``line`` has text in the x-range of ``chunk``."""
    return any(min(c.box.x2, chunk.box.x2) > max(c.box.x1, chunk.box.x1) for c in line.chunks)


def wrapped_lines(lines: list[TextLine], run: list[int]) -> dict[int, list[int]]:
    """Lines that continue a body row's text cells (a long model name wrapped onto a second
    line, or onto a line above and one below when the row's numbers sit in the middle):
    position in ``run`` -> indices of its continuation lines.

    A continuation has only text, under no numeric column, and sits as close to its row
    as lines of one cell do (closer than rows sit to each other). It joins the row whose
    own line leaves that cell empty when both are about as near, else the nearer one."""
    numeric = column_ranges(
        [
            TextLine(
                chunks=[c for c in lines[i].chunks if is_numeric_text(c.text)], box=lines[i].box
            )
            for i in run
        ]
    )
    row_gap = _row_gap(lines, run)
    members = set(run)
    found: dict[int, list[int]] = {}
    for index in range(max(0, run[0] - 1), min(len(lines), run[-1] + 2)):
        line = lines[index]
        if index in members or line.numeric or not _solid(line):
            continue
        if any(min(c.box.x2, x2) > max(c.box.x1, x1) for c in line.chunks for x1, x2 in numeric):
            continue
        height = max(line.box.height, 1)
        limit = 0.8 * height if row_gap is None else min(0.8 * height, 0.75 * row_gap)
        above = [p for p, row in enumerate(run) if row < index]
        below = [p for p, row in enumerate(run) if row > index]
        neighbours = ([above[-1]] if above else []) + ([below[0]] if below else [])
        candidates = []
        for position in neighbours:
            body = lines[run[position]]
            gap = line.box.y1 - body.box.y2 if run[position] < index else body.box.y1 - line.box.y2
            fills = not any(_covers(body, chunk) for chunk in _solid(line))
            # Past the last row only a line as tight as one cell's lines continues it (a
            # note under a table is set further off); before the first, one it fills, or
            # one that touches it and stands well apart from the line above (the header).
            if not above:
                clear = index == 0 or line.box.y1 - lines[index - 1].box.y2 >= 0.8 * height
                allowed = fills or (gap <= 0.2 * height and clear)
            else:
                allowed = bool(below) or fills or gap <= 0.5 * height
            if gap <= limit and allowed:
                candidates.append((gap, not fills, run[position] > index, position))
        if candidates:
            # The nearer row; when both are about as near, the one whose cell is empty.
            nearest = min(gap for gap, *_ in candidates)
            close = [c for c in candidates if c[0] <= nearest + 0.3 * height]
            found.setdefault(min(close, key=lambda c: (c[1], c[0], c[2]))[3], []).append(index)
    return found


def find_layouts(
    words: list[Word], min_rows: int, min_cols: int, rules: list[Box] | None = None
) -> list[Layout]:
    lines = text_lines(words, rules)
    layouts = []
    used: set[int] = set()
    for run in body_runs(lines):
        if len(run) < min_rows or used & set(run):
            continue
        body = [lines[i] for i in run]
        wrapped = wrapped_lines(lines, run)
        extra = {position: [lines[i] for i in found] for position, found in wrapped.items()}
        ranges = column_ranges(body + [line for group in extra.values() for line in group])
        if len(ranges) < min_cols:
            continue
        left = min(line.box.x1 for line in lines) - 1
        right = max(line.box.x2 for line in lines) + 1
        layout = Layout(
            spans=extend(ranges, left, right), header=[], body=body, ranges=ranges, wrapped=extra
        )
        skip = {i for found in wrapped.values() for i in found}
        layout.header = header_lines(lines, run[0], layout, _pitch(body), skip)
        used.update(run)
        used.update(skip)
        layouts.append(layout)
    return layouts


def _cells_of(
    line: TextLine, spans: list[tuple[int, int]], row: int, wrapped: list[TextLine]
) -> list[Cell]:
    grouped: dict[int, list[Phrase]] = {}
    parts = sorted([line, *wrapped], key=lambda part: part.box.cy)
    for chunk in (chunk for part in parts for chunk in part.chunks):
        column = column_of(chunk.box, spans)
        if column is None:
            # A chunk over two columns: place it by its centre rather than lose it.
            column = min(range(len(spans)), key=lambda i: abs(sum(spans[i]) / 2 - chunk.box.cx))
        grouped.setdefault(column, []).append(chunk)
    cells = []
    for column in range(len(spans)):
        chunks = grouped.get(column, [])
        if not chunks:
            cells.append(Cell(row=row, col=column, text=""))
            continue
        box = chunks[0].box
        for chunk in chunks[1:]:
            box = box.union(chunk.box)
        text = close_cjk_spaces(" ".join(chunk.text for chunk in chunks))
        if len({chunk.box.cy for chunk in chunks}) > 1:
            text = tidy_label(text)  # one cell's lines, rejoined
        confidence = min(chunk.confidence for chunk in chunks)
        cells.append(
            Cell(
                row=row,
                col=column,
                text=text,
                box=box,
                confidence=confidence,
                readings={"page": text},
            )
        )
    return cells


def tidy_label(text: str) -> str:
    """A header or name as read: a line break after a hyphen joined ("Common- sense"),
    rule fragments at the ends dropped ("MMLU —")."""
    text = close_cjk_spaces(text.replace("- ", "-"))
    text = re.sub(r"^[\s—–_|=~-]+(?=\S)|(?<=\S)\s+[—–_|=~-]+$", "", text).strip()
    # A quote mark with no partner at an end is a speck read as one ("“MT-Bench").
    for opening, closing in ('“”', "‘’", '""', "''"):
        if text[:1] == opening and closing not in text[1:]:
            text = text[1:].lstrip()
        if text[-1:] == closing and opening not in text[:-1]:
            text = text[:-1].rstrip()
    return text


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


def _join_header(lines: list[TextLine], layout: Layout) -> list[Cell]:
    """Several header lines into one row of cells, each column's text top to bottom."""
    spans = layout.spans
    texts: dict[int, list[str]] = {}
    boxes: dict[int, Box] = {}
    confidences: dict[int, float] = {}
    for chunk in reading_order([c for line in lines for c in line.chunks]):
        if is_speck(chunk):
            continue
        column = header_column(chunk.box, layout.ranges, spans)
        if column is None and chunk.confidence < LOW_CONFIDENCE:
            continue
        for c in [column] if column is not None else spanned(chunk.box, layout.ranges):
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


def is_speck(chunk: Phrase) -> bool:
    """Specks and rule fragments read as short low-confidence "words" ("+t", "all")."""
    return chunk.confidence < 70 and len(chunk.text) <= 3 and not is_numeric_text(chunk.text)


def is_settings_line(line: TextLine) -> bool:
    chunks = [chunk for chunk in line.chunks if not is_speck(chunk)]
    hits = sum(1 for chunk in chunks if SETTING_RE.search(chunk.text))
    return hits >= max(1, len(chunks) / 2)


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
        states = [bool(SETTING_RE.search(chunk.text)) for chunk in line.chunks]
        parts = [
            chunk for chunk, is_setting in zip(line.chunks, states, strict=True) if not is_setting
        ]
        if parts:
            names.append(TextLine(chunks=parts, box=line.box))
        settings.append(
            TextLine(
                chunks=[
                    replace(chunk, text=chunk.text.strip("()[] "))
                    for chunk, is_setting in zip(line.chunks, states, strict=True)
                    if is_setting
                ],
                box=line.box,
            )
        )
    return names, settings


def build_table(layout: Layout) -> Table:
    spans = layout.spans
    names, settings_lines = split_settings(layout.header)
    if not names:  # "EM F1" alone: what reads as settings is all the names there are
        names, settings_lines = settings_lines, []
    header_rows = []
    if names:
        header_rows.append(_join_header(names, layout))
    if settings_lines:
        row = _join_header(settings_lines, layout)
        header_rows.append([cell.model_copy(update={"row": len(header_rows)}) for cell in row])
    body = [
        _cells_of(line, spans, r, layout.wrapped.get(r, [])) for r, line in enumerate(layout.body)
    ]
    box = layout.body[0].box
    wrapped = [line for group in layout.wrapped.values() for line in group]
    for line in [*layout.header, *layout.body, *wrapped]:
        box = box.union(line.box)
    columns = [cell.text for cell in header_rows[0]] if names else [""] * len(spans)
    settings: list[str | None] = (
        [cell.text or None for cell in header_rows[-1]] if settings_lines else [None] * len(spans)
    )
    return Table(
        box=box,
        n_rows=len(body),
        n_cols=len(spans),
        header_rows=header_rows,
        body=body,
        columns=columns,
        settings=settings,
        method="alignment",
    )


def looks_like_a_table(table: Table, min_rows: int) -> bool:
    """Rows mostly filled: a chart's tick labels line up in rows and columns too, but leave
    most of their "cells" empty."""
    filled = [row for row in table.body if sum(1 for cell in row if cell.text) >= 0.6 * len(row)]
    return len(filled) >= min_rows


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
