"""Cells read again where the page reading is doubtful: numeric cells with a digit
whitelist, column and model names larger; a lost left column recovered from its ink.

Every re-read goes through one engine call on a strip of crops, not one call per cell.
"""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from .. import ocr
from ..config import OcrSettings
from ..names import closest_benchmark, is_known_benchmark
from ..ocr import rapid
from ..ocr.vote import Vote, vote
from ..preprocess import stretch_contrast
from ..record import Box, Cell, Flag, Table, Word
from ..units import (
    is_missing,
    parse_number,
)

if TYPE_CHECKING:
    from ..preprocess import Prepared

from .columns import model_column, numeric_columns
from .layout import chunks_by_column
from .lines import LOW_CONFIDENCE, Layout, clean_words, header_column, left_set, tidy_label

# Height the re-read crops are scaled to: digits about 32 px tall read best.
REREAD_GLYPH_HEIGHT = 32


def cell_region(table: Table, spans: list[tuple[int, int]], r: int, c: int) -> Box:
    """Where cell (r, c) is: its own box when read, else its column and row band."""
    cell = table.body[r][c]
    row_boxes = [other.box for other in table.body[r] if other.box is not None]
    top = min(box.y1 for box in row_boxes)
    bottom = max(box.y2 for box in row_boxes)
    if cell.box is not None:
        return Box(x1=cell.box.x1, y1=top, x2=cell.box.x2, y2=bottom)
    x1, x2 = spans[c]
    return Box(x1=x1, y1=top, x2=x2, y2=bottom)


def strip_of(crops: list[np.ndarray], gap: int = 24) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Crops stacked on a white strip, one per line with gaps; returns each crop's y-range."""
    width = max(crop.shape[1] for crop in crops) + 2 * gap
    height = sum(crop.shape[0] + gap for crop in crops) + gap
    strip = np.full((height, width), 255, dtype=np.uint8)
    bands = []
    y = gap
    for crop in crops:
        strip[y : y + crop.shape[0], gap : gap + crop.shape[1]] = crop
        bands.append((y, y + crop.shape[0]))
        y += crop.shape[0] + gap
    return strip, bands


def crop_for_reread(grey: np.ndarray, box: Box, scale: float, glyph: float) -> np.ndarray:
    """The cell's pixels from the prepared image, padded and scaled so digits are about
    ``REREAD_GLYPH_HEIGHT`` tall."""
    return _reread_frame(grey, box, scale, glyph)[0]


def _reread_frame(
    grey: np.ndarray, box: Box, scale: float, glyph: float
) -> tuple[np.ndarray, int, int, float]:
    """``crop_for_reread``'s crop, with where it starts in ``grey`` (x, y) and the factor it
    was scaled by: what maps the words read in it back onto the page."""
    pad = max(2, int(glyph * 0.3))
    x1 = max(0, int(box.x1 * scale) - pad)
    y1 = max(0, int(box.y1 * scale) - pad)
    x2 = min(grey.shape[1], int(box.x2 * scale) + pad)
    y2 = min(grey.shape[0], int(box.y2 * scale) + pad)
    crop = stretch_contrast(grey[y1:y2, x1:x2]) if y2 > y1 and x2 > x1 else grey[y1:y2, x1:x2]
    factor = REREAD_GLYPH_HEIGHT / max(glyph * scale, 1.0)
    if 0.8 < factor < 1.25 or crop.size == 0:
        return crop, x1, y1, 1.0
    resized = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    return resized, x1, y1, factor


def read_crops(crops: list[np.ndarray], settings: OcrSettings, numeric: bool) -> list[list[Word]]:
    """Each crop's words, left to right (then top to bottom), from one engine call on a
    strip of all of them: one call instead of one per cell."""
    strip, bands = strip_of(crops)
    words, _ = clean_words(ocr.read_words(strip, settings, psm=6, numeric=numeric))
    found = []
    for y1, y2 in bands:
        inside = [word for word in words if y1 <= word.box.cy <= y2]
        found.append([inside[i] for line in ocr.group_lines(inside) for i in line])
    return found


