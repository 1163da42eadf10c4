"""Panels: the plot area each y axis opens to its right, and the titles around it."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ..ocr.phrase import Phrase
from ..record import Box, Word
from .axes import Fit
from .pixels import background, distance
from .text import parse_number


@dataclass
class Panel:
    y: Fit
    area: Box  # the plot area, image pixels
    tick_left: int  # left edge of the y tick labels
    tick_height: float
    top_tick: float  # pixel row of the highest tick
    floor: int = 0  # how far down the area may reach: to the x labels (bars cut short)
    x: Fit | None = None
    right: Fit | None = None  # a second y axis printed right of the plot (``twin_axes``)

    @property
    def axis_at_right(self) -> bool:
        """The y axis is printed right of the plot (its only axis there)."""
        return min(p.box.x1 for p in self.y.ticks) >= self.area.x2


def reading_order(panel: Panel) -> tuple[int, int]:
    """Rows of panels top to bottom, each left to right (rows told apart by half a panel)."""
    row_height = max(1, panel.area.height // 2)
    return panel.area.y1 // row_height, panel.area.x1


def inside(box: Box, area: Box, slack: int = 0) -> bool:
    return (
        area.x1 - slack <= box.cx <= area.x2 + slack
        and area.y1 - slack <= box.cy <= area.y2 + slack
    )


STRAY = "\"'`|.,:;-_~"  # marks OCR reads beside a number from a bar's edge or a glyph


def plot_panel(
    fit: Fit, fits: list[Fit], found: list[Phrase], x_ticks: set[int], rgb: np.ndarray
) -> Panel:
    """The plot area beside a y-axis: right of it up to the next axis or the end of the
    plot's rules (or left of it, where the axis is printed at the plot's right only),
    between title and x labels."""
    height = rgb.shape[0]
    top_px, bottom_px = fit.span_px
    step = (bottom_px - top_px) / max(1, len(fit.ticks) - 1)
    tick_height = float(np.median([p.height for p in fit.ticks]))
    tick_left = min(p.box.x1 for p in fit.ticks)
    tick_right = max(p.box.x2 for p in fit.ticks)
    left, right = _opened_right(fit, fits, rgb, tick_height)
    # nothing plotted right of the ticks, rules run left from them: the axis is printed at
    # the plot's right side only (no axis stands left of it to make it a twin)
    opened = _opened_left(fit, fits, rgb, tick_height) if right - left < max(
        SLIVER_TICKS * tick_height, SLIVER_SHARE * rgb.shape[1]) else None
    at_right = opened is not None
    if opened is not None:
        left, right = opened
    # the text column this panel spans: its tick labels and its plot
    column = (left, tick_right) if at_right else (tick_left, right)
    ticks_between = (right, tick_right) if at_right else (tick_left, left)
    top = max(0.0, top_px - 0.6 * step)
    # a frame drawn above the top tick: the plot reaches up to it, and text under it (a
    # legend inside the frame) is not a title that ends the plot
    frame = _frame_top(rgb, left, right, top_px, step, right if at_right else left)
    if frame is not None:
        top = frame + 1.0
    bottom = min(float(height), bottom_px + 1.3 * step)
    # ticks OCR lost at the bottom ("0", "20") leave steps unread: down to the x labels
    floor = min(float(height), bottom_px + 3.3 * step)
    # text above the row of x tick labels (numbers) lies inside the plot: a legend set
    # below the lowest y tick ends nothing
    x_row = min((p.box.y1 for p in found if id(p) in x_ticks
                 and column[0] <= p.box.cx <= column[1]
                 and bottom_px + 0.5 * tick_height < p.box.cy <= floor), default=None)
    for phrase in found:
        box = phrase.box
        if not (column[0] <= box.cx <= column[1]):
            continue
        # x labels end the plot area; value labels (of short bars) do not
        # (a value label read with a stray mark, '"19.5', is still a value label)
        # (nor does a y tick misread, "10>": a number in the tick labels' column)
        axis_label = (phrase.value is None and parse_number(phrase.text.strip(STRAY)) is None
                      and not _in_tick_column(phrase, ticks_between, tick_height, at_right)
                      ) or id(phrase) in x_ticks
        inside_plot = x_row is not None and id(phrase) not in x_ticks and box.y2 < x_row
        if axis_label and box.cy > bottom_px + 0.5 * tick_height and not inside_plot \
                and not _stacked_under(phrase, found, bottom_px + 0.5 * tick_height,
                                       tick_height):
            bottom = min(bottom, box.y1 - 1.0)
            floor = min(floor, box.y1 - 1.0)
        if phrase.value is None and top < box.y2 < top_px and box.cy < top_px - 0.4 * tick_height \
                and frame is None:
            top = box.y2 + 1.0
    area = Box(x1=left, y1=int(top), x2=int(right), y2=int(bottom))
    return Panel(y=fit, area=area, tick_left=column[0], tick_height=tick_height,
                 top_tick=top_px, floor=int(max(floor, bottom)))


SLIVER_TICKS = 4.0  # tick label heights: a plot area narrower than this right of the ticks
SLIVER_SHARE = 0.1  # of the page's width: (or than this) is the page's margin, no plot


def _opened_right(fit: Fit, fits: list[Fit], rgb: np.ndarray, tick_height: float
                  ) -> tuple[int, int]:
    """The plot's columns right of the y ticks: up to the next axis or the rules' end."""
    top_px, bottom_px = fit.span_px
    left = max(p.box.x2 for p in fit.ticks) + int(0.3 * tick_height) + 1
    right = rgb.shape[1]
    for other in fits:
        other_left = min(p.box.x1 for p in other.ticks)
        low, high = other.span_px
        if other_left > left and low < bottom_px and high > top_px:
            right = min(right, other_left - 1)
    return left, min(right, _rules_end(rgb, left, right, top_px, bottom_px))


def _opened_left(fit: Fit, fits: list[Fit], rgb: np.ndarray, tick_height: float
                 ) -> tuple[int, int] | None:
    """The plot's columns left of the y ticks, where the page's rules run from the ticks to
    the left and no other axis stands left of them; None otherwise. Found as the rules'
    end in the page seen in a mirror."""
    top_px, bottom_px = fit.span_px
    right = min(p.box.x1 for p in fit.ticks) - int(0.3 * tick_height) - 1
    if any(max(p.box.x2 for p in other.ticks) < right and other.span_px[0] < bottom_px
           and other.span_px[1] > top_px for other in fits if other is not fit):
        return None  # a twin axis: the plot is the left axis' (``twin_axes``)
    width = rgb.shape[1]
    mirrored = np.ascontiguousarray(rgb[:, ::-1])
    end = _rules_end(mirrored, width - right, width, top_px, bottom_px)
    if end >= width:  # no rule ends short of the page's edge: none was drawn
        return None
    left = width - end
    return (left, right) if right - left >= SLIVER_TICKS * tick_height else None


def _in_tick_column(phrase: Phrase, ticks_between: tuple[int, int], tick_height: float,
                    at_right: bool) -> bool:
    """Short text with a digit in it, inside the column of the y tick labels (from the
    labels' outer edge to the plot): a tick label read with a stray glyph, not an x label
    (those stand under the plot)."""
    box, (start, end) = phrase.box, ticks_between
    within = (start < box.cx and box.x2 <= end + 0.5 * tick_height) if at_right else (
        box.x1 >= start - 0.5 * tick_height and box.cx < end)
    return within and any(c.isdigit() for c in phrase.text)


def _stacked_under(phrase: Phrase, found: list[Phrase], inside_px: float, tick_height: float
                   ) -> bool:
    """A word set flush left under a word inside the plot, a line below it: the last
    entry of a legend inside the plot, reaching below the lowest tick (its entries
    above stand among the ticks), not an x label ending the plot."""
    return any(
        other is not phrase and other.value is None and other.box.cy < inside_px
        and abs(other.box.x1 - phrase.box.x1) <= 0.5 * tick_height
        and 0 < phrase.box.cy - other.box.cy <= STACK_GAP * tick_height
        for other in found
    )


STACK_GAP = 3.0  # tick label heights: the most from one legend entry's middle to the next


FRAME_SHARE = 0.85  # of the plot's width: a colour edge this long above the ticks is a frame
FRAME_REACH = 1.2  # tick steps above the top tick where a frame is looked for
EDGE = 30  # summed channel change over two pixels that makes an edge


def _frame_top(rgb: np.ndarray, left: int, right: int, top_px: float, step: float,
               axis_x: int) -> int | None:
    """The row of a frame's (or a shaded face's) top edge above the top tick: the highest
    row where the colour changes across most of the plot's width; None where none is.
    ``axis_x``: the plot's edge by its y axis, where the frame's side runs down."""
    y1, y2 = max(1, int(top_px - FRAME_REACH * step)), int(top_px) - 2
    if y2 <= y1 or right - left < 20:
        return None
    # an edge is looked for over two rows: a face's edge can be anti-aliased over two
    band = rgb[y1 - 1 : y2 + 1, left:right].astype(np.int16)
    change = np.abs(band[2:] - band[:-2]).sum(axis=-1) > EDGE
    rows = np.flatnonzero(change.mean(axis=1) >= FRAME_SHARE)
    if not len(rows):
        return None
    frame = y1 + int(rows[0])
    # a frame's side runs down from it by the y axis (an edge over a title is another
    # panel's x axis, with the title between)
    side = rgb[frame + 1 : int(top_px), max(0, axis_x - 12) : axis_x + 12].astype(np.int16)
    if side.shape[0] < 2 or side.shape[1] < 2:
        return None
    edges = np.abs(side[:, 2:] - side[:, :-2]).sum(axis=-1) > EDGE
    return frame if bool((edges.mean(axis=0) >= 0.9).any()) else None


RULE_SHARE = 0.6  # of the width right of the axis: a horizontal run this long is a rule
RULE_MARGIN = 4  # px kept right of the rules' end (a marker centred on the last tick)
RULES_WIDTH = 1200  # px: a wider strip is narrowed to this to find where its rules end


def _rules_end(rgb: np.ndarray, left: int, right: int, top: float, bottom: float) -> int:
    """Where the plot's horizontal rules (gridlines, the x axis, a frame or a shaded face)
    end on the right, among the y ticks' rows: a legend or text beside the plot lies
    beyond. ``right`` where no rule is drawn."""
    y1, y2 = max(0, int(top) - 2), min(rgb.shape[0], int(bottom) + 3)
    strip = rgb[y1:y2, left:right]
    if strip.size == 0 or strip.shape[1] < 20:
        return right
    page = background(rgb[y1:y2, right - max(1, strip.shape[1] // 50) : right])
    # rules run across: a wide strip is narrowed (never shortened, which would fade them)
    narrow = min(1.0, RULES_WIDTH / strip.shape[1])
    if narrow < 1:
        strip = cv2.resize(strip, (RULES_WIDTH, strip.shape[0]), interpolation=cv2.INTER_AREA)
    # a shaded face is cut into cells by gridlines of the page's colour: bridge them
    drawn = cv2.morphologyEx((distance(strip, page) > 25).astype(np.uint8), cv2.MORPH_CLOSE,
                             np.ones((1, 7), np.uint8))
    length = max(10, int(RULE_SHARE * strip.shape[1]))
    rules = cv2.morphologyEx(drawn, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    columns = np.flatnonzero(rules.any(axis=0))
    if not len(columns):
        return right
    end = (columns[-1] + 1) / narrow - 1  # the last column of the rules, in image pixels
    if end >= right - left - RULE_MARGIN:
        return right
    return left + int(end) + RULE_MARGIN


def title_above(panel: Panel, found: list[Phrase], legend: list[Word]) -> str:
    """The nearest words above the plot area, within a few text lines, legend left out."""
    area, height = panel.area, panel.tick_height
    legend_rows = [w.box for w in legend]
    above = [
        p for p in found
        if p.value is None
        and p.confidence >= 50
        and not any(abs(row.cy - p.box.cy) < 0.5 * row.height for row in legend_rows)
        and panel.tick_left <= p.box.cx <= area.x2
        and area.y1 - 4 * height <= p.box.y2 < panel.top_tick
        and p.box.cy < panel.top_tick - 0.4 * height
    ]
    if not above:
        return ""
    lowest = max(p.box.y2 for p in above)
    line = sorted((p for p in above if p.box.y2 >= lowest - 0.5 * height), key=lambda p: p.box.x1)
    return " ".join(p.text for p in line)


def x_title(panel: Panel, found: list[Phrase]) -> str:
    if panel.x is None:
        return ""
    ticks_bottom = max(p.box.y2 for p in panel.x.ticks)
    height = float(np.median([p.height for p in panel.x.ticks]))
    under = [
        p for p in found
        if p.value is None and ticks_bottom <= p.box.y1 <= ticks_bottom + 3 * height
        and panel.area.x1 <= p.box.cx <= panel.area.x2
    ]
    return " ".join(p.text for p in sorted(under, key=lambda p: p.box.x1))


def facets(panel: Panel, rgb: np.ndarray) -> list[Panel]:
    """Small multiples sharing one y axis (ggplot's facets): shaded grounds of one colour,
    alike in width, side by side across the panel and apart by the page's colour, each a
    panel of its own on the shared axis; ``[panel]`` where the area holds one ground or
    none. A ground spans the ticks' height, gridlines across it at the ticks; bars, which
    also stand apart (stacked to the top, in one colour), are drawn over the gridlines."""
    area = panel.area
    top, bottom = int(panel.top_tick), int(max(panel.y.span_px))
    if bottom - top < 10 or area.width < 40:
        return [panel]
    band = rgb[top : bottom + 1, area.x1 : area.x2]
    # (exact colours: a pale grey ground and a white page share a quantised mode)
    ground = np.median(band.reshape(-1, 3), axis=0)
    page = np.median(np.concatenate([rgb[:2].reshape(-1, 3), rgb[-2:].reshape(-1, 3)]), axis=0)
    if float(distance(ground[None, None], page)[0, 0]) < GROUND_CONTRAST:
        return [panel]  # an unshaded plot: no ground to tell panels by
    on_ground = (distance(band, ground) < GROUND_NEAR).mean(axis=0) >= GROUND_SHARE
    runs = _runs(on_ground, max(3, int(0.5 * panel.tick_height)))
    wide = [(a, b) for a, b in runs if b - a >= FACET_TICKS * panel.tick_height]
    if len(wide) < 2 or len(wide) != len(runs):
        return [panel]
    widths = [b - a for a, b in wide]
    if max(widths) > FACET_ALIKE * min(widths) or not all(
            _ruled(band, ground, a, b, [int(r) - top for r in panel.y.pixels])
            and _ground_at_top(band, ground, a, b, panel.tick_height) for a, b in wide):
        return [panel]
    parts = []
    for a, b in wide:
        x1, x2 = area.x1 + a, area.x1 + b
        rows = (distance(rgb[:, x1:x2], ground) < GROUND_NEAR).mean(axis=1) >= GROUND_SHARE
        y1, y2 = _run_around(rows, (top + bottom) // 2)
        parts.append(Panel(y=panel.y, area=Box(x1=x1, y1=y1, x2=x2, y2=y2), tick_left=x1,
                           tick_height=panel.tick_height, top_tick=panel.top_tick,
                           floor=max(panel.floor, y2)))
    # the first keeps the axis' tick labels in its text column
    parts[0].tick_left = panel.tick_left
    return parts


GROUND_CONTRAST = 12.0  # colour distance: a ground this near the page's colour is no ground
GROUND_NEAR = 18.0  # colour distance: a pixel this near the ground's colour shows the ground
GROUND_SHARE = 0.6  # of a column's (a row's) pixels on the ground: the column is a ground's
FACET_TICKS = 4.0  # tick label heights: the narrowest facet
FACET_ALIKE = 1.4  # the widest facet over the narrowest: facets are drawn alike


def _ruled(band: np.ndarray, ground: np.ndarray, start: int, end: int, rows: list[int]
           ) -> bool:
    """Gridlines cross the ground at most of the ticks' rows (within a few pixels): a
    facet's face; bars (stacked to the top) are drawn over the gridlines, and hide them."""
    crossed = 0
    for row in rows:
        near_rows = band[max(0, row - RULE_REACH) : row + RULE_REACH + 1, start:end]
        if near_rows.size and ((distance(near_rows, ground) >= GROUND_NEAR).mean(axis=1)
                               >= GROUND_SHARE).any():
            crossed += 1
    return crossed >= max(2, len(rows) // 2)


RULE_REACH = 3  # px: a gridline this far from its tick label's centre


def _ground_at_top(band: np.ndarray, ground: np.ndarray, start: int, end: int,
                   tick_height: float) -> bool:
    """The ground shows just under the top tick across the facet: a facet's ground fills
    its ticks' whole span, while tall bars of one colour (the band's commonest colour
    when they stand wide) stop under the top tick, the page showing over them."""
    strip = band[RULE_REACH + 1 : RULE_REACH + 1 + max(2, int(tick_height / 2)), start:end]
    shown = float((distance(strip, ground) < GROUND_NEAR).mean()) if strip.size else 0.0
    return shown >= GROUND_SHARE


def _runs(flags: np.ndarray, least_gap: int) -> list[tuple[int, int]]:
    """Runs of set flags (start, end exclusive), runs apart by fewer than ``least_gap``
    unset ones joined (a vertical gridline in the page's colour splits no ground)."""
    runs: list[tuple[int, int]] = []
    for index in np.flatnonzero(flags):
        if runs and index - runs[-1][1] < least_gap:
            runs[-1] = (runs[-1][0], int(index) + 1)
        else:
            runs.append((int(index), int(index) + 1))
    return runs


def _run_around(flags: np.ndarray, middle: int) -> tuple[int, int]:
    """The rows of the run of set flags through ``middle`` (gaps of a gridline's width
    bridged): a ground's top and bottom rows."""
    runs = _runs(flags, GRIDLINE_GAP)
    a, b = next(((a, b) for a, b in runs if a <= middle < b), (middle, middle + 1))
    return a, b - 1


GRIDLINE_GAP = 4  # px: a gap this narrow in a ground is a gridline of the page's colour
