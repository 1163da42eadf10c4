"""Cells read again where the page reading is doubtful: numeric cells with a digit
whitelist and a wider crop where ink was left unread; a lost left column recovered from its
ink; the page and re-read readings settled into one.

Every re-read goes through one engine call on a strip of crops, not one call per cell.
Column and model names are read again in ``name_rereads``; the second engine's vote is in
``second``.
"""

from __future__ import annotations

import re
from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from .. import ocr
from ..config import OcrSettings
from ..preprocess import stretch_contrast
from ..record import Box, Cell, Table, Word
from ..units import (
    is_missing,
    parse_number,
)

if TYPE_CHECKING:
    from ..preprocess import Prepared

from .cell_boxes import box_inside
from .columns import numeric_columns
from .lines import Layout, clean_words, tidy_label

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
    return reread_frame(grey, box, scale, glyph)[0]


def reread_frame(
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


# A Chinese magnitude printed with a number ("70亿", "2.6万亿"; Japanese 億 and 兆, Korean
# 억 and 조).
CJK_MAGNITUDE_RE = re.compile(r"[万亿億兆억조]")

# Page confidence at or above which a cell that reads as a number is not read again.
SURE_NUMBER = 95.0


def _open_ended(spans: list[tuple[int, int]], c: int) -> tuple[int, int]:
    """Column ``c``'s span, without its outer edge when it is the first or last column
    (those edges are where the page's reading stopped, not where the column does)."""
    x1, x2 = spans[c]
    return (x1 if c > 0 else 0, x2 if c < len(spans) - 1 else 1 << 30)


def _reach(table: Table, spans: list[tuple[int, int]], r: int, c: int) -> tuple[int, int]:
    """Where unread ink beside cell (r, c) may lie: its column's span, and on the right up
    to the next cell's reading in the row. A column's span ends where its readings end, so
    where the page lost every cell's decimals ("49" of "49.8" in a monospaced column), the
    lost ".8" lies past the span, in the gap before the next column's text."""
    x1, x2 = _open_ended(spans, c)
    row = table.body[r]
    after = next((cell.box for cell in row[c + 1 :] if cell.box is not None), None)
    if after is not None and after.x1 - 1 > x2:
        x2 = after.x1 - 1
    return x1, x2


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
        after = x1 > box.x2 * scale
        for x, y, w, h, area in ink_marks(window):
            rule = h >= 0.9 * window.shape[0] and w <= 3  # a column rule, top to bottom
            if not rule and h >= 0.4 * height * scale and area >= 0.04 * (height * scale) ** 2:
                found = True
            if after and _baseline_point(x, y, w, h, window.shape[0], height * scale):
                found = True
    return found


# Ink is what is darker than INK; the pieces of one mark are joined through pixels lighter
# than that, to FAINT_INK. A thin stroke of small light print (a monospaced "1", upscaled)
# is dark along its middle only in places: cut at one level it falls into specks no taller
# than a point.
INK, FAINT_INK = 128, 170


def ink_marks(window: np.ndarray) -> list[tuple[int, int, int, int, int]]:
    """The marks in a grey window, each the (x, y, width, height, area) of its dark ink:
    dark pieces that faint ink joins are one mark; faint ink alone (a pale ground or rule)
    is none, and a dark rule's faint edges do not widen it."""
    dark = window < INK
    _, labels, _, _ = cv2.connectedComponentsWithStats(
        (window < FAINT_INK).astype(np.uint8), connectivity=8
    )
    marks = []
    for label in sorted({int(label) for label in np.unique(labels[dark])} - {0}):
        ys, xs = np.nonzero(dark & (labels == label))
        x, y = int(xs.min()), int(ys.min())
        marks.append((x, y, int(xs.max()) + 1 - x, int(ys.max()) + 1 - y, len(xs)))
    return marks


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
            if unread_ink(prepared, cell.box, _reach(table, spans, r, c)):
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
            x1, x2 = _reach(table, spans, r, c)
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
        # a column name's sort arrow or footnote mark says nothing of how sure the name is
        sure = _without_trailing_marks(inside) if label == "header" else inside
        confidence = min(word.confidence for word in sure)
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
            # A longer reading of a wider region (a name read again from its column's
            # left edge) came from all of it: the second engine reads the cell there.
            grown = cell.box is not None and len(text) > len(cell.text)
            cell.text, cell.confidence = text, confidence
            cell.box = cell.box.union(box) if grown and cell.box is not None else cell.box or box
            changed.append(cell)
    return changed


def _without_trailing_marks(words: list[Word]) -> list[Word]:
    """The words of a re-read column name whose confidence says how sure it is: a sort arrow
    or footnote mark after the name reads as a letter or two ("ti", "t", "}") with a low
    confidence of its own; the marks themselves are taken off the name later
    (``chrome.strip_sort_marks``, ``arrow_marks``)."""
    end = len(words)
    while end > 1 and len(words[end - 1].text) <= 2 and not any(
            ch.isdigit() for ch in words[end - 1].text):
        end -= 1
    return words[:end]


def _extends(page: str, wider: str) -> bool:
    """The wider re-read is the page's reading with more after it ("68" -> "68.2"), or
    with the whole digits and point before it that a number set right in a fixed-width
    face loses ("0T" -> "12.0T"); not another number around it ("43" inside "143.5", a
    rule read as a 1)."""
    page, wider = page.strip(), wider.strip()
    if not page or wider == page:
        return False
    return wider.startswith(page) or bool(re.fullmatch(r"\d+\.", wider.removesuffix(page)))


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
    if table.groups:
        table.groups.insert(0, None)
    table.n_cols += 1
    layout.spans.insert(0, (left, layout.spans[0][0]))
    layout.ranges.insert(0, (left, right))


def original_crop(
    prepared: Prepared, region: Box, glyph: float, lose_rules: bool = False
) -> np.ndarray:
    """The region (upright pixels) cut from the loaded image, light text on a dark ground
    turned dark on light. The neural reader reads these original pixels far better than
    the binarised, upscaled grey: small decimal points and commas survive. With
    ``lose_rules`` (a number's cell), the column rules in the crop's margin are lost."""
    if prepared.rgb is None:
        return crop_for_reread(prepared.grey, region, prepared.scale, glyph)
    box = prepared.from_upright(region)
    pad = max(2, int(glyph * 0.3))
    height, width = prepared.rgb.shape[:2]
    top, left = max(0, box.y1 - pad), max(0, box.x1 - pad)
    crop = prepared.rgb[top : min(height, box.y2 + pad), left : min(width, box.x2 + pad)]
    if lose_rules and prepared.angle == 0.0:
        crop = without_column_rules(crop, prepared, left, top, glyph, (box.x1, box.x2))
    if lose_rules and (boxed := box_inside(crop, glyph)) is not None:
        crop = boxed  # a number in a coloured box: read on the box's own ground
    if crop.size and float(np.median(cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY))) < 110:
        crop = 255 - crop
    return crop


