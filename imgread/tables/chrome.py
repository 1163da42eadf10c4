"""What a web page prints around a data table and inside its header, that is no part of the
table: a pager under the rows ("Showing 1 to 10 of 4,231 entries  « 1 2 3 … 40 »"), the sort
arrows of every column name ("MMLU ⇅" read "MMLU t"), and a rank column's numbers glued to
the model names ("9 openchat/openchat-3.5")."""

from __future__ import annotations

import re

from ..names import is_known_benchmark
from ..record import Cell, Table
from .lines import TextLine, column_ranges, is_numeric_text
from .pager import is_pager_line

# A column filled by this share of the other rows is one every row fills.
_STEADY = 0.8


def _overlaps(x1: int, x2: int, ranges: list[tuple[int, int]]) -> list[int]:
    return [k for k, (a, b) in enumerate(ranges) if min(x2, b) > max(x1, a)]


def is_stray_line(line: TextLine, others: list[TextLine]) -> bool:
    """``line`` leaves empty most of the columns every other row fills, and prints pieces
    where no other row does: a pager or a caption with numbers, not a row of the table. A
    row with missing values still fills its columns (with "-", "n/a") and strays nowhere."""
    ranges = column_ranges(others)
    steady = [
        k
        for k, (a, b) in enumerate(ranges)
        if sum(1 for other in others if any(_overlaps(c.box.x1, c.box.x2, [(a, b)])
                                            for c in other.chunks))
        >= _STEADY * len(others)
    ]
    if len(steady) < 3:
        return False
    filled = {k for c in line.chunks for k in _overlaps(c.box.x1, c.box.x2, ranges)}
    strays = sum(1 for c in line.chunks if not _overlaps(c.box.x1, c.box.x2, ranges))
    missed = sum(1 for k in steady if k not in filled)
    return strays >= 1 and missed > len(steady) / 2


def _named_rows(lines: list[TextLine]) -> bool:
    """Most lines open with a name (a table's rows), not a number (a chart's tick labels
    lined up in rows, whose ends no pager follows)."""
    named = sum(1 for line in lines if line.chunks and not is_numeric_text(line.chunks[0].text))
    return named >= 0.8 * len(lines)


def _no_row(line: TextLine, others: list[TextLine]) -> bool:
    return is_stray_line(line, others) or is_pager_line(line, others)


def drop_stray_ends(lines: list[TextLine], run: list[int]) -> list[int]:
    """The run of body lines without the stray lines at its ends (a page's pager below the
    last row, its counters above the first), where the run's rows open with names."""
    run = list(run)
    if not _named_rows([lines[i] for i in run]):
        return run
    while len(run) > 3 and _no_row(lines[run[-1]], [lines[i] for i in run[:-1]]):
        run.pop()
    while len(run) > 3 and _no_row(lines[run[0]], [lines[i] for i in run[1:]]):
        run.pop(0)
    return run


# What a sort arrow (▲▼ ⇅ ↕ ⬆) reads as: arrow glyphs and punctuation, a single letter, or
# one or two of the strokes Tesseract makes of an arrow ("AY", "ay", "tt", "11", "^").
# Brackets, "%", "#" and the like are units and counts ("(%)", "#"), never marks.
_MARK_RE = re.compile(r"^(?:[^\w\s()\[\]{}%#$&/.,-]{1,3}|[A-Za-z]|[AaVYvyti1lI|^+]{1,2})$")


_GLUED_MARK_RE = re.compile(r"[AaVYvyt1lI|^+↑↓▲▼⇅↕⬆⬇⬍]{1,2}$")


def _glued(name: str) -> bool:
    """A known benchmark's name with a mark read onto its end: "GSM8K11", "MMLUt"."""
    return not is_known_benchmark(name) and is_known_benchmark(_GLUED_MARK_RE.sub("", name))


def _marked(name: str, at: int) -> bool:
    words = name.split()
    return len(words) >= 2 and bool(_MARK_RE.match(words[at]))


# Names followed by their sort marks, at the least, in a line of column names.
MARKED_NAMES = 3


def names_with_sort_marks(line: TextLine) -> bool:
    """A header whose names each carry a sort arrow (▲▼ read "ay", "4 y", "4 v"): the marks
    read as digits or low-confidence letters made it look like a row of numbers, and the
    rows below lost their header. Three names or more are each followed by a mark (or two),
    and no number of the line stands anywhere else (a row's numbers follow numbers)."""
    marks: set[int] = set()
    named = 0
    for i, chunk in enumerate(line.chunks[1:], 1):
        before, text = line.chunks[i - 1].text, chunk.text.strip()
        if not (_MARK_RE.match(text) or len(text) == 1):  # "▲" read "4"
            continue
        if i - 1 in marks:
            marks.add(i)
        elif _is_name(before):
            marks.add(i)
            named += 1
    numbers = [i for i, chunk in enumerate(line.chunks) if is_numeric_text(chunk.text)]
    return named >= MARKED_NAMES and all(i in marks for i in numbers)


