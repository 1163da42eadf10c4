"""A spreadsheet's frame around its cells: the row numbers down the left (1, 2, 3 ... one
per grid row, at one pitch), the column letters above (A B C), and the application's
chrome above those (menus, toolbar, name box and formula bar) and below the last row
(sheet tabs). None of it is table content, and each part read as text misleads the layout:
the row numbers become a column, the letters and the formula bar's text join the header.

The row numbers are the frame's signature: integers stacked at one x, at one pitch, that
count up with the rows. Their rows are the sheet; what lies above the sheet's first row,
left of the numbers, or below the numbered rows once the table has ended, is the frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING

import cv2
import numpy as np

from .. import ocr
from ..record import Box, Word
from .lines import is_numeric_text

if TYPE_CHECKING:
    from ..config import OcrSettings
    from ..preprocess import Prepared

# Fewest row numbers that make a frame: three could be a short rank column's "1 2 3",
# unless each stands alone on its line (the empty rows under a table: small digits are
# often lost on the page, and the two-digit numbers of those rows are what is left).
MIN_ROW_NUMBERS = 4
MIN_ALONE = 3


@dataclass(frozen=True)
class SheetFrame:
    """Row ``n``'s centre is at ``origin + n * pitch`` (upright pixels)."""

    origin: float
    pitch: float
    first: int  # the lowest and highest row numbers read
    last: int
    right: int  # where the row numbers' strip ends
    top: float  # the first row's top: above it lie the column letters and the chrome
    empty_below: bool  # the table ended before the visible rows did

    def row_top(self, number: float) -> float:
        return self.origin + (number - 0.5) * self.pitch


def _row_number(word: Word) -> int | None:
    text = word.text.strip()
    return int(text) if text.isdigit() and len(text) <= 4 and int(text) > 0 else None


def find_frame(words: list[Word]) -> SheetFrame | None:
    """The row numbers' frame, when the leftmost words of enough lines count the rows."""
    lines = ocr.group_lines(words)
    candidates: list[tuple[int, Word, list[int]]] = []  # (number, word, its line)
    for line in lines:
        first = words[line[0]]
        number = _row_number(first)
        if number is not None:
            candidates.append((number, first, line))
    if len(candidates) < MIN_ALONE:
        return None
    height = float(median(word.box.height for _, word, _ in candidates))
    # The numbers stand in one narrow strip (centred or set right in it).
    best: list[tuple[int, Word, list[int]]] = []
    for _, anchor, _ in candidates:
        stack = [c for c in candidates if abs(c[1].box.x2 - anchor.box.x2) <= 1.2 * height]
        if len(stack) > len(best):
            best = stack
    best.sort(key=lambda c: c[1].box.cy)
    steps = [
        (b[1].box.cy - a[1].box.cy) / (b[0] - a[0])
        for a, b in pairwise(best)
        if b[0] > a[0]
    ]
    if not steps:
        return None
    pitch = float(median(steps))
    if pitch < 1.2 * height:
        return None  # lines closer than rows: a column of numbers in running text
    origin = float(median(word.box.cy - number * pitch for number, word, _ in best))
    members = [c for c in best if abs(c[1].box.cy - origin - c[0] * pitch) <= 0.25 * pitch]
    numbers = sorted({number for number, _, _ in members})
    alone = sum(1 for _, _, line in members if len(line) == 1)
    if len(numbers) < MIN_ROW_NUMBERS and alone < MIN_ALONE:
        return None
    if len(numbers) < 0.6 * (numbers[-1] - numbers[0] + 1):
        return None
    # A rank column counts only table rows, each with its numbers; a sheet numbers its
    # header row and its empty rows too, which hold no number beside the row number.
    bare = [
        line
        for _, word, line in members
        if not any(is_numeric_text(words[i].text) for i in line if words[i] is not word)
    ]
    if not bare:
        return None
    # The sheet starts at its first visible row; rows whose numbers were not read lie
    # above it as far as the ruler of column letters (or row 1, if the ruler is unread).
    top = origin + (numbers[0] - 0.5) * pitch
    for number in range(numbers[0] - 1, 0, -1):
        band_top = origin + (number - 0.5) * pitch
        if _is_letter_line(words, lines, band_top, top):
            break
        top = band_top
    last = max(members, key=lambda c: c[0])
    return SheetFrame(
        origin=origin,
        pitch=pitch,
        first=numbers[0],
        last=numbers[-1],
        right=max(word.box.x2 for _, word, _ in members),
        top=top,
        empty_below=last[2] in bare and len(last[2]) == 1,
    )


