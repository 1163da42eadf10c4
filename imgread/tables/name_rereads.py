"""Column names and model names read again: a header band the page missed read as one
line, names read with low confidence read larger, wrapped names read line by line.

A score is only as findable as its column's and its model's names.
"""

from __future__ import annotations

from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING

from .. import ocr
from ..config import OcrSettings
from ..ocr import rapid
from ..ocr.vote import vote
from ..record import Box, Cell, Table, Word

if TYPE_CHECKING:
    from ..preprocess import Prepared

from ..ocr.rapid import wanted as second_engine
from .cells import (
    crop_for_reread,
    original_crop,
    read_crops,
    reread_frame,
    reread_text,
    strip_of,
)
from .columns import model_column, numeric_columns
from .header_gaps import settle_gap_pieces
from .layout import chunks_by_column
from .lines import LOW_CONFIDENCE, Layout, clean_words, header_column, left_set, tidy_label


def band_words(
    prepared: Prepared, band: Box, glyph: float, settings: OcrSettings
) -> list[Word]:
    """The words of one band of the page (a header line), read larger in one engine call,
    with boxes in loaded-image pixels."""
    crop, left, top, factor = reread_frame(prepared.grey, band, prepared.scale, glyph)
    if not crop.size:
        return []
    strip, bands = strip_of([crop])
    words, _ = clean_words(ocr.read_words(strip, settings, psm=6, numeric=False))
    gap = (strip.shape[1] - crop.shape[1]) // 2

    def back(x: float, y: float) -> tuple[int, int]:
        return (
            round(((x - gap) / factor + left) / prepared.scale),
            round(((y - bands[0][0]) / factor + top) / prepared.scale),
        )

    placed = []
    for word in words:
        x1, y1 = back(word.box.x1, word.box.y1)
        x2, y2 = back(word.box.x2, word.box.y2)
        placed.append(word.model_copy(update={"box": Box(x1=x1, y1=y1, x2=x2, y2=y2)}))
    return placed


def names_in_band(
    prepared: Prepared, band: Box, glyph: float, settings: OcrSettings, layout: Layout
) -> dict[int, list[Word]]:
    """A header band read again as one line, its words placed by column the way the
    page's are (a name wider than its column is not cut at the column's edge)."""
    words = band_words(prepared, band, glyph, settings)
    # The band may take in specks read as a line of junk above the names: the line read
    # most surely is the names.
    lines = [[words[i] for i in line] for line in ocr.group_lines(words)]
    words = max(
        lines,
        key=lambda line: sum(len(w.text) for w in line if w.confidence >= LOW_CONFIDENCE),
        default=[],
    )
    sure = [word for word in words if word.confidence >= LOW_CONFIDENCE]
    kept_words: list[tuple[Word, int]] = []
    previous: tuple[Box, int] | None = None
    for word in sorted(words, key=lambda w: w.box.x1):
        # A short unsure piece counts only touching a sure word ("T" of "Train"): alone it
        # is most often a speck of the band's edge. An unsure word is kept with its low
        # confidence: the second engine reads its box again and the two vote.
        kept = len(word.text) > 3 or any(
            other is not word
            and abs(other.box.cy - word.box.cy) < glyph / 2
            and min(abs(other.box.x1 - word.box.x2), abs(word.box.x1 - other.box.x2))
            < glyph / 2
            for other in sure
        )
        column = header_column(word.box, layout.ranges, layout.spans, previous, lowest=True)
        if column is not None and (word.confidence >= LOW_CONFIDENCE or kept):
            kept_words.append((word, column))
            chained = previous is not None and column == previous[1]
            previous = (
                (word.box, column)
                if chained or left_set(word.box, column, layout.ranges)
                else None
            )
    settled = settle_gap_pieces(
        [word.box for word, _ in kept_words], [column for _, column in kept_words], layout.ranges
    )
    placed: dict[int, list[Word]] = {}
    for (word, _), column in zip(kept_words, settled, strict=True):
        if column is not None:
            placed.setdefault(column, []).append(word)
    return placed