def _is_name(text: str) -> bool:
    """A column name: letters, more than a mark's one or two."""
    return sum(ch.isalpha() for ch in text) >= 2 and not is_numeric_text(text)


def strip_sort_marks(table: Table) -> None:
    """Marks that many column names start or end with (sort arrows, read as "t", ":",
    "AY" or "↑", one column's reading unlike the next's, or glued to a known benchmark's
    name: "GSM8K11") are no part of the names: where three names or more, and at least
    two in five, carry one at the same end, each name loses the marks at that end."""
    if not table.header_rows:
        return
    header = table.header_rows[0]
    names = [cell.text for cell in header]
    named = sum(1 for name in names if name.strip())
    for at in (-1, 0):
        carrying = sum(1 for name in names if _marked(name, at) or (at == -1 and _glued(name)))
        if carrying < 3 or carrying < 0.4 * named:
            continue
        for c, name in enumerate(names):
            while _marked(name, at):
                words = name.split()
                name = " ".join(words[:-1] if at == -1 else words[1:])
            if at == -1 and _glued(name):
                name = _GLUED_MARK_RE.sub("", name)  # a mark read without its space
            names[c] = name
    for c, (cell, name) in enumerate(zip(header, names, strict=True)):
        if name != cell.text:
            cell.text = name
            table.columns[c] = name


# A database page's property-type icons, read as words of their own beside each column's
# name: "#" for a number, "Aa" for the title, "≡" (read "=") for text.
_TYPE_ICONS = {"#", "Aa", "≡", "=", "☰"}


def _strip_type_icon(name: str) -> str:
    """``name`` without the type icons at its ends, as words of their own or a "#" read
    without its space ("#MMLU", "TriviaQA#")."""
    words = name.split()
    while len(words) > 1 and words[0] in _TYPE_ICONS:
        words = words[1:]
    while len(words) > 1 and words[-1] in _TYPE_ICONS:
        words = words[:-1]
    text = " ".join(words)
    if len(text) > 2 and text.startswith("#") and text[1].isalnum():
        text = text[1:]
    if len(text) > 2 and text.endswith("#"):
        text = text[:-1]
    return text


def strip_type_icons(table: Table) -> None:
    """Where three column names or more, and half of them, carry a type icon at an end (a
    Notion table's "# MMLU", read "#MMLU", or, the icon being set left in its cell and so
    nearer the column before, "TriviaQA #"), the icons are no part of any name. A count's
    "#" ("#Params") goes too, and what is left ("Params") still names the count."""
    names = list(table.columns)
    carrying = sum(1 for name in names if name.strip() and _strip_type_icon(name) != name.strip())
    if carrying < 3 or carrying < 0.5 * sum(1 for name in names if name.strip()):
        return
    for c, name in enumerate(names):
        cleaned = _strip_type_icon(name)
        if not name.strip() or cleaned == name.strip():
            continue
        table.columns[c] = cleaned
        for row in table.header_rows:
            if c < len(row) and row[c].text.strip() == name.strip():
                row[c].text = cleaned


# A rank glued to a name: "9 openchat/openchat-3.5", "1google/gemma-7b". A digit followed by
# a unit letter, a dash or a point is part of the name ("7B-chat", "01-ai/Yi-34B").
_RANK_RE = re.compile(r"^(\d{1,3})(?:\s+|(?=[A-Za-z])(?![bBmMkKtTxX]))(?=\S)")


def strip_ranks(table: Table, model_col: int | None) -> None:
    """A number opening the model names that is each row's place (1, 2, 3, ... down the
    body) is a rank column read into the names. Taken out where the column is headed as
    ranked ("#", "Rank") or where two rows or more show it."""
    if model_col is None or not table.body:
        return
    ranked: list[tuple[Cell, re.Match[str]]] = []
    for r, row in enumerate(table.body):
        cell = row[model_col]
        match = _RANK_RE.match(cell.text)
        if match and int(match.group(1)) == r + 1 and len(cell.text) - match.end() >= 3:
            ranked.append((cell, match))
    header = table.columns[model_col] if model_col < len(table.columns) else ""
    headed = bool(re.match(r"^\s*(?:#|rank|no\.)", header, re.IGNORECASE))
    if not ranked or (len(ranked) < 2 and not headed):
        return
    for cell, match in ranked:
        cell.text = cell.text[match.end():]


