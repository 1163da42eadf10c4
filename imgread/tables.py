"""Words (and ruling lines) -> table cells -> scores and rows.

The layout logic sees only ``Word`` rows, never an engine, and works in upright pixels
(after the deskew turn; boxes are turned back to the loaded image's at the end). Steps:
1. words in a line are merged into chunks (a cell's text) where their gap is small and no
   rule ("|" or a ruling line) separates them;
2. the body is the longest run of lines that hold several chunks, mostly numbers;
3. columns are the x-ranges the body's chunks cover (gaps no body row crosses);
4. header lines are the lines just above the body whose chunks each sit in one column;
   a line of "5-shot"-like text is the settings row, the rest join into column names;
   rows mostly empty (a chart's tick labels) are not a table;
5. numeric cells are re-read together in one engine call (a strip of upscaled crops, a
   digit whitelist, no dictionaries) and the better-supported reading is kept; doubtful
   column names and model names are re-read the same way, larger;
6. the column's print format repairs a cell that lost its decimal point or unit letter,
   with an ``ocr_repaired`` flag (before, after, why); a number that cannot be trusted
   gets a ``low_confidence`` flag, never a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from . import ocr
from .config import Config, OcrSettings
from .preprocess import stretch_contrast
from .record import Box, Cell, Flag, Row, Score, Table, Word
from .units import (
    header_unit,
    is_missing,
    normalise_model_name,
    params_from_model_name,
    parse_number,
    parse_params_b,
    parse_tokens_t,
)

if TYPE_CHECKING:
    from .pipeline import Work
    from .preprocess import Prepared

SETTING_RE = re.compile(
    r"\d+\s*-?\s*shots?\b|\bshot\b|\bav[ae]rage\b|\bavg\b|pass@|maj@|\bcot\b|\bem\b|\bacc\b|"
    r"\bf1\b|\bzero-shot\b|\bfew-shot\b",
    re.IGNORECASE,
)
NUMERIC_TEXT_RE = re.compile(r"^[-+\u2212]?[\d.,]*\d[\d.,]*\s*(%|[kmbt]|bn)?[*†‡]?$", re.IGNORECASE)
# Below this confidence (0..100) a cell's number is flagged rather than presented as fact.
LOW_CONFIDENCE = 60.0
# Height the re-read crops are scaled to: digits about 32 px tall read best.
REREAD_GLYPH_HEIGHT = 32


@dataclass
class Chunk:
    """Words of one line close enough to be one cell's text."""

    words: list[Word]
    box: Box
    text: str = ""
    confidence: float = 0.0

    @classmethod
    def of(cls, words: list[Word]) -> Chunk:
        box = words[0].box
        for word in words[1:]:
            box = box.union(word.box)
        return cls(
            words=words,
            box=box,
            text=" ".join(word.text for word in words),
            confidence=min(word.confidence for word in words),
        )


@dataclass
class TextLine:
    chunks: list[Chunk]
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


def is_numeric_text(text: str) -> bool:
    return bool(NUMERIC_TEXT_RE.match(text.strip()))


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


def chunk_line(
    words: list[Word], gap_factor: float = 0.8, barriers: list[Box] | None = None
) -> list[Chunk]:
    """Merge a line's words (left to right) where the gap is under ``gap_factor`` times the
    text height and no rule separates them: the space inside "Llama 2 70B" is narrow, a
    column gap is wide."""
    chunks: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.box.x1):
        if chunks:
            last = chunks[-1][-1]
            height = max(min(last.box.height, word.box.height), 1)
            if word.box.x1 - last.box.x2 < gap_factor * height and not _separated(
                last.box, word.box, barriers or []
            ):
                chunks[-1].append(word)
                continue
        chunks.append([word])
    return [Chunk.of(group) for group in chunks]


# Letters Tesseract reads for digits in a number ("$4.8" for 54.8, "6O.1" for 60.1).
DIGIT_LOOKALIKES = str.maketrans({"$": "5", "S": "5", "O": "0", "o": "0", "l": "1", "I": "1"})


