"""Bars: runs of one colour standing on a common baseline, measured column by column.

The plot area is read at a reduced size (bars are large), then each bar's top is refined at
full resolution so that a value measured from the axis lands within a fraction of a unit.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import cv2
import numpy as np

from ..record import Box
from .lollipops import find_lollipops
from .outlines import filled_outlines
from .pixels import boxes_on, close_mask, distance, erase_boxes, open_mask

WORK_SIDE = 900  # px: the longer side of the reduced plot area


@dataclass
class RawBar:
    x1: float  # image pixels
    x2: float
    top: float
    bottom: float
    colour: np.ndarray
    stacked: bool = False  # a segment of a stacked bar: its value is measured from its foot
    lollipop: bool = False  # a head on a stem: ``top`` is the head's centre, x1 x2 its sides
    hanging: bool = False  # grows down from a zero line: its value is measured at its foot

    @property
    def end(self) -> float:
        """The row its value is measured at: a standing bar's top, a hanging bar's foot."""
        return self.bottom if self.hanging else self.top

    @property
    def cx(self) -> float:
        return (self.x1 + self.x2) / 2

    @property
    def width(self) -> float:
        return self.x2 - self.x1


@dataclass
class Lying:
    """A horizontal bar in image pixels, from ``base`` (the edge it grows from, on the
    left) to ``end``: a lying bar chart's (``hbars``) or a bar list's row (``bar_lists``)."""

    y1: float
    y2: float
    base: float
    end: float
    colour: np.ndarray
    stacked: bool = False  # a segment of a stacked bar: its value is its own length

    @property
    def cy(self) -> float:
        return (self.y1 + self.y2) / 2

    @property
    def thickness(self) -> float:
        return self.y2 - self.y1


def find_bars(rgb: np.ndarray, area: Box, text: list[Box], bg: np.ndarray,
              zero: float | None = None) -> list[RawBar]:
    """Vertical bars in ``area`` (image pixels), text boxes ignored. ``zero``: the row of
    the value 0 where the axis runs below it; bars then stand on that row and hang from it
    (gains and losses), a hanging bar's foot found as far below the area as it runs."""
    if zero is None or not area.y1 < zero < area.y2:
        return _standing(rgb, area, text, bg, None)
    standing = _standing(rgb, area, text, bg, zero)
    # a hanging bar is a standing one in the image turned upside down
    height = rgb.shape[0]
    lower = area.model_copy(update={"y2": min(height, area.y2 + area.height // 2)})
    hanging = _standing(np.ascontiguousarray(rgb[::-1]), _upside_down(lower, height), [
        _upside_down(box, height) for box in text], bg, height - zero)
    for bar in hanging:
        bar.top, bar.bottom, bar.hanging = height - bar.bottom, height - bar.top, True
    # a column is one bar's: a stub the other way (the zero line's width) is none
    kept = [bar for bar in standing + hanging if not any(
        other.bottom - other.top > bar.bottom - bar.top and min(bar.x2, other.x2)
        - max(bar.x1, other.x1) > 0.5 * bar.width for other in standing + hanging)]
    return sorted(kept, key=lambda bar: bar.x1)


def _upside_down(box: Box, height: int) -> Box:
    return box.model_copy(update={"y1": height - box.y2, "y2": height - box.y1})


def _standing(rgb: np.ndarray, area: Box, text: list[Box], bg: np.ndarray,
              baseline: float | None) -> list[RawBar]:
    """Bars standing on one baseline in ``area``: on ``baseline`` (a row) where given, else
    on the most common foot of the columns' lowest runs."""
    crop = rgb[area.y1 : area.y2, area.x1 : area.x2]
    if crop.size == 0:
        return []
    scale = min(1.0, WORK_SIDE / max(crop.shape[:2]))
    small = (
        cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        if scale < 1
        else crop
    )
    from_page = distance(small, bg)  # (once: the columns below measure it too)
    ink = (from_page > 40) & ~_page_round_face(small, outer_page(rgb), bg)
    if (filled := filled_outlines(ink, small)) is not None:  # bars drawn as outlines
        ink, small = filled
        from_page = distance(small, bg)
    # (before the opening below, which takes a thin stem for a rule)
    lollipops = find_lollipops(ink, small)
    if lollipops:
        return [_lollipop(rgb, area, scale, *found) for found in lollipops]
    k = max(3, round(min(small.shape[:2]) / 120))
    mask = _without_rules(open_mask(close_mask(ink, 3), k, k))
    # text is neither bar nor background: a label inside a bar does not end the bar there
    unknown = np.ones_like(mask)
    # (only the boxes on the plot are tested: a page's words mostly lie off it)
    on_plot = boxes_on(mask.shape, text, (area.x1, area.y1), scale, pad=2)
    erase_boxes(unknown, [box for box in on_plot if not _solid(rgb, box, bg)],
                (area.x1, area.y1), scale, pad=2)
    foot = None if baseline is None else round((baseline - area.y1) * scale)
    columns = _columns(mask, ~unknown, small, from_page, foot)
    if not columns:
        return []
    bars = _segments(columns, mask.shape[0])
    result = []
    for x1, x2, top, bottom, colour in bars:
        bar = RawBar(
            x1=area.x1 + x1 / scale,
            x2=area.x1 + (x2 + 1) / scale,
            top=area.y1 + top / scale,
            bottom=area.y1 + (bottom + 1) / scale,
            colour=colour,
        )
        bar.top = _refine_top(rgb, bar, 2 / scale + 2, bg)
        if bar.bottom - bar.top < 0.1 * area.height:
            # a short bar's colour, read at the reduced size, takes in its outline and the
            # axis line under it (it would then pass for a stub of another colour)
            middle = rgb[int(bar.top + 0.3 * (bar.bottom - bar.top)) :
                         int(np.ceil(bar.top + 0.6 * (bar.bottom - bar.top))),
                         int(bar.x1 + 0.3 * bar.width) : int(bar.x2 - 0.3 * bar.width) + 1]
            if middle.size:
                bar.colour = np.median(middle.reshape(-1, 3), axis=0)
        if not _backdrop(bar, area, bg):
            result.append(bar)
    return _without_stubs(_rejoined(result, 2 / scale + 1), area)


def _lollipop(rgb: np.ndarray, area: Box, scale: float, x1: int, x2: int, centre: float,
              foot: float, colour: np.ndarray) -> RawBar:
    """A lollipop found at the working size, in image pixels, its head's centre found again
    at full size: the middle of the rows where the head is at least half its width."""
    bar = RawBar(x1=area.x1 + x1 / scale, x2=area.x1 + (x2 + 1) / scale,
                 top=area.y1 + (centre + 0.5) / scale - 0.5,
                 bottom=area.y1 + (foot + 1) / scale, colour=colour, lollipop=True)
    reach = (x2 - x1 + 2) / scale
    y1, y2 = max(0, int(bar.top - reach)), min(rgb.shape[0], int(bar.top + reach) + 1)
    head = distance(rgb[y1:y2, int(bar.x1) : int(np.ceil(bar.x2))], colour) < BAR_INK
    counts = head.sum(axis=1)
    if counts.size and counts.max() > 0:
        rows = np.flatnonzero(counts >= 0.5 * counts.max())
        bar.top = y1 + (float(rows[0]) + float(rows[-1])) / 2
    return bar


def outer_page(rgb: np.ndarray) -> np.ndarray:
    """The colour of the page round the whole image: the median of its outermost pixels."""
    edges = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]).astype(np.float64)
    return np.median(edges, axis=0)


def _page_round_face(small: np.ndarray, page: np.ndarray, bg: np.ndarray) -> np.ndarray:
    """Where the crop shows the page round a plot face of another colour (matplotlib's
    grey figure round a white axes: ``classic``, ``grayscale``): pixels of the page's
    colour joined to the crop's edge. A plot area reaches past the face's frame (a step
    left of the first tick, over the names), and that margin, cut up by the names and
    ticks in it, stood as bars from the crop's edge to the frame."""
    if float(np.linalg.norm(page - bg)) <= BAR_INK:
        return np.zeros(small.shape[:2], dtype=bool)
    near_page = (distance(small, page) < PAGE_NEAR).astype(np.uint8)
    count, labels = cv2.connectedComponents(near_page, connectivity=4)
    if count <= 1:
        return np.zeros(small.shape[:2], dtype=bool)
    edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    return np.isin(labels, edge[edge > 0])


PAGE_NEAR = 20.0  # RGB distance: a pixel this near the page round the face is that page


def _without_rules(mask: np.ndarray) -> np.ndarray:
    """The mask without rules across the bars: rows where thin runs (a few pixels tall, as
    a gridline, an axis line or a frame's edge is) span a good part of the plot. Where the
    bars are as dark as the frame, the frame's top edge (what the opening leaves of it)
    was the lowest ink of every column between bars, and so the bars' baseline. A bar
    crossing such a row is thick there, and keeps it."""
    # (padded: an opening keeps whatever touches the crop's edge, as the frame's top does)
    pad = RULE_PX + 1
    thick = open_mask(np.pad(mask, ((pad, pad), (0, 0))), 1, RULE_PX + 1)[pad:-pad]
    thin = mask & ~thick
    rules = thin.sum(axis=1) > RULE_SPAN * mask.shape[1]
    if not rules.any():
        return mask
    kept = mask.copy()
    kept[rules] &= ~thin[rules]
    return kept


RULE_PX = 3  # px at the working size: a run no taller than this, across the plot, is a rule
RULE_SPAN = 0.3  # of the plot's width: thin runs this wide in one row make a rule


def _solid(rgb: np.ndarray, box: Box, bg: np.ndarray) -> bool:
    """A "word" box that is a block of one colour, not the page's, and page: a bar (or its
    end) OCR read as a letter, whose box must not hide the bar. Text leaves lines of mixed
    pixels across its box (a label printed inside a bar too); a bar's edge crosses the box
    in a straight line, so every row (or every column) is all bar or all page."""
    crop = rgb[max(0, box.y1) : box.y2, max(0, box.x1) : box.x2]
    if crop.size < 3 * SOLID_PIXELS:
        return False
    colour = np.median(crop.reshape(-1, 3).astype(np.float32), axis=0)
    if float(np.linalg.norm(colour - bg)) < BAR_INK:
        return False
    own = distance(crop, colour) < BAR_INK
    for share in (own.mean(axis=1), own.mean(axis=0)):
        pure = (share >= 0.9) | (share <= 0.1)
        if pure.mean() >= SOLID_SHARE and (share >= 0.9).mean() >= 0.5:
            return True
    return _lines_of_one_colour(crop, bg)


def _lines_of_one_colour(crop: np.ndarray, bg: np.ndarray) -> bool:
    """Each line along the box's longer side is one colour, most of them not the page's:
    bars OCR read as a word (two bars of a group in one box, rounded ends and all), where
    a word's lines cross strokes and gaps in turn."""
    lines = crop if crop.shape[1] >= crop.shape[0] else crop.transpose(1, 0, 2)
    medians = np.median(lines.astype(np.float32), axis=1)
    own = np.stack([distance(line[None], colour)[0] < BAR_INK
                    for line, colour in zip(lines, medians, strict=True)])
    pure = own.mean(axis=1) >= PURE_LINE
    coloured = np.linalg.norm(medians - np.asarray(bg, dtype=np.float32), axis=1) >= BAR_INK
    return bool(pure.mean() >= SOLID_SHARE and (pure & coloured).mean() >= 0.5)


PURE_LINE = 0.9  # of a line's pixels near its median colour: a line of one colour


BAR_INK = 40.0  # RGB distance: a pixel this near a colour is that colour (as the bars' mask)
SOLID_SHARE = 0.95  # of a box's lines all one colour or none of it: a bar's block, not text
SOLID_PIXELS = 40  # a box smaller than this is too small to tell


def _without_stubs(bars: list[RawBar], area: Box) -> list[RawBar]:
    """Tick marks and the axis line under the bars are no bars: short, narrow pieces, or
    pieces standing lower than the tall bars do."""
    tall = [bar for bar in bars if bar.bottom - bar.top >= 0.05 * area.height]
    if not tall:
        return bars
    floor = float(np.median([bar.bottom for bar in tall]))
    width = float(np.median([bar.width for bar in tall]))

    def stub(bar: RawBar) -> bool:
        unlike = all(float(np.linalg.norm(bar.colour - t.colour)) > 30 for t in tall)
        return bar.bottom - bar.top < 0.03 * area.height and (bar.width < 0.6 * width or unlike)

    return [bar for bar in bars if bar.bottom <= floor + 3 and not stub(bar)]


def run_on_below(rgb: np.ndarray, bars: list[RawBar], area: Box) -> bool:
    """Most bars go on below the area's bottom in their own colour: the area was cut
    short (the lowest ticks unread)."""
    row = min(rgb.shape[0] - 1, area.y2 + 2)
    below = [
        float(np.linalg.norm(rgb[row, min(rgb.shape[1] - 1, int(bar.cx))].astype(np.float64)
                             - bar.colour)) < 40
        for bar in bars if bar.bottom >= area.y2 - 2
    ]
    return bool(below) and sum(below) > 0.5 * len(bars)


def _rejoined(bars: list[RawBar], gap: float) -> list[RawBar]:
    """A gridline drawn over a bar cuts it in two: halves of one colour, with one top,
    a line's width apart, are one bar. So does text OCR boxed over it: pieces further apart,
    but together no wider than a bar."""
    typical = float(np.percentile([bar.width for bar in bars], 75)) if bars else 0.0
    joined: list[RawBar] = []
    for bar in bars:
        last = joined[-1] if joined else None
        if (
            last is not None
            and (bar.x1 - last.x2 <= gap or (bar.x1 - last.x2 <= 0.3 * typical
                                            and bar.x2 - last.x1 <= 1.3 * typical))
            and abs(bar.top - last.top) <= 2
            and abs(bar.bottom - last.bottom) <= 2
            and float(np.linalg.norm(bar.colour - last.colour)) < 20
        ):
            last.x2 = bar.x2
            continue
        joined.append(bar)
    return joined


def _backdrop(bar: RawBar, area: Box, bg: np.ndarray) -> bool:
    """A shape behind the plot, not a bar: nearly the background's colour (a shaded plot
    face, a band between gridlines), or wide and reaching the top of the plot area (a
    frame, the face itself). A tall bar may reach the top where the top ticks went unread."""
    pale = float(np.linalg.norm(bar.colour.astype(np.float64) - bg)) < 45
    wide = bar.width > 0.3 * area.width
    return pale or (wide and bar.top <= area.y1 + 0.02 * area.height)


def _columns(
    mask: np.ndarray, text: np.ndarray, small: np.ndarray, from_page: np.ndarray,
    baseline: int | None = None,
) -> list[tuple[int, int, int, np.ndarray]]:
    """Per column: the run of foreground standing on the baseline, through text, and its colour
    (``from_page``: each pixel's distance from the background).

    The baseline, where not given, is the most common bottom of the lowest runs; a column
    whose lowest run is something else (the top of a rotated label below the axis) is read
    again above it.
    """
    xs = np.flatnonzero(mask.any(axis=0))
    if not len(xs):
        return []
    if baseline is None:
        # the lowest inked row of each column, at once
        bottoms = mask.shape[0] - 1 - np.argmax(mask[::-1, xs], axis=0)
        baseline = int(np.bincount(bottoms).argmax())
    slack = 2 + mask.shape[0] // 100
    found = []
    # (``nonzero()[0]`` rather than ``np.flatnonzero``: the same on 1-D rows, without its
    # wrapper's cost, which this per-column loop paid many times over)
    for x in xs:
        column = mask[: baseline + slack + 1, x]
        on = column.nonzero()[0]
        if not len(on) or on[-1] < baseline - slack:
            continue
        bottom = int(on[-1])
        if bottom > baseline and column[baseline]:
            # ink just under the run through the baseline, apart from it, is no foot of a
            # bar: a name's glyph or a tick mark beside the axis (the bar was cut in two)
            apart = (~column[baseline : bottom + 1]).nonzero()[0]
            if len(apart):
                bottom = baseline + int(apart[0]) - 1
        gaps = (~(column | text[: baseline + slack + 1, x])[: bottom + 1]).nonzero()[0]
        start = int(gaps[-1]) + 1 if len(gaps) else 0
        drawn = (column[start : bottom + 1] & ~text[start : bottom + 1, x]).nonzero()[0]
        top = start + int(drawn[0]) if len(drawn) else bottom
        if bottom - top < 2:
            continue
        # the lower part: value labels printed inside a bar sit near its top
        inner = slice(top + (bottom - top) // 2, bottom - (bottom - top) // 10 + 1)
        keep = ~text[inner, x]
        pixels = small[inner, x][keep] if keep.any() else small[inner, x]
        colour = _middle(pixels.reshape(-1, 3))
        # an OCR box can take in the bar's top with a label printed inside it: there the
        # pixels of the bar's own colour are the bar
        span = slice(start, bottom + 1)
        from_colour = distance(small[span, x][None], colour)[0]
        own = from_colour < 40
        # but the page showing between a label of the bar's colour and the bar ends it
        page = from_page[span, x] < 20
        ends = (page & ~own & text[span, x]).nonzero()[0]
        drawn = (column[span] & (~text[span, x] | own)).nonzero()[0]
        if len(ends):
            drawn = drawn[drawn > ends[-1]]
        if len(drawn):
            top = min(top, start + int(drawn[0]))
        # a faint shape behind the plot can touch a bar: rows at the top of the run that are
        # nearer the background than the bar's colour are that shape, not the bar
        faint = (from_colour[top - start : inner.start - start]
                 > from_page[top : inner.start, x]) & ~text[top : inner.start, x]
        solid = (~faint).nonzero()[0]
        if len(solid) and solid[0] > 1:
            top += int(solid[0])
        if bottom - top < 2:
            continue
        found.append((int(x), top, bottom, colour))
    return found


def _middle(rows: np.ndarray) -> np.ndarray:
    """``np.median(rows, axis=0)`` without its overhead (it is called per pixel column)."""
    ordered = np.sort(rows.astype(np.float64), axis=0)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def _segments(
    columns: list[tuple[int, int, int, np.ndarray]], height: int
) -> list[tuple[int, int, float, float, np.ndarray]]:
    """Split columns into bars where they stop or change colour; drop slivers (bar edges)."""
    runs: list[list[tuple[int, int, int, np.ndarray]]] = []
    for column in columns:
        if runs:
            last = runs[-1]
            anchor = _middle(np.array([c[3] for c in last[-3:]]))
            if column[0] == last[-1][0] + 1 and np.linalg.norm(column[3] - anchor) < 30:
                last.append(column)
                continue
        runs.append([column])
    widths = [len(run) for run in runs]
    typical = float(np.median([w for w in widths if w >= 3])) if any(w >= 3 for w in widths) else 3
    bars: list[tuple[int, int, float, float, np.ndarray]] = []
    for run in runs:
        if len(run) < max(2.0, 0.3 * typical):
            continue
        centre = run[len(run) // 4 : len(run) - len(run) // 4] or run
        top = float(np.median([c[1] for c in centre]))
        bottom = float(np.median([c[2] for c in centre]))
        colour = np.median(np.array([c[3] for c in centre]), axis=0)
        if bottom - top < 1:
            continue
        if bars and _one_bar(bars[-1], run[0][0], top, run[-1][0], typical):
            x1, _, top0, bottom0, colour0 = bars[-1]
            bars[-1] = (x1, run[-1][0], top0, bottom0, colour0)
            continue
        bars.append((run[0][0], run[-1][0], top, bottom, colour))
    return bars


def _one_bar(
    previous: tuple[int, int, float, float, np.ndarray], x1: int, top: float, x2: int,
    typical: float,
) -> bool:
    """A short bar's colour wavers (its outline weighs in): pieces that touch, share a top
    and together are no wider than a bar are that bar."""
    start, end, previous_top, _, _ = previous
    return x1 - end <= 1 and abs(top - previous_top) <= 1.5 and x2 - start + 1 <= 1.3 * typical


def _refine_top(rgb: np.ndarray, bar: RawBar, reach: float, bg: np.ndarray) -> float:
    """The first row, from near the coarse top down, where the bar's central columns take
    its colour, less the part of the row above that the anti-aliased edge covers. (A label
    boxed as text just above the bar raises the coarse top to the label's: the search runs on
    down the bar.)"""
    x1 = int(bar.x1 + 0.35 * bar.width)
    x2 = max(x1 + 1, int(bar.x2 - 0.35 * bar.width))
    y1 = max(0, int(bar.top - reach))
    y2 = min(rgb.shape[0], max(int(bar.top + reach), int(bar.bottom)) + 1)
    strip = rgb[y1:y2, x1:x2]
    if strip.size == 0:
        return bar.top
    # a shaded bar's colour drifts up the bar: its top is the colour of its upper part
    below = rgb[int(bar.top + 0.05 * (bar.bottom - bar.top)) :
                int(bar.top + 0.15 * (bar.bottom - bar.top)) + 1, x1:x2]
    near = distance(strip, bar.colour) < 45
    if below.size:
        near |= distance(strip, np.median(below.reshape(-1, 3), axis=0)) < 45
    filled = near.mean(axis=1) > 0.5
    # three filled rows in a row: a grey label's anti-aliased strokes fill one or two
    steady = filled[: len(filled) - 2] & filled[1 : len(filled) - 1] & filled[2:]
    inside = np.flatnonzero(steady if steady.any() else filled)
    if not len(inside):
        return bar.top
    first = _above_text(rgb, bar, y1 + int(inside[0])) - y1
    if first <= 0:
        return float(y1 + first)
    towards = bar.colour.astype(np.float64) - bg
    norm = float(towards @ towards)
    edge = rgb[y1 + first - 1, x1:x2].astype(np.float64) - bg
    cover = float(np.clip(np.median(edge @ towards) / norm, 0.0, 1.0)) if norm else 0.0
    return float(y1 + first) - cover


def _above_text(rgb: np.ndarray, bar: RawBar, row: int) -> int:
    """The bar's top row where a label printed inside it, at its top, hid the top from the
    central columns (the coarse reading lost the narrow band above the text): up the bar's
    side columns, which the text leaves clear, while they keep the bar's colour."""
    width = bar.x2 - bar.x1
    sides = np.r_[int(bar.x1 + 0.1 * width) : int(bar.x1 + 0.25 * width) + 1,
                  int(bar.x2 - 0.25 * width) : int(bar.x2 - 0.1 * width) + 1]
    limit = max(0, int(row - 0.5 * (bar.bottom - row)))
    if row <= limit or not len(sides):
        return row
    block = rgb[limit:row][:, np.clip(sides, 0, rgb.shape[1] - 1)]
    filled = (distance(block, bar.colour) < 45).mean(axis=1) > 0.5
    clear = np.flatnonzero(~filled)  # rows above ``row`` that are not the bar's
    return limit + int(clear[-1]) + 1 if len(clear) else limit


def bar_like(bars: list[RawBar], area: Box) -> bool:
    """Bars stand on the plot's floor, and some of them are tall; the markers of a line
    chart also share a "bottom", but high up and short."""
    if len(bars) < 2:
        return False
    if any(bar.hanging for bar in bars):  # (they stand on and hang from the zero line)
        return sum(bar.bottom - bar.top >= 0.08 * area.height for bar in bars) >= 2
    floor = max(bar.bottom for bar in bars)
    tall = sum(bar.bottom - bar.top >= 0.08 * area.height for bar in bars)
    return floor >= area.y2 - 0.15 * area.height and tall >= 2


TILED_SHARE = 0.75  # of the plot's width: bars side by side covering this tile it
TOUCHING = 3  # pixels: bars this close touch


def tile_the_plot(bars: list[RawBar], area: Box) -> bool:
    """Bars side by side with no gap between any two, together as wide as most of the
    plot: fills under lines (an area chart, a step line's shading), which bar charts,
    their bars set apart, do not draw."""
    ordered = sorted(bars, key=lambda bar: bar.x1)
    touching = all(b.x1 - a.x2 <= TOUCHING for a, b in itertools.pairwise(ordered))
    covered = max(bar.x2 for bar in bars) - min(bar.x1 for bar in bars)
    return touching and covered >= TILED_SHARE * area.width


EVEN_GAPS = 1.5  # the widest gap between neighbouring bars within this of the narrowest
SAME_COLOUR = 20.0  # colour distance: two bars this close are drawn alike


def one_a_category(bars: list[RawBar]) -> bool:
    """Bars set evenly apart (each gap a few pixels at least) whose colours do not cycle
    as a grouped chart's series do (A B C A B C): one bar a category, whatever their
    colours (gains green and losses red, one bar picked out among grey ones); spacing
    shows no groups there, and a colour repeating tells none either."""
    if len(bars) < 3:
        return False
    gaps = [b.x1 - a.x2 for a, b in itertools.pairwise(bars)]
    if min(gaps) < 3 or max(gaps) > EVEN_GAPS * min(gaps):
        return False
    return not any(_cycle(bars, period) for period in range(2, len(bars) // 2 + 1))


def _cycle(bars: list[RawBar], period: int) -> bool:
    """Every ``period`` bars the colours come round again, each unlike the others within."""
    def alike(a: RawBar, b: RawBar) -> bool:
        return float(np.linalg.norm(a.colour - b.colour)) < SAME_COLOUR

    first = bars[:period]
    return all(not alike(a, b) for a, b in itertools.combinations(first, 2)) and all(
        alike(bars[i], bars[i + period]) for i in range(len(bars) - period))
