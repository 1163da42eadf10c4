"""Column names on a Chinese page, read again by the engine that reads both scripts.

On a page read with ``chi_sim+eng``, Tesseract drops pieces of mixed-script column names
it reads surely: "C-Eval" comes back as "Eval", "CEval" or "va" (the "C-" set apart on a
coloured band, or on a line of its own where the name wraps), "参数量" as "参数", "训练数据"
as "训练". Its confidence stays high, so no doubtful-cell re-read asks again. RapidOCR's
PP-OCR model reads Chinese and Latin script in one model; each column's name region is
read by it (lines found by its detector, so a name wrapped onto two lines is read whole),
and its reading replaces the page's only where it keeps every character the page read, in
order, and adds some (a reading that only completes, never contradicts, the page's), and
where it names a known benchmark or a quantity that the page's reading did not: a column
name that overflows into its neighbour's region ("MMLU" beside "CMMLU") is not taken.

A header set in small grey capitals (a web card's "MMLU", "MBPP", "MMLU-PRO" at 10-11 px,
letter-spaced) loses letters the same way on any page, surely: "MML", "MBP", "A" for
"MATH", and every score of the column is then filed under a name no benchmark has. Where
most of the header's names are in capitals, each name over a column of numbers that is not
yet a known benchmark is completed by the same reading, on the same terms.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING

from .. import ocr
from ..config import OcrSettings
from ..names import is_known_benchmark
from ..ocr import rapid
from ..ocr.rapid import wanted as second_engine
from ..record import Box, Cell, Table
from ..units import column_quantity, parse_number
from .bands import joined_text
from .cells import original_crop
from .columns import numeric_columns
from .lines import Layout, tidy_label
from .second import own_name_region

if TYPE_CHECKING:
    from ..preprocess import Prepared

# RapidOCR's confidence (0..100) a completed name needs on every line it read.
SURE = 90.0


def _keeps(page: str, fuller: str) -> bool:
    """Every letter, digit and Han character of ``page`` is in ``fuller``, in order, and
    ``fuller`` has more of them."""
    kept = [ch for ch in page if ch.isalnum()]
    more = [ch for ch in fuller if ch.isalnum()]
    if not kept or len(more) <= len(kept):
        return False
    position = 0
    for ch in more:
        if position < len(kept) and ch.lower() == kept[position].lower():
            position += 1
    return position == len(kept)


def _named(text: str) -> bool:
    return is_known_benchmark(text) or column_quantity(text) is not None


def in_capitals(header: list[Cell]) -> bool:
    """Most of the header's names (two at least) are written in capitals alone."""
    named = [cell.text for cell in header if any(ch.isalpha() for ch in cell.text)]
    capitals = [text for text in named if not any(ch.islower() for ch in text)]
    return len(capitals) >= 2 and len(capitals) > 0.5 * len(named)


def complete_headers(
    table: Table, layout: Layout, prepared: Prepared, settings: OcrSettings
) -> None:
    """On a Han page, each column name the page read in part is completed by the second
    engine's reading of the name's region; in a header set in capitals, each such name over
    numbers by its reading of the header line (see the module's docstring)."""
    if not second_engine(settings) or not table.header_rows:
        return
    header = table.header_rows[0]
    chinese = ocr.is_chinese(settings.lang)
    if not chinese and not in_capitals(header):
        return
    boxed = [cell.box for cell in header if cell.box is not None]
    if not boxed:
        return
    top, bottom = min(box.y1 for box in boxed), max(box.y2 for box in boxed)
    glyph = float(median(box.height for box in boxed))
    if not chinese:
        _complete_capitals(table, layout, prepared, set(numeric_columns(table)),
                           (top, bottom, glyph))
        return
    for cell in header:
        if not cell.text or cell.col >= len(layout.spans) or _named(cell.text):
            continue
        region = own_name_region(header, layout.spans, cell, top, bottom)
        lines = rapid.read(original_crop(prepared, region, glyph), detect=True)
        if not lines or min(score for _, score, _ in lines) * 100 < SURE:
            continue
        lines.sort(key=lambda line: (line[2].y1, line[2].x1))
        text = lines[0][0].strip()
        for line in lines[1:]:
            text = joined_text(text, line[0].strip())
        text = tidy_label(text)
        if parse_number(text, whole=True) is not None or not _named(text):
            continue
        if not _keeps(cell.text, text):
            continue
        cell.readings.update({"page": cell.readings.get("page", cell.text), rapid.NAME: text})
        cell.text = text
        table.columns[cell.col] = text


def _words_across(text: str, x1: float, x2: float) -> list[tuple[str, float, float]]:
    """The words of a line the detector found whole, each with the stretch of the line its
    characters take (capitals are about as wide as each other)."""
    per_char = (x2 - x1) / max(len(text), 1)
    words, start = [], 0
    for word in text.split(" "):
        if word:
            words.append((word, x1 + start * per_char, x1 + (start + len(word)) * per_char))
        start += len(word) + 1
    return words


def _complete_capitals(table: Table, layout: Layout, prepared: Prepared, wanted: set[int],
                       band: tuple[int, int, float]) -> None:
    """A header in small capitals: the whole header line is read by the second engine at
    once (its detector finds each letter-spaced name whole, where a column's own region
    cuts a name wider than its numbers: "MMLU-PR"), each name it finds goes to the column
    its middle stands over, and a sure reading that names a known benchmark no other
    column has replaces a name the page misread ("BF", "M", "LU-PR"). Two witnesses, the
    engine and the lexicon, outvote the page's reading of pale capitals, which may hold
    no letter of the name."""
    if prepared.angle != 0.0:
        return
    top, bottom, glyph = band
    spans = layout.spans
    header = table.header_rows[0]
    pad = max(2, int(glyph * 0.3))  # as ``original_crop`` pads its crop
    left = max(0, spans[0][0] - (spans[0][1] - spans[0][0]))
    region = Box(x1=left, y1=top, x2=spans[-1][1] + (spans[-1][1] - spans[-1][0]), y2=bottom)
    found: dict[int, tuple[str, float]] = {}
    origin = max(0, left - pad)
    for text, score, box in rapid.read(original_crop(prepared, region, glyph), detect=True):
        for word, x1, x2 in _words_across(text, origin + box.x1, origin + box.x2):
            column = max(range(len(spans)),
                         key=lambda c: min(x2, spans[c][1]) - max(x1, spans[c][0]))
            name = tidy_label(word)
            if column in found or score * 100 < SURE or not is_known_benchmark(name):
                found[column] = ("", 0.0)  # two names over a column, or unsure: no witness
                continue
            found[column] = (name, score * 100)
    taken = {cell.text.lower() for cell in header}
    for cell in header:
        name, score = found.get(cell.col, ("", 0.0))
        if cell.col not in wanted or _named(cell.text) or not name or name.lower() in taken:
            continue
        cell.readings.update({"page": cell.readings.get("page", cell.text), rapid.NAME: name})
        cell.text, cell.confidence = name, max(cell.confidence, score)
        taken.add(name.lower())
        table.columns[cell.col] = name
