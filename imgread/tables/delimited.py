"""Tables typed as delimited text, no grid drawn: a CSV file open in a code editor (a gutter
of line numbers, each column in its own colour), ``cat results.csv`` in a terminal, a code
block in a chat or a README. The first line holds the header's names
("model,n_params_b,mmlu"), each further line a model's values; the fields stand at other x
on every line, so no column lines up, and OCR reads each line as one or two long words
("tessaly-7b-instruct,7,31.6,20.0").

Such lines are read as text: each line's words are joined back into the line as typed
(a gap a character wide or more is a space), split at a delimiter outside quotes (comma,
semicolon), and the table is built from the fields, a column a field.

What keeps an ordinary table's commas ("1,000", the decimal commas of "67,3") from being
taken for delimiters is the block: several lines one under the other, starting at one x,
that all split into as many fields (three at least), the first a header of words (every
field holds a letter; a drawn table's header holds no delimiter), each further one holding
a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from .. import ocr
from ..record import Box, Cell, Table, Word
from ..units import is_missing, parse_number

DELIMITERS = (",", ";")
QUOTES = '"“”„'
# A line splits into this many fields at least (two delimiters).
MIN_FIELDS = 3
# Lines one under the other: a step of at most this many times the block's usual one.
LINE_STEP = 1.8
# A gap this many characters wide parts two words by a space (narrower, OCR cut one word).
SPACE_GAP = 0.5
# An editor's line number stands this many characters at least before its line's text.
GUTTER_GAP = 1.5
# The lines of a block start within this many characters of one another.
LEFT_EDGE = 1.5
# A delimiter is typed with no space after it, mostly: prose puts one after its commas.
SPACED = 0.5

# Characters as typed, each with the x span of the ink it was read from (None for a space
# put back in a gap).
Field = list[tuple[str, float | None, float | None]]


@dataclass(frozen=True)
class Typed:
    """One line as typed: its characters and the words it was read from."""

    chars: Field
    words: list[int]
    box: Box
    advance: float


def _advance(words: list[Word]) -> float:
    """A character's width: monospaced text spreads each word's width over its letters."""
    widths = [w.box.width / len(w.text) for w in words if len(w.text) >= 3]
    if not widths:
        widths = [w.box.width / max(len(w.text), 1) for w in words]
    return float(median(widths))


def _typed(words: list[Word], line: list[int], advance: float) -> Typed:
    """The line's words joined back as typed, a space for each character of a gap."""
    chars: Field = []
    box = words[line[0]].box
    last = None
    for i in line:
        word = words[i]
        box = box.union(word.box)
        if last is not None:
            gap = word.box.x1 - last
            if gap >= SPACE_GAP * advance:
                chars += [(" ", None, None)] * max(1, round(gap / advance))
        # a monospaced face's advance, not the word's width over its letters: the boxes of
        # words the engines read over one another run past their text
        step = min(advance, word.box.width / max(len(word.text), 1))
        chars += [
            (ch, word.box.x1 + k * step, word.box.x1 + (k + 1) * step)
            for k, ch in enumerate(word.text)
        ]
        last = max(word.box.x2, last or 0)
    return Typed(chars, line, box, advance)


def _without_gutter(words: list[Word], line: list[int], advance: float) -> list[int]:
    """The line less an editor's line number before it: a whole number, a wide gap after."""
    if len(line) < 2 or not words[line[0]].text.isdigit():
        return line
    gap = words[line[1]].box.x1 - words[line[0]].box.x2
    return line[1:] if gap >= GUTTER_GAP * advance else line


def _split(chars: Field, delimiter: str) -> list[Field]:
    """The fields of a line at ``delimiter`` outside quotes (an unclosed quote, a misread
    one, quotes nothing)."""
    for honour_quotes in (True, False):
        fields: list[Field] = [[]]
        quoted = False
        for char in chars:
            if honour_quotes and char[0] in QUOTES:
                quoted = not quoted
            if char[0] == delimiter and not quoted:
                fields.append([])
            else:
                fields[-1].append(char)
        if not quoted:
            return fields
    return fields


def _text(field: Field) -> str:
    return "".join(ch for ch, _, _ in field).strip(QUOTES + " ")


def _is_header(texts: list[str]) -> bool:
    return all(any(ch.isalpha() for ch in text) for text in texts)


def _holds_number(texts: list[str]) -> bool:
    """A row's line: a field past the name is a number alone ("GSM8K" is none)."""
    return any(parse_number(text, whole=True) is not None for text in texts[1:])