# A Chinese magnitude printed with a number ("70亿", "2.6万亿").
CJK_MAGNITUDE_RE = re.compile(r"[万亿]")

# Page confidence at or above which a cell that reads as a number is not read again.
SURE_NUMBER = 95.0


def _open_ended(spans: list[tuple[int, int]], c: int) -> tuple[int, int]:
    """Column ``c``'s span, without its outer edge when it is the first or last column
    (those edges are where the page's reading stopped, not where the column does)."""
    x1, x2 = spans[c]
    return (x1 if c > 0 else 0, x2 if c < len(spans) - 1 else 1 << 30)


# How far beside a word (in its heights) unread ink is looked for and taken into a re-read:
# a monospaced font sets ".1" after "77" in two character cells, each wider than a digit.
UNREAD_REACH = 2.5


def unread_ink(prepared: Prepared, box: Box | None, span: tuple[int, int]) -> bool:
    """Glyph-sized ink just beside a word, within its column, that the page did not read
    (a light ".8" after "44"), or a point on its baseline just after it: ruling lines and
    specks aside."""
    if box is None:
        return False
    scale, height = prepared.scale, box.height
    top, bottom = int(box.y1 * scale), int(box.y2 * scale) + 1
    reach = int(UNREAD_REACH * height * scale)
    found = False
    for x1, x2 in (
        (max(int(span[0] * scale), int(box.x1 * scale) - reach), int(box.x1 * scale) - 1),
        (int(box.x2 * scale) + 2, min(int(span[1] * scale), int(box.x2 * scale) + reach)),
    ):
        window = prepared.grey[max(0, top) : bottom, max(0, x1) : max(0, x2)]
        if window.shape[0] < 3 or window.shape[1] < 3:
            continue
        ink = (window < 128).astype(np.uint8)
        count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        after = x1 > box.x2 * scale
        for i in range(1, count):
            x, y, w, h, area = (int(v) for v in stats[i])
            rule = h >= 0.9 * window.shape[0] and w <= 3  # a column rule, top to bottom
            if not rule and h >= 0.4 * height * scale and area >= 0.04 * (height * scale) ** 2:
                found = True
            if after and _baseline_point(x, y, w, h, window.shape[0], height * scale):
                found = True
    return found


def _baseline_point(x: int, y: int, w: int, h: int, rows: int, glyph: float) -> bool:
    """A decimal point right after a number: a small round mark sitting on its baseline
    (the bottom of the window), close to the number."""
    small = 0.08 * glyph <= h <= 0.3 * glyph and 0.08 * glyph <= w <= 0.3 * glyph
    return small and rows - (y + h) <= 0.15 * glyph and x <= 0.8 * glyph


def reread_numbers(
    table: Table, spans: list[tuple[int, int]], prepared: Prepared, settings: OcrSettings
) -> None:
    """Re-read every numeric column's cells in one engine call; each cell gets a
    ``numeric`` reading next to its ``page`` one."""
    # A number the page read surely needs no second pass (the column repairs still see it),
    # unless ink beside it went unread ("44" of "44.8"); a cell with such ink, sure or not,
    # is read again with that ink.
    targets, widened = [], set()
    regions: dict[tuple[int, int], Box] = {}
    for c in numeric_columns(table):
        for r in range(table.n_rows):
            cell = table.body[r][c]
            if CJK_MAGNITUDE_RE.search(cell.text):
                continue  # "2.6万亿": the English re-read turns 万亿 into digits ("2.67712")
            if unread_ink(prepared, cell.box, _open_ended(spans, c)):
                targets.append((r, c))
                widened.add((r, c))
            elif cell.confidence < SURE_NUMBER or parse_number(cell.text) is None:
                targets.append((r, c))
    boxes = [table.body[r][c].box for r, c in targets]
    heights = [box.height for box in boxes if box is not None]
    glyph = float(median(heights)) if heights else prepared.x_height * 1.4
    crops, kept = [], []
    for r, c in targets:
        region = cell_region(table, spans, r, c)
        if (r, c) in widened:
            # The cell's box holds only what the page read: take in the ink beside it.
            x1, x2 = _open_ended(spans, c)
            read = table.body[r][c].box
            reach = int(UNREAD_REACH * (read.height if read is not None else region.height))
            region = region.model_copy(
                update={"x1": max(x1, region.x1 - reach), "x2": min(x2, region.x2 + reach)}
            )
            regions[(r, c)] = region
        crop = crop_for_reread(prepared.grey, region, prepared.scale, glyph)
        if crop.size:
            crops.append(crop)
            kept.append((r, c))
    if not crops:
        return
    for (r, c), inside in zip(kept, read_crops(crops, settings, numeric=True), strict=True):
        cell = table.body[r][c]
        cell.readings["numeric"] = "".join(word.text for word in inside)
        if (r, c) in widened:
            cell.readings["unread_ink"] = "beside the page's reading"
            cell.box = regions[(r, c)]  # what the second engine reads, if it is asked
        if inside:
            cell.readings["numeric_confidence"] = f"{min(w.confidence for w in inside):.1f}"


