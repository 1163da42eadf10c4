"""Footnote marks a paper sets raised after a value, a model's name or a column name
("45.7‡", "71.2*", "68.4¹", "Gemma-2B‡", "MMLU†"): small glyphs OCR reads as "{", "°", a
quote, an asterisk, a superscript, or as a digit or letter glued on ("45.77", "Model-7B1").
No number and no model name ends in one.

A glyph no value can end in is cut wherever it is read. A digit or letter is cut only on the
pixels' word: the ink after the last glyph on the baseline sits well above that baseline and
is smaller than the glyphs before it (a decimal point sits on the baseline, a minus sign
comes first and a wrapped name's hyphen reaches no higher than the middle); a number must
also print one decimal more than its column does."""

from __future__ import annotations

import re
from collections import Counter
from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from ..names import is_known_benchmark
from ..ocr import rapid
from ..record import Box, Cell, Flag, Table, Word
from .cells import original_crop
from .columns import model_column, numeric_columns
from .repairs import repair_cell, shape

if TYPE_CHECKING:
    from ..preprocess import Prepared

# What a raised "*", "†", "‡", "§", a superscript or a letter-less mark reads as at a
# name's end.
RAISED_MARKS = "{}°\"'`^*†‡§¶“”‘’¹²³⁴⁵⁶⁷⁸⁹⁰ᵃᵇᶜ"
# What stays must end as a name does: a letter, a digit or a closing bracket.
_NAME_END_RE = re.compile(r"[A-Za-z0-9)\]]$")
# A number followed by glyphs no number ends in: "28.0°", "51.0\"", "55.1¹".
_MARKED_NUMBER_RE = re.compile(rf"^([-+\u2212]?\d[\d.,]*%?)[{re.escape(RAISED_MARKS)}]+$")
# A number and what follows it in a cell: "52.0a", "53.0 t", "37.38".
_NUMBER_AND_TAIL_RE = re.compile(r"^([-+\u2212]?\d[\d.,]*\d|\d)(\s?[^\d\s.,%]{1,2})?$")

# The ink after a text's last baseline glyph is a raised mark when its bottom is this much
# of the glyphs' height above their baseline, its top this high at least (a hyphen's is
# about half), and it is no taller than this.
RAISED_BOTTOM = 0.25
RAISED_TOP = 0.7
RAISED_HEIGHT = 1.05
# Of the way from the ink's grey to the ground's: ink darker than this joins a glyph's
# faint hairlines to its stems (a pixel of ground between a mark and its glyph stays out;
# measured on serif and sans capitals, digits and marks drawn at 8 to 30 px).
FAINT_STROKE = 0.8
# Dagger readings and mark glyphs OCR sets apart as a word of their own ("t 95% Cl": a mark
# above the line may even be read first).
_LONE_MARKS = set(RAISED_MARKS) | set("tf+")
# A raised citation read whole, or with its closing bracket lost: "[3]", "[12", "[3)".
_CITATION_RE = re.compile(r"\s?\[\d{1,3}[\])]?$")
_CLOSING = {")": "(", "]": "[", "）": "（"}


def without_marked_numbers(words: list[Word]) -> list[Word]:
    """The page's words with the mark glyphs cut off the numbers they follow ("28.0°" is
    28.0), before the table is laid out: a column of such cells was no column of numbers."""
    kept = []
    for word in words:
        match = _MARKED_NUMBER_RE.match(word.text)
        kept.append(word.model_copy(update={"text": match.group(1)}) if match else word)
    return kept


def _window(prepared: Prepared, box: Box) -> np.ndarray:
    """The prepared image's grey inside ``box``. Only ink inside the box: a mark beyond
    the box OCR gave its reading was not read."""
    s = prepared.scale
    x1, x2 = max(0, int(box.x1 * s) - 1), int(box.x2 * s) + 2
    y1, y2 = max(0, int(box.y1 * s) - 1), int(box.y2 * s) + 2
    return prepared.grey[y1:y2, x1:x2]


