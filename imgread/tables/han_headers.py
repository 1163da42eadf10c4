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
from ..record import Cell, Table
from ..units import column_quantity, parse_number
from .bands import joined_text
from .cells import original_crop, second_engine
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
    """On a Han page, each column name the page read in part, and in a header set in
    capitals each such name over numbers, is completed by the second engine's reading of
    the name's region (see the module's docstring)."""
    if not second_engine(settings) or not table.header_rows:
        return
    header = table.header_rows[0]
    if ocr.is_chinese(settings.lang):
        wanted = set(range(table.n_cols))
    elif in_capitals(header):
        wanted = set(numeric_columns(table))
    else:
        return
    boxed = [cell.box for cell in header if cell.box is not None]
    if not boxed:
        return
    top, bottom = min(box.y1 for box in boxed), max(box.y2 for box in boxed)
    glyph = float(median(box.height for box in boxed))
    for cell in header:
        if not cell.text or cell.col >= len(layout.spans) or _named(cell.text):
            continue
        if cell.col not in wanted:
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