def _part_of(text: str, whole: str) -> bool:
    """``text`` is a shorter piece of ``whole``, case and punctuation aside."""
    short, long = (re.sub(r"[^0-9a-z]", "", t.lower()) for t in (text, whole))
    return bool(short) and short != long and short in long


def reread_text(
    doubtful: list[tuple[Cell, Box]],
    glyph: float,
    prepared: Prepared,
    settings: OcrSettings,
    label: str,
) -> list[Cell]:
    """Cells read again, larger, in one engine call; a reading about as confident as the
    page's, or more, replaces it (both kept in ``readings``). Returns the cells that changed."""
    if not doubtful:
        return []
    crops = [crop_for_reread(prepared.grey, box, prepared.scale, glyph) for _, box in doubtful]
    changed = []
    for (cell, box), inside in zip(doubtful, read_crops(crops, settings, False), strict=True):
        inside = [word for word in inside if word.confidence >= 50 or len(word.text) > 3]
        if not inside:
            continue
        text = tidy_label(" ".join(word.text for word in inside))
        confidence = min(word.confidence for word in inside)
        cell.readings.update({"page": cell.text, label: text})
        # The larger reading wins unless clearly less sure: small text is what fails. Where
        # the page found nothing, only a sure reading counts (noise reads as "Laan").
        floor = cell.confidence - 5 if cell.box is not None else 80.0
        # A re-read that loses much of the text (a wrapped cell's other line) is no better;
        # in a cell of two lines, one that reads part of the page's reading lost a line
        # ("ARC-" for "ARC-" over "C").
        whole = len(text) >= 0.7 * len(cell.text) and not (
            cell.box is not None
            and cell.box.height > 1.5 * glyph
            and _part_of(text, cell.text)
        )
        if text != cell.text and confidence >= floor and whole:
            cell.text, cell.confidence = text, confidence
            cell.box = cell.box or box
            changed.append(cell)
    return changed


def band_words(
    prepared: Prepared, band: Box, glyph: float, settings: OcrSettings
) -> list[Word]:
    """The words of one band of the page (a header line), read larger in one engine call,
    with boxes in loaded-image pixels."""
    crop, left, top, factor = _reread_frame(prepared.grey, band, prepared.scale, glyph)
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
    placed: dict[int, list[Word]] = {}
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
            placed.setdefault(column, []).append(word)
            chained = previous is not None and column == previous[1]
            previous = (
                (word.box, column)
                if chained or left_set(word.box, column, layout.ranges)
                else None
            )
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
    _set_header(table, cells)


def _set_header(table: Table, cells: list[Cell]) -> None:
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
            doubtful.append((cell, Box(x1=x1 + inset, y1=top, x2=x2 - inset, y2=bottom)))
        elif cell.confidence < 85:
            doubtful.append((cell, cell.box))
    for cell in reread_text(doubtful, glyph, prepared, settings, "header"):
        table.columns[cell.col] = cell.text


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
    doubtful = [(cell, box) for cell, box in boxed if cell.confidence < 90]
    reread_text(doubtful, glyph, prepared, settings, "name")


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


def _extends(page: str, wider: str) -> bool:
    """The wider re-read is the page's reading with more after it ("68" -> "68.2"), not
    another number around it ("43" inside "143.5", a rule read as a 1)."""
    return bool(page) and wider.strip().startswith(page.strip()) and wider.strip() != page.strip()


