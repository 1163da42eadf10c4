"""Ruling lines: found as long runs of ink, told from chains of glyph strokes, erased so
that OCR does not read them as "|"; dotted link underlines; cells boxed one by one; and the
L of a chart's axes."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .steps import background, binarise, paint_over

# Thickest line (px, loaded image) erased as a rule; thicker runs are bars or blocks.
MAX_RULE_WIDTH = 5


@dataclass(frozen=True)
class Rule:
    """A straight ruling line, in loaded-image pixels: y (or x) and its extent."""

    position: int
    start: int
    end: int


@dataclass(frozen=True)
class RuleMasks:
    """Where the ruling lines are, as masks (255 on 0) in the grey image they came from."""

    horizontal: np.ndarray  # ink on horizontal runs at least h_len long
    vertical: np.ndarray
    h_len: int
    v_len: int
    background: np.ndarray  # the local background brightness


def _runs(mask: np.ndarray, axis: int, min_length: int) -> list[Rule]:
    """Straight runs of ink along ``axis`` (1: horizontal) at least ``min_length`` long."""
    lines = mask if axis == 1 else mask.T
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    rules = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w < min_length:
            continue
        if h > 6:
            # Letters that touch a rule (a tight grid) add short runs beside it: the rule
            # is the few rows that run the whole length; a bar is thick all along.
            rows = np.flatnonzero((_labels[y : y + h, x : x + w] == i).sum(axis=1) >= 0.8 * w)
            if not rows.size or rows[-1] - rows[0] > 5:
                continue
            y, h = y + int(rows[0]), int(rows[-1] - rows[0]) + 1
        rules.append(Rule(position=y + h // 2, start=x, end=x + w))
    return sorted(rules, key=lambda rule: rule.position)


def rule_masks(grey: np.ndarray, min_share: float = 0.12) -> RuleMasks:
    """Ink that lies on long straight runs, horizontal and vertical (morphological opening
    of the ink with long thin kernels), and the ink and background they were found against.

    Ink is thresholded against the local background so that pale zebra stripes and faint
    dotted column separators are found when they are lines and ignored when they are fills.
    """
    light = background(grey)
    contrast = cv2.absdiff(grey, light)
    _, ink = cv2.threshold(contrast, 25, 255, cv2.THRESH_BINARY)
    height, width = grey.shape
    h_len = max(30, int(width * min_share))
    v_len = max(20, int(height * min_share))
    horizontal = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1))
    )
    vertical = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len))
    )
    vertical = without_glyph_chains(vertical, horizontal, ink, h_len)
    return RuleMasks(horizontal, vertical, h_len, v_len, light)


def without_glyph_chains(
    vertical: np.ndarray, horizontal: np.ndarray, ink: np.ndarray, h_len: int
) -> np.ndarray:
    """``vertical`` less the runs that are glyph strokes joined through row rules.

    In a tightly ruled grid, letters touch the rules above and below them, so the upright
    strokes of a few rows join into one long straight run. A real column rule crosses the
    grid: it meets at least three quarters of the row rules that span it, and between
    them it stands clear of other ink. A chain of strokes meets a few of them and has the
    rest of its letters beside it. (Stacked chart panels fail the first test alone.)
    """
    rows = _runs(horizontal, 1, h_len)
    longest = max((row.end - row.start for row in rows), default=0)
    rows = [row for row in rows if row.end - row.start >= 0.5 * longest]  # not text runs
    if len(rows) < 4:
        return vertical
    count, labels, stats, _ = cv2.connectedComponentsWithStats(vertical, connectivity=8)
    out = vertical
    width = vertical.shape[1]
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        centre = x + w / 2
        spanning = [row for row in rows if row.start - 3 <= centre <= row.end + 3]
        if len(spanning) < 4:
            continue
        met = [row.position for row in spanning if y - 4 <= row.position <= y + h + 4]
        if len(met) >= 0.75 * len(spanning):
            continue
        beside = np.zeros(h, dtype=bool)
        for x1, x2 in ((max(0, x - 4), max(0, x - 1)), (min(width, x + w + 1), x + w + 4)):
            if x2 > x1:
                beside |= ink[y : y + h, x1:x2].any(axis=1)
        clear_of_rules = np.ones(h, dtype=bool)
        for position in met:
            clear_of_rules[max(0, position - y - 3) : max(0, position - y + 4)] = False
        if clear_of_rules.any() and beside[clear_of_rules].mean() > 0.25:
            if out is vertical:
                out = vertical.copy()
            out[labels == i] = 0
    return out


def find_rules(grey: np.ndarray, min_share: float = 0.12) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical ruling lines: table borders, row separators, chart axes."""
    return rules_from_masks(rule_masks(grey, min_share))