def _is_letter_line(words: list[Word], lines: list[list[int]], top: float, bottom: float) -> bool:
    """A line centred in the band whose pieces are all column letters ("A", "B", "AA")."""
    for line in lines:
        texts = [words[i].text.strip() for i in line]
        if top <= words[line[0]].box.cy < bottom and all(
            t.isalpha() and t.isupper() and len(t) <= 2 for t in texts
        ):
            return True
    return False


def strip_sheet_frame(words: list[Word], frame: SheetFrame) -> list[Word]:
    """``words`` less a spreadsheet's frame: row numbers, column letters, chrome."""
    bottom = frame.row_top(frame.last + 1) if frame.empty_below else float("inf")
    return [
        word for word in words if word.box.cx > frame.right and frame.top <= word.box.cy < bottom
    ]


# A grid line is a column of pixels darker than the pixels a few to one side of it (a
# spreadsheet's grid is pale, about 30 levels under white, and JPEG and the local
# background leave less) down most rows of the sheet (a filled header band and a selected
# cell's handle hide it in some); a glyph's stroke is at most a row's height apart.
GRID_STEP = 3
GRID_DARKER = 8
GRID_COVERAGE = 0.7
STRIP_PAD = 20  # white around the row-number strip read alone (upscaled pixels)


def grid_columns(frame: SheetFrame, rgb: np.ndarray) -> list[Box]:
    """The sheet's pale vertical grid lines, as column rules (loaded-image pixels): the
    page's rule finder misses lines this faint among text, and without them two narrow
    columns' numbers read as one chunk."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.int16)
    height, width = grey.shape
    top = max(0, int(frame.top))
    bottom = min(height, int(frame.row_top(frame.last + 1)))
    left = frame.right + GRID_STEP
    if bottom - top < 3 * frame.pitch or width - left < 4 * GRID_STEP:
        return []
    band = grey[top:bottom]
    centre = band[:, left : width - GRID_STEP]
    # The lighter side: a number set flush against the line darkens the other.
    sides = np.maximum(
        band[:, left - GRID_STEP : width - 2 * GRID_STEP], band[:, left + GRID_STEP : width]
    )
    coverage = ((sides - centre) >= GRID_DARKER).mean(axis=0)
    found = np.flatnonzero(coverage >= GRID_COVERAGE) + left
    rules: list[Box] = []
    for x in found:
        if rules and x - rules[-1].x2 <= 2:  # a line two pixels wide, or blurred
            rules[-1] = rules[-1].model_copy(update={"x2": int(x) + 1})
        else:
            rules.append(Box(x1=int(x) - 1, y1=top, x2=int(x) + 1, y2=bottom))
    return rules


def _left_edge(rgb: np.ndarray) -> int | None:
    """The leftmost line near the left edge that runs down most of the lower two thirds of
    the page (where a sheet's cells are, under the chrome): the row-number strip's edge.
    Found in the pixels, since text set close to it hides it from the page's rule finder."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.int16)
    height, width = grey.shape
    band = grey[height // 3 :, : int(0.15 * width) + GRID_STEP]
    if band.shape[1] <= 12 + GRID_STEP:
        return None
    centre = band[:, 12 : band.shape[1] - GRID_STEP]
    sides = np.maximum(band[:, 12 - GRID_STEP : -2 * GRID_STEP], band[:, 12 + GRID_STEP :])
    coverage = ((sides - centre) >= GRID_DARKER).mean(axis=0)
    found = np.flatnonzero(coverage >= GRID_COVERAGE)
    return int(found[0]) + 12 if found.size else None


def read_row_numbers(prepared: Prepared, settings: OcrSettings) -> list[Word]:
    """The words of the strip left of a line that runs down most of the page near its left
    edge, read on their own (upright pixels): a sheet's row numbers, small grey digits
    each alone on its line, are often dropped from the whole page's reading."""
    if prepared.angle or prepared.rgb is None:
        return []
    edge = _left_edge(prepared.rgb)
    if edge is None:
        return []
    scale = prepared.scale
    strip = prepared.grey[:, : int((edge - 2) * scale)]
    if strip.size == 0 or not (strip < 128).any():
        return []
    pad = STRIP_PAD
    page = np.full((strip.shape[0] + 2 * pad, strip.shape[1] + 2 * pad), 255, dtype=np.uint8)
    page[pad : pad + strip.shape[0], pad : pad + strip.shape[1]] = strip
    found = ocr.read_words(page, settings, psm=6, numeric=True)
    return [
        word.model_copy(
            update={
                "box": Box(
                    x1=int((word.box.x1 - pad) / scale),
                    y1=int((word.box.y1 - pad) / scale),
                    x2=round((word.box.x2 - pad) / scale),
                    y2=round((word.box.y2 - pad) / scale),
                )
            }
        )
        for word in found
        if _row_number(word) is not None
    ]


def read_frame(
    words: list[Word], prepared: Prepared | None, settings: OcrSettings
) -> tuple[SheetFrame | None, list[Word], list[Box]]:
    """A spreadsheet's frame, ``words`` less it, and the sheet's grid lines as column rules;
    no frame, ``words`` as they are and no rules when they show no spreadsheet. Where the
    page's reading holds too few row numbers, the strip they would be in is read alone."""
    frame = find_frame(words)
    if frame is None and prepared is not None:
        numbers = read_row_numbers(prepared, settings)
        if numbers:
            frame = find_frame(words + numbers)
    if frame is None:
        if prepared is None or prepared.angle or prepared.rgb is None:
            return None, words, []
        pale = pale_grid_columns(prepared.rgb)
        # Where the page's rule finder saw most of the grid's column lines whole (a drawn
        # table's, darker than a sheet's), its rules stand alone.
        seen = [
            line
            for line in pale
            if any(
                abs(rule.position - line.cx) <= GRID_STEP
                and min(rule.end, line.y2) - max(rule.start, line.y1) >= 0.8 * line.height
                for rule in prepared.vertical
            )
        ]
        return None, words, [] if 2 * len(seen) >= len(pale) else pale
    rgb = prepared.rgb if prepared is not None and prepared.angle == 0.0 else None
    rules = [] if rgb is None else grid_columns(frame, rgb)
    return frame, strip_sheet_frame(words, frame), rules


# A sheet shown without its row numbers and letters (Numbers, a pasted range, a ruler
# turned off) still has its pale grid: lines at one pitch down the page, each darker than
# the pixels a few rows above and below it along most of its length, and pale themselves
# (a table's drawn rules are dark, and the page's rule finder has them already).
PALE_LINE = 150  # a pale grid line's median grey is lighter than this... darker is a rule
MIN_GRID_ROWS = 6  # row lines at one pitch that make a sheet's grid
ROW_COVERAGE = 0.5  # of the page's width
PITCH_SLACK = 2  # px a row line may stand off its pitch


def _pale_lines(grey: np.ndarray, axis: int, coverage_needed: float) -> list[int]:
    """Centres of pale lines across ``grey``: rows (axis 0) darker than both rows
    ``GRID_STEP`` away, or columns (axis 1) darker than the lighter of the columns beside
    them (a number set flush against a column line darkens one side), along at least
    ``coverage_needed`` of their length."""
    image = grey if axis == 0 else grey.T
    centre = image[GRID_STEP:-GRID_STEP]
    before, after = image[: -2 * GRID_STEP], image[2 * GRID_STEP :]
    sides = np.minimum(before, after) if axis == 0 else np.maximum(before, after)
    coverage = ((sides - centre) >= GRID_DARKER).mean(axis=1)
    found = [int(i) for i in np.flatnonzero(coverage >= coverage_needed)]
    lines: list[list[int]] = []
    for i in found:
        if lines and i - lines[-1][-1] <= 2:
            lines[-1].append(i)
        else:
            lines.append([i])
    return [
        int(median(run)) + GRID_STEP
        for run in lines
        if float(median(image[int(median(run)) + GRID_STEP])) >= PALE_LINE
    ]


def pale_grid_columns(rgb: np.ndarray) -> list[Box]:
    """A sheet's pale grid where no row numbers frame it: row lines at one pitch (at least
    ``MIN_GRID_ROWS`` of them), and the column lines that run down most of the rows they
    span, as column rules (loaded-image pixels). None where the page has no such grid."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.int16)
    if grey.shape[0] < 8 * GRID_STEP or grey.shape[1] < 8 * GRID_STEP:
        return []
    rows = _pale_lines(grey, 0, ROW_COVERAGE)
    if len(rows) < MIN_GRID_ROWS:
        return []
    pitch = float(median(b - a for a, b in pairwise(rows)))
    if pitch < 4 * GRID_STEP:
        return []
    # The longest run of row lines at that pitch is the sheet.
    best: list[int] = []
    run: list[int] = [rows[0]]
    for a, b in pairwise(rows):
        if abs(b - a - pitch) <= PITCH_SLACK:
            run.append(b)
        else:
            run = [b]
        if len(run) > len(best):
            best = list(run)
    if len(best) < MIN_GRID_ROWS:
        return []
    top, bottom = best[0], best[-1]
    columns = _pale_lines(grey[top:bottom], 1, GRID_COVERAGE)
    if len(columns) < 3:
        return []
    return [Box(x1=x - 1, y1=top, x2=x + 1, y2=bottom) for x in columns]