def as_number_text(text: str) -> str:
    """``text`` with one digit look-alike mended when that makes it a number; else as is."""
    mended = text.translate(DIGIT_LOOKALIKES)
    changed = sum(1 for a, b in zip(text, mended, strict=True) if a != b)
    if changed == 1 and any(ch.isdigit() for ch in text) and is_numeric_text(mended):
        return mended
    return text


def clean_words(words: list[Word]) -> tuple[list[Word], list[Box]]:
    """Vertical rules read as "|" are dropped (and returned as barriers) or stripped from a
    word's ends; digit look-alikes are mended."""
    kept = []
    barriers = []
    for word in words:
        text = as_number_text(word.text.strip("|[]!"))
        if not is_missing(text) and not any(ch.isalnum() or ch in "#%&@" for ch in text):
            if "|" in word.text or "[" in word.text or "]" in word.text:
                barriers.append(word.box)
            continue  # rule ends and specks: "=", "~", "_"
        if text and text != word.text:
            kept.append(word.model_copy(update={"text": text}))
        elif text:
            kept.append(word)
    return kept, barriers


def text_lines(words: list[Word], rules: list[Box] | None = None) -> list[TextLine]:
    """Words -> lines of chunks; ``rules`` are vertical ruling lines (loaded-image pixels)."""
    words, barriers = clean_words(words)
    barriers += rules or []
    lines = []
    for members in ocr.group_lines(words):
        chunks = chunk_line([words[i] for i in members], barriers=barriers)
        box = chunks[0].box
        for chunk in chunks[1:]:
            box = box.union(chunk.box)
        lines.append(TextLine(chunks=chunks, box=box))
    return lines


def is_body_line(line: TextLine) -> bool:
    """Several chunks, mostly numbers; a low-confidence word after the first chunk counts
    as a smudged number, so that one bad cell does not drop its row."""
    values = sum(
        1
        for i, chunk in enumerate(line.chunks)
        if is_numeric_or_missing(chunk.text) or (i and chunk.confidence < LOW_CONFIDENCE)
    )
    return len(line.chunks) >= 2 and line.numeric >= 1 and values >= len(line.chunks) / 2


def body_runs(lines: list[TextLine]) -> list[list[int]]:
    """Runs of body lines, the gap between neighbours no more than about twice the usual
    row pitch; other lines in between (a rule read as "EES SSS", a group label) are
    skipped without breaking the run. Longest first."""
    runs: list[list[int]] = []
    for i, line in enumerate(lines):
        if not is_body_line(line):
            continue
        if runs:
            previous = lines[runs[-1][-1]]
            pitch = _pitch([lines[j] for j in runs[-1]]) or 3 * previous.box.height
            if line.box.cy - previous.box.cy > 2.2 * pitch:
                runs.append([])
        else:
            runs.append([])
        runs[-1].append(i)
    return sorted(runs, key=len, reverse=True)


def _pitch(lines: list[TextLine]) -> float:
    gaps = [b.box.cy - a.box.cy for a, b in pairwise(lines)]
    return float(median(gaps)) if gaps else 0.0


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
    box: Box, ranges: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> int | None:
    """A header chunk's column: the one body column it overlaps (headers are often wider
    than their cells and aligned differently), None when it overlaps several (a title)."""
    touched = [i for i, (x1, x2) in enumerate(ranges) if min(box.x2, x2) > max(box.x1, x1)]
    if len(touched) == 1:
        return touched[0]
    if not touched:
        return column_of(box, spans)
    return None


def header_lines(
    lines: list[TextLine], first_body: int, layout: Layout, pitch: float
) -> list[TextLine]:
    """Lines just above the body whose chunks each sit inside one column."""
    header: list[TextLine] = []
    below = lines[first_body]
    for index in range(first_body - 1, max(-1, first_body - 6), -1):
        line = lines[index]
        limit = max(2.5 * line.box.height, 1.4 * pitch)
        if below.box.y1 - line.box.y2 > limit:
            break
        if any(
            header_column(c.box, layout.ranges, layout.spans) is None
            for c in line.chunks
            if not is_speck(c)
        ):
            break
        if line.numeric == len(line.chunks) and len(line.chunks) > 1:
            break
        header.insert(0, line)
        below = line
    return header


