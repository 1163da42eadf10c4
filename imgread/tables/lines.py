"""OCR words as table lines: words merged into chunks (a cell's text) where their gap is
small and no rule separates them, lines of chunks, and what a line or chunk is: a row of
numbers, a group label, a spreadsheet's ruler, a speck. Upright pixels throughout (after
the deskew turn)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from .. import ocr
from ..ocr.phrase import Phrase
from ..ocr.script import close_cjk_spaces
from ..record import Box, Word
from ..units import is_interval, is_missing, main_of_compound, mean_of_misread_spread
from .compound_cells import join_compound_cells
from .tracker_columns import is_chrome

# A change may print its direction as an arrow before the number ("▲1.2", "↓0.4").
CHANGE_ARROWS = "▲▼△▽↑↓⬆⬇"
NUMERIC_TEXT_RE = re.compile(
    rf"^(?:[-+\u2212]|[{CHANGE_ARROWS}]\s?)?[\d.,]*\d[\d.,]*(?:\s*(?:±|\+/?-?)\s*[\d.,]*\d)?\s*(%|[kmbt]|bn|万亿|千亿|亿|万|億|兆|억|조)?[*†‡]?$",
    re.IGNORECASE,
)


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


# A number whose decimal point the page read as a space ("78 31" for 78.31), or read with a
# space after it ("83. 4"): small or monospaced figures leave the point a gap as wide as a
# word space.
SPLIT_NUMBER_RE = re.compile(r"^(\d{1,4})\.? (\d{1,3})$")


def is_split_number(text: str) -> bool:
    return bool(SPLIT_NUMBER_RE.match(text.strip()))


# A change printed in brackets with its sign, as some cards print the change column
# ("(+3.1)", "(−0.8)"; a minus read as a dash or two).
BRACKETED_CHANGE_RE = re.compile(r"^\(\s?(?:\+|[-\u2212–—]{1,2})\s?\d+(?:[.,]\d+)?%?\s?\)$")


# Pure, and asked of every cell's text many times over (columns' kinds, rows, chunks): its
# answers are kept.
@lru_cache(maxsize=1 << 16)
def is_numeric_text(text: str) -> bool:
    return (
        bool(NUMERIC_TEXT_RE.match(text.strip()))
        or bool(BRACKETED_CHANGE_RE.match(text.strip()))
        or mean_of_misread_spread(text) is not None
        or main_of_compound(text) is not None
    )


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


def _two_numbers(chunk: list[Word], word: Word) -> bool:
    """A number and a number after it are two cells (columns set a word space apart:
    "40 39.22"), unless they are one number whose point was read as a space ("78 31")."""
    text = " ".join(w.text for w in chunk)
    return (
        is_numeric_text(text)
        and is_numeric_text(word.text)
        and not is_split_number(f"{text} {word.text}")
    )


# A setting in brackets after a name ("BBH（0-shot）"): a full-width bracket brings its own
# half-em of space, so the gap before it is wider than a word space; up to this many text
# heights it still goes with the name.
BRACKET_GAP = 1.5
_NAME_END_RE = re.compile(r"[^\W\d_]$")
_SETTING_RE = re.compile(r"^[(（][^()（）]*[^\W\d_][^()（）]*[)）]?$")


def _setting_after_name(chunk: list[Word], word: Word, gap: float, height: float) -> bool:
    """``word`` is a bracketed setting with letters in it ("(0-shot)", "（5-shot）"), close
    after a chunk that ends in a letter: the name it qualifies."""
    return (
        gap < BRACKET_GAP * height
        and bool(_NAME_END_RE.search(chunk[-1].text))
        and bool(_SETTING_RE.match(word.text))
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
            gap = word.box.x1 - last.box.x2
            if (
                (gap < gap_factor * height or _setting_after_name(chunks[-1], word, gap, height))
                and not _separated(last.box, word.box, barriers or [])
                and not _two_numbers(chunks[-1], word)
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


# What OCR keeps of a leader the eraser left (``preprocess/leaders.py``): a run of dots,
# middle dots or colons, or three dashes or more, after a name or before a value
# ("Phi-2.....", "..71.2"). One stop ("Avg.") or one ellipsis (a name cut short) stays;
# two dashes before a number may be a minus read twice.
LEADER_RUN = r"(?:[.·•…:](?:\s?[.·•…:])+|[-–—_]{3,})"
LEADER_TAIL_RE = re.compile(rf"(?<=\w)[-–—_\s]*{LEADER_RUN}[-–—_.·•…:\s]*$")
LEADER_HEAD_RE = re.compile(rf"^[.·•…:\s]*{LEADER_RUN}[-–—_.·•…:\s]*(?=\d)")


def without_leader(text: str) -> str:
    """``text`` without the leader OCR joined to its end or, before a number, its start."""
    return LEADER_HEAD_RE.sub("", LEADER_TAIL_RE.sub("", text))


def clean_words(words: list[Word]) -> tuple[list[Word], list[Box]]:
    """Vertical rules read as "|" are dropped (and returned as barriers) or stripped from a
    word's ends; leaders joined to a word are cut; digit look-alikes are mended."""
    kept = []
    barriers = []
    for word in words:
        text = as_number_text(without_leader(word.text.strip("|[]!_")))
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
    # a score's bracketed spread keeps its brackets, which alone would read as rules' ends
    words, barriers = clean_words(join_compound_cells(words))
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
    as a smudged number, so that one bad cell does not drop its row. The text pieces that
    open the line are one name (a monospaced font's wide spaces split "Ember v5 (1.1B)")."""
    values = sum(
        1
        for i, chunk in enumerate(line.chunks)
        if is_numeric_or_missing(chunk.text)
        or is_split_number(chunk.text)  # its point read as a space: a number still
        or (i and chunk.confidence < LOW_CONFIDENCE)
        or (i and is_chrome(chunk.text))  # a run tracker's time, duration, id or count
        or (i and is_interval(chunk.text))  # a board's rating interval, "+5/-4"
    )
    leading = next(
        (i for i, chunk in enumerate(line.chunks) if is_numeric_or_missing(chunk.text)),
        len(line.chunks),
    )
    cells = len(line.chunks) - max(leading - 1, 0)
    sure = sum(
        1 for chunk in line.chunks
        if (is_numeric_text(chunk.text) and chunk.confidence >= LOW_CONFIDENCE)
        # a mean and its spread ("83.4±1.7") is a number however unsure its "±" made OCR
        or mean_of_misread_spread(chunk.text) is not None
    )
    return (
        len(line.chunks) >= 2
        and sure >= 1  # a header's last name smudged into a "4" is no row
        and line.numeric >= 1
        and values >= cells / 2
        and not is_ruler(line)  # "8 C D E": a spreadsheet's letters, one read as a digit
    )


def is_group_label(line: TextLine) -> bool:
    """A line of one piece of text and no number: a section of rows ("Open models")."""
    return len(solid(line)) == 1 and not line.numeric


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


def header_column(
    box: Box,
    ranges: list[tuple[int, int]],
    spans: list[tuple[int, int]],
    after: tuple[Box, int] | None = None,
    lowest: bool = False,
) -> int | None:
    """A header chunk's column: the one body column it overlaps (headers are often wider
    than their cells and aligned differently), None when it overlaps several (a title).
    ``after``: the piece just left of it on its line, when that piece continues a name set
    from the left edge of its column, and that column (see ``left_set``). ``lowest``: the
    piece is on the header line just above the body, where each piece names one column (a
    piece in a gap on a line above is a group's name over the columns either side)."""
    touched = [i for i, (x1, x2) in enumerate(ranges) if min(box.x2, x2) > max(box.x1, x1)]
    if len(touched) == 1:
        return touched[0]
    if touched:
        return None
    column = column_of(box, spans)
    if column is None and lowest:
        if after is not None and box.x1 - after[0].x2 <= box.height:
            # A word space after a name that starts where its column's numbers start
            # ("Pretraining tokens" over "2,000B", both set left): the rest of that name.
            return after[1]
        # Wholly in the gap before a column: a name set at the left of its cell over
        # numbers set at the right. (A name over the column on its left would reach it.)
        column = next((i for i, (x1, _) in enumerate(ranges) if x1 >= box.x2), None)
    return column


def left_set(box: Box, column: int, ranges: list[tuple[int, int]]) -> bool:
    """A header piece that starts where its column's cells start (both set left)."""
    return abs(box.x1 - ranges[column][0]) <= 0.25 * box.height


def solid(line: TextLine) -> list[Phrase]:
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
    # in order, nearly every step one letter a column (one letter may be lost: "E G")
    steps = [(ord(b) - ord(a), j - i) for (i, a), (j, b) in pairwise(letters)]
    return (
        len(letters) >= 3
        and all(letter > 0 for letter, _ in steps)
        and sum(letter == column for letter, column in steps) >= max(2, 0.7 * len(steps))
    )


def tidy_label(text: str) -> str:
    """A header or name as read: a leader after it cut (the second engine reads the
    original pixels, leader and all), a line break after a hyphen joined ("Common- sense"),
    rule fragments at the ends dropped ("MMLU —"), a space before an inner hyphen that
    monospaced fonts suggest ("Basalt -314B") closed."""
    text = close_hyphen_spaces(close_cjk_spaces(without_leader(text)))
    text = re.sub(r"^[\s—–_|=~-]+(?=\S)|(?<=\S)\s+[—–_|=~-]+$", "", text).strip()
    # A quote mark with no partner at an end is a speck read as one ("“MT-Bench", a table
    # rule's corner read as "」平均分").
    for opening, closing in ("“”", "‘’", '""', "''", "「」", "『』"):
        if text[:1] == opening and closing not in text[1:]:
            text = text[1:].lstrip()
        if text[-1:] == closing and opening not in text[:-1]:
            text = text[:-1].rstrip()
        if opening != closing and text[:1] == closing:  # a mark that closes nothing
            text = text[1:].lstrip()
    return close_bracket(text)


def close_hyphen_spaces(text: str) -> str:
    """Spaces beside a hyphen closed: a line broken after it ("Common- sense"), or the
    room a monospaced font leaves around its narrow dash read as spaces ("Basalt -314B",
    "DeepSeek - 7B")."""
    return re.sub(r"(?<=\w) -(?=\w)", "-", text.replace("- ", "-"))


def close_bracket(text: str) -> str:
    """A name whose last bracket opens and never closes lost its thin closing stroke at
    the end ("MMLU(5-shot" of "MMLU(5-shot)"): it gets it back."""
    for opening, closing in ("()", "（）"):
        last = text.rfind(opening)
        if last >= 0 and closing not in text[last:] and len(text) - last > 2:
            return text + closing
    return text


def is_speck(chunk: Phrase) -> bool:
    """Specks and rule fragments read as short low-confidence "words" ("+t", "all")."""
    return chunk.confidence < 70 and len(chunk.text) <= 3 and not is_numeric_text(chunk.text)