def read_header_band(
    table: Table, layout: Layout, prepared: Prepared, settings: OcrSettings
) -> None:
    """A table whose header the page read nothing of (tiny print on a grey band): the band
    above the first row is read again, larger, as one line; names for most columns
    become the header."""
    heights = [cell.box.height for row in table.body for cell in row if cell.box is not None]
    glyph = float(median(heights)) if heights else prepared.x_height * 1.4
    band = band_above(table, glyph)
    if band is None:
        return
    # Open at both sides: a name may reach past the outer columns' numbers.
    band = band.model_copy(update={"x1": 0, "x2": prepared.size[0]})
    placed = names_in_band(prepared, band, glyph, settings, layout)
    if len(placed) < max(2, 0.5 * len(layout.spans)):
        return
    cells = []
    for c in range(len(layout.spans)):
        words = placed.get(c, [])
        box = None
        for word in words:
            box = word.box if box is None else box.union(word.box)
        text = tidy_label(" ".join(word.text for word in words))
        cells.append(
            Cell(
                row=0,
                col=c,
                text=text,
                box=box,
                confidence=min((w.confidence for w in words), default=0.0),
                readings={"header": text} if text else {},
            )
        )
    set_header(table, cells)


def set_header(table: Table, cells: list[Cell]) -> None:
    """A header row found after the page's reading becomes the table's only one."""
    table.header_rows = [cells]
    table.columns = [cell.text for cell in cells]
    table.settings = [None] * len(cells)


def reread_headers(
    table: Table, layout: Layout, prepared: Prepared, settings: OcrSettings
) -> None:
    """Column names read with low confidence ("GSmsK") or not found at all (light text on a
    band at some scales) are read again. Every score in the column carries this name.
    Where several names are missing, the whole header line is read again and its words
    placed by column as the page's are: names wider than their column are not cut."""
    spans = layout.spans
    if not any(cell.text for row in table.header_rows for cell in row):
        read_header_band(table, layout, prepared, settings)
    if not table.header_rows:
        return
    boxed = [cell.box for cell in table.header_rows[0] if cell.box is not None]
    if not boxed:
        return
    top, bottom = min(box.y1 for box in boxed), max(box.y2 for box in boxed)
    glyph = float(median(box.height for box in boxed))
    missing = [cell for cell in table.header_rows[0] if cell.box is None]
    if len(missing) >= 2:
        band = Box(x1=spans[0][0], y1=top, x2=spans[-1][1], y2=bottom)
        placed = names_in_band(prepared, band, glyph, settings, layout)
        for cell in missing:
            words = placed.get(cell.col, [])
            if words:
                box = words[0].box
                for word in words[1:]:
                    box = box.union(word.box)
                cell.text = tidy_label(" ".join(word.text for word in words))
                cell.confidence = min(word.confidence for word in words)
                cell.box = box
                cell.readings.update({"page": "", "header": cell.text})
                table.columns[cell.col] = cell.text
    doubtful: list[tuple[Cell, Box]] = []
    for cell in table.header_rows[0]:
        if cell.box is None:
            x1, x2 = spans[cell.col]
            inset = (x2 - x1) // 20
            x1, x2 = beside_neighbours(table.header_rows[0], cell.col, x1 + inset, x2 - inset)
            doubtful.append((cell, Box(x1=x1, y1=top, x2=x2, y2=bottom)))
        elif cell.confidence < 85:
            doubtful.append((cell, cell.box))
    for cell in reread_text(doubtful, glyph, prepared, settings, "header"):
        table.columns[cell.col] = cell.text