def find_layouts(
    words: list[Word], min_rows: int, min_cols: int, rules: list[Box] | None = None
) -> list[Layout]:
    lines = text_lines(words, rules)
    layouts = []
    used: set[int] = set()
    for run in body_runs(lines):
        if len(run) < min_rows or used & set(run):
            continue
        body = [lines[i] for i in run]
        ranges = column_ranges(body)
        if len(ranges) < min_cols:
            continue
        left = min(line.box.x1 for line in lines) - 1
        right = max(line.box.x2 for line in lines) + 1
        layout = Layout(spans=extend(ranges, left, right), header=[], body=body, ranges=ranges)
        layout.header = header_lines(lines, run[0], layout, _pitch(body))
        used.update(run)
        layouts.append(layout)
    return layouts


def _cells_of(line: TextLine, spans: list[tuple[int, int]], row: int) -> list[Cell]:
    grouped: dict[int, list[Chunk]] = {}
    for chunk in line.chunks:
        column = column_of(chunk.box, spans)
        if column is None:
            # A chunk over two columns: place it by its centre rather than lose it.
            column = min(range(len(spans)), key=lambda i: abs(sum(spans[i]) / 2 - chunk.box.cx))
        grouped.setdefault(column, []).append(chunk)
    cells = []
    for column in range(len(spans)):
        chunks = grouped.get(column, [])
        if not chunks:
            cells.append(Cell(row=row, col=column, text=""))
            continue
        box = chunks[0].box
        for chunk in chunks[1:]:
            box = box.union(chunk.box)
        text = " ".join(chunk.text for chunk in chunks)
        confidence = min(chunk.confidence for chunk in chunks)
        cells.append(
            Cell(
                row=row,
                col=column,
                text=text,
                box=box,
                confidence=confidence,
                readings={"page": text},
            )
        )
    return cells


def tidy_label(text: str) -> str:
    """A header or name as read: a line break after a hyphen joined ("Common- sense"),
    rule fragments at the ends dropped ("MMLU —")."""
    text = text.replace("- ", "-")
    return re.sub(r"^[\s—–_|=~-]+(?=\S)|(?<=\S)\s+[—–_|=~-]+$", "", text).strip()


def _join_header(lines: list[TextLine], layout: Layout) -> list[Cell]:
    """Several header lines into one row of cells, each column's text top to bottom."""
    spans = layout.spans
    texts: dict[int, list[str]] = {}
    boxes: dict[int, Box] = {}
    confidences: dict[int, float] = {}
    chunks = sorted((c for line in lines for c in line.chunks), key=lambda c: (c.box.y1, c.box.x1))
    for chunk in chunks:
        column = header_column(chunk.box, layout.ranges, spans)
        if column is None or is_speck(chunk):
            continue
        texts.setdefault(column, []).append(chunk.text)
        boxes[column] = boxes[column].union(chunk.box) if column in boxes else chunk.box
        confidences[column] = min(confidences.get(column, 100.0), chunk.confidence)
    return [
        Cell(
            row=0,
            col=c,
            text=tidy_label(" ".join(texts.get(c, []))),
            box=boxes.get(c),
            confidence=confidences.get(c, 0.0),
        )
        for c in range(len(spans))
    ]


def is_speck(chunk: Chunk) -> bool:
    """Specks and rule fragments read as short low-confidence "words" ("+t", "all")."""
    return chunk.confidence < 70 and len(chunk.text) <= 3 and not is_numeric_text(chunk.text)


def is_settings_line(line: TextLine) -> bool:
    chunks = [chunk for chunk in line.chunks if not is_speck(chunk)]
    hits = sum(1 for chunk in chunks if SETTING_RE.search(chunk.text))
    return hits >= max(1, len(chunks) / 2)