def rules_from_masks(masks: RuleMasks) -> tuple[list[Rule], list[Rule]]:
    return _runs(masks.horizontal, 1, masks.h_len), _runs(masks.vertical, 0, masks.v_len)


def _thin(lines: np.ndarray, axis: int) -> np.ndarray:
    """``lines`` less its thick parts (bars, filled blocks): thicker than ``MAX_RULE_WIDTH``
    across ``axis`` (1: the lines run horizontally, so thickness is vertical)."""
    across = MAX_RULE_WIDTH + 1
    kernel = np.ones((across, 1) if axis == 1 else (1, across), np.uint8)
    thick = cv2.morphologyEx(lines, cv2.MORPH_OPEN, kernel)
    if not thick.any():
        return lines
    thick = cv2.dilate(thick, np.ones((3, 3), np.uint8))
    return cv2.bitwise_and(lines, cv2.bitwise_not(thick))


def _erasable(
    band: np.ndarray,
    line: np.ndarray,
    stubs: np.ndarray,
    grey: np.ndarray,
    axis: int,
    min_ticks: int = 3,
    margin: int = 80,
) -> np.ndarray:
    """The pixels of ``band`` (lines along ``axis``, 1: horizontal, with their edges) to erase.

    Left out: a line that carries tick marks (at least ``min_ticks`` thin ``stubs`` sticking
    out across it from its edge): a chart axis, whose tick labels read worse once the axis is
    gone and the ticks stay (``75 -`` for ``75``). And the pixels much darker than their
    line's darker quarter (``margin`` grey levels): text written over a pale grid line, kept
    whatever its strokes' direction (a dark line protects nothing).
    """
    count, labels = cv2.connectedComponents(band, connectivity=8)
    inside = labels > 0
    if count <= 1:
        return inside
    # tick marks: thin strokes of ink touching a line, across it (looked at near the lines)
    zone = cv2.dilate(band, cv2.getStructuringElement(cv2.MORPH_RECT, (25, 25)))
    n_stubs, stub_labels, stats, _ = cv2.connectedComponentsWithStats(
        cv2.bitwise_and(stubs, zone), connectivity=8
    )
    near = cv2.dilate(band, np.ones((3, 3), np.uint8)) > 0
    touching = np.bincount(stub_labels[near], minlength=n_stubs) > 0
    ticks = np.zeros(count, dtype=np.int32)
    height, width = band.shape
    for i in np.flatnonzero(touching[1:]) + 1:
        x, y, w, h = (int(v) for v in stats[i, :4])
        thickness, length = (w, h) if axis == 1 else (h, w)
        if thickness > 3 or length < 2 * thickness:
            continue
        window = labels[
            max(0, y - 1) : min(height, y + h + 1), max(0, x - 1) : min(width, x + w + 1)
        ]
        for owner in np.unique(window[window > 0]):
            ticks[owner] += 1
    keep = ticks >= min_ticks
    # the line's own grey: its darker quarter
    core = (line > 0) & inside
    values, owners = grey[core], labels[core]
    order = np.lexsort((values, owners))
    values, owners = values[order], owners[order]
    starts = np.searchsorted(owners, np.arange(count))
    ends = np.searchsorted(owners, np.arange(count), side="right")
    level = np.full(count, -1, dtype=np.int32)  # no core pixels: nothing is darker
    has = ends > starts
    level[has] = values[starts[has] + (ends[has] - starts[has] - 1) // 4]
    ys, xs = np.nonzero(inside)
    owner = labels[ys, xs]
    erase = ~keep[owner] & (grey[ys, xs].astype(np.int32) >= level[owner] - margin)
    out = np.zeros(band.shape, dtype=bool)
    out[ys[erase], xs[erase]] = True
    return out


def remove_rules(grey: np.ndarray, masks: RuleMasks) -> tuple[np.ndarray, bool]:
    """The grey image (dark on light) with its ruling lines painted over with the page
    around them, so that OCR neither reads them as ``|``, ``[`` or ``~`` nor loses the glyphs
    that touch them.

    The lines are the long thin runs of the ink (Otsu's, and whatever is clearly darker than
    the local background), widened by a pixel across for their blurred edges; bars and
    filled blocks are thicker and stay. Each line pixel takes the value of a grey closing
    across the line: a short max-then-min that is lighter than a thin line yet keeps a
    glyph stroke that crosses it dark, so digits written over a rule keep their strokes.
    Left as they are: lines with tick marks (chart axes), and the text written over a pale
    grid line. ``masks.horizontal`` / ``masks.vertical`` (the rules tables and charts use) are
    not changed. Returns the image and whether anything was erased.
    """
    darker = cv2.subtract(masks.background, grey)  # 0 where lighter than the background
    ink = cv2.bitwise_or(binarise(grey), cv2.threshold(darker, 25, 255, cv2.THRESH_BINARY)[1])
    long_h = cv2.getStructuringElement(cv2.MORPH_RECT, (masks.h_len, 1))
    long_v = cv2.getStructuringElement(cv2.MORPH_RECT, (1, masks.v_len))
    rows = cv2.morphologyEx(ink, cv2.MORPH_OPEN, long_h)
    horizontal = _thin(rows, 1)
    columns = cv2.morphologyEx(ink, cv2.MORPH_OPEN, long_v)
    vertical = _thin(without_glyph_chains(columns, rows, ink, masks.h_len), 0)
    if not horizontal.any() and not vertical.any():
        return grey, False
    band_h = cv2.dilate(horizontal, np.ones((3, 1), np.uint8))
    band_v = cv2.dilate(vertical, np.ones((1, 3), np.uint8))
    stubs = cv2.bitwise_and(ink, cv2.bitwise_not(cv2.bitwise_or(band_h, band_v)))
    erase_h = _erasable(band_h, horizontal, stubs, grey, 1)
    erase_v = _erasable(band_v, vertical, stubs, grey, 0)
    if not erase_h.any() and not erase_v.any():
        return grey, False
    across = MAX_RULE_WIDTH + 4  # more than a line and its two edge pixels
    out = grey.copy()
    for erase, kernel in ((erase_h, (across, 1)), (erase_v, (1, across))):
        if erase.any():
            closed = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, np.ones(kernel, np.uint8))
            out[erase] = closed[erase]
    crossings = erase_h & erase_v  # where lines cross, a closing across both
    if crossings.any():
        closed = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, np.ones((across, across), np.uint8))
        out[crossings] = closed[crossings]
    return out, True