def beside_neighbours(header: list[Cell], col: int, x1: int, x2: int) -> tuple[int, int]:
    """A missing name's place, cut back where its neighbours' names reach into its column's
    span (a long name over narrow numbers, "JEMHopQA" beside "平均"): read with it, their
    last or first letters join the name ("A 平均")."""
    left = [c.box.x2 + 2 for c in header if c.box is not None and c.col < col]
    right = [c.box.x1 - 2 for c in header if c.box is not None and c.col > col]
    start, end = max([x1, *left]), min([x2, *right])
    return (start, end) if end - start >= 4 else (x1, x2)  # no room left: as before


def reread_names(table: Table, prepared: Prepared, settings: OcrSettings) -> None:
    """Model names read with low confidence ("Liama 2 7B") are read again: a score is only
    as findable as its model's name."""
    column = model_column(table)
    if column is None or column in numeric_columns(table):
        return
    cells = [row[column] for row in table.body]
    boxed = [(cell, cell.box) for cell in cells if cell.box is not None]
    if not boxed:
        return
    glyph = float(median(box.height for _, box in boxed))
    edge = _left_edge([box for _, box in boxed], glyph)
    sparse = _sparse_names(boxed)
    doubtful = [
        (cell, box if edge is None else from_left_edge(box, edge, glyph))
        for cell, box in boxed
        if cell.confidence < 90 or id(cell) in sparse
    ]
    reread_text(doubtful, glyph, prepared, settings, "name")
    if second_engine(settings):
        _fill_gaps([(cell, box) for cell, box in doubtful if id(cell) in sparse], glyph, prepared)


# A name whose box is this much wider than its text needs, at the column's own width per
# character, lost letters between the words the page read ("Halde struct" over the ink of
# "Halden-3-9B-Instruct"): glyph widths vary far less over a dozen characters.
SPARSE_WIDTH = 1.35
# Names this long or longer measure the column's width per character.
MEASURED_NAME = 4


def _sparse_names(boxed: list[tuple[Cell, Box]]) -> set[int]:
    """The ids of the cells whose boxes hold far more ink than their text: the page read
    the ends of the name and lost its middle, each end surely."""
    widths = [
        box.width / len(cell.text) for cell, box in boxed if len(cell.text) >= MEASURED_NAME
    ]
    if len(widths) < 3:
        return set()
    usual = float(median(widths))
    return {
        id(cell)
        for cell, box in boxed
        if len(cell.text) >= MEASURED_NAME and box.width > SPARSE_WIDTH * usual * len(cell.text)
    }


def _fill_gaps(sparse: list[tuple[Cell, Box]], glyph: float, prepared: Prepared) -> None:
    """Sparse names read by the second engine: a reading that holds the page's words in
    order and more between or around them is the whole name (Tesseract, larger or not,
    may keep to "Halde struct")."""
    if not sparse:
        return
    readings = rapid.texts([original_crop(prepared, box, glyph) for _, box in sparse])
    for (cell, _), (text, _confidence) in zip(sparse, readings, strict=True):
        if _holds_in_order(text, cell.text.split()) and len(text) > len(cell.text):
            cell.readings.update({"page": cell.readings.get("page", cell.text), "gaps": text})
            cell.text = tidy_label(text)


def _holds_in_order(text: str, words: list[str]) -> bool:
    """Each of ``words`` is in ``text``, one after another."""
    at = 0
    for word in words:
        found = text.find(word, at)
        if found < 0:
            return False
        at = found + len(word)
    return bool(words)


def _left_edge(boxes: list[Box], glyph: float) -> int | None:
    """Where a name column set left starts: half its names or more start there, within a
    quarter of a glyph. None for names centred or set right."""
    edge = min(box.x1 for box in boxes)
    starting = [box for box in boxes if box.x1 - edge <= 0.25 * glyph]
    return edge if len(boxes) >= 3 and 2 * len(starting) >= len(boxes) else None