def build_table(layout: Layout) -> Table:
    spans = layout.spans
    names = [line for line in layout.header if not is_settings_line(line)]
    settings_lines = [line for line in layout.header if is_settings_line(line)]
    header_rows = []
    if names:
        header_rows.append(_join_header(names, layout))
    if settings_lines:
        row = _join_header(settings_lines, layout)
        header_rows.append([cell.model_copy(update={"row": len(header_rows)}) for cell in row])
    body = [_cells_of(line, spans, r) for r, line in enumerate(layout.body)]
    box = layout.body[0].box
    for line in [*layout.header, *layout.body]:
        box = box.union(line.box)
    columns = [cell.text for cell in header_rows[0]] if names else [""] * len(spans)
    settings: list[str | None] = (
        [cell.text or None for cell in header_rows[-1]] if settings_lines else [None] * len(spans)
    )
    return Table(
        box=box,
        n_rows=len(body),
        n_cols=len(spans),
        header_rows=header_rows,
        body=body,
        columns=columns,
        settings=settings,
        method="alignment",
    )


# --- numeric cells ---------------------------------------------------------------------


def numeric_columns(table: Table) -> list[int]:
    """Columns whose filled cells are mostly numbers."""
    columns = []
    for c in range(table.n_cols):
        texts = [row[c].text for row in table.body if row[c].text]
        numbers = sum(1 for text in texts if is_numeric_or_missing(text))
        if texts and numbers >= 0.5 * len(texts):
            columns.append(c)
    return columns


def _cell_region(table: Table, spans: list[tuple[int, int]], r: int, c: int) -> Box:
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
    pad = max(2, int(glyph * 0.3))
    x1 = max(0, int(box.x1 * scale) - pad)
    y1 = max(0, int(box.y1 * scale) - pad)
    x2 = min(grey.shape[1], int(box.x2 * scale) + pad)
    y2 = min(grey.shape[0], int(box.y2 * scale) + pad)
    crop = stretch_contrast(grey[y1:y2, x1:x2]) if y2 > y1 and x2 > x1 else grey[y1:y2, x1:x2]
    factor = REREAD_GLYPH_HEIGHT / max(glyph * scale, 1.0)
    if 0.8 < factor < 1.25 or crop.size == 0:
        return crop
    return cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


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


def reread_numbers(
    table: Table, spans: list[tuple[int, int]], prepared: Prepared, settings: OcrSettings
) -> None:
    """Re-read every numeric column's cells in one engine call; each cell gets a
    ``numeric`` reading next to its ``page`` one."""
    targets = [(r, c) for c in numeric_columns(table) for r in range(table.n_rows)]
    boxes = [table.body[r][c].box for r, c in targets]
    heights = [box.height for box in boxes if box is not None]
    glyph = float(median(heights)) if heights else prepared.x_height * 1.4
    crops, kept = [], []
    for r, c in targets:
        region = _cell_region(table, spans, r, c)
        crop = crop_for_reread(prepared.grey, region, prepared.scale, glyph)
        if crop.size:
            crops.append(crop)
            kept.append((r, c))
    if not crops:
        return
    for (r, c), inside in zip(kept, read_crops(crops, settings, numeric=True), strict=True):
        cell = table.body[r][c]
        cell.readings["numeric"] = "".join(word.text for word in inside)
        if inside:
            cell.readings["numeric_confidence"] = f"{min(w.confidence for w in inside):.1f}"


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
        if text != cell.text and confidence >= floor:
            cell.text, cell.confidence = text, confidence
            cell.box = cell.box or box
            changed.append(cell)
    return changed