def _even(lengths: np.ndarray, gaps: np.ndarray, share: float = 0.85) -> bool:
    """Drawn dots: nearly all of one length and one spacing to the pixel. The bottoms of
    letters in a row vary by a pixel here and there."""
    def usual(values: np.ndarray) -> float:
        return float(np.bincount(values).max() / len(values)) if len(values) else 1.0

    return usual(lengths) >= share and usual(gaps) >= share


def _dotted_spans(row: np.ndarray, x_height: float, least: int = 8) -> list[tuple[int, int]]:
    """Where a row of ink (bool) is a dotted or dashed line: at least ``least`` marks in a
    row, alike in length and evenly spaced, small and close for the text size. A row across
    letters has marks too, but their lengths and gaps vary."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], row.view(np.int8), [0]))))
    starts, ends = edges[0::2], edges[1::2]
    if len(starts) < least:
        return []
    lengths, gaps = ends - starts, starts[1:] - ends[:-1]
    small = max(3.0, 0.4 * x_height)
    # A chain needs ``least`` small marks in a row with small gaps between them: a row
    # with no such run (most rows through text) has none, and its marks are not walked.
    linked = (lengths[1:] <= small) & (gaps <= small)
    if len(linked) < least - 1 or not (
        np.convolve(linked, np.ones(least - 1, dtype=int), "valid") >= least - 1
    ).any():
        return []
    spans, first = [], 0
    for i in range(1, len(starts) + 1):
        # every mark as long as the chain's first, every gap as wide as its first gap
        alike = (
            i < len(starts)
            and lengths[i] <= small
            and gaps[i - 1] <= small
            and abs(int(lengths[i]) - int(lengths[first])) <= 1
            and (i - first < 2 or abs(int(gaps[i - 1]) - int(gaps[first])) <= 1)
        )
        if alike:
            continue
        if i - first >= least and lengths[first] <= small and _even(
            lengths[first:i], gaps[first : i - 1]
        ):
            spans.append((int(starts[first]), int(ends[i - 1])))
        first = i
    return spans


def _share_under_ink(ink: np.ndarray, y: int, x1: int, x2: int) -> float:
    """The share of row ``y``'s ink between ``x1`` and ``x2`` with ink right above it: all
    of it on the bottom row of letters (strokes come down to it), less under an underline
    whose dots fall under letters and between them alike."""
    if y == 0:
        return 0.0
    row = ink[y, x1:x2]
    return float((row & ink[y - 1, x1:x2]).sum() / max(int(row.sum()), 1))


def erase_underlines(grey: np.ndarray, x_height: float) -> tuple[np.ndarray, bool]:
    """The grey image with dotted or dashed underlines painted over (links in leaderboards):
    OCR reads the dots under a space as "." or ":" ("Claude.3.Opus"). The marks of text
    stay: a row across letters is never that regular. Solid underlines are left: OCR reads
    past them, and a solid stroke is as often a table's rule, which ``remove_rules`` decides."""
    if x_height <= 0:
        return grey, False
    ink = binarise(grey) > 0
    erase = np.zeros(ink.shape, dtype=bool)
    small = max(3.0, 0.4 * x_height)
    for y in np.flatnonzero(ink.sum(axis=1) >= 6).tolist():
        # An underline is the lowest ink there (a row through letters has ink below it),
        # and hangs below the letters (their bottom row stands on ink above every mark).
        below = ink[y + 2 : y + 4]
        spans = [
            (x1, x2)
            for x1, x2 in _dotted_spans(ink[y], x_height)
            if x2 - x1 >= 4 * x_height
            and (below.size == 0 or below[:, x1:x2].mean() <= 0.1)
            and _share_under_ink(ink, y, x1, x2) <= 0.66
        ]
        if not spans:
            continue
        # One underline, broken where a dot touches a letter: its pieces joined, and in
        # between only the marks as small as its dots.
        start, end = spans[0]
        for x1, x2 in [*spans[1:], (10**9, 10**9)]:
            if x1 - end <= 2 * x_height:
                end = x2
                continue
            piece = ink[y, start:end]
            edges = np.flatnonzero(np.diff(np.concatenate(([0], piece.view(np.int8), [0]))))
            for a, b in zip(edges[0::2], edges[1::2], strict=True):
                if b - a <= small:  # the mark, and the row of it below (dots 2 px tall)
                    erase[y : y + 2, start + a : start + b] = ink[y : y + 2, start + a : start + b]
            start, end = x1, x2
    return paint_over(grey, ink, erase, across_only=True)