def _ink_pieces(window: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The glyphs of ink in ``window`` (x, y, width, height), ruling lines across it or down
    it aside. Small type scaled up draws a serif letter's hairlines lighter than its stems,
    so a "P"'s bowl, a "U"'s right stem or a "7"'s slant stands apart at the ink threshold:
    pieces that fainter ink joins are one glyph (a mark is set apart by the ground)."""
    if window.shape[0] < 4 or window.shape[1] < 4:
        return []
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        (window < 128).astype(np.uint8), connectivity=8
    )
    kept = []
    for i in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[i])
        # A rule runs from edge to edge of the window; an "l" stands inside it.
        across = x == 0 and x + w == window.shape[1] and h <= 3
        down = y == 0 and y + h == window.shape[0] and w <= 3
        if area >= 2 and not across and not down:
            kept.append(i)
    ink, ground = np.percentile(window, (2, 90))
    faint = window < max(128.0, ink + FAINT_STROKE * (ground - ink))
    faint[(labels > 0) & ~np.isin(labels, kept)] = False  # no joining through a rule
    _, glyph_of = cv2.connectedComponents(faint.astype(np.uint8), connectivity=8)
    glyphs: dict[int, list[int]] = {}
    for i in kept:
        x, y, w, h = (int(v) for v in stats[i][:4])
        box = glyphs.setdefault(int(glyph_of[labels == i][0]), [x, y, x + w, y + h])
        box[:] = [min(box[0], x), min(box[1], y), max(box[2], x + w), max(box[3], y + h)]
    return [(x1, y1, x2 - x1, y2 - y1) for x1, y1, x2, y2 in glyphs.values()]


def ends_in_raised_mark(prepared: Prepared, box: Box | None) -> bool:
    """The ink in ``box`` ends in a raised mark: after the last piece that reaches the
    baseline, pieces that all sit well above it, reach up to the glyphs' tops, and are no
    taller than the glyphs (a superscript "§" is nearly as tall)."""
    return raised_mark_start(prepared, box) is not None


def raised_mark_start(prepared: Prepared, box: Box | None) -> float | None:
    """Where (upright x) the raised mark the ink in ``box`` ends in starts, or None where
    it ends in none (``ends_in_raised_mark``)."""
    if box is None:
        return None
    window = _window(prepared, box)
    pieces = _ink_pieces(window)
    if len(pieces) < 3:
        return None
    tallest = max(h for _, _, _, h in pieces)
    glyphs = [p for p in pieces if p[3] >= 0.5 * tallest]
    if len(glyphs) < 2:
        return None
    baseline = float(median(y + h for _, y, _, h in glyphs))
    standing = [h for _, y, _, h in glyphs if abs(y + h - baseline) <= 0.15 * tallest]
    standing = standing or [h for _, _, _, h in glyphs]
    # The height of digits, capitals and ascenders: a name's lower-case letters are shorter.
    cap = max(standing)
    height = float(median(h for h in standing if h >= 0.8 * cap))
    on_baseline = [p for p in pieces if p[1] + p[3] >= baseline - 0.2 * height]
    end = max(x + w for x, _, w, _ in on_baseline)
    tail = [p for p in pieces if p[0] >= end and p[2] * p[3] >= 0.02 * height**2]  # no specks
    if not tail or min(x for x, _, _, _ in tail) - end > height:
        return None
    top, bottom = min(y for _, y, _, _ in tail), max(y + h for _, y, _, h in tail)
    lines = max(y + h for _, y, _, h in pieces) - min(y for _, y, _, _ in pieces)
    raised = (
        lines <= 1.9 * cap  # one line of text: a wrapped cell's lines are no mark
        and bottom <= baseline - RAISED_BOTTOM * height
        and top <= baseline - RAISED_TOP * height
        and bottom - top <= RAISED_HEIGHT * height
        and bottom - top >= 0.15 * height
    )
    start = max(0, int(box.x1 * prepared.scale) - 1) + min(x for x, _, _, _ in tail)
    return start / prepared.scale if raised else None


def _without_mark(text: str) -> str | None:
    """``text`` less the trailing characters a raised mark was read as: a bracketed
    citation or a run of mark glyphs, else one letter or digit (the pixels said there is a
    mark). None where what stays would end no name, or where the text ends in a bracket it
    opened (the mark was not read at all)."""
    stripped = text.rstrip()
    words = stripped.split()
    lone = [i for i, word in enumerate(words) if len(word) == 1 and word in _LONE_MARKS]
    stem = _CITATION_RE.sub("", stripped).rstrip(RAISED_MARKS).rstrip()
    if len(words) >= 2 and lone:
        stem = " ".join(words[: lone[-1]] + words[lone[-1] + 1 :])
    elif stem == stripped and _closes_its_bracket(stripped):
        return None  # "GSM8K (pass@1)": the ")" is the name's own; the mark went unread
    elif stem == stripped:
        stem = stripped[:-1].rstrip()
    return stem if len(stem) >= 2 and _NAME_END_RE.search(stem) else None


def _closes_its_bracket(text: str) -> bool:
    """``text`` ends in a closing bracket that an opening one before it opened: no mark is
    read as a bracket that pairs with one in the name."""
    opening = _CLOSING.get(text[-1:])
    return opening is not None and text.count(opening) >= text.count(text[-1])


def _column_places(table: Table, column: int) -> int | None:
    """The decimals most of a column's numbers print, where two or more agree. A mark read
    as a digit adds a decimal and never takes one away: of as many cells printing d and
    d + 1 decimals, the column prints d."""
    printed = [shape(row[column].text)[0] for row in table.body if row[column].value is not None]
    counted = Counter(places for places in printed if places is not None)
    most = max(counted.values(), default=0)
    return min(places for places, count in counted.items() if count == most) if most >= 2 else None


def _number_without_mark(text: str, places: int | None) -> str | None:
    """A number read with a raised mark after it, without the mark: letters or glyphs after
    the number ("52.0a", "53.0 t"), or one decimal more than its column prints ("45.77"
    where the column prints one)."""
    match = _NUMBER_AND_TAIL_RE.match(text.strip())
    if not match:
        return None
    number, tail = match.group(1), match.group(2)
    if tail:
        return number
    decimals = shape(number)[0]
    if places is not None and decimals == places + 1 and places >= 1:
        return number[:-1]
    return None


def _mark_read_apart(cell: Cell) -> bool:
    """Another reading of the cell is its text with more after it ("Pythia-12B*" beside
    "Pythia-12B"): the text holds nothing of the mark."""
    text = cell.text.strip()
    return any(
        reading.strip().startswith(text) and len(reading.strip()) > len(text)
        for reading in cell.readings.values()
    )


def _letter_before_mark(prepared: Prepared, cell: Cell, start: float) -> bool:
    """The text's last glyph is the name's own, not the mark read as a letter or digit:
    the ink before the mark, read again alone, still ends in it, as long as the text.
    OCR may keep a mark's ink in a word's box and drop its reading ("Model-Base" for
    "Model-Base†"); a mark read as a glyph ("Model-7B1") is gone from the ink before it."""
    text = cell.text.strip()
    box = cell.box
    if box is None or not rapid.available():
        return False
    glyph = float(box.height)
    pad = max(2, int(glyph * 0.3))  # as ``original_crop`` pads: its crop ends at the mark
    if start - pad <= box.x1 + glyph:
        return False
    region = Box(x1=box.x1, y1=box.y1, x2=int(start) - pad, y2=box.y2)
    reading = rapid.texts([original_crop(prepared, region, glyph)])[0][0].replace(" ", "")
    return len(reading) >= len(text.replace(" ", "")) and reading[-1:] == text[-1:]


def _marked(prepared: Prepared, cell: Cell, after: str | None = None) -> bool:
    """The pixels show a raised mark at the cell's end, and ``after`` (the text less what
    the mark was read as, where that is a last letter or digit) does not cut the name's own
    last glyph."""
    if _mark_read_apart(cell):
        return False
    start = raised_mark_start(prepared, cell.box)
    if start is None:
        return False
    text = cell.text.rstrip()
    one_glyph = after is not None and after == text[:-1].rstrip() and text[-1:].isalnum()
    return not (one_glyph and _letter_before_mark(prepared, cell, start))


def strip_raised_tails(table: Table, prepared: Prepared | None) -> list[Flag]:
    """Cut the raised marks the pixels show after numbers, model names and column names,
    each an ``ocr_repaired`` flag."""
    if prepared is None:
        return []
    flags = []
    numbers = numeric_columns(table)
    for c in numbers:
        places = _column_places(table, c)
        for row in table.body:
            cell = row[c]
            after = _number_without_mark(cell.text, places)
            if after is not None and _marked(prepared, cell):
                why = "a raised footnote mark after the number"
                flags.append(repair_cell(table, cell, after, why))
    names = model_column(table)
    if names is not None and names not in numbers:
        for row in table.body:
            cell = row[names]
            after = _without_mark(cell.text)
            if after is not None and _marked(prepared, cell, after):
                why = "a raised footnote mark after the name"
                flags.append(repair_cell(table, cell, after, why))
                cell.value = None
    for header in table.header_rows[-1:]:
        for cell in header:
            after = _without_mark(cell.text)
            if after is None or _named_whole(cell.text, after):
                continue
            if not _marked(prepared, cell, after):
                continue
            before = cell.text
            cell.text = after
            if cell.col < len(table.columns) and table.columns[cell.col].endswith(before):
                table.columns[cell.col] = table.columns[cell.col][: -len(before)] + after
    return flags


def _named_whole(text: str, after: str) -> bool:
    """A known benchmark's name that the cut would make unknown ("MBPP" to "MBP"): its last
    letter is its own. Pale capitals lose a stem in the binarised page, and a "P" whose stem
    is gone shows only its bowl, raised like a mark."""
    return is_known_benchmark(text) and not is_known_benchmark(after)


def strip_raised_marks(table: Table) -> list[Flag]:
    """Cut the raised marks off the end of each model name, each an ``ocr_repaired`` flag."""
    column = model_column(table)
    if column is None or column in numeric_columns(table):
        return []
    flags = []
    for row in table.body:
        cell = row[column]
        text = cell.text.rstrip()
        stem = text.rstrip(RAISED_MARKS).rstrip()
        if stem != text and len(stem) >= 2 and _NAME_END_RE.search(stem):
            flags.append(repair_cell(table, cell, stem, "a raised footnote mark after the name"))
            cell.value = None
    return flags
