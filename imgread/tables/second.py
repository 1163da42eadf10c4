"""The second engine's opinion: doubtful cells (and a header the page read nothing of)
read by RapidOCR on the original pixels; the two readings vote, and a disagreement is a
flag with both readings as evidence.
"""

from __future__ import annotations

import re
from statistics import median
from typing import TYPE_CHECKING

from ..config import OcrSettings
from ..names import closest_benchmark, is_known_benchmark
from ..ocr import rapid
from ..ocr.script import HAN, HANGUL, KANA
from ..ocr.vote import Vote, vote
from ..record import Box, Cell, Flag, Table
from ..units import (
    column_quantity,
    is_missing,
    parse_number,
)

if TYPE_CHECKING:
    from ..preprocess import Prepared

from ..ocr.rapid import wanted as second_engine
from .cell_boxes import box_inside
from .cells import CJK_MAGNITUDE_RE, cell_region, original_crop
from .columns import model_column, numeric_columns
from .lines import tidy_label, without_leader
from .name_rereads import band_above, set_header

# Mean Tesseract confidence of a table's cells under which every cell is read again.
POORLY_READ = 75.0
# RapidOCR's confidence a reading of a cell the page found empty needs (noise reads too).
EMPTY_CELL_CONFIDENCE = 90.0


def _single_line(box: Box | None, glyph: float) -> bool:
    return box is not None and box.height < 1.7 * glyph


def name_region(spans: list[tuple[int, int]], column: int, top: int, bottom: int) -> Box:
    """Where a column's name is, between ``top`` and ``bottom``: its span, a little inset;
    the outer columns reach out, since names are often wider than the cells below."""
    x1, x2 = spans[column]
    inset = (x2 - x1) // 20
    left = x1 - (x2 - x1) if column == 0 else x1 + inset
    right = x2 + (x2 - x1) if column == len(spans) - 1 else x2 - inset
    return Box(x1=max(0, left), y1=top, x2=right, y2=bottom)


def own_name_region(header: list[Cell], spans: list[tuple[int, int]], cell: Cell, top: int,
                    bottom: int) -> Box:
    """Where ``cell``'s name is: its column's name region, widened to take in all the page
    read of the name and kept off the names the page read beside it. A name set right over
    its column hangs into the span before ("MMLU (5-shot)" over a narrow column): the
    region must not take its first letters, nor cut a word of its own name ("BBH" read
    "H" where the span began)."""
    region = name_region(spans, cell.col, top, bottom)
    if cell.box is not None:
        region = region.union(cell.box)
    for other in header:
        if other.box is None or other is cell or not other.text:
            continue
        if other.col < cell.col and other.box.x2 < (cell.box.x1 if cell.box else region.x2):
            region = region.model_copy(update={"x1": max(region.x1, other.box.x2 + 1)})
        if other.col > cell.col and other.box.x1 > (cell.box.x2 if cell.box else region.x1):
            region = region.model_copy(update={"x2": min(region.x2, other.box.x1 - 1)})
    return region


def named_in_cjk_quantity(name: str) -> bool:
    """A parameters or tokens column named in Chinese, Japanese or Korean ("参数量", "토큰")."""
    return column_quantity(name) is not None and any(
        pattern.search(name) for pattern in (HAN, KANA, HANGUL)
    )


# A change's arrow ("↑2.3", "↓0.4") read by Tesseract as a "1", surely: every number of
# the column then opens with a 1 and a digit before its point ("12.3", "10.4").
_ARROW_AS_ONE_RE = re.compile(r"^1\d[.,]\d+$")


def arrows_read_as_ones(table: Table, c: int) -> bool:
    """Every filled cell of column ``c`` (three at least) reads "1" and a digit before its
    point: a change column's arrows may have been read as that "1", which the second
    engine reads as marks. Scores of 10 to 19 read alike, and read alike again."""
    texts = [row[c].text.strip() for row in table.body]
    texts = [text for text in texts if text and not is_missing(text)]
    return len(texts) >= 3 and all(_ARROW_AS_ONE_RE.match(text) for text in texts)