def boxed_cells(grey: np.ndarray, x_height: float) -> list[tuple[int, int, int, int]]:
    """Cells boxed one by one (an HTML table with ``border=1``): the holes of the ink that
    are rectangles, taller than a line of text and wider than a few letters. Their borders
    are too short for the column rules ``rule_masks`` finds. (x, y, w, h) each."""
    if x_height <= 0:
        return []
    ink = binarise(grey)
    contours, hierarchy = cv2.findContours(ink, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    cells = []
    for contour, (_, _, _, parent) in zip(contours, hierarchy[0], strict=True):
        if parent < 0:
            continue  # an outer edge of ink, not a hole in it
        x, y, w, h = cv2.boundingRect(contour)
        if h < 1.8 * x_height or w < 3 * x_height or h > 12 * x_height:
            continue
        if cv2.contourArea(contour) >= 0.9 * w * h:
            cells.append((x, y, w, h))
    # A grid: each cell shares its row (top and height) with another cell, and its left
    # side with a cell of another row. Buttons and panels of a page's frame do not.
    gridded = [
        (x, y, w, h)
        for x, y, w, h in cells
        if any(abs(y - b) <= 3 and abs(h - d) <= 3 and abs(x - a) > 3 for a, b, _, d in cells)
        and any(abs(x - a) <= 3 and abs(y - b) > 3 for a, b, _, _ in cells)
    ]
    return gridded if len(gridded) >= 6 else []


def unruled(
    cells: list[tuple[int, int, int, int]], vertical: list[Rule]
) -> list[tuple[int, int, int, int]]:
    """``cells``, unless the column rules found already run along most of their sides (a
    ruled grid: its rules are erased as rules)."""
    def ruled(x: int, y: int, h: int) -> bool:
        return any(
            abs(rule.position - x) <= 3 and rule.start <= y + 2 and rule.end >= y + h - 2
            for rule in vertical
        )

    sides = [(side, y, h) for x, y, w, h in cells for side in (x - 1, x + w)]
    if not sides or sum(ruled(*side) for side in sides) >= 0.5 * len(sides):
        return []
    return cells


def cell_sides(cells: list[tuple[int, int, int, int]], reach: int = 10) -> list[Rule]:
    """The cells' left and right sides as column rules: sides at one x in rows one under
    the other joined into one rule down the column."""
    sides = sorted(
        ((side, y, y + h) for x, y, w, h in cells for side in (x - 1, x + w)),
        key=lambda side: (side[0], side[1]),
    )
    rules: list[Rule] = []
    for x, top, bottom in sides:
        last = rules[-1] if rules else None
        if last is not None and abs(last.position - x) <= 2 and top - last.end <= reach:
            rules[-1] = Rule(position=last.position, start=last.start, end=max(last.end, bottom))
        else:
            rules.append(Rule(position=x, start=top, end=bottom))
    return rules


def erase_cell_borders(
    grey: np.ndarray, cells: list[tuple[int, int, int, int]], width: int = 3
) -> np.ndarray:
    """The borders around boxed cells painted over with the page around them."""
    ink = binarise(grey) > 0
    ring = np.zeros(grey.shape, dtype=bool)
    height, breadth = grey.shape
    for x, y, w, h in cells:
        x1, y1 = max(0, x - width), max(0, y - width)
        x2, y2 = min(breadth, x + w + width), min(height, y + h + width)
        ring[y1:y2, x1:x2] = True
        ring[y + 1 : y + h - 1, x + 1 : x + w - 1] = False  # the cell's inside stays
    erase = ring & ink
    out = grey.copy()
    out[erase] = background(grey)[erase]
    return out


def chart_plot(horizontal: list[Rule], vertical: list[Rule],
               tolerance: int = 8) -> tuple[int, int, int, int] | None:
    """The box (x1, y1, x2, y2) a chart's axes enclose: an L, a vertical rule whose bottom
    meets a horizontal rule's left end, in a picture that is not ruled like a table (many
    rules as wide as that axis). None without one."""
    for v in vertical:
        for h in horizontal:
            if abs(h.position - v.end) <= tolerance and abs(h.start - v.position) <= tolerance:
                alike = sum(
                    1
                    for other in horizontal
                    if abs(other.start - h.start) <= tolerance
                    and abs(other.end - h.end) <= tolerance
                )
                return (v.position, v.start, h.end, h.position) if alike <= 3 else None
    return None


def has_chart_axes(horizontal: list[Rule], vertical: list[Rule], tolerance: int = 8) -> bool:
    """The L of a chart's axes (``chart_plot``) stands in the picture."""
    return chart_plot(horizontal, vertical, tolerance) is not None


def ruled_lattice(horizontal: list[Rule], vertical: list[Rule], tolerance: int = 4,
                  least: int = 3) -> bool:
    """A table ruled round every cell: at least ``least`` horizontal rules that share their
    two ends, crossed by as many vertical rules that share theirs, each kind running from
    the first rule of the other kind to its last. Outlines of filled shapes (a dark page's
    bars, once inverted) end at many heights and cross no such ladder."""

    def alike(rules: list[Rule]) -> list[Rule]:
        best: list[Rule] = []
        for rule in rules:
            same = [other for other in rules if abs(other.start - rule.start) <= tolerance
                    and abs(other.end - rule.end) <= tolerance]
            best = same if len(same) > len(best) else best
        return best

    rows, columns = alike(horizontal), alike(vertical)
    if len(rows) < least or len(columns) < least:
        return False
    top, bottom = rows[0].position, rows[-1].position
    left, right = columns[0].position, columns[-1].position
    return (abs(columns[0].start - top) <= tolerance and abs(columns[0].end - bottom) <= tolerance
            and abs(rows[0].start - left) <= tolerance and abs(rows[0].end - right) <= tolerance)