# A column rule the second reader's crop loses runs at least this many glyph heights.
RULE_ROWS = 3.5


def without_column_rules(
    crop: np.ndarray, prepared: Prepared, left: int, top: int, glyph: float,
    inside: tuple[int, int],
) -> np.ndarray:
    """The crop with the column rules that cross its margin, left or right of the ``inside``
    x-range its text fills (drawn rules, or pipes typed a space from the number), painted in
    its ground's colour. The page's reading had them erased; the original pixels still hold
    them, and the neural reader reads a rule beside a number as "1" or "|" ("| 74.1" read
    "174.1"). Rules inside the text are left: a column of digits whose stems stack ("1"
    over "1") can pass for one."""
    if not crop.size:
        return crop
    half = max(2, round(0.15 * glyph))
    bottom, right = top + crop.shape[0], left + crop.shape[1]
    crossing = [
        rule.position - left
        for rule in prepared.vertical
        if left <= rule.position < right and rule.start <= bottom and rule.end >= top
        and not inside[0] <= rule.position <= inside[1]
        # as the layout does: a "rule" shorter than a few rows is letters' strokes
        and rule.end - rule.start >= RULE_ROWS * glyph
    ]
    if not crossing:
        return crop
    out = crop.copy()
    ground = np.median(crop.reshape(-1, crop.shape[-1]), axis=0).astype(crop.dtype)
    start, end = inside[0] - left, inside[1] - left
    for x in crossing:
        # paint the rule's width, never into the text beside it
        lo, hi = (max(0, x - half), min(x + half + 1, start)) if x < start else (
            max(x - half, end + 1), x + half + 1)
        out[:, lo:hi] = ground
    return out