def _blocks(typed: list[Typed]) -> list[list[int]]:
    """Runs of lines one under the other, starting at one x: indices into ``typed``."""
    if len(typed) < 2:
        return [list(range(len(typed)))]
    steps = [b.box.cy - a.box.cy for a, b in pairwise(typed)]
    usual = float(median(steps))
    runs = [[0]]
    for k in range(1, len(typed)):
        before, here = typed[runs[-1][-1]], typed[k]
        near = here.box.cy - before.box.cy <= LINE_STEP * usual
        level = abs(here.box.x1 - before.box.x1) <= LEFT_EDGE * here.advance
        if near and level:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _table(block: list[Typed], split: list[list[Field]], words: list[Word]) -> Table | None:
    """The table of a block split into fields alike in number: the header the line before
    the first that holds a number, the rows every line after it that holds one."""
    texts = [[_text(f) for f in fields] for fields in split]
    first = next((k for k, t in enumerate(texts) if _holds_number(t)), None)
    if first is None or first == 0 or not _is_header(texts[first - 1]):
        return None
    rows = [k for k in range(first, len(block)) if _holds_number(texts[k]) and texts[k][0]]
    if len(rows) < 2:
        return None

    def cells(k: int, row: int) -> list[Cell]:
        line = block[k]
        confidence = min(words[i].confidence for i in line.words)
        found = []
        for col, field in enumerate(split[k]):
            xs = [(x1, x2) for ch, x1, x2 in field if x1 is not None and x2 is not None]
            box = None
            if xs and texts[k][col]:
                box = Box(
                    x1=round(min(a for a, _ in xs)),
                    y1=line.box.y1,
                    x2=round(max(b for _, b in xs)),
                    y2=line.box.y2,
                )
            text = texts[k][col]
            value = None if is_missing(text) or col == 0 else parse_number(text)
            found.append(
                Cell(row=row, col=col, text=text, box=box, confidence=confidence, value=value)
            )
        return found

    header = cells(first - 1, 0)
    body = [cells(k, r) for r, k in enumerate(rows)]
    box = block[first - 1].box
    for k in rows:
        box = box.union(block[k].box)
    return Table(
        box=box,
        n_rows=len(body),
        n_cols=len(header),
        header_rows=[header],
        body=body,
        columns=[cell.text for cell in header],
        settings=[None] * len(header),
        method="delimited",
    )


def _read_block(block: list[Typed], words: list[Word]) -> tuple[Table, list[int]] | None:
    """The block's table and the lines it used (indices into ``block``), split at the
    delimiter that splits its most lines alike."""
    best: tuple[Table, list[int]] | None = None
    for delimiter in DELIMITERS:
        split = [_split(line.chars, delimiter) for line in block]
        for used in _agreeing(split):
            if _spaced([split[k] for k in used]):
                continue
            table = _table([block[k] for k in used], [split[k] for k in used], words)
            if table is not None and (best is None or len(used) > len(best[1])):
                best = (table, used)
    return best


def _spaced(lines: list[list[Field]]) -> bool:
    """Most of the lines' delimiters have a space after them: prose's commas ("Brown, T.,
    2020"), no file's."""
    after = [fields[k + 1][:1] for fields in lines for k in range(len(fields) - 1)]
    return sum(1 for first in after if first and first[0][0] == " ") > SPACED * len(after)


def _agreeing(split: list[list[Field]]) -> list[list[int]]:
    """Runs of three lines or more that split into as many fields, three at least (a line
    between two runs of one count, misread, is left out)."""
    runs: list[tuple[int, list[int]]] = []
    for k, fields in enumerate(split):
        if runs and runs[-1][0] == len(fields):
            runs[-1][1].append(k)
        elif len(runs) >= 2 and runs[-2][0] == len(fields) and len(runs[-1][1]) == 1:
            runs.pop()
            runs[-1][1].append(k)
        else:
            runs.append((len(fields), [k]))
    return [lines for count, lines in runs if count >= MIN_FIELDS and len(lines) >= 3]


def read_delimited(words: list[Word]) -> tuple[list[Table], list[Word]]:
    """The tables typed as delimited text among ``words``, and the words left over."""
    if not words:
        return [], words
    lines = ocr.group_lines(words)
    advance = _advance(words)
    typed = []
    for line in lines:
        kept = _without_gutter(words, line, advance)
        typed.append(_typed(words, kept, min(advance, _advance([words[i] for i in kept]))))
    tables = []
    used: set[int] = set()
    for run in _blocks(typed):
        block = [typed[k] for k in run]
        if len(block) < 3:
            continue
        found = _read_block(block, words)
        if found is None:
            continue
        table, lines_used = found
        tables.append(table)
        for k in lines_used:
            used.update(lines[run[k]])
    if not tables:
        return [], words
    return tables, [w for i, w in enumerate(words) if i not in used]