def reread_headers(
    table: Table, spans: list[tuple[int, int]], prepared: Prepared, settings: OcrSettings
) -> None:
    """Column names read with low confidence ("GSmsK") or not found at all (light text on a
    band at some scales) are read again. Every score in the column carries this name."""
    if not table.header_rows:
        return
    boxed = [cell.box for cell in table.header_rows[0] if cell.box is not None]
    if not boxed:
        return
    top, bottom = min(box.y1 for box in boxed), max(box.y2 for box in boxed)
    doubtful: list[tuple[Cell, Box]] = []
    for cell in table.header_rows[0]:
        if cell.box is None:
            x1, x2 = spans[cell.col]
            inset = (x2 - x1) // 20
            doubtful.append((cell, Box(x1=x1 + inset, y1=top, x2=x2 - inset, y2=bottom)))
        elif cell.confidence < 85:
            doubtful.append((cell, cell.box))
    glyph = float(median(box.height for box in boxed))
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


def _decimals(text: str) -> int | None:
    match = re.search(r"\d(?:\.(\d+))?", text)
    if not match or parse_number(text) is None:
        return None
    found = re.search(r"\.(\d+)", text)
    return len(found.group(1)) if found else 0


def settle_cell(cell: Cell) -> tuple[str, float]:
    """The better-supported of the page and numeric readings, and its confidence.

    Agreement of the two passes is the strongest support; otherwise a reading that parses
    as a number (or a missing mark) beats one that does not, then the higher confidence.
    """
    page = cell.readings.get("page", cell.text)
    numeric = cell.readings.get("numeric", "")
    numeric_conf = float(cell.readings.get("numeric_confidence", 0.0))
    page_value, numeric_value = parse_number(page), parse_number(numeric)
    if page_value is not None and page_value == numeric_value:
        return page, max(cell.confidence, numeric_conf, 90.0)
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


UNIT_LOOKALIKES = {"B": "8", "T": "7"}


def _repaired(table: Table, cell: Cell, after: str, why: str) -> Flag:
    before = cell.text
    cell.text = after
    cell.value = parse_number(after)
    cell.confidence = min(cell.confidence, 70.0)
    column = table.columns[cell.col] or str(cell.col + 1)
    return Flag(
        kind="ocr_repaired",
        message=f"read {before!r}, repaired to {after!r} (column {column}): {why}",
        severity="info",
        source="ocr",
        span=before,
        evidence={"before": before, "after": after, "row": cell.row, "col": cell.col, "why": why},
    )


def repair_unit_suffix(table: Table, column: int) -> list[Flag]:
    """A column whose numbers carry a unit ("70B", "1.4T"): a cell ending in the digit that
    looks like that unit letter ("708", "1.47") lost the letter to a digit."""
    cells = [row[column] for row in table.body if row[column].text]
    suffixes = Counter(cell.text[-1] for cell in cells if cell.text[-1:] in UNIT_LOOKALIKES)
    if not suffixes:
        return []
    unit, count = suffixes.most_common(1)[0]
    if count < max(2, 0.4 * len(cells)):
        return []
    flags = []
    for cell in cells:
        text = cell.text
        if len(text) > 1 and text[-1] == UNIT_LOOKALIKES[unit] and text[:-1][-1:].isdigit():
            why = f"{count} of {len(cells)} cells in the column end in the unit {unit!r}"
            flags.append(_repaired(table, cell, text[:-1] + unit, why))
    return flags


# Width of a decimal point in digit widths (the fonts tables use print digits equally wide).
POINT_WIDTH = 0.4


def _ink_units(text: str) -> float:
    return sum(1 for ch in text if ch.isdigit()) + POINT_WIDTH * text.count(".")


def digit_width(cells: list[Cell]) -> float | None:
    """Median printed width of one digit in these cells, from their boxes."""
    widths = [
        cell.box.width / _ink_units(cell.text)
        for cell in cells
        if cell.box is not None and _ink_units(cell.text) >= 2
    ]
    return float(median(widths)) if len(widths) >= 2 else None