# A mark drawn before a name (an experiment tracker's colour dot for each run, a bullet),
# as OCR reads it ("@", "©", "®", "°", "•"), alone or glued to the name.
_LEADING_MARK_RE = re.compile(r"^[@©®°•●◉○·*]\s*(?=\w)")


def strip_leading_marks(table: Table, model_col: int | None) -> None:
    """A name that opens with a round mark's reading ("@ mpt-30b", "©Qwen-14B") loses it:
    no model's name starts with a symbol, and the rows are keyed by the name alone."""
    if model_col is None:
        return
    for row in table.body:
        cell = row[model_col]
        stripped = _LEADING_MARK_RE.sub("", cell.text.strip())
        if stripped != cell.text.strip():
            cell.readings.setdefault("mark", cell.text)
            cell.text = stripped


_WORD_RE = re.compile(r"[^\W\d_]{2}")
_NAME_RUN_RE = re.compile(r"[^\W_]{3}")


def is_icon_column(table: Table, c: int) -> bool:
    """No cell holds a word (two letters in a row): a type column's emoji or coloured
    marks, read as "a", "o", "@" or nothing, perhaps with the rank beside them ("2◆"):
    marks, not names. A mark may read as two letters ("◆" as "Sd"), but none as three, and
    no model's name is two characters long in every row."""
    cells = [row[c].text.strip() for row in table.body]
    if not any(_WORD_RE.search(text) for text in cells):
        return True
    if all(len(text) <= 2 for text in cells):
        return True
    # A checkbox (and a status dot beside it) read alike in every row ("lj", "lj-@", "O"):
    # no cell holds three letters or digits in a row, as every name does but the shortest
    # ("Yi-6B"), and the texts repeat, where names differ row by row.
    filled = [text for text in cells if text]
    return not any(_NAME_RUN_RE.search(text) for text in filled) and len(set(filled)) < len(
        filled
    )


def _name_key(text: str) -> str:
    return re.sub(r"[^\w]", "", text.lower())


def repeats_names(line: TextLine, names: list[TextLine]) -> bool:
    """Two pieces of ``line`` or more that are, letter for letter, names the lines below
    already print: a list of the table's columns above it (a leaderboard's "columns to
    show" chips), not a line of group names (a group never names one of its members)."""
    below = {_name_key(chunk.text) for other in names for chunk in other.chunks}
    below.discard("")
    return sum(1 for chunk in line.chunks if _name_key(chunk.text) in below) >= 2


def crowds_a_column(line: TextLine, ranges: list[tuple[int, int]]) -> bool:
    """Two pieces or more of three characters or more over one body column: a row of a
    page's filter chips or buttons (read poorly as often as not), not a line of column
    names (each piece of which names its own column or spans several)."""
    seen: set[int] = set()
    for chunk in line.chunks:
        if len(chunk.text.strip()) < 3:
            continue
        touched = _overlaps(chunk.box.x1, chunk.box.x2, ranges)
        if len(touched) != 1:
            continue
        if touched[0] in seen:
            return True
        seen.add(touched[0])
    return False


# An icon read as a bracketed digit or stroke glued to a name's end: "internlm2-20b[7]".
_GLUED_ICON_RE = re.compile(r"(?<=\w)[\[{(][^\sA-Za-z\]})]{0,2}[\]})]?$")


# A name as a model hub writes it: its organisation, a slash, the model; no spaces.
_HUB_NAME_RE = re.compile(r"^[\w.-]+/[\w.-]+$")


def strip_trailing_icons(table: Table, model_col: int | None) -> None:
    """In a column of names as a model hub writes them ("org/model-name", no spaces; half
    of its cells or more), a piece of one to three characters after such a name's space is
    an icon beside the name (a model card's 📑 read as "0", "[4", "II" or "&"), not part of
    it; so is a bracketed digit or stroke glued to its end ("-20b[7]"). Names written with
    spaces ("Gemini Pro", "Pythia 12B") and row labels ("Tokens (B)") are never cut."""
    if model_col is None or not table.body:
        return
    texts = [row[model_col].text.strip() for row in table.body]
    filled = [text for text in texts if text]
    if len(filled) < 3 or sum(1 for text in filled if _HUB_NAME_RE.match(text)) < 0.5 * len(
        filled
    ):
        return
    for row in table.body:
        cell = row[model_col]
        words = cell.text.split()
        if not words or "/" not in words[0]:
            continue
        if len(words) == 2 and len(words[1]) <= 3:
            cell.text = words[0]
        elif len(words) == 1:
            cell.text = _GLUED_ICON_RE.sub("", cell.text)