def settle_cell(cell: Cell) -> tuple[str, float]:
    """The better-supported of the page and numeric readings, and its confidence.

    Agreement of the two passes is the strongest support; otherwise a reading that parses
    as a number (or a missing mark) beats one that does not, then the higher confidence.
    """
    page = cell.readings.get("page", cell.text)
    if "numeric" not in cell.readings and cell.confidence >= SURE_NUMBER:
        return page, cell.confidence  # read surely by the page, not read again
    numeric = cell.readings.get("numeric", "")
    numeric_conf = float(cell.readings.get("numeric_confidence", 0.0))
    page_value, numeric_value = parse_number(page), parse_number(numeric)
    if page_value is not None and page_value == numeric_value:
        return page, max(cell.confidence, numeric_conf, 90.0)
    if "unread_ink" in cell.readings and numeric_value is not None and _extends(page, numeric):
        # The page stopped short of ink beside its reading; the wider re-read takes it in.
        return numeric, min(cell.confidence, numeric_conf)
    if is_missing(page) and not numeric.strip("-"):
        return page, max(cell.confidence, 80.0)
    if page_value is None and numeric_value is not None:
        if is_missing(page) and numeric_conf < 80:
            return page, cell.confidence
        return numeric, numeric_conf * 0.9
    if numeric_value is None:
        return page, cell.confidence * (0.8 if page_value is not None else 1.0)
    # Both numbers, different: the more confident kept, its confidence lowered by the
    # disagreement (the column's format may still settle it: prefer_column_shape).
    if cell.confidence >= numeric_conf:
        return page, min(cell.confidence, numeric_conf) * 0.7
    return numeric, min(cell.confidence, numeric_conf) * 0.7


def _row_band(row: list[Cell]) -> tuple[int, int] | None:
    boxes = [cell.box for cell in row if cell.box is not None]
    if not boxes:
        return None
    return min(box.y1 for box in boxes), max(box.y2 for box in boxes)


def _ink_box(prepared: Prepared, region: Box) -> Box | None:
    """The bounding box (upright pixels) of the dark pixels in ``region``, if any."""
    s = prepared.scale
    y1, y2 = int(region.y1 * s), int(region.y2 * s)
    x1, x2 = int(region.x1 * s), int(region.x2 * s)
    ink = prepared.grey[y1:y2, x1:x2] < 128
    if ink.sum() < max(4, 0.01 * ink.size):
        return None
    ys, xs = np.nonzero(ink)
    return Box(
        x1=int((x1 + xs.min()) / s),
        y1=int((y1 + ys.min()) / s),
        x2=round((x1 + xs.max() + 1) / s),
        y2=round((y1 + ys.max() + 1) / s),
    )


def recover_left_column(
    table: Table, layout: Layout, prepared: Prepared, settings: OcrSettings
) -> None:
    """A pandas index ("1" to "6", single bold digits) is often not found by the page read.
    When a ruling line runs left of the table and every row has ink there, that ink is a
    column: it is read in one engine call and put in front."""
    top, bottom = table.box.y1, table.box.y2
    starts = [
        rule.start
        for rule in prepared.horizontal
        if top - 5 <= rule.position <= bottom + 5 and rule.end > table.box.x1
    ]
    first = layout.ranges[0][0]
    glyph = float(
        median(box.height for row in table.body for cell in row if (box := cell.box) is not None)
    )
    if not starts or min(starts) > first - 2 * glyph:
        return
    left, right = min(starts) + 2, first - int(glyph / 2)
    bands = [_row_band(row) for row in table.body]
    inks = [
        _ink_box(prepared, Box(x1=left, y1=band[0], x2=right, y2=band[1])) if band else None
        for band in bands
    ]
    found = [box for box in inks if box is not None]
    if len(found) < max(2, 0.6 * len(inks)):
        return
    readings = read_crops(
        [crop_for_reread(prepared.grey, box, prepared.scale, glyph) for box in found],
        settings,
        numeric=False,
    )
    texts = iter(" ".join(word.text for word in words) for words in readings)
    confidences = iter(min((w.confidence for w in words), default=0.0) for words in readings)
    for r, (row, box) in enumerate(zip(table.body, inks, strict=True)):
        text, confidence = (next(texts), next(confidences)) if box is not None else ("", 0.0)
        for cell in row:
            cell.col += 1
        row.insert(
            0,
            Cell(row=r, col=0, text=text, box=box, confidence=confidence, readings={"left": text}),
        )
    for header in table.header_rows:
        for cell in header:
            cell.col += 1
        header.insert(0, Cell(row=header[0].row, col=0, text=""))
    table.columns.insert(0, "")
    table.settings.insert(0, None)
    table.n_cols += 1
    layout.spans.insert(0, (left, layout.spans[0][0]))
    layout.ranges.insert(0, (left, right))