def repair_column(table: Table, column: int) -> list[Flag]:
    """A cell read without the decimal point its column prints (``d`` places) lost it when
    its number is ``10**d`` times too large for the column, or when its box is as wide as
    its digits plus a point. A box wide enough for a whole missing digit cannot be mended:
    the cell's confidence drops so that it is flagged."""
    flags = repair_unit_suffix(table, column)
    cells = [row[column] for row in table.body if row[column].value is not None]
    decimals = Counter(d for cell in cells if (d := _decimals(cell.text)))
    if len(cells) < 3 or not decimals:
        return flags
    places, count = decimals.most_common(1)[0]
    if count < 2:
        return flags
    typical_cells = [cell for cell in cells if _decimals(cell.text) == places]
    typical = [cell.value for cell in typical_cells if cell.value is not None]
    low, high = min(typical), max(typical)
    header = table.columns[column] if column < len(table.columns) else ""
    # Sizes span orders of magnitude (2.7 to 280): their range says nothing.
    sizes = bool(PARAMS_RE.search(header) or TOKENS_RE.search(header))
    percent_like = (
        low >= 0
        and high <= 100
        and not sizes
        and not any(cell.text[-1:].isalpha() for cell in cells)
    )
    dominant = count >= 0.6 * len(cells)
    unit = digit_width(typical_cells)
    for cell in cells:
        assert cell.value is not None
        digits = re.sub(r"\D", "", cell.text)
        if _decimals(cell.text) != 0 or len(digits) <= places:
            continue
        candidate = cell.value / 10**places
        reason = ""
        if percent_like and cell.value > 100 >= candidate:
            # Scores in percent: any value over 100 is impossible, any one under it possible.
            reason = "over 100 in a percentage column"
        elif dominant and not sizes and cell.value > 1.5 * high and low / 1.5 <= candidate:
            reason = "outside that range"
        printed = cell.box.width / unit if unit and cell.box is not None else 0.0
        if not reason and printed >= len(digits) + 1 + POINT_WIDTH / 2:
            cell.confidence = min(cell.confidence, 40.0)  # a digit is missing, not a point
            continue
        # Bold best values are wider too (about a tenth): the box decides when the room is
        # nearly a whole point.
        if not reason and printed >= len(digits) + (0.8 if dominant else 0.9) * POINT_WIDTH:
            reason = f"its box is {printed:.1f} digits wide, room for the point"
        if not reason:
            continue
        after = f"{digits[:-places]}.{digits[-places:]}"
        why = (
            f"{count} of {len(cells)} cells in the column print {places} decimal(s) within "
            f"{low}..{high}; {cell.text} is {reason}, {after} fits"
        )
        flags.append(_repaired(table, cell, after, why))
    return flags


def shape(text: str) -> tuple[int | None, str]:
    """How a number is printed: its decimal places and its unit letter ("1.4T" -> (1, "T"))."""
    return _decimals(text), text[-1:] if text[-1:].isalpha() else ""


def _supported(cell: Cell) -> bool:
    """Both passes read the same number."""
    page = parse_number(cell.readings.get("page", ""))
    return page is not None and page == parse_number(cell.readings.get("numeric", ""))


def prefer_column_shape(cells: list[Cell]) -> None:
    """Where the two passes read different numbers, keep the one printed like the column's
    agreed cells (same decimals and unit): a dropped "." or a "B" read as "8" breaks it."""
    agreed = Counter(shape(cell.text) for cell in cells if _supported(cell))
    if not agreed:
        return
    usual, count = agreed.most_common(1)[0]
    if count < 2:
        return
    for cell in cells:
        page, numeric = cell.readings.get("page", ""), cell.readings.get("numeric", "")
        first, second = parse_number(page), parse_number(numeric)
        if first is None or second is None or first == second:
            continue
        matches = [text for text in (page, numeric) if shape(text) == usual]
        if len(matches) == 1:
            cell.text = matches[0]
            cell.value = parse_number(matches[0])
            cell.confidence = max(cell.confidence, 75.0)