def from_left_edge(box: Box, edge: int, glyph: float) -> Box:
    """A doubtful name that starts a glyph or more after the column's left edge, where
    every sure name starts, lost its first word to the page's reading ("1.8B Instruct" for
    "Nimbus-1.8B Instruct" in a chat's code block): it is read again from the edge."""
    if box.x1 - edge < glyph:
        return box
    return Box(x1=edge, y1=box.y1, x2=box.x2, y2=box.y2)


def reread_wrapped_names(
    table: Table, layout: Layout, prepared: Prepared, settings: OcrSettings
) -> None:
    """A model name wrapped onto several lines, some read with low confidence (the top of
    a tightly ruled cell touches its rule): each such line is read again on its own, by
    Tesseract larger and by the second engine (which reads one line at a time), the two
    vote, and the lines are joined again. ``reread_names`` leaves these cells alone: it
    reads a cell's box as one line."""
    column = model_column(table)
    if column is None or column in numeric_columns(table):
        return
    cells: list[tuple[Cell, list[tuple[str, float, Box]]]] = []
    for r, line in enumerate(layout.body):
        parts = chunks_by_column(line, layout.spans, layout.wrapped.get(r, [])).get(column, [])
        if len(parts) < 2 or r >= len(table.body):
            continue
        lines = []
        for chunks in parts:
            box = chunks[0].box
            for chunk in chunks[1:]:
                box = box.union(chunk.box)
            text = " ".join(chunk.text for chunk in chunks)
            lines.append((text, min(chunk.confidence for chunk in chunks), box))
        if min(confidence for _, confidence, _ in lines) < 90:
            cells.append((table.body[r][column], lines))
    doubtful = [
        (cell, i, reading)
        for cell, lines in cells
        for i, reading in enumerate(lines)
        if reading[1] < 90
    ]
    if not doubtful:
        return
    boxes = [box for _, _, (_, _, box) in doubtful]
    glyph = float(median(box.height for box in boxes))
    crops = [crop_for_reread(prepared.grey, box, prepared.scale, glyph) for box in boxes]
    tesseract = read_crops(crops, settings, False)
    second = (
        rapid.texts([original_crop(prepared, box, glyph) for box in boxes])
        if second_engine(settings)
        else [("", 0.0)] * len(doubtful)
    )
    better: dict[tuple[int, int], tuple[str, float]] = {}
    for (cell, i, reading), words, (text, confidence) in zip(
        doubtful, tesseract, second, strict=True
    ):
        page_text, page_confidence, _ = reading
        words = [word for word in words if word.confidence >= 50 or len(word.text) > 3]
        if words and min(w.confidence for w in words) >= page_confidence - 5:
            page_text = " ".join(word.text for word in words)
            page_confidence = min(w.confidence for w in words)
        if text:
            result = vote(page_text, page_confidence, text, confidence)
            page_text, page_confidence = result.text, result.confidence
        better[(id(cell), i)] = (page_text, page_confidence)
    for cell, lines in cells:
        texts = [better.get((id(cell), i), (text, conf)) for i, (text, conf, _) in enumerate(lines)]
        joined = tidy_label(" ".join(text for text, _ in texts))
        if joined != cell.text:
            cell.readings.update({"page": cell.text, "lines": joined})
            cell.text = joined
            cell.confidence = min(confidence for _, confidence in texts)


def band_above(table: Table, glyph: float) -> Box | None:
    """Where a header would be: the band just above the first row, about a row tall."""
    tops = [cell.box.y1 for cell in table.body[0] if cell.box is not None]
    if not tops:
        return None
    top = min(tops)
    firsts = [
        min(c.box.y1 for c in row if c.box is not None)
        for row in table.body
        if any(c.box is not None for c in row)
    ]
    pitch = float(median(b - a for a, b in pairwise(firsts))) if len(firsts) > 1 else 2 * glyph
    reach = max(3.0 * glyph, 1.3 * pitch)
    return Box(x1=0, y1=max(0, int(top - reach)), x2=1, y2=max(1, int(top - 0.2 * glyph)))