# Mean Tesseract confidence of a table's cells under which every cell is read again.
POORLY_READ = 75.0
# RapidOCR's confidence a reading of a cell the page found empty needs (noise reads too).
EMPTY_CELL_CONFIDENCE = 90.0


def original_crop(prepared: Prepared, region: Box, glyph: float) -> np.ndarray:
    """The region (upright pixels) cut from the loaded image, light text on a dark ground
    turned dark on light. The neural reader reads these original pixels far better than
    the binarised, upscaled grey: small decimal points and commas survive."""
    if prepared.rgb is None:
        return crop_for_reread(prepared.grey, region, prepared.scale, glyph)
    box = prepared.from_upright(region)
    pad = max(2, int(glyph * 0.3))
    height, width = prepared.rgb.shape[:2]
    crop = prepared.rgb[
        max(0, box.y1 - pad) : min(height, box.y2 + pad),
        max(0, box.x1 - pad) : min(width, box.x2 + pad),
    ]
    if crop.size and float(np.median(cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY))) < 110:
        crop = 255 - crop
    return crop


def second_engine(settings: OcrSettings) -> bool:
    """Whether the second reader votes: "auto" when it is installed; "rapidocr" requires it."""
    if settings.second_engine == "none":
        return False
    return settings.second_engine == "rapidocr" or rapid.available()


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


def doubtful_cells(
    table: Table, spans: list[tuple[int, int]], glyph: float, below: float
) -> list[tuple[Cell, Box, bool]]:
    """Cells worth a second reading: numbers, model names and column names read with less
    than ``below`` confidence (or a number that does not parse); each with where it is and
    whether it holds a number. Names on two lines are left out: the second reader reads
    one line."""
    numeric = set(numeric_columns(table))
    names = model_column(table)
    # Columns whose cells print Chinese magnitudes (万亿): a cell of one that prints none
    # may have had its magnitude read as digits ("1.4712"); the second engine reads Han.
    magnitudes = {
        c for c in numeric
        if sum(1 for row in table.body if CJK_MAGNITUDE_RE.search(row[c].text)) >= 2
    }
    found = []
    for r, row in enumerate(table.body):
        for c, cell in enumerate(row):
            if c in magnitudes and cell.text and not CJK_MAGNITUDE_RE.search(cell.text):
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
                region = name_region(spans, cell.col, top, bottom)
            found.append((cell, region, False))
        elif not cell.text and boxed and cell.col < len(spans):
            # Not found on the page (light text on a band): where its name would be.
            top, bottom = min(box.y1 for box in boxed), max(box.y2 for box in boxed)
            found.append((cell, name_region(spans, cell.col, top, bottom), False))
    return found


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
        _set_header(table, cells)


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
    readings = rapid.texts([original_crop(prepared, region, glyph) for _, region, _ in doubtful])
    for (cell, _, numeric), (text, confidence) in zip(doubtful, readings, strict=True):
        if not text and not confidence:
            continue  # nothing there to read
        if not cell.text and confidence < EMPTY_CELL_CONFIDENCE:
            continue  # where the page found nothing, only a sure reading counts
        result = vote(cell.text, cell.confidence, text, confidence, numeric=numeric)
        cell.readings[rapid.NAME] = text
        before = cell.text
        cell.text, cell.confidence = result.text, result.confidence
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