def finish_numbers(table: Table) -> list[Flag]:
    """Settle each numeric cell, repair columns, flag what stays doubtful."""
    flags: list[Flag] = []
    columns = numeric_columns(table)
    for c in columns:
        for row in table.body:
            cell = row[c]
            text, confidence = settle_cell(cell)
            cell.text = text
            cell.confidence = round(confidence, 1)
            cell.value = None if is_missing(text) else parse_number(text)
        prefer_column_shape([row[c] for row in table.body])
        flags.extend(repair_column(table, c))
    for c in columns:
        for row in table.body:
            cell = row[c]
            if cell.text and cell.confidence < LOW_CONFIDENCE:
                flags.append(
                    Flag(
                        kind="low_confidence",
                        message=f"cell {cell.text!r} (row {cell.row + 1}, column "
                        f"{table.columns[c] or c}) has OCR confidence {cell.confidence:.0f}",
                        severity="warning",
                        source="ocr",
                        span=cell.text,
                        evidence={"row": cell.row, "col": c, "readings": dict(cell.readings)},
                    )
                )
    return flags


SIZE_TOKEN_RE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[BM]\b")
SIZE_AS_DIGITS_RE = re.compile(r"(?<=[\s\-_])(\d+(?:\.\d+)?)B?8$")


def repair_model_names(table: Table) -> list[Flag]:
    """In a column of names that state sizes ("Qwen-14B"), a name ending in digits and an
    8 ("Qwen-148") had its "B" read as "8" (small, blurred text)."""
    column = model_column(table)
    if column is None or column in numeric_columns(table):
        return []
    cells = [row[column] for row in table.body if row[column].text]
    sized = sum(1 for cell in cells if SIZE_TOKEN_RE.search(cell.text))
    if not sized:
        return []
    flags = []
    for cell in cells:
        if not SIZE_AS_DIGITS_RE.search(cell.text):
            continue
        after = SIZE_AS_DIGITS_RE.sub(r"\1B", cell.text)
        why = f"{sized} of {len(cells)} names in the column end in a size like 7B"
        flags.append(_repaired(table, cell, after, why))
        cell.value = None
    return flags


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


def looks_like_a_table(table: Table, min_rows: int) -> bool:
    """Rows mostly filled: a chart's tick labels line up in rows and columns too, but leave
    most of their "cells" empty."""
    filled = [row for row in table.body if sum(1 for cell in row if cell.text) >= 0.6 * len(row)]
    return len(filled) >= min_rows


def extract_tables(
    words: list[Word], prepared: Prepared | None, config: Config
) -> tuple[list[Table], list[Flag]]:
    """Every table found in ``words`` (loaded-image pixels), with numbers settled."""
    tables, flags = [], []
    rules = (
        []
        if prepared is None
        else [
            Box(x1=rule.position - 1, y1=rule.start, x2=rule.position + 1, y2=rule.end)
            for rule in prepared.vertical
        ]
    )
    for layout in find_layouts(words, config.tables.min_rows, config.tables.min_cols, rules):
        table = build_table(layout)
        if not looks_like_a_table(table, config.tables.min_rows):
            continue
        if prepared is not None and config.ocr.numeric_reread:
            recover_left_column(table, layout, prepared, config.ocr)
            reread_headers(table, layout.spans, prepared, config.ocr)
            reread_names(table, prepared, config.ocr)
            reread_numbers(table, layout.spans, prepared, config.ocr)
        flags.extend(finish_numbers(table))
        flags.extend(repair_model_names(table))
        tables.append(table)
    return tables, flags


def _upright_words(words: list[Word], prepared: Prepared | None) -> list[Word]:
    if prepared is None or prepared.angle == 0.0:
        return words
    return [word.model_copy(update={"box": prepared.to_upright(word.box)}) for word in words]


def _boxes_to_image(table: Table, prepared: Prepared) -> None:
    """Cell and table boxes from upright pixels back to the loaded image's."""
    table.box = prepared.from_upright(table.box)
    for row in [*table.header_rows, *table.body]:
        for cell in row:
            if cell.box is not None:
                cell.box = prepared.from_upright(cell.box)


def run(work: Work, config: Config) -> None:
    prepared = work.prepared
    words = _upright_words(list(work.record.ocr.words), prepared)
    tables, flags = extract_tables(words, prepared, config)
    if prepared is not None and prepared.angle:
        for table in tables:
            _boxes_to_image(table, prepared)
    work.record.ocr.tables = tables
    work.record.flags.extend(flags)