def doubtful_cells(
    table: Table, spans: list[tuple[int, int]], glyph: float, below: float
) -> list[tuple[Cell, Box, bool]]:
    """Cells worth a second reading: numbers, model names and column names read with less
    than ``below`` confidence (or a number that does not parse); each with where it is and
    whether it holds a number. Names on two lines are left out: the second reader reads
    one line."""
    numeric = set(numeric_columns(table))
    names = model_column(table)
    # Columns whose cells print Chinese magnitudes (万亿), or may (a quantity named in CJK
    # script, "参数量"): a cell of one that prints none may have had its magnitude read as
    # digits ("1.4712", "70亿" as "7042,"); the second engine reads Han.
    magnitudes = {
        c for c in numeric
        if any(CJK_MAGNITUDE_RE.search(row[c].text) for row in table.body)
        or (c < len(table.columns) and named_in_cjk_quantity(table.columns[c]))
    }
    arrowed = {c for c in numeric if arrows_read_as_ones(table, c)}
    found = []
    for r, row in enumerate(table.body):
        for c, cell in enumerate(row):
            if c in arrowed and cell.text and not is_missing(cell.text):
                found.append((cell, cell_region(table, spans, r, c), True))
                continue
            if (
                c in magnitudes
                and cell.text
                and not is_missing(cell.text)  # a dash the second engine reads as "1"
                and not CJK_MAGNITUDE_RE.search(cell.text)
            ):
                found.append((cell, cell_region(table, spans, r, c), True))
                continue
            if c == names and not cell.text and any(other.value is not None for other in row):
                # a row of scores whose name the page could not read at all
                found.append((cell, cell_region(table, spans, r, c), False))
                continue
            if not cell.text and c in numeric and cell.readings.get("numeric"):
                # the page read nothing where the cell's own re-read found a number (a
                # lone small digit, "7", is often dropped by both Tesseract passes' trust)
                found.append((cell, cell_region(table, spans, r, c), True))
                continue
            if not cell.text or is_missing(cell.text):
                continue
            unsure = cell.confidence < below
            if c == names:
                if unsure and _single_line(cell.box, glyph):
                    assert cell.box is not None
                    found.append((cell, cell.box, False))
            elif unsure or (c in numeric and cell.value is None):
                # A score column read so badly that it no longer looks numeric is still
                # one: any cell outside the names may hold a number.
                found.append((cell, cell_region(table, spans, r, c), True))
    header = table.header_rows[0] if table.header_rows else []
    boxed = [cell.box for cell in header if cell.box is not None]
    usual = float(median(box.height for box in boxed)) if boxed else 0.0
    for cell in header:
        # A column name's box often takes in the edges of the band it is printed on.
        near_known = cell.text and closest_benchmark(cell.text) is not None
        if cell.text and (cell.confidence < below or near_known) and _single_line(
            cell.box, 1.8 * glyph
        ):
            assert cell.box is not None
            region = cell.box
            if region.height < 0.6 * usual and cell.col < len(spans):
                # a box far shorter than its neighbours' holds a fragment (bold Han read
                # as "Wiel"): the second engine reads the whole name where it would be
                top, bottom = min(box.y1 for box in boxed), max(box.y2 for box in boxed)
                region = own_name_region(header, spans, cell, top, bottom)
            found.append((cell, region, False))
        elif not cell.text and boxed and cell.col < len(spans):
            # Not found on the page (light text on a band): where its name would be.
            top, bottom = min(box.y1 for box in boxed), max(box.y2 for box in boxed)
            found.append((cell, own_name_region(header, spans, cell, top, bottom), False))
    return found


def boxed_ones(
    table: Table, spans: list[tuple[int, int]], prepared: Prepared, glyph: float,
    taken: set[int],
) -> list[tuple[Cell, Box, bool]]:
    """Numbers read with a leading "1" in a coloured box set inside their cell, however
    sure the page's reading: the box's edge beside the digits reads as that "1" ("42.0"
    read "142.0"), and the second engine, reading inside the box, has the other word."""
    found = []
    for c in numeric_columns(table):
        for r, row in enumerate(table.body):
            cell = row[c]
            if id(cell) in taken or not cell.text.lstrip("|").startswith("1"):
                continue
            region = cell_region(table, spans, r, c)
            if box_inside(original_crop(prepared, region, glyph), glyph) is not None:
                found.append((cell, region, True))
    return found