# --- scores and rows (pure; used by the reconciler) ----------------------------------------

PARAMS_RE = re.compile(r"param|\bsize\b|#\s*p\b", re.IGNORECASE)
TOKENS_RE = re.compile(r"token|\bdata\b", re.IGNORECASE)
MMLU_RE = re.compile(r"(?<![a-z])mmlu\b", re.IGNORECASE)


def index_column(table: Table) -> int | None:
    """A leading column numbering the rows 1..n (pandas' index)."""
    for c in range(min(2, table.n_cols)):
        values = [parse_number(row[c].text) for row in table.body]
        if (
            values
            and values == [float(i + 1) for i in range(len(values))]
            and not (table.columns[c].strip() if c < len(table.columns) else "")
        ):
            return c
    return None


def model_column(table: Table) -> int | None:
    """The first column whose cells are mostly names, else the index column."""
    numeric = set(numeric_columns(table))
    for c in range(table.n_cols):
        if c not in numeric and any(row[c].text for row in table.body):
            return c
    return index_column(table)


def _benchmark_columns(table: Table) -> list[int]:
    skip = {model_column(table), index_column(table)}
    return [c for c in numeric_columns(table) if c not in skip]


def scores_from_table(table: Table, table_index: int = 0) -> list[Score]:
    """One score per numeric cell that holds a number. Missing cells ("-") are omitted:
    they are kept, empty, in the table's body."""
    model_col = model_column(table)
    scores = []
    for row in table.body:
        model = row[model_col].text if model_col is not None else ""
        for c in _benchmark_columns(table):
            cell = row[c]
            if cell.value is None:
                continue
            scores.append(
                Score(
                    model=model,
                    model_normalised=normalise_model_name(model),
                    benchmark=table.columns[c] or f"column {c + 1}",
                    setting=table.settings[c] if c < len(table.settings) else None,
                    value=cell.value,
                    unit="%",
                    source="ocr",
                    sources=[f"ocr:table{table_index}"],
                    confidence=round(cell.confidence / 100, 3),
                    evidence={"table": table_index, "row": cell.row, "col": c, "text": cell.text},
                )
            )
    return scores


def _find(table: Table, pattern: re.Pattern[str]) -> int | None:
    for c, name in enumerate(table.columns):
        if pattern.search(name):
            return c
    return None


def rows_from_table(table: Table, table_index: int = 0) -> list[Row]:
    """(model, params_b, tokens_t, mmlu) per body row when the table has those quantities."""
    params_col = _find(table, PARAMS_RE)
    tokens_col = _find(table, TOKENS_RE)
    mmlu_col = _find(table, MMLU_RE)
    if params_col is None and tokens_col is None and mmlu_col is None:
        return []
    model_col = model_column(table)
    rows = []
    for r, cells in enumerate(table.body):
        model = cells[model_col].text if model_col is not None else ""
        params = tokens = mmlu = None
        from_name = False
        if params_col is not None:
            params = parse_params_b(cells[params_col].text, header_unit(table.columns[params_col]))
        elif model:
            params = params_from_model_name(model)
            from_name = params is not None
        if tokens_col is not None:
            tokens = parse_tokens_t(cells[tokens_col].text, header_unit(table.columns[tokens_col]))
        if mmlu_col is not None:
            mmlu = cells[mmlu_col].value
        used = [c for c in (params_col, tokens_col, mmlu_col) if c is not None]
        confidence = min((cells[c].confidence for c in used), default=0.0) / 100
        rows.append(
            Row(
                model=model,
                params_b=params,
                tokens_t=tokens,
                mmlu=mmlu,
                params_from_name=from_name,
                index=r + 1,
                source="ocr",
                sources=[f"ocr:table{table_index}"],
                confidence=round(confidence, 3),
                evidence={"table": table_index, "row": r},
            )
        )
    return rows