def read_missing_header(
    table: Table, spans: list[tuple[int, int]], prepared: Prepared, glyph: float
) -> None:
    """A table whose header the page read nothing of (light names on a dark band): the
    band just above the first row is read column by column; names read surely (most
    columns) become the header."""
    band = band_above(table, glyph)
    if band is None:
        return
    cells = []
    regions = [name_region(spans, c, band.y1, band.y2) for c in range(len(spans))]
    readings = rapid.texts([original_crop(prepared, region, glyph) for region in regions])
    for c, (region, (text, confidence)) in enumerate(zip(regions, readings, strict=True)):
        sure = (
            confidence >= EMPTY_CELL_CONFIDENCE
            and bool(text)
            and parse_number(text, whole=True) is None
        )
        cells.append(
            Cell(
                row=0,
                col=c,
                text=text if sure else "",
                box=region if sure else None,
                confidence=round(confidence, 1) if sure else 0.0,
                readings={rapid.NAME: text},
            )
        )
    if sum(1 for cell in cells if cell.text) >= max(2, 0.5 * len(cells)):
        set_header(table, cells)


def second_opinion(
    table: Table, spans: list[tuple[int, int]], prepared: Prepared, settings: OcrSettings
) -> list[Flag]:
    """Doubtful cells read by the second engine; the two readings vote (``ocr.vote``).
    Agreement raises the cell's confidence; disagreement keeps the better-supported reading
    and is flagged with both readings as evidence."""
    if not second_engine(settings):
        return []
    heights = [cell.box.height for row in table.body for cell in row if cell.box is not None]
    glyph = float(median(heights)) if heights else prepared.x_height * 1.4
    if not any(cell.text for row in table.header_rows for cell in row):
        read_missing_header(table, spans, prepared, glyph)
    flags = []
    header = set(map(id, table.header_rows[0])) if table.header_rows else set()
    read = [cell.confidence for row in table.body for cell in row if cell.text]
    below = settings.second_opinion_below
    if read and sum(read) / len(read) < POORLY_READ:
        below = 101.0  # a table read this poorly: every cell gets the second reading
    doubtful = doubtful_cells(table, spans, glyph, below)
    boxed = boxed_ones(table, spans, prepared, glyph, {id(cell) for cell, _, _ in doubtful})
    doubtful += boxed
    edged = {id(cell) for cell, _, _ in boxed}
    readings = rapid.texts(
        [original_crop(prepared, region, glyph, lose_rules=numeric)
         for _, region, numeric in doubtful]
    )
    for (cell, _, numeric), (text, confidence) in zip(doubtful, readings, strict=True):
        if not text and not confidence:
            continue  # nothing there to read
        if not cell.text and confidence < EMPTY_CELL_CONFIDENCE:
            continue  # where the page found nothing, only a sure reading counts
        result = vote(cell.text, cell.confidence, text, confidence, numeric=numeric,
                      edged=id(cell) in edged)
        cell.readings[rapid.NAME] = text
        before = cell.text
        # The second engine reads the original pixels, where a leader still runs.
        cell.text, cell.confidence = without_leader(result.text), result.confidence
        if id(cell) in header and is_known_benchmark(text) and not is_known_benchmark(before):
            # The second engine reads a known benchmark where the first read a near miss
            # ("MLU" for MMLU): two witnesses, the lexicon and the engine, outvote one.
            cell.text, cell.confidence = text, max(confidence, result.confidence)
        if numeric:
            cell.value = None if is_missing(cell.text) else parse_number(cell.text)
        if id(cell) in header:
            cell.text = tidy_label(cell.text)  # the second engine's reading tidied too
            table.columns[cell.col] = cell.text
        if not result.agreed and text:
            where = "column name" if id(cell) in header else f"row {cell.row + 1}"
            flags.append(
                disagreement(
                    f"{where}, column {cell.col + 1}", before, text, result, numeric,
                    row="header" if id(cell) in header else cell.row, col=cell.col,
                )
            )
    return flags


def disagreement(
    where: str, page: str, neural: str, result: Vote, numeric: bool, **position: object
) -> Flag:
    """The flag for two engines that read a cell differently, both readings as evidence
    (a number's disagreement is a warning: a score may be wrong)."""
    return Flag(
        kind="engines_disagree",
        message=f"{where}: Tesseract read {page!r}, RapidOCR {neural!r}; "
        f"kept {result.text!r} ({result.winner})",
        severity="warning" if numeric else "info",
        source="ocr",
        span=result.text,
        evidence={
            **position,
            "readings": result.readings,
            "confidences": result.confidences,
            "kept": result.winner,
        },
    )
